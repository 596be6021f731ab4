"""The JSON machine contract (schema_version 1)."""

from __future__ import annotations

from typing import TextIO

from casefile_eval.results import Report


def render(report: Report, out: TextIO) -> None:
    """Write `report` as one JSON document, UTF-8 text with Chinese kept readable."""
    out.write(report.model_dump_json(indent=2))
    out.write("\n")
