"""SARIF 2.1.0 for code-scanning tools: one result per finding, stable rule ids and fingerprints.

Case files have pages, not lines: a finding's page is kept in the location's `properties.page` and in
the message, and the artifact is the document file (or the case file) it was found in.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, TextIO
from urllib.parse import quote

from casefile_eval.codes import Severity
from casefile_eval.reporters.base import Header, feed
from casefile_eval.reporters.labels import DEFECT_LABELS, error_text, where
from casefile_eval.results import CaseResult, Finding, Report, Summary
from casefile_eval.scoring.sheet import Sheet

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "casefileEval/v1"
INFORMATION_URI = "https://github.com/casefile-eval/casefile-eval"


def fingerprint(result: CaseResult, finding: Finding) -> str:
    """A stable hash of what makes a finding the same finding from one run to the next."""
    parts = [
        result.source,
        finding.rule_id,
        finding.defect.value,
        finding.role.value if finding.role else "",
        finding.document_type.value if finding.document_type else "",
        finding.source or "",
        str(finding.page or ""),
        finding.evidence or "",
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _uri(result: CaseResult, finding: Finding | None) -> str:
    path = result.source.rstrip("/")
    if finding is not None and finding.source and finding.source != result.source:
        path = f"{path}/{finding.source}"
    return quote(path.replace("\\", "/"), safe="/:")


def _level(finding: Finding) -> str:
    return "warning" if finding.severity is Severity.MINOR else "error"


def sarif_result(result: CaseResult, finding: Finding) -> dict[str, Any]:
    """One finding as a SARIF result."""
    location: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": _uri(result, finding)}}}
    if finding.page is not None:
        location["properties"] = {"page": finding.page}
    properties: dict[str, Any] = {
        "case": result.source,
        "defect": finding.defect.value,
        "severity": finding.severity.value,
        "deduction": finding.deduction,
        "confidence": finding.confidence,
        "needsReview": finding.needs_review,
    }
    for key, value in (("role", finding.role), ("documentType", finding.document_type)):
        if value is not None:
            properties[key] = value.value
    if finding.sheet_item:
        properties["sheetItem"] = finding.sheet_item
    return {
        "ruleId": finding.rule_id,
        "level": _level(finding),
        "message": {"text": f"{finding.message}（{where(finding)}）"},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(result, finding)},
        "properties": properties,
    }


class Writer:
    """Streams results into one run; the rule descriptors (collected on the way) come last."""

    def __init__(self, out: TextIO, head: Header) -> None:
        self._out = out
        self._head = head
        self._rules: dict[str, Finding] = {}
        self._notifications: list[dict[str, Any]] = []
        self._count = 0
        out.write(f'{{"$schema": "{SCHEMA_URI}", "version": "2.1.0", "runs": [{{"results": [')

    def add(self, result: CaseResult) -> None:
        """The SARIF results of one case; a case that could not be read becomes a notification."""
        if result.status != "ok":
            self._notifications.append(
                {
                    "level": "error",
                    "message": {"text": f"{result.source}：{error_text(result)}"},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(result, None)}}}],
                }
            )
            return
        for finding in result.findings or []:
            self._rules.setdefault(finding.rule_id, finding)
            self._out.write(",\n" if self._count else "\n")
            self._out.write(json.dumps(sarif_result(result, finding), ensure_ascii=False))
            self._count += 1

    def close(self, summary: Summary) -> None:
        """The tool with its rules, the invocation, the totals."""
        driver = {
            "name": self._head.tool.name,
            "version": self._head.tool.version,
            "informationUri": INFORMATION_URI,
            "rules": [_descriptor(rule_id, f) for rule_id, f in sorted(self._rules.items())],
        }
        invocation = {
            "executionSuccessful": summary.errors == 0,
            "toolExecutionNotifications": self._notifications,
        }
        tail = {
            "tool": {"driver": driver},
            "invocations": [invocation],
            "properties": {"summary": summary.model_dump(mode="json")},
        }
        self._out.write("\n]," + json.dumps(tail, ensure_ascii=False)[1:] + "]}\n")


def _descriptor(rule_id: str, example: Finding) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": rule_id,
        "shortDescription": {"text": DEFECT_LABELS[example.defect]},
        "defaultConfiguration": {"level": _level(example)},
        "properties": {"defect": example.defect.value},
    }
    if example.basis:
        descriptor["fullDescription"] = {"text": example.basis}
    return descriptor


def render(report: Report, out: TextIO, sheet: Sheet | None = None) -> None:
    """Write the SARIF log of every case."""
    feed(Writer(out, Header.of(report, sheet)), report)
