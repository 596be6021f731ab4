"""A bare role label opening a line that holds only a date is a place to sign and date: the 收件人 row of a
送达回执 ("收件人：[ink] 2021年10月12日", holdout41 h41-03), signed or left blank."""

from __future__ import annotations

import pytest

from casefile_eval.codes import DocumentType, Role
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from tests.extract.docs import doc_from_lines

HEAD = [
    "卫生行政执法文书送达回执",
    "送达文书名称及文号 行政处罚决定书（启卫公罚〔2021〕第009号）",
    "受送达人 启东市悦颜美容店",
    "送达时间 2021年10月12日15时05分",
    "送达方式 直接送达",
]


@pytest.mark.parametrize(
    ("row", "filled", "signer"),
    [
        ("收件人： 2021年10月12日", False, None),
        ("收件人： 陆晓燕 2021年10月12日", True, "陆晓燕"),
    ],
)
def test_a_recipient_row_holding_only_a_date_is_a_signing_place(
    row: str, filled: bool, signer: str | None
) -> None:
    doc = doc_from_lines(
        [*HEAD, row, "送达人：周敏", "备注：收件人系受送达人本人。"], DocumentType.SERVICE_RECEIPT
    )
    slots = [(s.label, s.role, s.filled, s.signer) for s in find_signatures(DocText.of(doc))]
    assert slots == [("收件人", Role.RECIPIENT, filled, signer), ("送达人", Role.SERVER, True, "周敏")]


def test_an_attesting_row_is_signed_on_the_signing_line_under_it() -> None:
    # 集体讨论记录 (holdout15 h15-02): 【记录人】记录属实。 over 签名：[ink] 日期：2021.10.14
    lines = [
        "案件集体讨论记录",
        "七、讨论结论：一致同意罚款。",
        "【记录人】记录属实。",
        "签名：任雅琴　日期：2021.10.14",
    ]
    doc = doc_from_lines(lines, DocumentType.COLLECTIVE_DISCUSSION)
    slots = [(s.label, s.role, s.filled, s.signer) for s in find_signatures(DocText.of(doc))]
    assert slots == [("记录人", Role.RECORDER, True, "任雅琴")]
