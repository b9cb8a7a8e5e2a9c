"""The PDF text extractors editors actually use, run untouched on a PDF.

Each returns the tool's own text (pages ended by form feeds, as pdftotext ends them) or None with
the reason when the tool is not installed here, so tests can skip and benches can say so. Nothing
is cleaned: the point is to hand the importer exactly what an editor's extractor hands it.
"""

from __future__ import annotations

import io
import logging
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Extraction:
    tool: str
    text: str | None
    reason: str = ""  # why text is None


def _pdf_bytes(pdf: bytes | Path | str) -> bytes:
    return pdf if isinstance(pdf, bytes) else Path(pdf).read_bytes()


def _pdftotext(pdf, *flags: str) -> tuple[str | None, str]:
    exe = shutil.which("pdftotext")
    if exe is None:
        return None, "pdftotext is not installed (Debian package poppler-utils)"
    done = subprocess.run([exe, *flags, "-enc", "UTF-8", "-", "-"], input=_pdf_bytes(pdf),
                          capture_output=True, timeout=120, check=False)
    if done.returncode != 0:
        return None, f"pdftotext failed ({done.returncode}): {done.stderr.decode('utf-8', 'replace')[-200:]}"
    return done.stdout.decode("utf-8"), ""


def pdftotext(pdf) -> Extraction:
    """poppler's pdftotext in its default (reading order) mode."""
    return Extraction("pdftotext", *_pdftotext(pdf))


def pdftotext_layout(pdf) -> Extraction:
    """pdftotext -layout: the physical layout kept, neighbouring columns side by side on one line."""
    return Extraction("pdftotext-layout", *_pdftotext(pdf, "-layout"))


def pdfminer(pdf) -> Extraction:
    """pdfminer.six's extract_text with its default LAParams."""
    try:
        from pdfminer.high_level import extract_text
    except ImportError:
        return Extraction("pdfminer", None, "pdfminer.six is not installed")
    # pdfminer logs a warning for each glyph of a font without a FontBBox; they say nothing here.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    return Extraction("pdfminer", extract_text(io.BytesIO(_pdf_bytes(pdf))))


def pypdfium2(pdf) -> Extraction:
    """pypdfium2's get_text_range() for each page (text in drawing order), pages ended by \\f."""
    try:
        import pypdfium2 as pdfium
    except ImportError:
        return Extraction("pypdfium2", None, "pypdfium2 is not installed")
    document = pdfium.PdfDocument(_pdf_bytes(pdf))
    try:
        pages = []
        for page in document:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        document.close()
    return Extraction("pypdfium2", "".join(p + "\f" for p in pages))


def pdfplumber(pdf) -> Extraction:
    """pdfplumber's extract_text() for each page (lines across the whole page width), ended by \\f."""
    try:
        import pdfplumber as plumber
    except ImportError:
        return Extraction("pdfplumber", None, "pdfplumber is not installed")
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    with plumber.open(io.BytesIO(_pdf_bytes(pdf))) as document:
        return Extraction("pdfplumber", "".join((page.extract_text() or "") + "\f" for page in document.pages))


EXTRACTORS: dict[str, Callable[[bytes | Path | str], Extraction]] = {
    "pdftotext": pdftotext,
    "pdftotext-layout": pdftotext_layout,
    "pdfminer": pdfminer,
    "pypdfium2": pypdfium2,
    "pdfplumber": pdfplumber,
}


def extract_all(pdf, tools: list[str] | None = None) -> dict[str, Extraction]:
    data = _pdf_bytes(pdf)
    return {name: EXTRACTORS[name](data) for name in (tools or EXTRACTORS)}
