"""A small case file numbered as a whole ("第1页 共2页", "第2页 共2页" at the feet of its two pages): the
second page headed by another document's title (a 非税收入缴款书 after a 简易程序处罚决定书) starts that
document, though its mark reads as a later page (holdout53 h53-02). A page whose mark cannot number the
whole file (第2页 共3页 of two pages), or whose title stands under the end of the document before,
continues it."""

from __future__ import annotations

from casefile_eval.codes import DocumentType as T
from tests.segment.test_inline_titles import line, scan, summary

DECISION = [
    "编号：台公交决字[2020]第5226300148号",
    "公 安 交 通 管 理 简 易 程 序 处 罚 决 定 书",
    "被处罚人：张德富　身份证明号码：522630198509170012",
    "依据《中华人民共和国道路交通安全法》第九十五条第一款的规定，决定处以罚款人民币伍拾元整。",
    "交通警察（签名）： 2020.8.14",
    "台江县公安局交通警察大队",
]
SLIP = [
    "编号：No.5226020091157",
    "贵 州 省 非 税 收 入 一 般 缴 款 书",
    "执收单位 台江县公安局交通警察大队",
    "缴款人 张德富",
    "金额 （大写）伍拾元整　（小写）￥50.00",
]


def _file(total: int) -> list[tuple[T, str | None, tuple[int, int] | None]]:
    first = [line(t, 1) for t in DECISION] + [line(f"第 1 页 共 {total} 页", 1)]
    second = [line(t, 2) for t in SLIP] + [line(f"第 2 页 共 {total} 页", 2)]
    return summary(scan(first + second, pages=2))


def test_the_second_page_of_a_file_numbered_whole_starts_the_slip() -> None:
    assert _file(2) == [
        (T.SUMMARY_DECISION, "公 安 交 通 管 理 简 易 程 序 处 罚 决 定 书", (1, 1)),
        (T.PAYMENT_RECEIPT, "贵 州 省 非 税 收 入 一 般 缴 款 书", (2, 2)),
    ]


def test_a_mark_that_cannot_number_the_file_keeps_the_page_with_the_decision() -> None:
    assert _file(3) == [(T.SUMMARY_DECISION, "公 安 交 通 管 理 简 易 程 序 处 罚 决 定 书", (1, 2))]
