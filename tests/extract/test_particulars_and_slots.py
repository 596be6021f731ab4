"""A person's particulars in a record's or a summary decision's head (birth date, identity card, the next
field run on), the reviewer's bare 审核人员： slot, and a date whose □ no numeral can fill."""

from __future__ import annotations

import datetime as dt

from casefile_eval.codes import DateKind, Role
from casefile_eval.codes import DocumentType as T
from casefile_eval.extract import extract_document_facts
from casefile_eval.extract.dates import find_dates
from casefile_eval.model import Block, BlockKind, Document, ImageItem, ImageKind
from tests.extract.docs import doc_from_rows
from tests.extract.test_flattened_layouts import pdf_doc

SUMMARY = [
    "松公（西）决字〔2024〕第0417号",
    "某县公安局",
    "当场处罚决定书",
    "被处罚人 程立伟性别：男出生日期：1991年2月4日身份证号：",
    "332528199102040330",
    "违法事实 2024年9月13日8时40分许，被处罚人在汽车客运站售票大厅插队购票。",
    "民警（签名）：徐天翔 2024.9.13",
    "被处罚人（签名、捺印）：程立伟 2024.9.13",
    "某县公安局",
    "2024年9月13日",
]


def test_a_birth_date_is_no_date_of_the_case_and_the_name_ends_at_the_next_field() -> None:
    facts = extract_document_facts(pdf_doc(SUMMARY, T.SUMMARY_DECISION))
    kinds = [(d.kind, d.value, d.role) for d in facts.dates]
    assert facts.party == "程立伟"
    assert kinds[0] == (DateKind.OTHER, dt.date(1991, 2, 4), None)
    assert (DateKind.SIGNED, dt.date(2024, 9, 13), Role.PARTY) in kinds


def test_the_questioned_persons_identity_card_names_no_officer() -> None:
    doc = pdf_doc(
        [
            "询问笔录",
            "询问时间：2025年3月21日14时00分至14时50分　地点：某县农业农村局三楼询问室",
            "询问人：范文杰、周雅琴　记录人：周雅琴　被询问人：吴建新（身份证号332529197908150536）",
            "问：我们是某县农业农村局执法人员（出示证件），你有申请回避的权利，是否申请？",
        ],
        T.INQUIRY_RECORD,
    )
    officers = extract_document_facts(doc).officers
    assert [(o.name, o.cert_no, o.named_as) for o in officers] == [
        ("范文杰", None, "询问人"),
        ("周雅琴", None, "询问人"),
    ]


def test_a_bare_reviewers_slot_left_empty_is_unsigned() -> None:
    doc = pdf_doc(
        [
            "重大行政执法决定法制审核意见书",
            "审核意见 事实清楚，证据充分，程序合法，适用法律正确，同意。",
            "审核人员 （具有法律职业资格）",
            "审核人员： 2025.5.20",
            "法制机构负责人 同意。",
            "签名：李华 2025.5.20",
        ],
        T.LEGAL_REVIEW,
    )
    reviewers = [s for s in extract_document_facts(doc).signatures if s.role is Role.REVIEWER]
    assert [(s.label, s.filled) for s in reviewers] == [("审核人员", False)]


def test_a_doubt_mark_no_numeral_can_fill_stands_for_nothing() -> None:
    spans = [(d.earliest, d.latest) for t in ("2026年3月□27日", "2026年□12月5日") for d in find_dates(t)]
    assert spans == [
        (dt.date(2026, 3, 27), dt.date(2026, 3, 27)),
        (dt.date(2026, 12, 5), dt.date(2026, 12, 5)),
    ]
    # a □ that a numeral can fill keeps its span
    assert [(d.earliest, d.latest) for d in find_dates("2024年3月3□日")] == [
        (dt.date(2024, 3, 30), dt.date(2024, 3, 31))
    ]


def test_a_row_value_cut_at_the_next_field_drops_its_open_bracket() -> None:
    doc = pdf_doc(
        ["立案审批表", "当事人 某县官湖镇仁和诊所（负责人：孙立华）", "案件来源 监督检查"], T.FILING_APPROVAL
    )
    assert extract_document_facts(doc).party == "某县官湖镇仁和诊所"


def test_a_reviewers_slot_named_with_a_qualifier_is_read_whole() -> None:
    doc = pdf_doc(
        [
            "重大行政执法决定法制审核意见书",
            "审核意见 执法主体适格，事实清楚，证据确实充分，程序合法，同意拟处理意见。",
            "审核人员 审核人员（具有法律职业资格）：",
            "审核机构负责人 同意。",
            "签名：李华 2023.4.27",
        ],
        T.LEGAL_REVIEW,
    )
    reviewers = [s for s in extract_document_facts(doc).signatures if s.role is Role.REVIEWER]
    assert [(s.label, s.filled) for s in reviewers] == [("审核人员(具有法律职业资格)", False)]


def test_a_receipts_invoice_date_is_the_payment_date() -> None:
    doc = pdf_doc(
        [
            "浙江省政府非税收入一般缴款书（电子）",
            "交款人 某某机械制造有限公司 开票日期 2020-06-18",
            "项目名称 应急管理罚没收入 金额（元） 20000.00",
        ],
        T.PAYMENT_RECEIPT,
    )
    assert [(d.kind, d.value) for d in extract_document_facts(doc).dates] == [
        (DateKind.PAID, dt.date(2020, 6, 18))
    ]


def test_a_slots_bracketed_qualifier_is_no_value_and_the_ink_beside_it_signs() -> None:
    rows = [("受送达人", "某某农资经营部"), ("收件人签名或盖章（与受送达人关系：本人）", "2024.6.4")]
    blocks = [Block(kind=BlockKind.PARAGRAPH, text="送达回证", source="a.docx", page=1)] + [
        Block(kind=BlockKind.CELL, text=text, source="a.docx", page=1, table=0, row=r, col=c)
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
    ]
    ink = ImageItem(kind=ImageKind.SIGNATURE, source="a.docx", page=1, block_index=4, width=60, height=20)
    doc = Document(
        type=T.SERVICE_RECEIPT,
        title=None,
        source="a.docx",
        pages=(1, 1),
        confidence=1.0,
        blocks=blocks,
        images=[ink],
    )
    slots = extract_document_facts(doc).signatures
    assert [(s.label, s.role, s.filled) for s in slots] == [("收件人签名或盖章", Role.RECIPIENT, True)]


def test_a_row_named_审核人员_alone_with_a_signing_caption_in_its_cell_is_the_reviewers_slot() -> None:
    """holdout47 h47-09: the row 审核人员 holds only "签名：", left blank, under the review opinion: the
    reviewer did not sign (the opinion row above is no signature)."""
    lines = [
        "法制审核意见书",
        "案件名称 蔡永兵车辆违法超限运输案",
        "审核意见 本案事实清楚，证据确实充分，定性准确，适用依据正确，程序合法，处罚",
        "裁量适当。同意。",
        "审核人员",
        "签名：",
        "审核日期 2024年10月10日",
    ]
    slots = extract_document_facts(pdf_doc(lines, T.LEGAL_REVIEW)).signatures
    assert [(s.label, s.role, s.filled) for s in slots] == [("审核人员签名", Role.REVIEWER, False)]
    lines[5] = "签名：陈立平"
    slots = extract_document_facts(pdf_doc(lines, T.LEGAL_REVIEW)).signatures
    assert [(s.role, s.filled, s.signer) for s in slots] == [(Role.REVIEWER, True, "陈立平")]


def test_a_row_named_审核人员_whose_cell_opens_with_the_reviewers_caption_is_no_slot_of_its_own() -> None:
    # hx06-housing's .docx: 审核人员 | 审核人：[ink]（法律职业资格证书编号：…）
    doc = doc_from_rows(
        [
            ["审核意见", "主体合法，事实清楚，同意承办机构意见。"],
            ["审核人员", "审核人：（法律职业资格证书编号：A2018）"],
        ],
        T.LEGAL_REVIEW,
        images=[ImageItem(kind=ImageKind.SIGNATURE, source="form.docx", page=1, block_index=3, ink_offset=4)],
    )
    slots = extract_document_facts(doc).signatures
    assert [(s.label, s.role, s.filled) for s in slots] == [("审核人", Role.REVIEWER, True)]
