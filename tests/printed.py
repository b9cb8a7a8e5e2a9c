"""PDFs for the printed-page tests, typeset here from the project's own clean articles (the
simulator's reportlab layouts), plus the bad PDFs an editor may upload: a scan, an encrypted
file, a truncated one."""

from __future__ import annotations

import io
from functools import cache


@cache
def issue_pdf(seed: int = 2, articles: int = 8):
    """A typeset issue (tests.simulator.typeset_pdf.TypesetIssue): seed 2 gives four pages with
    columns, photos with captions, running heads and a continued article."""
    from tests.simulator.texts import clean_articles
    from tests.simulator.typeset_pdf import typeset_issue

    pool = clean_articles(shared=False)
    return typeset_issue(pool[seed * 7:seed * 7 + articles], seed=seed, source=f"issue-{seed}.pdf")


def scanned_pdf() -> bytes:
    """A page that is a picture only, as a scanner makes it: no text layer."""
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    picture = Image.new("RGB", (400, 560), (235, 230, 220))
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.drawImage(ImageReader(picture), 20, 20, width=A4[0] - 40, height=A4[1] - 40)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def encrypted_pdf() -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, encrypt="secret-pw")
    canvas.drawString(72, 720, "locked")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def broken_pdf() -> bytes:
    data = issue_pdf().pdf
    return data[: len(data) // 3]
