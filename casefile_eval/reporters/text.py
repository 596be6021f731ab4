"""A terminal summary for a person: one block per case, Chinese."""

from __future__ import annotations

from typing import TextIO

from casefile_eval.reporters.base import Header, feed
from casefile_eval.reporters.labels import error_text, points, where
from casefile_eval.results import CaseOut, CaseResult, Report, Score, Summary
from casefile_eval.scoring.sheet import Sheet

_DATE_LABELS = {"filed": "立案", "notified": "告知", "decided": "决定", "served": "送达", "closed": "结案"}


class Writer:
    """Writes each case as it comes, then the totals."""

    def __init__(self, out: TextIO, head: Header) -> None:
        self._out = out
        self._head = head
        if head.sheet is not None:
            out.write(f"评查表：{head.sheet.title}（{head.sheet.id}）\n\n")

    def add(self, result: CaseResult) -> None:
        """Write one case."""
        _case(result, self._out)
        self._out.flush()

    def close(self, summary: Summary) -> None:
        """Write the totals and, if the sheet has them, the items left to a person."""
        line = f"共 {summary.cases} 件，已评查 {summary.evaluated} 件，出错 {summary.errors} 件"
        if summary.mean_score is not None:
            line += f"，平均分 {points(summary.mean_score)}"
        self._out.write(line + "\n")
        sheet = self._head.sheet_def
        if sheet is not None and sheet.manual:
            titles = "；".join(m.title for m in sheet.manual)
            self._out.write(f"需人工评查：{titles}\n")


def render(report: Report, out: TextIO, sheet: Sheet | None = None) -> None:
    """Write a readable summary of every case and the totals."""
    feed(Writer(out, Header.of(report, sheet)), report)


def _case(result: CaseResult, out: TextIO) -> None:
    out.write(f"== {result.source}\n")
    if result.status != "ok":
        out.write(f"  无法评查：{error_text(result)}\n\n")
        return
    if result.case is not None:
        _facts(result.case, out)
    out.write(f"  文书 {len(result.documents or [])} 份：\n")
    for doc in result.documents or []:
        pages = f"第{doc.pages[0]}-{doc.pages[-1]}页" if doc.pages else ""
        out.write(f"    - {doc.title or '（无标题）'} [{doc.type.value}] {doc.source} {pages}\n")
    if result.score is not None:
        _score(result.score, out)
    for finding in result.findings or []:
        review = "（需人工复核）" if finding.needs_review else ""
        cost = f" −{points(finding.deduction)}分" if finding.deduction else ""
        out.write(f"  ✗ [{finding.rule_id}] {finding.message}{review}{cost} —— {where(finding)}\n")
    out.write("\n")


def _facts(case: CaseOut, out: TextIO) -> None:
    out.write(f"  案号：{case.case_number or '（未识别）'}\n")
    out.write(f"  当事人：{case.party or '（未识别）'}\n")
    out.write(f"  执法机关：{case.agency or '（未识别）'}\n")
    if case.fine_amount is not None:
        out.write(f"  罚款：{case.fine_amount:g} 元\n")
    dates = "，".join(
        f"{label} {value}" for key, label in _DATE_LABELS.items() if (value := getattr(case.dates, key))
    )
    if dates:
        out.write(f"  日期：{dates}\n")


def _score(score: Score, out: TextIO) -> None:
    veto = "（否决）" if score.vetoed else ""
    out.write(f"  得分：{points(score.total)}/{points(score.max)}  等级：{score.grade_label}{veto}\n")
    for item in score.items:
        if item.deducted:
            got = f"{points(item.score)}/{points(item.max)}"
            out.write(f"    {item.title}：扣 {points(item.deducted)} 分，得 {got}\n")
