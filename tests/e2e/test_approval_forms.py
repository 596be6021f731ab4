"""Two approval forms of holdout39's text PDFs, evaluated whole: a 立案审批表 whose 机关负责人 approved on
2017-03-07 what the 承办人 proposed on 03-08 (h39-01, DOR-007), and a 行政处罚决定审批表 whose 机关负责人
signed and left 年 月 日 blank under the 承办机构's dated 负责人： row (h39-08, DAT-005)."""

from __future__ import annotations

from pathlib import Path

import pytest

from casefile_eval import evaluate

CASES = Path(__file__).parents[2] / "fixtures/holdout39/cases"


@pytest.mark.parametrize(
    ("case", "found"),
    [
        (
            "h39-01-cg-expired-2017-approval",
            [
                (
                    "DOR-007",
                    2,
                    "立案审批表第2页负责人审批日期（2017年3月7日）早于承办人提出意见的日期（2017年3月8日）",
                ),
                ("SIG-002", 4, "询问笔录第4页缺少被询问人"),
                (
                    "CON-001",
                    12,
                    "送达回证记载的当事人“长葛市福瑞祥生活超市”与其他文书“长葛市福润祥生活超市”不一致",
                ),
                ("SEA-001", 11, "行政处罚决定书第11页未加盖行政机关印章"),
            ],
        ),
        (
            "h39-08-ly-land-2018-toc",
            [
                (
                    "ARC-004",
                    1,
                    "卷内目录第10项《行政处罚决定书 二〇一八年四月十八日》页号为13，实际位于第11页",
                ),
                ("OFF-002", 4, "询问笔录第4页执法人员梁文斌未注明执法证号"),
                ("SIG-010", 7, "法制审核意见第7页缺少审核人"),
                ("SEA-002", 9, "行政处罚事先告知书第9页未加盖行政机关印章"),
                ("DAT-005", 11, "行政处罚决定审批表第11页缺少负责人审批日期"),
            ],
        ),
    ],
)
def test_approval_forms_of_holdout39(case: str, found: list[tuple[str, int, str]]) -> None:
    result = evaluate(CASES / case / f"{case}.pdf")
    assert [(f.rule_id, f.page, f.message) for f in result.findings or []] == found
