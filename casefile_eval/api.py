"""The typed Python API: `read_case` and `evaluate`."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from casefile_eval.codes import ErrorCode
from casefile_eval.errors import CaseReadError
from casefile_eval.model import Case
from casefile_eval.reader import read_case as _read_case
from casefile_eval.results import CaseDatesOut, CaseOut, CaseResult, DocumentOut, ErrorInfo
from casefile_eval.rules import RuleSet, load_rules, run_rules
from casefile_eval.scoring import Sheet, load_sheet, score_result

DEFAULT_SHEET = "general"
RulesArg = RuleSet | Sequence[str | Path] | None
SheetArg = Sheet | str | Path | None


@lru_cache(maxsize=8)
def ruleset_for(extra: tuple[Path, ...] = ()) -> RuleSet:
    """The built-in pack plus `extra` rule files, loaded once per process; raises `ConfigError`."""
    return load_rules(extra)


@lru_cache(maxsize=8)
def sheet_for(name_or_path: str = DEFAULT_SHEET) -> Sheet:
    """A built-in sheet or a sheet file, loaded once per process; raises `ConfigError`."""
    return load_sheet(name_or_path)


def resolve(rules: RulesArg = None, sheet: SheetArg = None) -> tuple[RuleSet, Sheet]:
    """The rule set and the sheet named by `evaluate`'s arguments (defaults: built-in pack, `general`)."""
    ruleset = rules if isinstance(rules, RuleSet) else ruleset_for(tuple(Path(p) for p in rules or ()))
    sheet_def = sheet if isinstance(sheet, Sheet) else sheet_for(str(sheet or DEFAULT_SHEET))
    return ruleset, sheet_def


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


def evaluate(path: str | Path, *, rules: RulesArg = None, sheet: SheetArg = None) -> CaseResult:
    """Read, check and score one case file.

    `rules`: a loaded `RuleSet`, or extra rule files added to the built-in pack (default: the pack alone).
    `sheet`: a loaded `Sheet`, a built-in sheet name or a sheet file (default: `general`). A bad rule or
    sheet file raises `ConfigError` before the case is read; a bad case never raises: its result says
    what went wrong (`status: "error"`).
    """
    ruleset, sheet_def = resolve(rules, sheet)
    source = str(path)
    try:
        case = _read_case(Path(path))
    except CaseReadError as exc:
        return error_result(source, exc.code, exc.message)
    except Exception as exc:  # a bug must not stop a batch: report it as this case's error
        return error_result(source, ErrorCode.INTERNAL, f"内部错误：{type(exc).__name__}: {exc}")
    result = CaseResult(
        source=source,
        status="ok",
        case=case_out(case),
        documents=documents_out(case),
        findings=run_rules(case, ruleset),
    )
    return score_result(result, sheet_def)


def _iso(value: object) -> str | None:
    return None if value is None else str(value)
