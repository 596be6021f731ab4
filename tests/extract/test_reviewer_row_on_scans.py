"""A reviewer's rows as OCR reads them off a scanned 法制审核意见书: a name written between 审核人 and its
caption is read inside the label ("审核人UMsh（签字)"); an opinion row that asks for a signature in its own
caption ("法制审核意见 （签字）") is unsigned when only the opinion and a date stand under it."""

from __future__ import annotations

from casefile_eval.codes import DocumentType, Role
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from casefile_eval.model import BBox, Block, BlockKind, Document

HEAD = [
    ("法制审核意见书", (240.0, 68.0, 360.0, 85.0)),
    ("送审案件：某某区丰收农资有限公司经营劣质农药案", (68.0, 92.0, 469.0, 105.0)),
    ("经审核，本案事实清楚，证据确凿，程序合法，同意承办机构的处理意见。", (89.0, 147.0, 532.0, 160.0)),
]


def _slots(lines: list[tuple[str, tuple[float, float, float, float]]]) -> list[tuple[str, Role, bool | None]]:
    blocks = [
        Block(
            kind=BlockKind.LINE,
            text=text,
            source="scan.pdf",
            page=7,
            confidence=0.99,
            bbox=BBox(x0=box[0], top=box[1], x1=box[2], bottom=box[3]),
        )
        for text, box in [*HEAD, *lines]
    ]
    doc = Document(
        type=DocumentType.LEGAL_REVIEW,
        title="法制审核意见书",
        source="scan.pdf",
        pages=(7, 7),
        confidence=1.0,
        blocks=blocks,
    )
    return [(s.label, s.role, s.filled) for s in find_signatures(DocText.of(doc))]


def test_a_name_read_inside_the_reviewers_label_signs_it() -> None:
    assert _slots(
        [
            ("法制审核意见：审核通过。", (69.0, 205.0, 300.0, 225.0)),
            ("审核人UMsh（签字) 日期：2026-4-23", (69.0, 230.0, 420.0, 249.0)),
        ]
    ) == [("审核人(签字)", Role.REVIEWER, True)]  # (the opinion row is signed on the line under it)


def test_an_opinion_row_captioned_for_a_signature_with_only_the_opinion_under_it_is_unsigned() -> None:
    assert _slots(
        [
            ("法制审核意见 （签字）", (71.0, 205.0, 451.0, 226.0)),
            ("审核通过。 2024/3/28", (93.0, 229.0, 461.0, 249.0)),
        ]
    ) == [("法制审核意见", Role.REVIEWER, False)]


def test_the_next_rows_name_in_the_column_left_of_the_slot_is_no_value() -> None:
    """holdout46 h46-04's scan: the reviewer's slot stands in the value cell of the row 审核人员 and is left
    blank; the next row's name and its opinion are read as one line starting in the row names' column,
    left of the slot, and sign nothing. A name written under the slot, in its column, signs it."""
    slot = ("审核人员 审核人员（具有法律职业资格）：", (94.0, 322.0, 316.0, 335.0))
    next_row = ("审核机构负责人同意。", (79.0, 380.0, 196.0, 394.0))
    assert _slots([slot, next_row]) == [("审核人员(具有法律职业资格)", Role.REVIEWER, False)]
    signed = ("丁美玲", (180.0, 345.0, 230.0, 360.0))
    assert _slots([slot, signed, next_row]) == [("审核人员(具有法律职业资格)", Role.REVIEWER, True)]
