"""Readings that holdout43 showed wrong (untouched, session 46): a recipient's relation asked in brackets
after the label is no next label; a record's person who only speaks for the party is not the party; a
prose line that wraps after 执法人员 names no officer "当场出示"; 对以上记录无异议 is a reading note, so the
handwriting OCR read under it is a signature, not an officer; 陈逃申辩 and 上逃权利 are misreads."""

from __future__ import annotations

import pytest

from casefile_eval.codes import DocumentType as T
from casefile_eval.codes import Role
from casefile_eval.extract.document import extract_document_facts
from casefile_eval.extract.parties import find_party
from casefile_eval.extract.text import DocText
from casefile_eval.ocr.confusables import mend_text
from casefile_eval.rules.checks.officers import cert_numbers
from tests.extract.docs import doc_from_lines

RECEIPT = [
    "送达回证",
    "送达文书名称 行政处罚听证告知书",
    "受送达人 昌邑市鸿泰置业有限公司",
    "送达方式 直接送达",
]


@pytest.mark.parametrize(
    ("line", "filled", "signer"),
    [
        # the name OCR read after the bracketed relation (the 二 of the date lost into the ink)
        ("收件人签名(与受送达人关系：工程部经理) ： 高振东○一七年五月二十三日9时10分", True, "高振东"),
        ("收件人签名（与受送达人关系：设备科科长）： 綦立新 2016年05月17日14时30分", True, "綦立新"),
        # the relation filled in, the name left out: unsigned
        ("收件人签名（与受送达人关系：工程部经理）： 2017年5月23日", False, None),
    ],
)
def test_relation_in_brackets_is_no_next_label(line: str, filled: bool, signer: str | None) -> None:
    doc = doc_from_lines([*RECEIPT, line, "送达人：孙玉龙"], T.SERVICE_RECEIPT)
    slot = next(s for s in extract_document_facts(doc).signatures if s.role is Role.RECIPIENT)
    assert (slot.filled, slot.signer) == (filled, signer)


@pytest.mark.parametrize(
    ("line", "party"),
    [
        ("被调查人：綦立新，男，设备科科长，受莱州市恒顺石材有限公司委托接受调查", "莱州市恒顺石材有限公司"),
        ("被调查人：李国强，男，系临清市顺达建材有限公司员工", "临清市顺达建材有限公司"),
        ("被调查人：王秀兰，女，系临清市烟店镇后屯村村民", "王秀兰"),
        ("被调查人：赵立新，男，45岁", "赵立新"),
    ],
)
def test_the_person_who_speaks_for_the_party(line: str, party: str) -> None:
    doc = doc_from_lines(
        ["询问笔录", "时间：2016年4月14日9时05分", line, "问：你是否申请回避？"], T.INQUIRY_RECORD
    )
    found = find_party(DocText.of(doc))
    assert found is not None
    assert found[0] == party


def test_prose_wrapped_after_officers_names_no_officer() -> None:
    doc = doc_from_lines(
        [
            "当场行政处罚决定书",
            "违法事实：当事人在公交站台张贴小广告共计23张，执法人员",
            "当场出示执法证件，告知了拟作出处罚的事实、理由和依据以及陈述、申辩权利。",
            "执法人员签名（执法证号鲁0687250116）： 2025年6月17日",
        ],
        T.SUMMARY_DECISION,
    )
    assert extract_document_facts(doc).officers == []


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        (
            "你公司可在收到本告知书之日起三日内向我局提出陈逃申辩意见",
            "你公司可在收到本告知书之日起三日内向我局提出陈述申辩意见",
        ),
        ("逾期未提出的，视为放弃上逃权利。", "逾期未提出的，视为放弃上述权利。"),
        ("他逃走了", "他逃走了"),
    ],
)
def test_misreads_of_shu(read: str, meant: str) -> None:
    assert mend_text(read) == meant


def test_health_supervisors_listed_with_their_numbers() -> None:
    doc = doc_from_lines(
        [
            "现场检查笔录",
            "监督员：程立军、马晓彤，执法证件号码分别为鲁卫监证字第14820176号、鲁卫监证字第14820183号。",
            "卫生监督员二人着装整齐，出示证件，说明来意。",
        ],
        T.INSPECTION_RECORD,
    )
    officers = extract_document_facts(doc).officers
    assert [(o.name, o.cert_no) for o in officers] == [
        ("程立军", "鲁卫监证字第14820176"),
        ("马晓彤", "鲁卫监证字第14820183"),
    ]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("执法证件号码分别为鲁卫监证字第14820176号、鲁卫监证字第14820183号", {"14820176", "14820183"}),
        ("执法证号：12345678、当事人身份证号370102198001011234", {"12345678"}),
    ],
)
def test_numbers_listed_after_a_labelled_one(text: str, numbers: set[str]) -> None:
    assert cert_numbers(text) == numbers
