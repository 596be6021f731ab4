"""Case facts reconciled across documents (the contract's `case` block), procedure, case type, partial.

case_number: the decision's 文号. party / agency: the decision's, else the most frequent (a party the other
documents agree on stands for an OCR misread of one or two characters in the decision's; on a scan, an agency
written whole in the file's other lines for one read with characters lost under the seal, see `agency_text`).
fine: the decision's. Dates: filed from the 立案审批表, notified from the 事先告知书, decided from the
decision, served from the 送达回证 that serves the decision (its 文号 and name matching the decision's, the
first after the decision among equals; else the first unnamed receipt after the decision; for a 当场 decision
the party's signature on it), closed from the 结案审批表.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from casefile_eval.codes import CaseType, DateKind, DocumentType, Procedure, Role
from casefile_eval.extract.agency_text import whole_agency
from casefile_eval.extract.document import extract_document_facts
from casefile_eval.extract.parties import agency_kind
from casefile_eval.extract.year_doubt import settle_doubtful_years
from casefile_eval.model import CaseDates, CaseFacts, DateFact, Document, DocumentFacts

_T = DocumentType
_DECISIONS = (_T.DECISION, _T.SUMMARY_DECISION)
_DECISION_LIKE = {_T.DECISION, _T.PRIOR_NOTICE, _T.HEARING_NOTICE, _T.OTHER, _T.COVER}
_SUMMARY_WORDS = re.compile(r"当场|简易程序")
_EMPTY = DocumentFacts()


@dataclass(frozen=True)
class CaseSummary:
    """What reconciliation gives the reader: the case facts, procedure, case type and partial flag."""

    facts: CaseFacts
    procedure: Procedure
    case_type: CaseType
    partial: bool


def _facts(doc: Document) -> DocumentFacts:
    return doc.facts if doc.facts != _EMPTY else extract_document_facts(doc)


def _first_date(
    facts: DocumentFacts, *kinds: DateKind, role: Role | None = None, anchors: tuple[dt.date, ...] = ()
) -> dt.date | None:
    """The first date of `kinds` read whole; else one written with its month and day alone (8.21 beside the
    head's name) placed in the one year that sets it within PLACE_DAYS of every date the document reads
    whole but a stamp (or, where it reads none, of `anchors`: the decision's date for its receipt)."""
    for fact in facts.dates:
        if fact.kind in kinds and fact.value is not None and (role is None or fact.role is role):
            return fact.value
    # (not a stamp: a platform's download time, 2026-11-22 16:22, dates no act of the case)
    acts = tuple(d.value for d in facts.dates if d.value is not None and not _stamp(d))
    whole = acts or anchors
    for fact in facts.dates:
        if fact.kind in kinds and fact.month and fact.day and (role is None or fact.role is role):
            placed = _placed(fact.month, fact.day, whole)
            if placed is not None:
                return placed
    return None


_CLOCK = re.compile(r"[0-9]{1,2}[:：][0-9]{2}")


def _stamp(fact: DateFact) -> bool:
    """A date written with its time to the minute that dates no act of the case (kind `other`): a print,
    download or scan stamp."""
    return fact.kind is DateKind.OTHER and _CLOCK.search(fact.raw) is not None


PLACE_DAYS = 92  # days from the dates around it within which a month and day alone is placed


def _placed(month: int, day: int, around: tuple[dt.date, ...]) -> dt.date | None:
    """The one day of `month` and `day` within PLACE_DAYS of every date `around`; None when none is, or
    more than one."""
    days = set()
    for year in {a.year + shift for a in around for shift in (-1, 0, 1)}:
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if all(abs((candidate - a).days) <= PLACE_DAYS for a in around):
            days.add(candidate)
    return days.pop() if len(days) == 1 else None


def _date_of(
    pairs: Iterable[tuple[Document, DocumentFacts]], doc_type: DocumentType, kind: DateKind
) -> dt.date | None:
    for doc, facts in pairs:
        if doc.type is doc_type and (value := _first_date(facts, kind)) is not None:
            return value
    return None


def _notified(pairs: list[tuple[Document, DocumentFacts]]) -> dt.date | None:
    """The date of the 事先告知书; in a case without one, of a 听证告知书 that stands in for it (it gives
    the proposed penalty and the rights too). A 听证通知书 comes later than the 告知书 it answers: where the
    告知书's own date is unreadable (under its seal) the case's is unknown."""
    if any(doc.type is _T.PRIOR_NOTICE for doc, _ in pairs):
        return _date_of(pairs, _T.PRIOR_NOTICE, DateKind.NOTIFIED)
    return _date_of(pairs, _T.HEARING_NOTICE, DateKind.ISSUED)


def _most_frequent(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


def _decision_name(
    pairs: list[tuple[Document, DocumentFacts]], decision_at: int | None, field: Literal["party", "agency"]
) -> str | None:
    """The decision's party or agency; on a decision read by OCR, a name at least two other documents agree
    on that differs from the decision's reading in a character or two (鸿泰量业 for 鸿泰置业, 连水县… for
    涟水县…) is the truth; the most frequent where the decision names none."""
    if decision_at is None or not (value := getattr(pairs[decision_at][1], field)):
        return _most_frequent(getattr(f, field) for _, f in pairs)
    if not any(b.confidence is not None for b in pairs[decision_at][0].blocks):
        return str(value)
    others = Counter(
        getattr(f, field) for i, (_, f) in enumerate(pairs) if i != decision_at and getattr(f, field)
    )
    for name, count in others.most_common():
        if count < 2:
            break
        differing = sum(a != b for a, b in zip(name, value, strict=False))
        if len(name) == len(value) and 0 < differing <= max(1, len(value) // 8):
            return str(name)
    return str(value)


def _receipt_rank(facts: DocumentFacts, number: str | None) -> int | None:
    """How surely a 送达回证 serves the decision: its 文号 and a decision's name (3), the 文号 (2), a
    decision's name (1); None for a receipt naming another document (a 告知书 may share the 文号)."""
    served_type = facts.served_document_type
    if served_type is not None and served_type not in (*_DECISIONS, _T.OTHER):
        return None
    named = served_type in _DECISIONS
    numbered = bool(number and facts.served_document and number in facts.served_document)
    if not (named or numbered):
        return None
    return 2 * numbered + named


def _served(
    pairs: list[tuple[Document, DocumentFacts]],
    decision_at: int | None,
    number: str | None,
    decided: dt.date | None,
) -> dt.date | None:
    receipts = [(i, f) for i, (d, f) in enumerate(pairs) if d.type is _T.SERVICE_RECEIPT]
    after = decision_at if decision_at is not None else -1
    anchors = (decided,) if decided is not None else ()  # (a receipt's month and day placed by the decision)
    ranked = [
        (rank, i > after, -i, value)
        for i, facts in receipts
        if (rank := _receipt_rank(facts, number)) is not None
        and (value := _first_date(facts, DateKind.SERVED, anchors=anchors)) is not None
    ]
    if ranked:
        return max(ranked, key=lambda r: r[:3])[3]
    if decision_at is not None:
        for i, facts in receipts:
            if (
                i > decision_at
                and not facts.served_document
                and (value := _first_date(facts, DateKind.SERVED))
            ):
                return value
        doc, facts = pairs[decision_at]
        if doc.type is _T.SUMMARY_DECISION:
            return _first_date(facts, DateKind.SERVED, DateKind.SIGNED, role=Role.PARTY) or _first_date(
                facts, DateKind.SERVED, DateKind.SIGNED, role=Role.RECIPIENT
            )
    return None


def _procedure(pairs: list[tuple[Document, DocumentFacts]]) -> Procedure:
    for doc, _ in pairs:
        if doc.type is _T.SUMMARY_DECISION:
            return Procedure.SUMMARY
        if doc.type is _T.DECISION and _SUMMARY_WORDS.search(doc.title or ""):
            return Procedure.SUMMARY
    return Procedure.GENERAL


def _case_type(documents: list[Document]) -> CaseType:
    types = {d.type for d in documents}
    if types & {_T.DECISION, _T.SUMMARY_DECISION, _T.PRIOR_NOTICE}:
        titles = "".join(d.title or "" for d in documents if d.type is _T.DECISION)
        return (
            CaseType.ADMINISTRATIVE_LICENSING
            if "许可" in titles and "处罚" not in titles
            else CaseType.ADMINISTRATIVE_PENALTY
        )
    if any("许可" in (d.title or "") for d in documents):
        return CaseType.ADMINISTRATIVE_LICENSING
    if _T.ENFORCEMENT_MEASURE in types:
        return CaseType.ADMINISTRATIVE_COERCION
    if types and types <= {_T.INSPECTION_RECORD, _T.INQUIRY_RECORD, _T.EVIDENCE, _T.COVER, _T.TOC, _T.OTHER}:
        return (
            CaseType.ADMINISTRATIVE_INSPECTION
            if _T.INSPECTION_RECORD in types
            else CaseType.ADMINISTRATIVE_PENALTY
        )
    return CaseType.ADMINISTRATIVE_PENALTY


def reconcile_case(documents: list[Document]) -> CaseSummary:
    """Reconcile the facts of a case's documents (extracting those not yet extracted); a year a scan read
    unsurely and out of line with the case is read again as the case's (`year_doubt`)."""
    settle_doubtful_years(documents)
    pairs = [(doc, _facts(doc)) for doc in documents]
    decision_at = next((i for i, (d, _) in enumerate(pairs) if d.type is _T.DECISION), None)
    if decision_at is None:
        decision_at = next((i for i, (d, _) in enumerate(pairs) if d.type is _T.SUMMARY_DECISION), None)
    decision = pairs[decision_at][1] if decision_at is not None else None
    number = decision.case_number if decision else None
    party = _decision_name(pairs, decision_at, "party")
    agency = _decision_name(pairs, decision_at, "agency")
    if agency and any(b.confidence is not None for d in documents for b in d.blocks):
        # (a 落款 read under the seal with a character lost: the name as the file's other lines write it)
        agency = whole_agency(agency, (b.text for d in documents for b in d.blocks))
    decided = _first_date(decision, DateKind.DECIDED) if decision else None
    dates = CaseDates(
        filed=_date_of(pairs, _T.FILING_APPROVAL, DateKind.FILED),
        notified=_notified(pairs),
        decided=decided,
        served=_served(pairs, decision_at, number, decided),
        closed=_date_of(pairs, _T.CLOSING_REPORT, DateKind.CLOSED),
    )
    facts = CaseFacts(
        case_number=number,
        party=party,
        agency=agency,
        agency_kind=agency_kind(agency),
        fine_amount=decision.fine_amount if decision else None,
        dates=dates,
    )
    types = {d.type for d in documents}
    partial = bool(types) and types <= _DECISION_LIKE and bool(types & {_T.DECISION, _T.PRIOR_NOTICE})
    return CaseSummary(facts, _procedure(pairs), _case_type(documents), partial)
