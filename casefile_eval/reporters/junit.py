"""JUnit XML for CI dashboards: one test suite per case, one test case per rule that fired.

The reporter sees results, not the rule pack, so rules that passed are not listed; a case without
findings has one passing test case `评查`, and a case that could not be read has one test case with an
`<error>`.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TextIO
from xml.sax.saxutils import escape, quoteattr

from casefile_eval.reporters.base import Header, feed
from casefile_eval.reporters.labels import error_text, points, where
from casefile_eval.results import CaseResult, Finding, Report, Summary
from casefile_eval.scoring.sheet import Sheet


class Writer:
    """Writes one `<testsuite>` per case as results come."""

    def __init__(self, out: TextIO, head: Header) -> None:
        self._out = out
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(f"<testsuites name={quoteattr(head.tool.name + ' ' + head.tool.version)}>\n")

    def add(self, result: CaseResult) -> None:
        """The suite of one case."""
        name = quoteattr(result.source)
        if result.status != "ok":
            self._out.write(f'  <testsuite name={name} tests="1" failures="0" errors="1">\n')
            message = quoteattr(error_text(result))
            self._out.write(f'    <testcase classname={name} name="读取案卷">\n')
            code = result.error.code.value if result.error else "internal"
            self._out.write(f"      <error message={message} type={quoteattr(code)}/>\n")
            self._out.write("    </testcase>\n  </testsuite>\n")
            return
        by_rule: dict[str, list[Finding]] = defaultdict(list)
        for finding in result.findings or []:
            by_rule[finding.rule_id].append(finding)
        tests = max(len(by_rule), 1)
        self._out.write(f'  <testsuite name={name} tests="{tests}" failures="{len(by_rule)}" errors="0">\n')
        if not by_rule:
            self._out.write(f'    <testcase classname={name} name="评查"/>\n')
        for rule_id, findings in by_rule.items():
            self._out.write(_testcase(name, rule_id, findings))
        self._out.write("  </testsuite>\n")
        self._out.flush()

    def close(self, summary: Summary) -> None:
        """End the document."""
        self._out.write("</testsuites>\n")


def _testcase(classname: str, rule_id: str, findings: list[Finding]) -> str:
    first = findings[0]
    body = "\n".join(
        f"{f.message} —— {where(f)}" + (f"（扣{points(f.deduction)}分）" if f.deduction else "")
        for f in findings
    )
    return (
        f"    <testcase classname={classname} name={quoteattr(rule_id)}>\n"
        f"      <failure message={quoteattr(first.message)} type={quoteattr(first.defect.value)}>"
        f"{escape(body)}</failure>\n"
        "    </testcase>\n"
    )


def render(report: Report, out: TextIO, sheet: Sheet | None = None) -> None:
    """Write the JUnit XML of every case."""
    feed(Writer(out, Header.of(report, sheet)), report)
