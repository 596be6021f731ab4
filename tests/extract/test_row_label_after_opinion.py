"""Approval grids (审批环节 | 意见 | 签名 | 日期) whose row label is printed centred in a taller cell left of
the opinion, so that the text layer gives it after the opinion and its date; and a scanned row whose label
OCR ran into the opinion ("机关负责人意见同意结案。")."""

from __future__ import annotations

import datetime as dt

from casefile_eval.codes import DateKind, DocumentType, Role
from casefile_eval.extract.dating import date_facts
from casefile_eval.extract.text import DocText
from casefile_eval.model import BBox, Block, BlockKind, Document

DAY = dt.date(2019, 6, 17)


def _line(text: str, x0: float, top: float, x1: float, bottom: float) -> Block:
    return Block(
        kind=BlockKind.LINE,
        text=text,
        source="case.pdf",
        page=14,
        bbox=BBox(x0=x0, top=top, x1=x1, bottom=bottom),
    )


def _closing(rows: list[Block]) -> Document:
    blocks = [
        _line("结案审批表", 256, 103, 337, 119),
        _line("处理结果 罚款人民币捌仟元整已缴清。", 87, 196, 437, 204),
        _line("审批环节 意见 签名 日期", 86, 216, 495, 229),
        *rows,
    ]
    return Document(
        type=DocumentType.CLOSING_REPORT,
        title="结案审批表",
        source="case.pdf",
        pages=(14, 14),
        confidence=0.9,
        blocks=blocks,
    )


def _dates(doc: Document) -> list[tuple[DateKind, dt.date | None, Role | None]]:
    return [(f.kind, f.value, f.role) for f in date_facts(DocText.of(doc))]


def test_row_labels_after_their_opinions_name_the_dates() -> None:
    doc = _closing(
        [
            _line("处罚决定已履行完毕，建议结案。 2019年6月17日", 145, 242, 503, 254),
            _line("承办人意见", 84, 252, 126, 260),
            _line("同意结案。 2019年6月17日", 146, 284, 504, 295),
            _line("机关负责人意见", 75, 293, 135, 301),
        ]
    )
    assert _dates(doc) == [
        (DateKind.SIGNED, DAY, Role.OFFICER),
        (DateKind.CLOSED, DAY, Role.APPROVER),
    ]


def test_a_label_lower_down_is_the_next_rows() -> None:
    # the label starts below the date's line: it is not beside it
    doc = _closing(
        [
            _line("同意结案。 2019年6月17日", 146, 284, 504, 295),
            _line("机关负责人意见", 75, 300, 135, 308),
        ]
    )
    assert _dates(doc) == [(DateKind.OTHER, DAY, None)]


def test_a_label_read_into_its_opinion() -> None:
    doc = _closing(
        [
            _line("承办人意见 处罚决定已履行完毕，建议结案。 2019年6月17日", 84, 239, 507, 264),
            _line("机关负责人意见同意结案。 2019年6月17日", 75, 280, 508, 304),
        ]
    )
    assert _dates(doc) == [
        (DateKind.SIGNED, DAY, Role.OFFICER),
        (DateKind.CLOSED, DAY, Role.APPROVER),
    ]
