"""Chinese text intelligence: segmentation, keywords, people, name checks. Pure Python, no Django."""
