"""A 法制审核意见 row that is also where the reviewer signs (`签押：` under the opinion, no other reviewer
slot): the opinion's words are no signature; a 审核人员 typed with a 证号 is no slot."""

from __future__ import annotations

import pytest

from casefile_eval.codes import DocumentType, Role
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from tests.extract.docs import doc_from_lines


def _slots(signing_line: str) -> list[tuple[str, Role, bool | None]]:
    doc = doc_from_lines(
        [
            "法制审核意见书",
            "审核人员 龙宏伟（法律职业资格证书编号：A2013084551）",
            "法制审核意见 经审核，本案执法主体合法，事实清楚，同意承办机构的处理意见。",
            signing_line,
        ],
        DocumentType.LEGAL_REVIEW,
        title="法制审核意见书",
    )
    return [(s.label, s.role, s.filled) for s in find_signatures(DocText.of(doc))]


@pytest.mark.parametrize(
    ("signing_line", "signed"),
    [("签押：　　　　日期：2018.06.26", False), ("签押：龙宏伟　日期：2018.06.26", True)],
)
def test_the_opinion_is_no_signature_of_the_reviewer(signing_line: str, signed: bool) -> None:
    assert _slots(signing_line) == [("法制审核意见", Role.REVIEWER, signed)]
