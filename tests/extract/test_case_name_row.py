"""A 结案审批表's row "案件名称 汇丰建材门市部未按期办理变更税务登记案" names the case, not the party as an
addressee: no party is read from it, with its field name apart or run into the value on a scan
(holdout54 h54-10, whose CON-001 compared "案件名称汇丰建材门市部" with the decision's party)."""

from __future__ import annotations

import pytest

from casefile_eval.codes import DocumentType
from casefile_eval.extract.parties import find_party
from casefile_eval.extract.text import DocText
from tests.extract.docs import doc_from_lines

CASE_NAME = "汇丰建材门市部未按期办理变更税务登记案"


@pytest.mark.parametrize("row", [f"案件名称 {CASE_NAME}", f"案件名称{CASE_NAME}"])
def test_the_case_name_row_names_no_party(row: str) -> None:
    doc = doc_from_lines(
        ["结案审批表", row, "执行情况 罚款500元已于2017年4月21日缴纳入库", "局领导审批意见 同意结案。"],
        DocumentType.CLOSING_REPORT,
    )
    assert find_party(DocText.of(doc)) is None


def test_an_addressee_line_still_names_the_party() -> None:
    doc = doc_from_lines(
        ["责令改正通知书", "汇丰建材门市部未按期办理变更税务登记，现责令你户限期改正。"],
        DocumentType.ENFORCEMENT_MEASURE,
    )
    found = find_party(DocText.of(doc))
    assert found is not None
    assert found[0] == "汇丰建材门市部"
