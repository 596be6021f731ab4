"""A 审批表 whose unit's opinion row is signed by the unit's head on a bare 负责人： line under it
("承办机构意见 同意承办人意见。" over "负责人：　日期：…"), the 机关负责人's own opinion row after it: the
bare label is the unit head's slot (holdout39 h39-08), signed or blank."""

from __future__ import annotations

from casefile_eval.codes import DocumentType, Role
from casefile_eval.extract.signatures import _scan, _under_unit_opinion, find_signatures
from casefile_eval.extract.text import DocText
from casefile_eval.model import ImageItem, ImageKind
from tests.extract.docs import doc_from_lines

LINES = [
    "行政处罚决定审批表",
    "案由：谢国平非法占用土地建仓库案",
    "当事人：谢国平",
    "违法事实：未经批准占用集体耕地386平方米建仓库。",
    "承办人意见 建议并处罚款7720元。",
    "承办人： 日期：二〇一八年四月十六日",
    "承办机构意见 同意承办人意见。",
    "负责人： 日期：二〇一八年四月十六日",
    "机关负责人意见 同意。",
    "签名： 日期：二〇一八年四月十七日",
]


def _ink(block: int) -> ImageItem:
    return ImageItem(kind=ImageKind.SIGNATURE, source="doc.txt", page=1, block_index=block, confidence=0.9)


def test_the_bare_head_label_under_a_units_opinion_is_a_slot() -> None:
    for inked, filled in (((5, 7, 9), True), ((5, 9), False)):
        doc = doc_from_lines(LINES, DocumentType.DECISION_APPROVAL, images=[_ink(b) for b in inked])
        assert [(s.role, s.label, s.filled) for s in find_signatures(DocText.of(doc))] == [
            (Role.OFFICER, "承办人", True),
            (Role.APPROVER, "负责人", filled),
            (Role.APPROVER, "机关负责人意见", True),
        ]


FILING = [
    "立案审批表",
    "案由 长葛市福润祥生活超市经营超过保质期的食品案",
    "当事人 长葛市福润祥生活超市",
    "简要案情 2017年3月6日检查发现当事人经营超过保质期的酸牛奶，建议立案调查。",
    "承办人： 日期：2017年3月8日",
    "承办机构意见 建议立案调查，由王振宇、李晓峰承办。",
    "负责人： 日期：2017年3月8日",
    "机关负责人审批意见 同意立案。",
    "签名： 日期：2017年3月8日",
]


def test_a_bare_label_with_a_date_field_on_its_line_is_a_slot() -> None:
    """ "承办人：　日期：2017年3月8日" under the case summary (no 承办人意见 row above it): a line holding a
    label, a 日期 field and nothing else is a place to sign (holdout39 h39-01)."""
    for inked, filled in (((4, 6, 8), True), ((6, 8), False)):
        doc = doc_from_lines(FILING, DocumentType.FILING_APPROVAL, images=[_ink(b) for b in inked])
        assert [(s.role, s.label, s.filled) for s in find_signatures(DocText.of(doc))] == [
            (Role.OFFICER, "承办人", filled),
            (Role.APPROVER, "负责人", True),
            (Role.APPROVER, "机关负责人审批意见", True),
        ]


def test_a_name_run_into_the_dates_caption_is_the_signature() -> None:
    """On a scan the reviewer's pen crosses into the 日期： caption and OCR reads name and caption as one
    word ("审核人：黄小燕日期：2020.6.15", holdout39 h39-07): the name before 日期： signs the slot."""
    opinion = "审核意见 事实清楚，证据充分，适用依据正确，程序合法，裁量适当，同意。"
    for line, signer in (
        ("审核人：黄小燕日期：2020.6.15", "黄小燕"),
        ("审核人：李静签字日期：2023年5月22日", "李静"),
        ("审核人：日期：2020.6.15", None),
    ):
        doc = doc_from_lines(["法制审核意见书", opinion, line], DocumentType.LEGAL_REVIEW)
        found = [(s.label, s.filled, s.signer) for s in find_signatures(DocText.of(doc))]
        assert found[-1] == ("审核人", signer is not None, signer)


def test_a_caption_under_ink_and_a_field_under_another_row_are_not_the_units_slot() -> None:
    """Under "承办机构意见 同意。" a caption with no colon under the head's ink ("亮 2022年6月13日" over
    "负责人", holdout30 h30-07) is no field to sign; a 负责人： under the 机关负责人's own opinion row
    (h29-10) is that row's, not the unit's."""
    caption = [
        "行政处罚决定审批表",
        "承办人意见 建议给予罚款人民币肆万元整。",
        "承办人：林道光2022年6月13日",
        "承办机构意见 同意。",
        "亮 2022年6月13日",
        "负责人",
        "机关负责人意见 同意按承办人意见处罚。",
        "邦 2022年6月13日",
    ]
    doc = doc_from_lines(caption, DocumentType.DECISION_APPROVAL)
    assert [(s.role, s.label) for s in find_signatures(DocText.of(doc))] == [
        (Role.OFFICER, "承办人"),
        (Role.APPROVER, "机关负责人意见"),
    ]
    rows = [
        "行政处罚决定审批表",
        "承办机构意见",
        "负责人： 乔志强",
        "2019年8月5日",
        "负责人审批意见 同意",
        "负责人： 王宏亮",
        "2019年：月6日",
    ]
    text = DocText.of(doc_from_lines(rows, DocumentType.DECISION_APPROVAL))
    slots = _scan(text)
    assert [
        (s.label, s.blocks[0], _under_unit_opinion(text, s, slots)) for s in slots if s.label == "负责人"
    ] == [
        ("负责人", 2, True),
        ("负责人", 5, False),
    ]


APPROVAL = [
    "立案审批表",
    "案由 偃师市恒达家具制造有限公司喷漆工序未在密闭空间进行案",
    "承办人意见",
    "当事人涉嫌违反《中华人民共和国大气污染防治法》第四十五条的规定，建议立案调查。",
    "承办人签名： 日期：二○一七年八月十七日",
    "承办机构意见",
    "同意立案，由承办人负责调查。",
    "负责人签名： 日期：二○一七年八月十七日",
    "机关负责人审批意见",
    "同意立案。",
    "签名： 日期：二○一七年八月十七日",
]


def test_an_earlier_stages_signing_label_leaves_the_heads_opinion_row_its_slot() -> None:
    """The 承办机构's 负责人签名： above the 机关负责人审批意见 row (holdout40 h40-04) is not where the head
    signs: the head's row is signed under its opinion ("签名："), and its opinion (同意立案。) is no name."""
    for inked, filled in (((4, 7, 10), True), ((4, 7), False)):
        doc = doc_from_lines(APPROVAL, DocumentType.FILING_APPROVAL, images=[_ink(b) for b in inked])
        assert [(s.label, s.filled, s.signer) for s in find_signatures(DocText.of(doc))] == [
            ("承办人签名", True, None),
            ("负责人签名", True, None),
            ("机关负责人审批意见", filled, None),
        ]
