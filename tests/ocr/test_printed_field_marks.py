"""Ink OCR found in a grid's column of signatures that is only a field name printed lower in that column
("备注" in a 送达回证's last row) is print, not a signature: it is left out when the page is merged; a
signature label's own box (which may hold the ink beside the label) and handwriting read as a name are
kept."""

from __future__ import annotations

import pytest

from casefile_eval.model import Page, ParsedFile
from casefile_eval.ocr.marks import on_printed_field
from casefile_eval.ocr.merge import PageResult, merge_pages
from casefile_eval.ocr.page import OcrBox, OcrLine, OcrMark, OcrPage

LINES = [
    OcrLine([OcrBox("受送达人签名或盖章", (300.0, 617.0, 498.0, 648.0), 0.99)]),
    OcrLine([OcrBox("冉莉", (360.0, 690.0, 448.0, 737.0), 0.93)]),
    OcrLine([OcrBox("备注", (244.0, 883.0, 296.0, 918.0), 0.99)]),
    # a field's box that swallowed the recipient's ink written just before it (its characters from x 404)
    OcrLine(
        [
            OcrBox(
                "与当事人关系：本人",
                (262.0, 269.0, 611.0, 323.0),
                0.99,
                (413.7, 433.9, 460.9, 481.2, 501.4, 528.4, 541.8, 568.8, 595.8),
            )
        ]
    ),
]


@pytest.mark.parametrize(
    ("box", "printed"),
    [
        ((248.0, 888.0, 292.0, 912.0), True),  # the strokes of 备注
        ((362.0, 704.0, 444.0, 731.0), False),  # the recipient's name read as text
        ((440.0, 620.0, 496.0, 646.0), False),  # ink inside the label's own box
        ((230.0, 870.0, 330.0, 930.0), False),  # ink reaching well beyond 备注
        ((271.0, 272.0, 375.0, 312.0), False),  # ink before the field's first character, in its box
        ((420.0, 275.0, 600.0, 318.0), True),  # the field's own characters
    ],
)
def test_ink_within_a_printed_field_name_is_print(box: tuple[float, ...], printed: bool) -> None:
    mark = OcrMark("signature", (box[0], box[1], box[2], box[3]), 0.95, 0)
    assert on_printed_field(mark, LINES, 30.0) is printed


def test_the_print_is_left_out_when_the_page_is_merged() -> None:
    marks = [
        OcrMark("signature", (248.0, 888.0, 292.0, 912.0), 0.95, 0),
        OcrMark("signature", (362.0, 704.0, 444.0, 731.0), 0.95, 0),
    ]
    page = OcrPage(width=1240, height=1754, rotation=0, skew=0.0, lines=LINES, marks=marks)
    parsed = ParsedFile(
        source="r.pdf", format="pdf", sha256="", pages=[Page(source="r.pdf", number=1, needs_ocr=True)]
    )
    merged = merge_pages(parsed, {1: PageResult(page, 0.5)})
    assert [im.bbox.top if im.bbox else None for im in merged.images] == [352.0]
