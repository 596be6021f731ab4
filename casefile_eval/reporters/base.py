"""What every reporter shares: the header of a report, and writers fed one result at a time.

Every format has a `Writer` taking results one by one (so a batch streams with flat memory) and a
`render(report, out, sheet=None)` that feeds a whole `Report` through it. `sheet` (the `Sheet` the
results were scored on) lets a report list the sheet's manual items and wording; it may be None.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from casefile_eval.results import CaseResult, Report, SheetInfo, Summary, ToolInfo
from casefile_eval.scoring.sheet import Sheet


@dataclass(frozen=True)
class Header:
    """What a report knows before its first result."""

    tool: ToolInfo
    sheet: SheetInfo | None
    sheet_def: Sheet | None = None

    @classmethod
    def of(cls, report: Report, sheet: Sheet | None = None) -> Header:
        """The header of an existing report."""
        return cls(tool=report.tool, sheet=report.sheet, sheet_def=sheet)


class Writer(Protocol):
    """A report being written one result at a time."""

    def add(self, result: CaseResult) -> None:
        """Write one case's result."""

    def close(self, summary: Summary) -> None:
        """Write the totals and finish the output."""


def feed(writer: Writer, report: Report) -> None:
    """Write a whole report through `writer`."""
    for result in report.results:
        writer.add(result)
    writer.close(report.summary)
