"""The JSON machine contract (schema_version 1), written incrementally so a batch keeps memory flat."""

from __future__ import annotations

import json
from typing import Any, TextIO

from casefile_eval.reporters.base import Header, feed
from casefile_eval.results import SCHEMA_VERSION, CaseResult, Report, Summary
from casefile_eval.scoring.sheet import Sheet


def _dump(value: Any, indent: int) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + " " * indent)


class Writer:
    """Writes `{"schema_version", "tool", "sheet", "results": [`, each result, then `], "summary"}`."""

    def __init__(self, out: TextIO, head: Header) -> None:
        self._out = out
        self._count = 0
        sheet = head.sheet.model_dump(mode="json") if head.sheet else None
        out.write("{\n")
        out.write(f'  "schema_version": {SCHEMA_VERSION},\n')
        out.write(f'  "tool": {_dump(head.tool.model_dump(mode="json"), 2)},\n')
        out.write(f'  "sheet": {_dump(sheet, 2)},\n')
        out.write('  "results": [')

    def add(self, result: CaseResult) -> None:
        """Write one result and flush it."""
        self._out.write("," if self._count else "")
        self._out.write("\n    " + _dump(result.model_dump(mode="json"), 4))
        self._out.flush()
        self._count += 1

    def close(self, summary: Summary) -> None:
        """Close the results array and write the summary."""
        self._out.write("\n  ]" if self._count else "]")
        self._out.write(f',\n  "summary": {_dump(summary.model_dump(mode="json"), 2)}\n}}\n')
        self._out.flush()


def render(report: Report, out: TextIO, sheet: Sheet | None = None) -> None:
    """Write `report` as one JSON document, UTF-8 text with Chinese kept readable."""
    feed(Writer(out, Header.of(report, sheet)), report)


def load(text: str) -> Report:
    """A saved JSON report read back (for `casefile-eval report`)."""
    return Report.model_validate_json(text)
