"""A mark of ink OCR put on a filled line stands over the next line of labels: it goes to the label of
that line whose stretch it stands in, not to any blank slot of the line (holdout47 h47-05's scan: the
top stroke of 李刚, signed after 记录人签字：, was read as a mark of the 被询问人 line above; the blank of
询问人签字 at the line's left is still blank)."""

from __future__ import annotations

from casefile_eval.codes import DocumentType
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from casefile_eval.model import BBox, Block, BlockKind, Document, ImageItem, ImageKind


def _line(text: str, box: tuple[float, float, float, float], xs: tuple[float, ...]) -> Block:
    x0, top, x1, bottom = box
    return Block(
        kind=BlockKind.LINE,
        text=text,
        source="scan.pdf",
        page=3,
        bbox=BBox(x0=x0, top=top, x1=x1, bottom=bottom),
        confidence=0.95,
        char_xs=xs,
    )


def _mark(block: int, box: tuple[float, float, float, float], offset: int) -> ImageItem:
    x0, top, x1, bottom = box
    return ImageItem(
        kind=ImageKind.SIGNATURE,
        source="scan.pdf",
        page=3,
        bbox=BBox(x0=x0, top=top, x1=x1, bottom=bottom),
        block_index=block,
        name="ocr:signature",
        confidence=0.8,
        ink_offset=offset,
    )


LINES = [
    _line(
        "以上笔录我已看过，记录属实。",
        (66, 369, 204, 382),
        (71, 79, 90, 100, 110, 119, 129, 139, 148, 160, 170, 179, 189, 199),
    ),
    _line(
        "被询问人签字：刘德胜 2018.8.8",
        (55, 383, 264, 408),
        (61, 71, 81, 91, 101, 111, 119, 138, 147, 160, 186, 212, 218, 225, 231, 240, 244, 253, 257),
    ),
    _line(
        "询问人签字： 记录人签字：李刚",
        (56, 408, 302, 432),
        (61, 72, 82, 90, 101, 109, 161, 213, 225, 234, 245, 254, 263, 281, 293),
    ),
]


def _slots(marks: list[ImageItem]) -> list[tuple[str, bool | None]]:
    doc = Document(
        type=DocumentType.INQUIRY_RECORD,
        title="询问笔录",
        source="scan.pdf",
        pages=(3, 3),
        confidence=1.0,
        blocks=LINES,
        images=marks,
    )
    return [(s.label, s.filled) for s in find_signatures(DocText.of(doc))]


def test_a_mark_in_the_recorders_stretch_leaves_the_blank_at_the_lines_left_blank() -> None:
    marks = [
        _mark(1, (134, 386, 162, 401), 9),
        _mark(1, (280, 411, 288, 418), 19),
        _mark(2, (277, 411, 300, 424), 14),
    ]
    assert _slots(marks) == [("被询问人签字", True), ("询问人签字", False), ("记录人签字", True)]


def test_a_mark_over_the_blank_fills_it() -> None:
    marks = [
        _mark(1, (134, 386, 162, 401), 9),
        _mark(1, (120, 411, 160, 425), 19),
        _mark(2, (277, 411, 300, 424), 14),
    ]
    assert _slots(marks) == [("被询问人签字", True), ("询问人签字", True), ("记录人签字", True)]
