"""A year a scan read with an unsure numeral, in a year no sure date of the case falls in, is read again as
the case's year nearest the case's dates (holdout42 h42-01: 二〇一八 read 二0一六 under a carbon copy's grain,
which put the decision two years before its service); a sure year, or one the case's sure dates share,
stays as read."""

from __future__ import annotations

import datetime as dt

from casefile_eval.codes import DateKind, DocumentType
from casefile_eval.extract.year_doubt import settle_doubtful_years
from casefile_eval.model import Block, BlockKind, DateFact, Document, DocumentFacts, Evidence


def _doc(kind: DocumentType, text: str, value: dt.date, year_score: float | None) -> Document:
    scores = None if year_score is None else tuple(year_score if i == 3 else 0.99 for i in range(len(text)))
    block = Block(kind=BlockKind.LINE, text=text, source="scan.pdf", page=1, char_scores=scores)
    fact = DateFact(
        kind=DateKind.DECIDED,
        value=value,
        raw=text,
        evidence=Evidence(text=text, source="scan.pdf", page=1, block=0),
    )
    return Document(
        type=kind,
        title="文书",
        source="scan.pdf",
        pages=(1, 1),
        confidence=0.9,
        blocks=[block],
        facts=DocumentFacts(dates=[fact]),
    )


def _values(*docs: Document) -> list[tuple[dt.date | None, float]]:
    settle_doubtful_years(list(docs))
    return [(f.value, f.confidence) for d in docs for f in d.facts.dates]


def test_an_unsure_year_out_of_line_takes_the_cases_year() -> None:
    filed = _doc(DocumentType.FILING_APPROVAL, "2018年4月13日", dt.date(2018, 4, 13), None)
    decision = _doc(DocumentType.DECISION, "二0一六年五月七日", dt.date(2016, 5, 7), 0.56)
    served = _doc(DocumentType.SERVICE_RECEIPT, "2018年5月4日", dt.date(2018, 5, 4), None)
    assert _values(filed, decision, served) == [
        (dt.date(2018, 4, 13), 1.0),
        (dt.date(2018, 5, 7), 0.56),
        (dt.date(2018, 5, 4), 1.0),
    ]


def test_over_new_year_the_nearer_year_is_taken() -> None:
    filed = _doc(DocumentType.FILING_APPROVAL, "2021年12月20日", dt.date(2021, 12, 20), None)
    decision = _doc(DocumentType.DECISION, "二0二七年一月六日", dt.date(2027, 1, 6), 0.51)
    served = _doc(DocumentType.SERVICE_RECEIPT, "2022年1月8日", dt.date(2022, 1, 8), None)
    assert _values(filed, decision, served)[1] == (dt.date(2022, 1, 6), 0.51)


def test_a_sure_year_or_one_the_case_shares_stays() -> None:
    filed = _doc(DocumentType.FILING_APPROVAL, "2018年4月13日", dt.date(2018, 4, 13), None)
    sure = _doc(DocumentType.DECISION, "二0一六年五月七日", dt.date(2016, 5, 7), 0.97)
    shared = _doc(DocumentType.SERVICE_RECEIPT, "二0一八年五月九日", dt.date(2018, 5, 9), 0.40)
    assert _values(filed, sure, shared) == [
        (dt.date(2018, 4, 13), 1.0),
        (dt.date(2016, 5, 7), 1.0),
        (dt.date(2018, 5, 9), 1.0),
    ]
