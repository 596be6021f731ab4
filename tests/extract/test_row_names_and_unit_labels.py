"""Signing rows named by a field whose value cell opens with the role's own caption (受送达人签收 |
收件人签名或盖章：[ink]; 送达人 | 送达人签字：[ink]): the caption is the one slot. An opinion label that
starts with its unit's word and wraps (局领导审批意 | 见) is joined back and reaches the 签字 line under it. A
结案 form's 决定日期 field dates the decision, never the form."""

from __future__ import annotations

from casefile_eval.codes import DateKind, Role
from casefile_eval.codes import DocumentType as T
from casefile_eval.extract.document import extract_document_facts
from casefile_eval.model import BBox, Block, BlockKind, Document, ImageItem, ImageKind
from tests.extract.docs import doc_from_lines, doc_from_rows


def _signatures(doc: Document) -> list[tuple[Role, str, bool | None]]:
    return [(s.role, s.label, s.filled) for s in extract_document_facts(doc).signatures]


def test_a_receipt_row_named_by_its_field_is_signed_under_its_caption_in_the_value_cell() -> None:
    rows = [
        ["送达文书名称及文号", "行政处罚事先告知书（临市应急罚告〔2021〕第23号）"],
        ["受送达人", "临夏市鑫隆新型建材有限公司"],
        ["受送达人签收", "收件人签名或盖章：  2021.10.20"],
        ["送达人", "送达人签字："],
    ]
    ink = [ImageItem(kind=ImageKind.SIGNATURE, source="form.docx", page=1, block_index=i) for i in (5, 7)]
    doc = doc_from_rows(rows, T.SERVICE_RECEIPT, images=ink)
    assert _signatures(doc) == [
        (Role.RECIPIENT, "收件人签名或盖章", True),
        (Role.SERVER, "送达人签字", True),
    ]


def test_on_a_scanned_line_the_field_name_and_its_caption_are_one_slot() -> None:
    lines = [
        "送 达 回 证",
        "送达文书名称 行政处罚决定书",
        "受送达人签收 受送达人签名：岩温香 2024年4月22日",
        "送达人 送达人：叶青",
    ]
    assert _signatures(doc_from_lines(lines, T.SERVICE_RECEIPT)) == [
        (Role.RECIPIENT, "受送达人签名", True),
        (Role.SERVER, "送达人", True),
    ]


def test_two_captions_of_one_role_side_by_side_stay_two_slots() -> None:
    lines = ["询问笔录", "问：…", "答：…", "被询问人签名：张三 执法人员：李四 执法人员： 记录人：王五"]
    assert _signatures(doc_from_lines(lines, T.INQUIRY_RECORD)) == [
        (Role.PARTY, "被询问人签名", True),
        (Role.OFFICER, "执法人员", True),
        (Role.OFFICER, "执法人员", False),
        (Role.RECORDER, "记录人", True),
    ]


def _line(text: str, x0: float, top: float, x1: float) -> Block:
    return Block(
        kind=BlockKind.LINE,
        text=text,
        source="a.pdf",
        page=1,
        bbox=BBox(x0=x0, top=top, x1=x1, bottom=top + 10),
    )


def test_a_unit_word_before_a_wrapped_opinion_label_is_part_of_it() -> None:
    blocks = [
        _line("行政处罚决定审批表", 240, 80, 380),
        _line("科室负责人意 同意承办人意见。", 67, 356, 229),
        _line("见", 67, 372, 76),
        _line("签字： 2021.12.9", 373, 388, 512),
        _line("局领导审批意 同意。", 67, 417, 176),
        _line("见", 67, 433, 76),
        _line("签字： 2021.12.9", 373, 449, 512),
    ]
    ink = [
        ImageItem(
            kind=ImageKind.SIGNATURE,
            source="a.pdf",
            page=1,
            block_index=i,
            bbox=BBox(x0=402, top=top, x1=460, bottom=top + 25),
        )
        for i, top in ((3, 374), (6, 435))
    ]
    doc = Document(
        type=T.DECISION_APPROVAL,
        title=None,
        source="a.pdf",
        pages=(1, 1),
        confidence=1.0,
        blocks=blocks,
        images=ink,
    )
    assert _signatures(doc) == [
        (Role.APPROVER, "科室负责人意见", True),
        (Role.APPROVER, "局领导审批意见", True),
    ]


def test_a_closing_forms_decision_date_field_is_the_decisions_date() -> None:
    lines = [
        "结案审批表",
        "处罚决定书文号 吉文广罚字〔2018〕第11号 决定日期 2018年04月20日",
        "执行情况 当事人已于2018年5月3日缴纳罚款，处罚决定执行完毕。",
        "负责人审批意见 同意结案，归档。",
        "签名： 2018年5月14日",
    ]
    facts = extract_document_facts(doc_from_lines(lines, T.CLOSING_REPORT))
    assert [(d.kind, d.label, str(d.value)) for d in facts.dates if d.value is not None] == [
        (DateKind.OTHER, "决定日期", "2018-04-20"),
        (DateKind.OTHER, "", "2018-05-03"),
        (DateKind.CLOSED, "审批意见", "2018-05-14"),
    ]


def test_two_officers_signing_under_the_same_caption_stay_two_slots() -> None:
    lines = ["现场检查笔录", "检查情况：…", "当事人签名 检查人签名 检查人签名"]
    assert [(r, label) for r, label, _ in _signatures(doc_from_lines(lines, T.INSPECTION_RECORD))] == [
        (Role.PARTY, "当事人签名"),
        (Role.OFFICER, "检查人签名"),
        (Role.OFFICER, "检查人签名"),
    ]
    cells = doc_from_rows([["询问人签名", "询问人签名", "记录人签名"], ["", "", ""]], T.INQUIRY_RECORD)
    assert [(r, label) for r, label, _ in _signatures(cells)] == [
        (Role.OFFICER, "询问人签名"),
        (Role.OFFICER, "询问人签名"),
        (Role.RECORDER, "记录人签名"),
    ]


def test_an_officer_word_ending_a_line_of_prose_names_no_officer() -> None:
    """询问笔录: "你有申请执法人员 / 回避的权利，你是否申请回避？" wraps after 执法人员: the next line is the
    sentence's end, not the officers' names (a cell "执法人员 / 张三、李四" still is)."""
    lines = [
        "调查询问笔录",
        "询问人：缪建华　执法证号：35090221007",
        "记录人：雷秀兰　执法证号：35090221019",
        "问：我们是执法人员，现依法向你进行调查询问，你应当如实回答，你有申请执法人员",
        "回避的权利，你是否申请回避？",
        "答：不申请回避。",
    ]
    officers = extract_document_facts(doc_from_lines(lines, T.INQUIRY_RECORD)).officers
    assert [(o.name, o.cert_no, o.named_as) for o in officers] == [
        ("缪建华", "35090221007", "询问人"),
        ("雷秀兰", "35090221019", "记录人"),
    ]
    # on a scan the ？ may be lost and the wrap fall inside 执法人员 (holdout40 h40-04)
    scanned = [
        *lines[:3],
        "问：我们是执法人员刘振华、邢丽，这是我们的执法证件。你认为执法人",
        "员与本案有利害关系的.可以申请回避，是否申请",
        "答：看清楚了、不申请回避。",
    ]
    officers = extract_document_facts(doc_from_lines(scanned, T.INQUIRY_RECORD)).officers
    assert [o.name for o in officers] == ["缪建华", "雷秀兰"]
    cell = ["现场检查笔录", "检查人员", "张晓明、李娟", "检查时间：2024年3月5日"]
    officers = extract_document_facts(doc_from_lines(cell, T.INSPECTION_RECORD)).officers
    assert [(o.name, o.named_as) for o in officers] == [("张晓明", "检查人"), ("李娟", "检查人")]


def test_a_witness_row_filled_in_as_none_is_unsigned_whatever_ink_it_shows() -> None:
    """见证人 | （无）: the row says there is no witness; the ink a scan shows there is the 无 and its
    brackets, so the recipient's blank slot has no witness to stand for it."""
    rows = [
        ["送达文书名称及文号", "行政处罚决定书（蕉农罚〔2021〕6号）"],
        ["受送达人签名或盖章", "签收：　　2021年09月28日"],
        ["见证人", "（无）"],
    ]
    ink = [ImageItem(kind=ImageKind.SIGNATURE, source="form.pdf", page=1, block_index=5)]
    doc = doc_from_rows(rows, T.SERVICE_RECEIPT, images=ink)
    assert _signatures(doc) == [
        (Role.RECIPIENT, "受送达人签名或盖章", False),
        (Role.WITNESS, "见证人", False),
    ]
