"""The typed Python API: `read_case` and `evaluate`."""

from __future__ import annotations

from pathlib import Path

from casefile_eval.codes import ErrorCode
from casefile_eval.errors import CaseReadError
from casefile_eval.model import Case
from casefile_eval.reader import read_case as _read_case
from casefile_eval.results import CaseDatesOut, CaseOut, CaseResult, DocumentOut, ErrorInfo


def read_case(path: str | Path) -> Case:
    """Read a case file (a file, a folder of documents, or a .zip) into the document model."""
    return _read_case(Path(path))


def case_out(case: Case) -> CaseOut:
    """The contract's `case` part of a read case."""
    facts = case.facts
    dates = facts.dates
    return CaseOut(
        case_type=case.case_type.value,
        procedure=case.procedure.value,
        case_number=facts.case_number,
        party=facts.party,
        agency=facts.agency,
        fine_amount=facts.fine_amount,
        dates=CaseDatesOut(
            filed=_iso(dates.filed),
            notified=_iso(dates.notified),
            decided=_iso(dates.decided),
            served=_iso(dates.served),
            closed=_iso(dates.closed),
        ),
        partial=case.partial,
    )


def documents_out(case: Case) -> list[DocumentOut]:
    """The contract's `documents` part of a read case."""
    return [
        DocumentOut(
            type=d.type,
            title=d.title,
            source=d.source,
            pages=list(d.pages) if d.pages else None,
            confidence=round(d.confidence, 3),
        )
        for d in case.documents
    ]


def error_result(source: str, code: ErrorCode, message: str) -> CaseResult:
    """A result for a case that could not be evaluated."""
    return CaseResult(source=source, status="error", error=ErrorInfo(code=code, message=message))


def evaluate(path: str | Path) -> CaseResult:
    """Evaluate one case file; never raises for a bad case: the result says what went wrong."""
    source = str(path)
    try:
        case = _read_case(Path(path))
    except CaseReadError as exc:
        return error_result(source, exc.code, exc.message)
    except Exception as exc:  # a bug must not stop a batch: report it as this case's error
        return error_result(source, ErrorCode.INTERNAL, f"内部错误：{type(exc).__name__}: {exc}")
    return CaseResult(
        source=source,
        status="ok",
        case=case_out(case),
        documents=documents_out(case),
        findings=[],
        score=None,
    )


def _iso(value: object) -> str | None:
    return None if value is None else str(value)
