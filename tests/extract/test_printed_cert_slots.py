"""Officers' certificate numbers printed in their signing slot (a 当场处罚决定书 on carbon stock:
执法人员（签名）：鲁070003215 鲁070003228, holdout42 h42-07) sign nothing: the slot is filled by a
name or ink only. A name beside its number still signs; 证号 with the issuing service's words
before the number (证号：江苏环境监察320981024) is the officer's certificate."""

from __future__ import annotations

import pytest

from casefile_eval.codes import DocumentType as T
from casefile_eval.codes import Role
from casefile_eval.extract.document import extract_document_facts
from tests.extract.docs import doc_from_lines

BODY = ["当场行政处罚决定书", "当事人刘秀英在人行道上摆摊经营，罚款人民币壹佰元。"]


@pytest.mark.parametrize(
    ("line", "filled"),
    [
        ("执法人员（签名）： 鲁070003215 鲁070003228 2025年6月12日", False),
        ("执法人员（签名）： 070003215", False),
        ("执法人员（签名）： 王强 鲁070003215 2025年6月12日", True),
    ],
)
def test_printed_certificate_numbers_sign_nothing(line: str, filled: bool) -> None:
    doc = doc_from_lines([*BODY, line], T.SUMMARY_DECISION)
    slots = extract_document_facts(doc).signatures
    assert [(s.role, s.filled) for s in slots] == [(Role.OFFICER, filled)]


def test_a_certificate_after_the_issuing_services_words() -> None:
    doc = doc_from_lines(
        [
            "询问笔录",
            "询问人 王树林 证号：江苏环境监察320981011",
            "记录人 蔡亚男 证号：江苏环境监察320981024",
        ],
        T.INQUIRY_RECORD,
    )
    officers = extract_document_facts(doc).officers
    assert [(o.name, o.cert_no) for o in officers] == [
        ("王树林", "江苏环境监察320981011"),
        ("蔡亚男", "江苏环境监察320981024"),
    ]
