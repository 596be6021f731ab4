"""A terminal summary for a person: one block per case, Chinese."""

from __future__ import annotations

from typing import TextIO

from casefile_eval.results import CaseResult, Report

_DATE_LABELS = {"filed": "立案", "notified": "告知", "decided": "决定", "served": "送达", "closed": "结案"}


def render(report: Report, out: TextIO) -> None:
    """Write a readable summary of every case and the totals."""
    for result in report.results:
        _case(result, out)
    s = report.summary
    line = f"共 {s.cases} 件，已评查 {s.evaluated} 件，出错 {s.errors} 件"
    if s.mean_score is not None:
        line += f"，平均分 {s.mean_score}"
    out.write(line + "\n")


def _case(result: CaseResult, out: TextIO) -> None:
    out.write(f"== {result.source}\n")
    if result.status != "ok" or result.case is None:
        error = result.error
        out.write(f"  无法评查：{error.message if error else '未知错误'}（{error.code if error else ''}）\n\n")
        return
    case = result.case
    out.write(f"  案号：{case.case_number or '（未识别）'}\n")
    out.write(f"  当事人：{case.party or '（未识别）'}\n")
    out.write(f"  执法机关：{case.agency or '（未识别）'}\n")
    if case.fine_amount is not None:
        out.write(f"  罚款：{case.fine_amount:g} 元\n")
    dates = "，".join(f"{label} {value}" for key, label in _DATE_LABELS.items() if (value := getattr(case.dates, key)))
    if dates:
        out.write(f"  日期：{dates}\n")
    out.write(f"  文书 {len(result.documents or [])} 份：\n")
    for doc in result.documents or []:
        pages = f"第{doc.pages[0]}-{doc.pages[1]}页" if doc.pages else ""
        out.write(f"    - {doc.title or '（无标题）'} [{doc.type.value}] {doc.source} {pages}\n")
    if result.score is not None:
        score = result.score
        out.write(f"  得分：{score.total:g}/{score.max:g}  等级：{score.grade_label}\n")
    for finding in result.findings or []:
        where = f"{finding.source or ''} 第{finding.page}页" if finding.page else (finding.source or "")
        review = "（需人工复核）" if finding.needs_review else ""
        out.write(f"  ✗ [{finding.rule_id}] {finding.message}{review} —— {where}\n")
    out.write("\n")
