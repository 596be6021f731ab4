"""Facts of one typed document: every extractor run once over the document's prepared text."""

from __future__ import annotations

from bisect import bisect_right

from casefile_eval.codes import DateKind, DocumentType
from casefile_eval.extract.amounts import amount_facts, find_amounts, fine_amount, illegal_gains
from casefile_eval.extract.citations import find_citations
from casefile_eval.extract.dating import date_facts, extension_days
from casefile_eval.extract.numbers import document_numbers
from casefile_eval.extract.officers import find_officers
from casefile_eval.extract.parties import agency_kind, find_agency, find_party
from casefile_eval.extract.penalties import find_penalties
from casefile_eval.extract.remedy import find_remedy
from casefile_eval.extract.seals import find_seals
from casefile_eval.extract.served import find_served, served_rows
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from casefile_eval.model import DateFact, Document, DocumentFacts

_REMEDY_TYPES = {
    DocumentType.DECISION,
    DocumentType.SUMMARY_DECISION,
    DocumentType.ENFORCEMENT_MEASURE,
    DocumentType.PRIOR_NOTICE,
    DocumentType.HEARING_NOTICE,
    DocumentType.OTHER,
}
# documents that state the 违法所得 found (investigation) or confiscated (notice, review, approval, decision)
_GAINS_TYPES = {
    DocumentType.INVESTIGATION_REPORT,
    DocumentType.LEGAL_REVIEW,
    DocumentType.COLLECTIVE_DISCUSSION,
    DocumentType.PRIOR_NOTICE,
    DocumentType.DECISION_APPROVAL,
    DocumentType.DECISION,
}
_PENALTY_TYPES = {
    DocumentType.DECISION,
    DocumentType.SUMMARY_DECISION,
    DocumentType.PRIOR_NOTICE,
    DocumentType.DECISION_APPROVAL,
    DocumentType.OTHER,
}


def _dates_of_served_row(
    dates: list[DateFact], rows: list[tuple[int, DocumentType]], served: DocumentType
) -> list[DateFact]:
    """On a receipt listing several documents, one per row, only the row of the document it is taken to
    serve gives service dates; the other rows' dates are other dates (a 告知书 served weeks before the
    decision on the same form is not when the decision was served)."""
    if len(rows) < 2 or served not in [t for _, t in rows]:
        return dates
    starts = [index for index, _ in rows]
    own = starts.index(next(index for index, t in rows if t is served))

    def row_of(fact: DateFact) -> int:
        block = fact.evidence.block if fact.evidence and fact.evidence.block is not None else -1
        return max(bisect_right(starts, block) - 1, 0)

    return [
        d.model_copy(update={"kind": DateKind.OTHER}) if d.kind is DateKind.SERVED and row_of(d) != own else d
        for d in dates
    ]


def extract_document_facts(doc: Document) -> DocumentFacts:
    """Read the facts of one document (its type already set, its blocks in reading order)."""
    text = DocText.of(doc)
    dates = date_facts(text)
    numbers = document_numbers(text)
    amounts = find_amounts(text.flat)
    fine = fine_amount(text, amounts)
    party = find_party(text)
    agency = find_agency(text, dates)
    signatures = find_signatures(text)
    served = find_served(text) if doc.type is DocumentType.SERVICE_RECEIPT else None
    if served:
        dates = _dates_of_served_row(dates, served_rows(text), served.type)
    return DocumentFacts(
        case_number=numbers.own[0] if numbers.own else None,
        filing_number=numbers.filing[0] if numbers.filing else None,
        party=party[0] if party else None,
        agency=agency[0] if agency else None,
        agency_kind=agency_kind(agency[0]) if agency else None,
        officers=find_officers(text, signatures),
        fine_amount=fine,
        illegal_gains=illegal_gains(text, amounts) if doc.type in _GAINS_TYPES else None,
        amounts=amount_facts(text, amounts),
        dates=dates,
        citations=find_citations(text),
        remedy=find_remedy(text) if doc.type in _REMEDY_TYPES else None,
        signatures=signatures,
        seals=find_seals(text, dates, signatures),
        penalties=find_penalties(text, fine is not None) if doc.type in _PENALTY_TYPES else [],
        served_document=served.name if served else None,
        served_document_type=served.type if served else None,
        served_document_types=list(served.all_types) if served else [],
        extension_days=extension_days(text),
    )
