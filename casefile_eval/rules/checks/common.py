"""Pieces shared by the checks: parameter base, date references, pages and excerpts of documents."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from casefile_eval.codes import DateKind, DocumentType
from casefile_eval.model import Block, DateFact, Document
from casefile_eval.rules.checks.receipts import comparable, decision_kind, served_names
from casefile_eval.rules.context import DECISION_TYPES, DatedFact, RuleContext
from casefile_eval.rules.schema import CaseDateName, Patterns, valid_patterns
from casefile_eval.textnorm import compact

# Below this confidence the recogniser was unsure of a character: a difference or a number resting on such
# characters only may be a misread (measured: misread characters of names scored 0.26-0.78, the rest 0.99).
LOW_CHAR_SCORE = 0.85

# where the words a finding quotes before a figure or a number begin: after the last punctuation
CLAUSE_END = re.compile(r"[，。；：、,;:（）()]")
_BRACKETS = str.maketrans({"〔": "[", "〕": "]", "［": "[", "］": "]", "【": "[", "】": "]"})
# Below this many characters a document counts as not read: content checks stay silent.
MIN_READ_CHARS = 30


class Params(BaseModel):
    """Base of every check's parameters: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid")


def _valid_pattern(value: str) -> str:
    return valid_patterns([value])[0]


# A parameter holding one regular expression (a list of them: `schema.Patterns`), checked when loaded.
Pattern = Annotated[str, AfterValidator(_valid_pattern)]


class DateRef(Params):
    """A date of the case: a case date by name, or dates of given kinds in given documents."""

    case: CaseDateName | None = None
    documents: list[DocumentType] = Field(default_factory=list)
    kinds: list[DateKind] = Field(default_factory=list)
    served_for: list[DocumentType] = Field(default_factory=list)  # receipts serving these documents
    text_any: Patterns = Field(default_factory=list)  # only documents whose text matches one of these
    text_none: Patterns = Field(default_factory=list)  # no document whose text matches one of these
    title_any: Patterns = Field(default_factory=list)  # only documents whose title matches one of these
    title_none: Patterns = Field(default_factory=list)  # no document whose title matches one of these
    # only dates whose clause (the sentence around the date, the date itself written `@`) matches one of these
    clause_any: Patterns = Field(default_factory=list)
    clause_none: Patterns = Field(default_factory=list)  # no date whose clause matches one of these
    not_on: list[DateRef] = Field(default_factory=list)  # no date on a day one of these references names
    or_else: DateRef | None = None  # used when this reference finds no date


def resolve(ctx: RuleContext, ref: DateRef) -> list[DatedFact]:
    """Every readable date the reference points at, in case order."""
    if ref.case is not None:
        found = ctx.view.date(ref.case)
        out = [found] if found else []
    else:
        out = _from_documents(ctx, ref)
    if not out and ref.or_else is not None:
        return resolve(ctx, ref.or_else)
    return out


@dataclass(frozen=True)
class DateSpan:
    """A date a check compares: exact (`first == last`) or, read only in part, known to lie between
    `first` and `last`; `at` is where it is written (for the finding's page and evidence)."""

    first: dt.date
    last: dt.date
    at: DatedFact

    @property
    def exact(self) -> bool:
        """True when the date was read whole."""
        return self.first == self.last


def resolve_span(ctx: RuleContext, ref: DateRef, found: list[DatedFact], *, latest: bool) -> DateSpan | None:
    """The date a check takes from `found` (the latest or the earliest); when the reference found no
    readable date, the span of a date it names that was written but read only in part."""
    if found:
        pick = max if latest else min
        chosen = pick(found, key=lambda d: d.value)
        return DateSpan(chosen.value, chosen.value, chosen)
    spans = _partly_read(ctx, ref)
    if not spans and ref.or_else is not None:
        spans = _partly_read(ctx, ref.or_else)
    if not spans:
        return None
    return max(spans, key=lambda s: s.last) if latest else min(spans, key=lambda s: s.first)


def written_span(ctx: RuleContext, ref: DateRef) -> DateSpan | None:
    """The span of a date the reference names that was written but read only in part, as its own
    characters allow (not narrowed by the dates around it: a date compared with those dates): the one
    whose last day is earliest."""
    if ref.case is not None:
        written = ctx.view.partial(ref.case)
        fact = written.fact if written else None
        if written is None or fact is None or fact.earliest is None or fact.latest is None:
            spans = []
        else:
            spans = [DateSpan(fact.earliest, fact.latest, written)]
    else:
        spans = _partly_read(ctx, ref)
    if not spans and ref.or_else is not None:
        return written_span(ctx, ref.or_else)
    return min(spans, key=lambda s: s.last) if spans else None


def _partly_read(ctx: RuleContext, ref: DateRef) -> list[DateSpan]:
    if ref.case is not None:
        written = ctx.view.partial(ref.case)
        first, last = ctx.view.bounds(ref.case)
        if written is None or first is None or last is None or first > last:
            return []
        return [DateSpan(first, last, written)]
    return [
        DateSpan(f.earliest, f.latest, DatedFact(f.earliest, doc, f))
        for doc, f in _facts_of(ctx, ref)
        if f.value is None and f.earliest is not None and f.latest is not None
    ]


def _facts_of(ctx: RuleContext, ref: DateRef) -> Iterator[tuple[Document, DateFact]]:
    for doc in ctx.case.of_type(*ref.documents):
        if ref.served_for and not serves_case_document(ctx, doc, ref.served_for):
            continue
        if ref.text_any and not any(re.search(p, ctx.view.text(doc)) for p in ref.text_any):
            continue
        if any(re.search(p, ctx.view.text(doc)) for p in ref.text_none):
            continue
        if not _titled(doc.title or "", ref):
            continue
        for fact in doc.facts.dates:
            if (not ref.kinds or fact.kind in ref.kinds) and _in_clause(ctx, doc, fact, ref):
                yield doc, fact


_SENTENCE_END = re.compile(r"[。；;]")
_CLAUSE_REACH = 60  # characters a date's clause reaches at most on either side


def around(text: str, start: int, end: int, before: int, after: int) -> tuple[str, str]:
    """The words of the sentence of a compacted text before `start` and after `end`: up to the sentence's
    end (。；), reaching at most `before` and `after` characters."""
    return (
        _SENTENCE_END.split(text[max(start - before, 0) : start])[-1],
        _SENTENCE_END.split(text[end : end + after])[0],
    )


def date_clauses(text: str, raw: str) -> list[str]:
    """The sentences of a compacted text around each place a date is written, the date written `@`."""
    needle = compact(raw)
    if not needle:
        return []
    clauses = (
        around(text, at.start(), at.end(), _CLAUSE_REACH, _CLAUSE_REACH)
        for at in re.finditer(re.escape(needle), text)
    )
    return [f"{before}@{after}" for before, after in clauses]


def _in_clause(ctx: RuleContext, doc: Document, fact: DateFact, ref: DateRef) -> bool:
    if not ref.clause_any and not ref.clause_none:
        return True
    clauses = date_clauses(ctx.view.text(doc), fact.raw)
    return any(
        (not ref.clause_any or any(re.search(p, c) for p in ref.clause_any))
        and not any(re.search(p, c) for p in ref.clause_none)
        for c in clauses
    )


def _titled(title: str, ref: DateRef) -> bool:
    title = compact(title)  # a title set with its characters spaced out (查 封 决 定 书)
    if ref.title_any and not any(re.search(p, title) for p in ref.title_any):
        return False
    return not any(re.search(p, title) for p in ref.title_none)


def _from_documents(ctx: RuleContext, ref: DateRef) -> list[DatedFact]:
    found = [DatedFact(f.value, doc, f) for doc, f in _facts_of(ctx, ref) if f.value is not None]
    if ref.not_on and found:
        days = {d.value for other in ref.not_on for d in resolve(ctx, other)}
        found = [d for d in found if d.value not in days]
    return found


def serves(receipt: Document, types: list[DocumentType]) -> bool:
    """True when a 送达回证 serves a document of one of the types."""
    facts = receipt.facts
    served: list[DocumentType | None] = list(facts.served_document_types) or [facts.served_document_type]
    return any(t in types for t in served if t is not None)


def serves_case_document(ctx: RuleContext, receipt: Document, types: list[DocumentType]) -> bool:
    """True when a 送达回证 serves a document of one of the types; for decisions, one of the case's own:
    a receipt naming a decision of another kind (a 税务处理决定书 in a case decided by a 处罚决定书) or
    with another 文号 beside the decision's name serves some other decision."""
    if not serves(receipt, types):
        return False
    decisions = ctx.case.of_type(*[t for t in types if t in DECISION_TYPES])
    named = [(s, k) for s in served_names(receipt) if (k := decision_kind(s.name)) is not None]
    if not decisions or not named:
        return True
    return any(
        comparable(kind, served.prefix, d)
        and (not d.facts.case_number or number_key(served.number) == number_key(d.facts.case_number))
        for served, kind in named
        for d in decisions
    )


def number_key(number: str) -> str:
    """A 文号 in a form where bracket styles, 第 and zero padding do not count."""
    key = compact(number).translate(_BRACKETS).replace("第", "")
    return re.sub(r"(?<![0-9])0+(?=[0-9])", "", key)


def is_read(ctx: RuleContext, doc: Document) -> bool:
    """True when the document's text was read (enough characters to judge its content)."""
    return len(ctx.view.text(doc)) >= MIN_READ_CHARS


def fact_page(doc: Document, fact_page_no: int | None) -> int | None:
    """The page of a fact, else the document's first page."""
    if fact_page_no is not None:
        return fact_page_no
    return doc.pages[0] if doc.pages else None


def last_page(doc: Document) -> int | None:
    """The document's last page."""
    return doc.pages[1] if doc.pages else None


def find_in_blocks(doc: Document, pattern: re.Pattern[str]) -> tuple[str, int | None] | None:
    """The first block whose compacted text matches, as (matched words with context, page)."""
    for block in doc.blocks:
        text = compact(block.text)
        match = pattern.search(text)
        if match:
            start, end = max(match.start() - 10, 0), min(match.end() + 10, len(text))
            return text[start:end], block.page
    return None


def iso(day: dt.date) -> str:
    """A date as written in messages: 2024年4月15日."""
    return f"{day.year}年{day.month}月{day.day}日"


def ocr_block_holding(doc: Document, value: str) -> tuple[Block, int] | None:
    """The first OCR block that holds `value` (with the recogniser's confidence per character), and where."""
    for block in doc.blocks:
        at = block.text.find(value)
        if at >= 0 and block.char_scores is not None and len(block.char_scores) == len(block.text):
            return block, at
    return None


def char_scores_of(doc: Document, value: str) -> tuple[float, ...] | None:
    """The recogniser's confidence in each character of the first OCR block that holds `value`."""
    read = ocr_block_holding(doc, value)
    if read is None:
        return None
    block, at = read
    return block.char_scores[at : at + len(value)] if block.char_scores is not None else None


_NUMERAL = re.compile(r"[\d〇○零一二三四五六七八九十百两]")


def numeral_scores(doc: Document, value: str) -> list[float]:
    """The recogniser's confidence in each numeral of `value` as the document's OCR read it (六十日: 六, 十);
    empty on a text layer."""
    scores = char_scores_of(doc, value) if value else None
    return [score for char, score in zip(value, scores or (), strict=False) if _NUMERAL.match(char)]
