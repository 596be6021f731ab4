"""Building `Document`s for the extraction tests: from lines, from table rows, from the real files."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw
from reportlab.lib.utils import ImageReader

import casefile_eval
from casefile_eval.codes import DocumentType
from casefile_eval.model import Block, BlockKind, Document, ImageItem


def doc_from_lines(
    lines: list[str],
    doc_type: DocumentType = DocumentType.DECISION,
    *,
    source: str = "doc.txt",
    images: list[ImageItem] | None = None,
    title: str | None = None,
) -> Document:
    """A document whose blocks are the given lines (empty lines dropped), one page."""
    blocks = [Block(kind=BlockKind.PARAGRAPH, text=t, source=source, page=1) for t in lines if t.strip()]
    return Document(
        type=doc_type,
        title=title,
        source=source,
        pages=(1, 1),
        confidence=1.0,
        blocks=blocks,
        images=images or [],
    )


def doc_from_rows(
    rows: list[list[str]],
    doc_type: DocumentType,
    *,
    images: list[ImageItem] | None = None,
    before: list[str] | None = None,
) -> Document:
    """A form: optional paragraphs, then one table whose cells are read row by row."""
    blocks = [Block(kind=BlockKind.PARAGRAPH, text=t, source="form.docx", page=1) for t in before or []]
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            blocks.append(
                Block(kind=BlockKind.CELL, text=cell, source="form.docx", page=1, table=0, row=r, col=c)
            )
    return Document(
        type=doc_type,
        title=None,
        source="form.docx",
        pages=(1, 1),
        confidence=1.0,
        blocks=blocks,
        images=images or [],
    )


def docx_lines(path: Path) -> list[str]:
    """Paragraph texts of a .docx (body paragraphs, then table cells), read with python-docx."""
    import docx

    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    return lines


def pdf_lines(path: Path) -> list[tuple[int, str]]:
    """(page, line) pairs of a text PDF, read with pdfplumber."""
    import pdfplumber

    out: list[tuple[int, str]] = []
    with pdfplumber.open(str(path)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            out.extend((number, line) for line in (page.extract_text() or "").splitlines())
    return out


def doc_from_pdf(path: Path, doc_type: DocumentType) -> Document:
    """A document whose blocks are the lines of a text PDF, with their pages."""
    blocks = [
        Block(kind=BlockKind.LINE, text=line, source=path.name, page=page)
        for page, line in pdf_lines(path)
        if line.strip()
    ]
    return Document(
        type=doc_type,
        title=None,
        source=path.name,
        pages=(1, blocks[-1].page or 1),
        confidence=1.0,
        blocks=blocks,
    )


def pen_ink(seed: int) -> ImageReader:
    """A small PNG of dark pen strokes on white (a handwritten name) for a reportlab canvas."""
    img = Image.new("RGB", (240, 90), "white")
    points = [(15 + i * 30, 20 + (i * 37 + seed * 11) % 50) for i in range(8)]
    ImageDraw.Draw(img).line(points, fill=(20, 20, 120), width=4)
    out = io.BytesIO()
    img.save(out, "PNG")
    return ImageReader(io.BytesIO(out.getvalue()))


def only_document(path: Path, doc_type: DocumentType) -> Document:
    """The one document of `doc_type` in the case file at `path`, read as casefile-eval reads it."""
    docs = [d for d in casefile_eval.read_case(path).documents if d.type is doc_type]
    assert len(docs) == 1
    return docs[0]


def holdout47_pdf(case: str) -> Path:
    """The text PDF of a holdout47 case."""
    return Path(__file__).parents[2] / "fixtures/holdout47/cases" / case / f"{case}.pdf"
