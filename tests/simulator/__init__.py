"""The layout simulator: clean articles in, printed-and-extracted issues out, with what a perfect
import of each yields. Used by the importer's tests, its benchmark and its training command."""
