"""Ink on a scanned line of several signature labels goes to the label OCR found it after.

"执法人员签名：<甲><乙>   记录人：<丙>": the engine's box of the first label swallows the handwriting beside
it, so the line's box says nothing about where 记录人 stands; the characters OCR read do. Both officers'
ink belongs to 执法人员签名 and the width of the ink in each slot is kept (`SignatureSlot.ink_width`),
the measure by which a page of the record holding one signature fewer is found."""

from __future__ import annotations

from casefile_eval.codes import DocumentType
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from casefile_eval.model import Document, Page, ParsedFile
from casefile_eval.ocr.merge import PageResult, merge_pages
from casefile_eval.ocr.page import OcrBox, OcrLine, OcrMark, OcrPage


def _label(text: str, box: tuple[float, float, float, float]) -> OcrBox:
    """A label box whose characters stand 20 px apart from its left edge (the box may reach further)."""
    chars = tuple(box[0] + 10 + 20 * k for k in range(len(text)))
    return OcrBox(text, box, 0.98, chars=chars, scores=(0.99,) * len(text))


def _page(inks: list[tuple[float, float]]) -> OcrPage:
    """Line 0 "被询问人签名：" alone; line 1 "执法人员签名：" (its box swallowing the ink, up to x=520 and
    60 px tall) and "记录人：" at x=600; one signature mark on line 1 for each (x0, x1)."""
    lines = [
        OcrLine([OcrBox("被询问人签名：", (150, 700, 300, 726), 0.99)]),
        OcrLine([_label("执法人员签名：", (150, 750, 520, 810)), _label("记录人：", (600, 762, 690, 788))]),
    ]
    marks = [OcrMark("signature", (x0, 755, x1, 805), 0.95, 1) for x0, x1 in inks]
    return OcrPage(width=1240, height=1754, rotation=0, skew=0.0, lines=lines, marks=marks)


def _slots(inks: list[tuple[float, float]]) -> dict[str, tuple[bool | None, float | None]]:
    parsed = ParsedFile(
        source="s.pdf", format="pdf", sha256="", pages=[Page(source="s.pdf", number=1, needs_ocr=True)]
    )
    merged = merge_pages(parsed, {1: PageResult(_page(inks), 0.5)})
    doc = Document(
        type=DocumentType.INQUIRY_RECORD,
        title="询问笔录",
        source="s.pdf",
        pages=(1, 1),
        confidence=1.0,
        blocks=merged.blocks,
        images=merged.images,
    )
    return {s.label: (s.filled, s.ink_width) for s in find_signatures(DocText.of(doc))}


def test_both_officers_ink_goes_to_the_officers_label_and_its_width_is_kept() -> None:
    # 甲 at 300-400 px and 乙 at 420-540 px stand before 记录人 (x=600); 丙 after it
    slots = _slots([(300, 400), (420, 540), (700, 800)])
    assert slots == {
        "被询问人签名": (False, None),
        "执法人员签名": (True, 110.0),  # (100 + 120) px at 0.5 points a pixel
        "记录人": (True, 50.0),
    }


def test_one_officer_signing_leaves_half_the_width() -> None:
    slots = _slots([(300, 400), (700, 800)])
    assert slots["执法人员签名"] == (True, 50.0)
    assert slots["记录人"] == (True, 50.0)


def test_the_ink_keeps_how_many_characters_of_its_line_stand_left_of_it() -> None:
    parsed = ParsedFile(
        source="s.pdf", format="pdf", sha256="", pages=[Page(source="s.pdf", number=1, needs_ocr=True)]
    )
    merged = merge_pages(parsed, {1: PageResult(_page([(300, 400), (700, 800)]), 0.5)})
    assert [b.text for b in merged.blocks] == ["被询问人签名：", "执法人员签名： 记录人："]
    # the first after the 7 characters of 执法人员签名：, the second after the space and 记录人：
    assert [im.ink_offset for im in merged.images] == [7, 12]
