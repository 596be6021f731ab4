"""Scanned signing rows whose captions are printed under the rule people sign on: "（被询问人签名或盖章）
（询问人）" with the handwriting OCR read on the line above; a 送达回证 row "送达人 | [ink]" whose caption
"（送达人）" under the rule lost its brackets on the scan; a role named in brackets inside a sentence is no
caption."""

from __future__ import annotations

from casefile_eval.codes import DocumentType, Role
from casefile_eval.extract import extract_document_facts
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from casefile_eval.model import BBox, Block, BlockKind, Document, ImageItem, ImageKind
from casefile_eval.parsers.vertical_labels import join_vertical_labels
from tests.extract.docs import doc_from_rows

EM = 10.0  # points per character


def _line(text: str, x0: float, top: float) -> Block:
    """An OCR line: one character every EM points from x0 (a space takes a character's place)."""
    xs = tuple(x0 + EM * (k + 0.5) for k in range(len(text)))
    box = BBox(x0=x0, top=top, x1=x0 + EM * len(text), bottom=top + 12.0)
    return Block(
        kind=BlockKind.LINE, text=text, source="scan.pdf", page=1, bbox=box, confidence=0.95, char_xs=xs
    )


def _slots(doc_type: DocumentType, blocks: list[Block]) -> list[tuple[Role, str, bool | None, str | None]]:
    doc = Document(type=doc_type, title=None, source="scan.pdf", pages=(1, 1), confidence=0.9, blocks=blocks)
    return [(s.role, s.label, s.filled, s.signer) for s in find_signatures(DocText.of(doc))]


HEAD = [
    _line("询问笔录", 250, 60),
    _line("问：你公司经营范围是什么？", 60, 100),
    _line("答：旅游信息咨询。", 60, 120),
]


def test_each_caption_takes_the_handwriting_read_over_it() -> None:
    blocks = [
        *HEAD,
        # 克拜尔·吾买尔 over the first caption, 马晓军 over the second; the date beside the first
        _line("克拜尔·吾买尔2019年07月12日          马晓军", 60, 200),
        _line("（被询问人签名或盖章）               （询问人）", 60, 222),
        _line("帕提古丽·伊明                        帕提古丽·伊明", 60, 250),
        _line("（询问人）                           （记录人）", 60, 272),
    ]
    assert _slots(DocumentType.INQUIRY_RECORD, blocks) == [
        (Role.PARTY, "被询问人签名或盖章", True, "克拜尔·吾买尔"),
        (Role.OFFICER, "询问人", True, "马晓军"),
        (Role.OFFICER, "询问人", True, "帕提古丽·伊明"),
        (Role.RECORDER, "记录人", True, "帕提古丽·伊明"),
    ]


def test_a_caption_with_nothing_read_over_it_is_blank() -> None:
    blocks = [
        *HEAD,
        _line("                                     马晓军", 60, 200),
        _line("（被询问人签名或盖章）               （询问人）", 60, 222),
    ]
    assert _slots(DocumentType.INQUIRY_RECORD, blocks) == [
        (Role.PARTY, "被询问人签名或盖章", False, None),
        (Role.OFFICER, "询问人", True, "马晓军"),
    ]


def test_a_caption_under_a_signed_rows_value_cell_is_no_slot_of_its_own() -> None:
    blocks = [
        _line("文书送达回证", 250, 60),
        _line("受送达人 吐鲁番市火洲行旅游服务有限公司", 60, 100),
        _line("送达人            马晓军", 60, 140),
        _line("送达人", 60 + 18 * EM, 160),  # "（送达人）" under the rule, brackets lost
        _line("送达人", 60, 190),  # a second row of its own, left blank
    ]
    assert _slots(DocumentType.SERVICE_RECEIPT, blocks) == [
        (Role.SERVER, "送达人", True, "马晓军"),
        (Role.SERVER, "送达人", False, None),
    ]


def test_a_role_in_brackets_inside_a_sentence_is_no_caption() -> None:
    blocks = [
        _line("行政处罚决定书", 250, 60),
        _line("经查，和田市玉润商贸有限公司（当事人）未按期申报。", 60, 100),
        _line("当事人签收：和田市玉润商贸有限公司", 60, 140),
    ]
    party = (Role.PARTY, "当事人签收", True, "和田市玉润商贸有限公司")
    assert _slots(DocumentType.DECISION, blocks) == [party]


def _pdf_line(text: str, x0: float, top: float) -> Block:
    box = BBox(x0=x0, top=top, x1=x0 + EM * len(text), bottom=top + 9.5)
    return Block(kind=BlockKind.LINE, text=text, source="doc.pdf", page=1, bbox=box)


def _ink(x0: float, top: float, block: int) -> ImageItem:
    """A signature image 110 points wide, 28 tall, tied (as the PDF reader does) to its nearest line."""
    box = BBox(x0=x0, top=top, x1=x0 + 110, bottom=top + 28)
    return ImageItem(kind=ImageKind.SIGNATURE, source="doc.pdf", page=1, bbox=box, block_index=block)


def test_on_a_pdf_ink_over_the_second_row_of_captions_is_its_own() -> None:
    """The second row's ink stands nearer the first row's captions above it; it belongs to the captions
    under it, each to the caption under its lead."""
    blocks = [
        _pdf_line("询问笔录", 250, 60),
        _pdf_line("问：你公司经营范围是什么？", 70, 100),
        _pdf_line("（被询问人签名或盖章）               （询问人）", 80, 160),
        _pdf_line("（询问人）                           （记录人）", 80, 208),
    ]
    ink = [_ink(71, 128, 1), _ink(300, 128, 1), _ink(71, 174, 2), _ink(300, 174, 2)]
    doc = Document(
        type=DocumentType.INQUIRY_RECORD,
        title=None,
        source="doc.pdf",
        pages=(1, 1),
        confidence=1.0,
        blocks=blocks,
        images=ink,
    )
    slots = [(s.label, s.filled, s.method) for s in find_signatures(DocText.of(doc))]
    assert slots == [
        ("被询问人签名或盖章", True, "image"),
        ("询问人", True, "image"),
        ("询问人", True, "image"),
        ("记录人", True, "image"),
    ]


def test_two_captions_of_one_role_side_by_side_stay_two_slots() -> None:
    blocks = [
        _line("现场检查笔录", 250, 60),
        _line("现场处理措施：责令立即整改。", 60, 100),
        _line("被检查人签章 蒋平", 60, 140),
        _line("检查人员签字 李明", 220, 140),
        _line("2021-10-12", 180, 170),
        _line("检查人员签字", 380, 140),
    ]
    assert _slots(DocumentType.INSPECTION_RECORD, blocks) == [
        (Role.PARTY, "被检查人签章", True, "蒋平"),
        (Role.OFFICER, "检查人员签字", True, "李明"),
        (Role.OFFICER, "检查人员签字", False, None),
    ]


def test_field_names_in_brackets_under_their_values_are_no_captions() -> None:
    """A form that prints each field's name in brackets under (or after) its value: （受送达人）."""
    blocks = [
        _line("送达回证", 250, 60),
        _line("某某建材有限公司", 60, 100),
        _line("（受送达人）", 60, 115),
        _line("（送达地点）", 60, 135),
        _line("张宝森，男，身份证号码220802198107231516（当事人）", 60, 160),
    ]
    assert _slots(DocumentType.SERVICE_RECEIPT, blocks) == []


def test_a_caption_naming_a_signing_role_under_an_opinion_asks_for_its_signature() -> None:
    """A 法制审核表 whose opinion row ends in a rule, a date and "（审核人）" under the rule: the caption is
    the reviewer's slot (审核人 only ever signs), blank here; the written opinion signs nothing."""
    blocks = [
        _line("法制审核表", 250, 60),
        _line("审核意见 主体合法，事实清楚，证据确实充分，同意承办机构意见。", 60, 100),
        _line("                          2022年07月07日", 60, 140),
        _line("                （审核人）", 60, 156),
    ]
    assert _slots(DocumentType.LEGAL_REVIEW, blocks) == [(Role.REVIEWER, "审核人", False, None)]


def test_a_bare_role_label_under_its_opinion_row_is_where_the_opinion_is_signed() -> None:
    """A red-printed 审批表 read off a scan: "负责人意见 同意，按程序办理。" over "负责人：[name] date"; the
    bare label under the opinion is the approver's slot, signed when a name is read, blank when not."""
    head = [
        _line("行政处罚决定审批表", 200, 60),
        _line("审核人：孙涛2024年4月18日", 260, 100),
        _line("负责人意见 同意，按程序办理。", 80, 130),
    ]
    signed = [*head, _line("负责人：王志刚2024年4月18日", 260, 160)]
    blank = [*head, _line("负责人：         2024年4月18日", 260, 160)]
    assert _slots(DocumentType.DECISION_APPROVAL, signed) == [
        (Role.REVIEWER, "审核人", True, "孙涛"),
        (Role.APPROVER, "负责人", True, "王志刚"),
    ]
    assert _slots(DocumentType.DECISION_APPROVAL, blank) == [
        (Role.REVIEWER, "审核人", True, "孙涛"),
        (Role.APPROVER, "负责人", False, None),
    ]


def test_a_bracketed_caption_opening_the_value_cell_is_the_rows_one_slot() -> None:
    """A .docx 送达回证 "送达人 | [ink]（送达人）", "受送达人签收 | [ink]（受送达人签名或盖章）日期":
    the caption under the ink, in the row's value cell, is where the row is signed: one slot a row."""
    rows = [
        ["受送达人", "吐鲁番市火洲行旅游服务有限公司"],
        ["受送达人签收", "（受送达人签名或盖章）\u30002019年08月13日"],
        ["送达人", "（送达人）"],
        ["送达人", "（送达人）"],
    ]
    ink = [
        ImageItem(kind=ImageKind.SIGNATURE, source="form.docx", page=1, block_index=i, width=60, height=20)
        for i in (4, 6)  # the recipient's and the first server's; the second server left blank
    ]
    doc = doc_from_rows(rows, DocumentType.SERVICE_RECEIPT, images=ink, before=["送达回证"])
    assert [(s.role, s.label, s.filled) for s in extract_document_facts(doc).signatures] == [
        (Role.RECIPIENT, "受送达人签名或盖章", True),
        (Role.SERVER, "送达人", True),
        (Role.SERVER, "送达人", False),
    ]


def test_a_rows_name_written_down_its_column_leaves_the_slot_to_the_caption_beside_it() -> None:
    """受/送/达/人/签/收 down a 送达回证's narrow label column, its value cell captioned 受送达人签名或盖章：
    on the line of the name's last character and signed there: that caption is the slot, the name none."""
    column = [_pdf_line(char, 124, 500 + 13.6 * k) for k, char in enumerate("受送达人签")]
    caption = _pdf_line("收 受送达人签名或盖章： 2022年4月15日", 124, 568)
    blocks = join_vertical_labels([_pdf_line("送达回证", 265, 80), *column, caption])
    texts = [b.text for b in blocks[1:]]
    assert texts == ["受送达人签收", "", "", "", "", "受送达人签名或盖章： 2022年4月15日"]
    doc = Document(
        type=DocumentType.SERVICE_RECEIPT,
        title=None,
        source="doc.pdf",
        pages=(1, 1),
        confidence=1.0,
        blocks=blocks,
        images=[_ink(306, 556, 6)],
    )
    slots = [(s.label, s.filled, s.method) for s in find_signatures(DocText.of(doc))]
    assert slots == [("受送达人签名或盖章", True, "image")]
