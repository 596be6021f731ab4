"""An approval grid laid out by step (审批环节 | 承办人 | 承办机构负责人 | 机关负责人 over rows 意见 / 签名 /
日期), read line by line from a PDF or a scan: each date of the 日期 row is its column's."""

from __future__ import annotations

from casefile_eval.codes import DateKind, DocumentType, Role
from casefile_eval.extract.dating import date_facts
from casefile_eval.extract.text import DocText
from tests.extract.docs import doc_from_lines

GRID = [
    "审批 承办人 承办机构负责人 机关负责人",
    "环节",
    "意见 建议按拟处意见作出处罚决定。 同意承办人意见。 同意。",
    "签名",
    "证号51060020315",
]


def _facts(lines: list[str]) -> list[tuple[DateKind, str, Role | None]]:
    doc = doc_from_lines(lines, DocumentType.DECISION_APPROVAL)
    return [(f.kind, str(f.value), f.role) for f in date_facts(DocText.of(doc))]


def test_each_date_of_the_row_is_its_columns() -> None:
    assert _facts([*GRID, "日期 2022 年 3 月 29 日 2022 年 3 月 30 日 2022年3月31日"]) == [
        (DateKind.SIGNED, "2022-03-29", Role.OFFICER),
        (DateKind.APPROVED, "2022-03-30", Role.APPROVER),
        (DateKind.APPROVED, "2022-03-31", Role.APPROVER),
    ]


def test_a_row_of_dates_without_the_signers_row_keeps_its_label() -> None:
    facts = _facts([*GRID[1:], "日期 2022 年 3 月 29 日 2022 年 3 月 30 日 2022年3月31日"])
    assert [role for _, _, role in facts] == [Role.OFFICER, Role.OFFICER, Role.OFFICER]


def test_a_signers_row_of_another_width_is_not_the_dates_columns() -> None:
    facts = _facts([*GRID, "日期 2022 年 3 月 29 日 2022 年 3 月 30 日"])
    assert [role for _, _, role in facts] == [Role.OFFICER, Role.OFFICER]
