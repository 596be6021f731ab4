"""Ink found under a grid's field name goes with the row it stands in: on a 送达回证 listing several
documents, each row's signature fills that row's slot, not the first row's."""

from __future__ import annotations

from casefile_eval.model import Page, ParsedFile
from casefile_eval.ocr.merge import PageResult, merge_pages
from casefile_eval.ocr.page import OcrBox, OcrLine, OcrMark, OcrPage

HEADER = [("送达文书名称及文号", 68, 157), ("送达时间", 210, 248), ("受送达人签收", 352, 410)]


def _line(top: float, *parts: tuple[str, float, float]) -> OcrLine:
    return OcrLine(parts=[OcrBox(text, (x0, top, x1, top + 12), 0.99) for text, x0, x1 in parts])


def _merged(marks: list[OcrMark]) -> list[tuple[float, str, str]]:
    """Each mark's top, the block it was placed with, and the document named in that block's record."""
    lines = [
        _line(186, *HEADER),
        _line(220, ("行政处罚告知书", 68, 137), ("2024.5.27", 210, 255)),
        _line(236, ("临市监罚告〔2024〕27号", 68, 169)),
        _line(268, ("行政处罚决定书", 68, 137), ("2024.6.14", 210, 255)),
        _line(284, ("临市监处罚〔2024〕27号", 68, 169)),
    ]
    page = OcrPage(width=600, height=800, rotation=0, skew=0.0, lines=lines, marks=marks)
    parsed = ParsedFile(
        source="r.pdf", format="pdf", sha256="", pages=[Page(source="r.pdf", number=1, needs_ocr=True)]
    )
    merged = merge_pages(parsed, {1: PageResult(page, 1.0)})
    texts = [b.text for b in merged.blocks]
    out = []
    for im in merged.images:
        assert im.bbox is not None
        assert im.block_index is not None
        record = next(t for t in reversed(texts[: im.block_index]) if t.endswith("书"))
        out.append((im.bbox.top, texts[im.block_index], record))
    return out


def test_ink_in_each_row_goes_with_that_rows_field_name() -> None:
    first = OcrMark("signature", (370, 221, 392, 233), 0.85, 0)
    second = OcrMark("signature", (370, 266, 392, 279), 0.85, 0)
    assert _merged([first, second]) == [
        (221, "受送达人签收", "行政处罚告知书"),
        (266, "受送达人签收", "行政处罚决定书"),
    ]


def test_ink_between_two_rows_stays_with_its_field_name() -> None:
    between = OcrMark("signature", (370, 250, 392, 266), 0.85, 0)  # touches the second row by 2 of 16
    assert _merged([between]) == [(250, "受送达人签收", "行政处罚告知书")]
