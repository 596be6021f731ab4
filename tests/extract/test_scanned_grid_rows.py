"""Scanned forms whose grid OCR read as plain lines: a 送达回证 laid out as one header row of field names
over one value row (the 签收日期 column holds the date; the value row names the document served in a
《title） whose closing mark was misread); a receipt whose "受送达人签名或盖章" stands alone at the top of a
tall row, the recipient's 收发专用章 and the name signed lower in the value cell; an approval row whose
first cell names the signer ("机关负责人 | 同意立案。 | 签名：[ink] | 2025.3.3")."""

from __future__ import annotations

import datetime as dt

from casefile_eval.codes import DateKind, DocumentType, Role
from casefile_eval.extract.dating import date_facts
from casefile_eval.extract.served import find_served
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from casefile_eval.model import BBox, Block, BlockKind, Document

EM = 10.0  # points per character of the lines below


def _line(text: str, x0: float, top: float, height: float = 12.0) -> Block:
    """An OCR line: one character every EM points from x0 (a space takes a character's place)."""
    xs = tuple(x0 + EM * (k + 0.5) for k in range(len(text)))
    return Block(
        kind=BlockKind.LINE,
        text=text,
        source="scan.pdf",
        page=1,
        bbox=BBox(x0=x0, top=top, x1=x0 + EM * len(text), bottom=top + height),
        confidence=0.95,
        char_xs=xs,
    )


def _doc(doc_type: DocumentType, blocks: list[Block]) -> Document:
    return Document(
        type=doc_type, title=blocks[0].text, source="scan.pdf", pages=(1, 1), confidence=0.9, blocks=blocks
    )


def _dates(doc: Document) -> list[tuple[DateKind, dt.date | None, Role | None]]:
    return [(f.kind, f.value, f.role) for f in date_facts(DocText.of(doc))]


def _row(cells: list[tuple[int, str]]) -> str:
    """A line with each cell's text starting at its character column."""
    line = ""
    for column, text in cells:
        line = line.ljust(column) + text
    return line


# each field name over its column; the value row read by OCR with its first cells run together
HEADER = _row(
    [
        (0, "送达文书"),
        (8, "受送达人"),
        (16, "送达地点"),
        (24, "送达方式"),
        (32, "受送达人签收"),
        (40, "签收日期"),
        (48, "送达人"),
        (56, "备注"),
    ]
)
VALUES = _row(
    [
        (0, "《行政处罚决定书）（南溪罚"),
        (14, "南溪市河岸砂石有限"),
        (24, "东坡区滨江路"),
        (31, "直接送达"),
        (35, "罗建"),
        (39, "2023.6.30"),
        (52, "文居"),
    ]
)


def _wide_receipt() -> Document:
    return _doc(
        DocumentType.SERVICE_RECEIPT,
        [
            _line("南溪市水利局送达回证", 200, 60),
            _line(HEADER, 40, 100),
            _line(VALUES, 40, 120),
            _line("（2023〕12号） 公司 段102号", 40, 138),
        ],
    )


def test_a_date_in_the_value_row_is_the_field_it_stands_under() -> None:
    assert _dates(_wide_receipt()) == [(DateKind.SERVED, dt.date(2023, 6, 30), Role.RECIPIENT)]


def test_a_title_with_a_misread_closing_mark_names_what_is_served() -> None:
    assert find_served(DocText.of(_wide_receipt())) == (
        "行政处罚决定书",
        DocumentType.DECISION,
        (DocumentType.DECISION,),
    )


def _tall_row_receipt(under_label: list[Block]) -> Document:
    return _doc(
        DocumentType.SERVICE_RECEIPT,
        [
            _line("送达回证", 250, 60),
            _line("送达文书名称及文号 《行政处罚决定书》（南溪罚〔2023〕9号）", 40, 100),
            _line("受送达人 南溪市云岭茶叶专业合作社", 40, 120),
            _line("受送达人签名或盖章", 40, 140),
            *under_label,
            _line("签收时间 2023-6-8 10:20", 40, 210),
            _line("送达人 叶晨阳 蓝美玲", 40, 230),
        ],
    )


def _recipient(doc: Document) -> tuple[bool | None, str | None]:
    (slot,) = [s for s in find_signatures(DocText.of(doc)) if s.role is Role.RECIPIENT]
    return slot.filled, slot.signer


def test_a_seal_and_a_name_low_in_the_value_cell_sign_for_the_recipient() -> None:
    # the seal's words 28 points (2.3 line heights) under the label, right of it; the name lower still
    signed = _tall_row_receipt([_line("收发专用章", 300, 180), _line("雷建平", 240, 192)])
    assert _recipient(signed) == (True, "收发专用章")


def test_the_agencys_foot_right_below_a_blank_label_is_no_signature() -> None:
    unsigned = _tall_row_receipt([_line("南溪市农业农村局（印章）", 300, 180)])
    assert _recipient(unsigned) == (False, None)


def test_a_rows_first_cell_names_whose_date_it_is() -> None:
    doc = _doc(
        DocumentType.FILING_APPROVAL,
        [
            _line("立案报告表", 250, 60),
            _line("批示栏", 40, 100),
            _line("机关负责人 同意立案。 签名：生2025.3.3", 40, 120),
            _line("承办人 建议立案调查。 签名：吴天宇2025.3.2", 40, 140),
        ],
    )
    assert _dates(doc) == [
        (DateKind.FILED, dt.date(2025, 3, 3), Role.APPROVER),
        (DateKind.SIGNED, dt.date(2025, 3, 2), Role.OFFICER),
    ]


def test_the_date_after_a_name_signed_under_the_label_is_the_signers() -> None:
    doc = _doc(
        DocumentType.SERVICE_RECEIPT,
        [
            _line("送达回证", 250, 60),
            _line("送达方式 直接送达", 40, 100),
            _line("收件人签名（盖章）", 40, 120),
            _line("赵立军 2024年10月16日", 60, 140),
            _line("送达人签名", 40, 160),
        ],
    )
    assert _dates(doc) == [(DateKind.SERVED, dt.date(2024, 10, 16), Role.RECIPIENT)]
