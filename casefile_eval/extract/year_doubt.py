"""Years a scan read unsurely and out of line with the case: read again as the case's year.

On a scanned page a seal, a carbon copy's grain or a stain can turn one numeral of a Chinese year into
another (二〇一八 read 二0一六, 二〇二二 read 二0二七). Such a date would put a decision two years before its
service. Where a date's year was read with a numeral the recogniser was unsure of, and no date of the case
read surely falls in that year, its month and day are taken in the year of the case's sure dates that puts
it nearest to them (a case over New Year has two); its confidence keeps the recogniser's doubt. The dates
around it cannot place it instead: a decision served before its own date is the very defect they would
hide.
"""

from __future__ import annotations

import datetime as dt
from statistics import median_low

from casefile_eval.model import DateFact, Document

# a numeral of a year read with less confidence than this is the recogniser's doubt
YEAR_DOUBT_SCORE = 0.85


def settle_doubtful_years(documents: list[Document]) -> None:
    """Give dates whose year was read unsurely, in a year no sure date of the case falls in, the year of
    the case's sure dates nearest to them (their confidence: the year's lowest numeral score)."""
    doubtful: list[tuple[DateFact, float]] = []
    sure: list[dt.date] = []
    for doc in documents:
        for fact in doc.facts.dates:
            if fact.value is None:
                continue
            scores = _year_scores(doc, fact)
            if scores and min(scores) < YEAR_DOUBT_SCORE:
                doubtful.append((fact, min(scores)))
            else:
                sure.append(fact.value)
    if not sure:
        return
    middle = median_low(sure)
    years = {d.year for d in sure}
    for fact, score in doubtful:
        if fact.value is None or fact.value.year in years:
            continue
        read = [d for y in sorted(years) if (d := _on(fact.value, y)) is not None]
        if read:
            fact.value = min(read, key=lambda d: abs((d - middle).days))
            fact.confidence = min(fact.confidence, score)


def _on(day: dt.date, year: int) -> dt.date | None:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return None


def _year_scores(doc: Document, fact: DateFact) -> tuple[float, ...] | None:
    """The recogniser's confidence in the numerals of a date's year, where OCR read it (None for a text
    layer, or where the date cannot be found again in its block)."""
    evidence = fact.evidence
    if evidence is None or evidence.block is None or not 0 <= evidence.block < len(doc.blocks):
        return None
    block = doc.blocks[evidence.block]
    scores = block.char_scores
    year, sep, _ = evidence.text.partition("年")
    if scores is None or len(scores) != len(block.text) or not sep or not year.strip():
        return None
    at = block.text.find(year.strip())
    if at < 0:
        return None
    return scores[at : at + len(year.strip())]
