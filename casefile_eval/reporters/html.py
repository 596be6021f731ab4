"""Printable, self-contained Chinese HTML: one page per case (each finding with its page and excerpt, the
sheet with points, the manual items left to a person), and for a batch an index page.

`render` writes one file holding every case given; `DirWriter` writes `index.html` plus one
`NNNN-<name>.html` per case into a folder, streaming.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, TextIO

from jinja2 import Environment, PackageLoader, select_autoescape

from casefile_eval.codes import Grade
from casefile_eval.reporters.base import Header
from casefile_eval.reporters.labels import (
    DEFECT_LABELS,
    DOCUMENT_LABELS,
    SEVERITY_LABELS,
    error_text,
)
from casefile_eval.results import CaseResult, Finding, Report, Summary
from casefile_eval.scoring.sheet import GRADE_LABELS, Sheet

_ENV = Environment(
    loader=PackageLoader("casefile_eval.reporters", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True, enabled_extensions=("html", "j2")),
    trim_blocks=True,
    lstrip_blocks=True,
)
_LABELS = {
    "defect": DEFECT_LABELS,
    "document": DOCUMENT_LABELS,
    "severity": SEVERITY_LABELS,
    "grades": [(g.value, GRADE_LABELS[g]) for g in Grade],
}
_DATES = (
    ("filed", "立案"),
    ("notified", "告知"),
    ("decided", "决定"),
    ("served", "送达"),
    ("closed", "结案"),
)


def case_view(index: int, result: CaseResult) -> dict[str, Any]:
    """What the templates need of one case: its findings grouped by the sheet item that cost points."""
    items = {item.id for item in result.score.items} if result.score else set()
    by_item: dict[str, list[tuple[int, Finding]]] = {}
    vetoes: dict[str, list[tuple[int, Finding]]] = {}
    for n, finding in enumerate(result.findings or [], start=1):
        key = finding.sheet_item or ""
        if key in items:
            by_item.setdefault(key, []).append((n, finding))
        elif result.score is not None and result.score.vetoed and finding.sheet_item:
            vetoes.setdefault(key, []).append((n, finding))
    error = error_text(result) if result.status != "ok" else None
    dates = result.case.dates if result.case else None
    written = [f"{label} {value}" for key, label in _DATES if dates and (value := getattr(dates, key))]
    return {
        "index": index,
        "result": result,
        "error": error,
        "dates": "；".join(written),
        "by_item": by_item,
        "vetoes": list(vetoes.items()),
    }


def _page(head: Header, title: str, views: list[dict[str, Any]], summary: Summary | None) -> str:
    template = _ENV.get_template("report.html.j2")
    return template.render(
        title=title, head=head, cases=views, labels=_LABELS, summary=summary, show_summary=summary is not None
    )


class Writer:
    """One HTML file with every case (meant for one or a few cases; a batch uses `DirWriter`)."""

    def __init__(self, out: TextIO, head: Header) -> None:
        self._out = out
        self._head = head
        self._views: list[dict[str, Any]] = []

    def add(self, result: CaseResult) -> None:
        """Keep one case for the page."""
        self._views.append(case_view(len(self._views) + 1, result))

    def close(self, summary: Summary) -> None:
        """Write the page."""
        title = (
            "案卷评查报告" if len(self._views) != 1 else f"案卷评查报告：{self._views[0]['result'].source}"
        )
        self._out.write(_page(self._head, title, self._views, summary if len(self._views) > 1 else None))


def case_file_name(index: int, source: str) -> str:
    """The file name of a case's page in a batch folder: `0007-<safe name>.html`."""
    name = Path(source.rstrip("/\\")).name or "case"
    safe = re.sub(r"[^\w.\-\u4e00-\u9fff]+", "_", name)[:80]
    return f"{index:04d}-{safe}.html"


class DirWriter:
    """A batch as a folder: one page per case written as it comes, `index.html` at the end."""

    def __init__(self, folder: Path, head: Header) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._folder = folder
        self._head = head
        self._rows: list[dict[str, Any]] = []

    def add(self, result: CaseResult) -> None:
        """Write the case's page and keep its index row."""
        index = len(self._rows) + 1
        page = case_file_name(index, result.source)
        html = _page(self._head, f"案卷评查报告：{result.source}", [case_view(index, result)], None)
        (self._folder / page).write_text(html, encoding="utf-8")
        score = result.score
        self._rows.append(
            {
                "index": index,
                "page": page,
                "source": result.source,
                "error": error_text(result) if result.status != "ok" else None,
                "case_number": result.case.case_number if result.case else None,
                "agency": result.case.agency if result.case else None,
                "total": score.total if score else None,
                "max": score.max if score else None,
                "grade": score.grade.value if score else None,
                "grade_label": score.grade_label if score else None,
                "findings": len(result.findings or []),
            }
        )

    def close(self, summary: Summary) -> None:
        """Write `index.html`."""
        template = _ENV.get_template("index.html.j2")
        html = template.render(head=self._head, rows=self._rows, summary=summary, labels=_LABELS)
        (self._folder / "index.html").write_text(html, encoding="utf-8")


def render(report: Report, out: TextIO, sheet: Sheet | None = None) -> None:
    """Write one self-contained HTML file holding every case of `report`."""
    writer = Writer(out, Header.of(report, sheet))
    for result in report.results:
        writer.add(result)
    writer.close(report.summary)


def render_dir(report: Report, folder: Path, sheet: Sheet | None = None) -> None:
    """Write `report` as a folder: `index.html` and one page per case."""
    writer = DirWriter(folder, Header.of(report, sheet))
    for result in report.results:
        writer.add(result)
    writer.close(report.summary)
