"""GitHub Actions workflow commands: `::error file=…,line=…::message` per finding."""

from __future__ import annotations

from typing import TextIO

from casefile_eval.codes import Severity
from casefile_eval.reporters.base import Header, feed
from casefile_eval.reporters.labels import error_text, points
from casefile_eval.results import CaseResult, Finding, Report, Summary
from casefile_eval.scoring.sheet import Sheet


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _file(result: CaseResult, finding: Finding | None) -> str:
    if finding is None or not finding.source or finding.source == result.source:
        return result.source
    return f"{result.source.rstrip('/')}/{finding.source}"


def annotation(result: CaseResult, finding: Finding) -> str:
    """One finding as a workflow command; `line` carries the page (GitHub has no pages)."""
    level = "warning" if finding.severity is Severity.MINOR or finding.needs_review else "error"
    props = [f"file={_escape_property(_file(result, finding))}"]
    if finding.page is not None:
        props.append(f"line={finding.page}")
    props.append(f"title={_escape_property(finding.rule_id)}")
    message = finding.message + (f"（扣{points(finding.deduction)}分）" if finding.deduction else "")
    return f"::{level} {','.join(props)}::{_escape_data(message)}"


class Writer:
    """Writes annotations as results come."""

    def __init__(self, out: TextIO, head: Header) -> None:
        self._out = out

    def add(self, result: CaseResult) -> None:
        """Annotations for one case: an error for a case that could not be read, one per finding."""
        if result.status != "ok":
            file = _escape_property(result.source)
            self._out.write(f"::error file={file},title=无法评查::{_escape_data(error_text(result))}\n")
            return
        for finding in result.findings or []:
            self._out.write(annotation(result, finding) + "\n")
        if result.score is not None:
            score = result.score
            text = f"{result.source}：{points(score.total)}/{points(score.max)} 分，{score.grade_label}"
            self._out.write(f"::notice title=评查得分::{_escape_data(text)}\n")

    def close(self, summary: Summary) -> None:
        """A closing notice with the totals."""
        text = f"共 {summary.cases} 件，已评查 {summary.evaluated} 件，出错 {summary.errors} 件"
        self._out.write(f"::notice title=评查汇总::{_escape_data(text)}\n")


def render(report: Report, out: TextIO, sheet: Sheet | None = None) -> None:
    """Write the workflow commands of every case."""
    feed(Writer(out, Header.of(report, sheet)), report)
