"""An Excel workbook for the legal department: 评查得分汇总表, 问题清单, 问题统计 (by defect and by agency).

openpyxl's write-only mode streams rows to disk, so a batch of thousands of cases keeps memory flat;
only the counts of 问题统计 are held until the end.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from casefile_eval.reporters.base import Header, feed
from casefile_eval.reporters.labels import (
    DEFECT_LABELS,
    DOCUMENT_LABELS,
    SEVERITY_LABELS,
    agency_of,
    error_text,
)
from casefile_eval.results import CaseResult, Report, Summary
from casefile_eval.scoring.sheet import Sheet

SUMMARY_SHEET = "评查得分汇总表"
FINDINGS_SHEET = "问题清单"
STATS_SHEET = "问题统计"

SUMMARY_HEAD = [
    "序号",
    "案卷",
    "案号",
    "当事人",
    "执法机关",
    "状态",
    "得分",
    "满分",
    "等级",
    "否决",
    "问题数",
    "扣分合计",
    "说明",
]
FINDINGS_HEAD = [
    "序号", "案卷", "案号", "执法机关", "规则", "问题类型", "严重程度", "文书", "文件", "页码",
    "问题描述", "原文摘录", "依据", "评查表条目", "扣分", "需人工复核",
]  # fmt: skip


@dataclass
class _Agency:
    cases: int = 0
    findings: int = 0
    scores: list[float] = field(default_factory=list)


class Writer:
    """Appends rows as results come; writes 问题统计 and saves the workbook on close."""

    def __init__(self, out: BinaryIO, head: Header) -> None:
        self._out = out
        self._book = Workbook(write_only=True)
        self._summary = self._book.create_sheet(SUMMARY_SHEET)
        self._findings = self._book.create_sheet(FINDINGS_SHEET)
        self._stats = self._book.create_sheet(STATS_SHEET)
        self._summary.append(self._bold(SUMMARY_HEAD))
        self._findings.append(self._bold(FINDINGS_HEAD))
        self._defects: Counter[str] = Counter()
        self._agencies: dict[str, _Agency] = {}
        self._cases = 0
        self._finding_rows = 0

    def _bold(self, values: list[str]) -> list[WriteOnlyCell]:
        cells = []
        for value in values:
            cell = WriteOnlyCell(self._summary, value=value)
            cell.font = Font(bold=True)
            cells.append(cell)
        return cells

    def add(self, result: CaseResult) -> None:
        """One row in 评查得分汇总表 and one per finding in 问题清单."""
        self._cases += 1
        case = result.case
        number = case.case_number if case else None
        agency = agency_of(result)
        counts = self._agencies.setdefault(agency, _Agency())
        counts.cases += 1
        score = result.score
        findings = result.findings or []
        row: list[object] = [self._cases, result.source, number, case.party if case else None, agency]
        if result.status != "ok":
            row += ["出错", None, None, None, None, None, None, error_text(result)]
        else:
            row += ["已评查"]
            row += (
                [score.total, score.max, score.grade_label, "是" if score.vetoed else "否"]
                if score
                else [None] * 4
            )
            row += [len(findings), round(sum(f.deduction for f in findings), 2), None]
            if score is not None:
                counts.scores.append(score.total)
        self._summary.append(row)
        counts.findings += len(findings)
        for finding in findings:
            self._finding_rows += 1
            self._defects[finding.defect.value] += 1
            doc = DOCUMENT_LABELS[finding.document_type] if finding.document_type else None
            self._findings.append(
                [
                    self._finding_rows, result.source, number, agency, finding.rule_id,
                    DEFECT_LABELS[finding.defect], SEVERITY_LABELS[finding.severity], doc, finding.source,
                    finding.page, finding.message, finding.evidence, finding.basis, finding.sheet_item,
                    finding.deduction, "是" if finding.needs_review else "否",
                ]
            )  # fmt: skip

    def close(self, summary: Summary) -> None:
        """问题统计: counts by defect, then by agency; then save."""
        self._stats.append(self._bold(["问题类型", "代码", "问题数"]))
        for code, count in sorted(self._defects.items(), key=lambda kv: (-kv[1], kv[0])):
            label = next(label for defect, label in DEFECT_LABELS.items() if defect.value == code)
            self._stats.append([label, code, count])
        self._stats.append(["合计", None, sum(self._defects.values())])
        self._stats.append([])
        self._stats.append(self._bold(["执法机关", "案卷数", "问题数", "平均分"]))
        for agency, counts in sorted(self._agencies.items()):
            mean = round(sum(counts.scores) / len(counts.scores), 2) if counts.scores else None
            self._stats.append([agency, counts.cases, counts.findings, mean])
        self._book.save(self._out)


def render(report: Report, out: BinaryIO, sheet: Sheet | None = None) -> None:
    """Write the workbook of every case to a binary stream."""
    feed(Writer(out, Header.of(report, sheet)), report)
