"""A signing row "当事人（签名）：  执法人员：  执法人员：  记录人：" names nobody: the labels that follow
where the party signs are not the party's name (a record naming only the person questioned names no party;
the case's other documents do)."""

from __future__ import annotations

import pytest

from casefile_eval.codes import DocumentType
from casefile_eval.extract.parties import find_party
from casefile_eval.extract.text import DocText
from tests.extract.docs import doc_from_lines

HEAD = [
    "询问笔录",
    "询问人：扎西平措（执法证号：54010026031）、张文博（执法证号：54010026058）　记录人：央金卓玛",
]


@pytest.mark.parametrize(
    ("lines", "party"),
    [
        (
            [*HEAD, "被询问人：次仁多吉　性别：男", "当事人（签名）：　执法人员：　执法人员：　记录人："],
            None,
        ),
        ([*HEAD, "问：你的姓名？", "当事人（签名）：　执法人员：　执法人员：　记录人："], None),
        ([*HEAD, "当事人：执法人员：李四"], None),  # a value that is the next field's name
    ],
)
def test_the_party_is_not_read_from_where_the_party_signs(lines: list[str], party: str | None) -> None:
    found = find_party(DocText.of(doc_from_lines(lines, DocumentType.INQUIRY_RECORD)))
    assert (found[0] if found else None) == party


@pytest.mark.parametrize(
    "lines",
    [
        # each caption printed under its fill-in line: the line after 受送达人 is the next field's value
        ["送达回证", "滨州市滨城区华鼎广告传媒有限公司", "受送达人", "直接送达", "送达方式"],
        ["立案审批表", "怀化市鹤城区顺通渣土运输有限公司", "当事人", "怀化市鹤城区迎丰西路188号", "住所"],
    ],
)
def test_a_way_of_service_or_an_address_is_no_party(lines: list[str]) -> None:
    doc_type = DocumentType.SERVICE_RECEIPT if lines[0] == "送达回证" else DocumentType.FILING_APPROVAL
    found = find_party(DocText.of(doc_from_lines(lines, doc_type)))
    assert found is None
