"""What a check sees: the case, the rule, the thresholds, the case dates, and how it reports a hit."""

from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from casefile_eval.codes import AgencyKind, DateKind, DocumentType
from casefile_eval.model import Case, DateFact, Document
from casefile_eval.rules.config import PartyAmounts, Thresholds
from casefile_eval.rules.laws import LawData
from casefile_eval.textnorm import compact

if TYPE_CHECKING:
    from casefile_eval.rules.rule import Rule

DECISION_TYPES = (DocumentType.DECISION, DocumentType.SUMMARY_DECISION)

# Which document and date kinds give each case date when the reader left it empty.
_CASE_DATE_SOURCES: dict[str, tuple[tuple[DocumentType, ...], tuple[DateKind, ...]]] = {
    "filed": ((DocumentType.FILING_APPROVAL,), (DateKind.FILED, DateKind.APPROVED)),
    "notified": ((DocumentType.PRIOR_NOTICE,), (DateKind.NOTIFIED, DateKind.ISSUED)),
    "decided": (DECISION_TYPES, (DateKind.DECIDED, DateKind.ISSUED)),
    "closed": ((DocumentType.CLOSING_REPORT,), (DateKind.CLOSED, DateKind.APPROVED)),
}


@dataclass
class Hit:
    """One thing a check found; the engine turns it into a Finding with the rule's codes and message."""

    document: Document | None = None
    page: int | None = None
    evidence: str | None = None
    data: dict[str, str] = field(default_factory=dict)
    needs_review: bool = False
    undecided: str | None = None  # why the check could not decide (the message says 无法判断：…)
    confidence: float | None = None
    document_type: DocumentType | None = None  # for a missing document: which one


@dataclass
class DatedFact:
    """A date with the document it was read from."""

    value: dt.date
    document: Document | None
    fact: DateFact | None


# The case dates in the order the acts must happen: a date read only in part lies between its neighbours.
_CASE_DATE_ORDER = ("filed", "notified", "decided", "served", "closed")
_DECISION_DATE_FIELD = re.compile(r"决定(?:书)?(?:作出|下达)?(?:日期|时间)$")
# a date followed by this is the day a decision was made (…作出， / 作出行政处罚决定),
# not a notice's (作出…告知)
_MADE_ON = r"(?:作出|下达)(?:[，。；,;]|$|[^，。；,;]{0,8}决定)"


def is_partly_read(fact: DateFact) -> bool:
    """True for a date written but read only in part: its span, or (its year lost) its month."""
    return fact.earliest is not None or fact.month is not None


def _yearless_days(
    fact: DateFact, low: dt.date | None, high: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day between `low` and `high` that a date with a lost year can be: its month and
    day (or any day of its month) in some year between them; (None, None) when either is unknown."""
    if fact.month is None or low is None or high is None or low > high:
        return None, None
    days: list[dt.date] = []
    for year in range(low.year, high.year + 1):
        if fact.day is not None:
            try:
                first = last = dt.date(year, fact.month, fact.day)
            except ValueError:
                continue
        else:
            first = dt.date(year, fact.month, 1)
            last = dt.date(year, fact.month, monthrange(year, fact.month)[1])
        if first <= high and last >= low:
            days += [max(first, low), min(last, high)]
    return (min(days), max(days)) if days else (None, None)


def _read_alike(fact: DateFact, doc: Document) -> dt.date | None:
    """For a date whose year was lost (26年1月6日), the one day of its month and day that a date of the same
    document was read whole as (the form's 立案日期 beside the head's signature of 2026年1月6日)."""
    if fact.month is None or fact.day is None:
        return None
    days = {
        f.value
        for f in doc.facts.dates
        if f.value is not None and (f.value.month, f.value.day) == (fact.month, fact.day)
    }
    return days.pop() if len(days) == 1 else None


def _within(fact: DateFact, day: dt.date) -> bool:
    """Whether a day is one a date read only in part can be by its own reading (its span, or its month
    where its year was lost, and, where it was read, its day of the month), whatever the dates around it
    say."""
    if fact.earliest is not None and fact.latest is not None:
        within = fact.earliest <= day <= fact.latest
    else:
        within = fact.month is not None and day.month == fact.month
    return within and (fact.day is None or day.day == fact.day)


def _on_day(start: dt.date, day: int, step: int) -> dt.date:
    """The first date from `start` on (step 1) or back (step -1) that falls on the `day` of its month."""
    while start.day != day:
        start += dt.timedelta(days=step)
    return start


class CaseView:
    """Derived facts of one case, computed once and shared by every rule."""

    def __init__(
        self,
        case: Case,
        thresholds: Thresholds,
        laws: LawData,
        changes: tuple[dt.date, ...] = (),
    ) -> None:
        self.case = case
        self.thresholds = thresholds
        self.laws = laws
        self.changes = changes  # the dates from which some rule, threshold or law reads differently
        self._dates: dict[str, DatedFact | None] = {}
        self._bounds: dict[str, tuple[dt.date | None, dt.date | None]] = {}
        self._partial: dict[str, tuple[Document, DateFact] | None] = {}
        self._compact: dict[int, str] = {}

    def text(self, doc: Document) -> str:
        """The document's text, compacted (no spaces, half-width), cached."""
        key = id(doc)
        if key not in self._compact:
            self._compact[key] = compact(doc.text)
        return self._compact[key]

    def has(self, *types: DocumentType) -> bool:
        """True when the case holds a document of one of the types."""
        return any(d.type in types for d in self.case.documents)

    def date(self, name: str) -> DatedFact | None:
        """A case date (filed, notified, decided, served, closed) with the document that gives it."""
        if name not in self._dates:
            self._dates[name] = self._find_date(name)
        return self._dates[name]

    def bounds(self, name: str) -> tuple[dt.date | None, dt.date | None]:
        """The first and last day a case date can be: the date itself when it was read; else the range of
        its partial read (a digit under a seal), narrowed by the dates around it (a decision is made after
        the case was filed, its notice given and the head approved it, and before it is served and the case
        closed). A date whose month was lost (2021年□月18日) keeps its day: its first and last possible days
        fall on that day of a month. A date whose year was lost (only its month and day read) is the day of a
        date of its document read whole on the same month and day, else placed by the dates around it alone;
        a date read in one month of a year that contradicts them had its year misread (`_year_misread`)."""
        if name not in self._bounds:  # asked by every rule whose law version a case date picks
            self._bounds[name] = self._find_bounds(name)
        return self._bounds[name]

    def _find_bounds(self, name: str) -> tuple[dt.date | None, dt.date | None]:
        dated = self.date(name)
        if dated is not None:
            return dated.value, dated.value
        before, after = self._around(name)
        own = self._partly_read(name)
        fact = own[1] if own else None
        if own is not None and own[1].earliest is None:
            doc, yearless = own
            low, high = max(before, default=None), min(after, default=None)
            alike = _read_alike(yearless, doc)
            if alike is not None and (low is None or low <= alike) and (high is None or alike <= high):
                return alike, alike
            return _yearless_days(yearless, low, high)
        lows = before + ([fact.earliest] if fact and fact.earliest else [])
        highs = after + ([fact.latest] if fact and fact.latest else [])
        first, last = (max(lows) if lows else None), (min(highs) if highs else None)
        if fact is not None and fact.day is not None and first is not None and last is not None:
            first, last = _on_day(first, fact.day, 1), _on_day(last, fact.day, -1)
        return first, last

    def _stated_decision_dates(self) -> list[dt.date]:
        """The decision's date as the 结案 form states it: in a field of its own (决定日期, 处罚决定日期)
        or as the day the decision was made (…36号，二〇二二年五月十日作出; 于2022年5月10日作出处罚决定)."""
        return [
            f.value
            for doc in self.case.of_type(DocumentType.CLOSING_REPORT)
            for f in doc.facts.dates
            if f.value is not None
            and (
                _DECISION_DATE_FIELD.search(compact(f.label or ""))
                or re.search(re.escape(compact(f.raw)) + _MADE_ON, self.text(doc))
            )
        ]

    def outer_bounds(self, name: str) -> tuple[dt.date | None, dt.date | None]:
        """The first and last day a case date can be (`bounds`); where nothing of it places it (not written,
        or a lost year the dates around cannot place), the days between the case dates around it, either
        end open (None)."""
        first, last = self.bounds(name)
        if first is not None or last is not None:
            return first, last
        before, after = self._around(name)
        return max(before, default=None), min(after, default=None)

    def _around(self, name: str) -> tuple[list[dt.date], list[dt.date]]:
        """The read case dates that come before and after a case date in the order of the procedure."""
        at = _CASE_DATE_ORDER.index(name)
        before = [d.value for n in _CASE_DATE_ORDER[:at] if (d := self.date(n)) is not None]
        after = [d.value for n in _CASE_DATE_ORDER[at + 1 :] if (d := self.date(n)) is not None]
        if name == "decided":
            before += [d for d in self._decision_form_dates() if d <= min(after, default=d)]
        return before, after

    def _decision_form_dates(self) -> list[dt.date]:
        """The days the decision's 审批表 was approved or signed (行政处罚法 art. 57: the decision is made
        after the head's review; on a scan the head's date may not be told from the others), so a decision
        date read only in part is no earlier than the last of them."""
        return [
            f.value
            for doc in self.case.of_type(DocumentType.DECISION_APPROVAL)
            for f in doc.facts.dates
            if f.kind in (DateKind.APPROVED, DateKind.SIGNED) and f.value is not None
        ]

    def law_date(self, name: str) -> dt.date | None:
        """The date that picks the law for a case date: the date itself; for a date read only in part, the
        first day it can be when every rule and law reads the same over all the days it can be; else None."""
        first, last = self.bounds(name)
        if first is None or last is None or first > last:
            return None
        if first != last and any(first < change <= last for change in self.changes):
            return None
        return first

    def partial(self, name: str) -> DatedFact | None:
        """The case date of that name written but read only in part (a digit under a seal, a lost year),
        with the document it is in; its value is the first day it can be (see `bounds` for the last).
        None also when a lost year cannot be placed by the dates around it."""
        own = self._partly_read(name)
        if own is None:
            return None
        doc, fact = own
        first = fact.earliest if fact.earliest is not None else self.bounds(name)[0]
        return None if first is None else DatedFact(first, doc, fact)

    def _partly_read(self, name: str) -> tuple[Document, DateFact] | None:
        """The case date of that name written but read only in part, with its document (cached: asked by
        every rule that takes the date's span)."""
        if name not in self._partial:
            self._partial[name] = self._find_partly_read(name)
        return self._partial[name]

    def _find_partly_read(self, name: str) -> tuple[Document, DateFact] | None:
        docs, kinds = self._sources(name)
        for kind in kinds:
            for doc in docs:
                for fact in doc.facts.dates:
                    if fact.kind == kind and fact.value is None and is_partly_read(fact):
                        return doc, self._year_misread(name, fact)
        return None

    def _year_misread(self, name: str, fact: DateFact) -> DateFact:
        """A date read in part within one month (2020年10月□□日) that falls before or after every case
        date on its other side had its year misread (the last digit of 2021 under the seal's ring read
        as 0): its month and day are kept and the dates around it place it, as for a lost year, where they
        can. Else the date as read (the contradiction stays for the rules to report as undecided)."""
        first, last = fact.earliest, fact.latest
        if first is None or last is None or (first.year, first.month) != (last.year, last.month):
            return fact
        before, after = self._around(name)
        low, high = max(before, default=None), min(after, default=None)
        if not ((low is not None and last < low) or (high is not None and first > high)):
            return fact
        yearless = fact.model_copy(update={"earliest": None, "latest": None, "month": first.month})
        return yearless if _yearless_days(yearless, low, high)[0] is not None else fact

    def _find_date(self, name: str) -> DatedFact | None:
        found = first_date(*self._sources(name))
        value = getattr(self.case.facts.dates, name)
        if found is None and value is None and name == "decided":
            return self._stated_decision()
        if value is None or (found is not None and found.value == value):
            return found
        return DatedFact(value, self._holder(name), None)

    def _stated_decision(self) -> DatedFact | None:
        """A decision date read only in part (a digit under the seal) is the one day the 结案 form states as
        the decision's (决定日期) where the decision's own reading allows that day, whatever the dates
        around it say: a receipt dated before it is for the order rules to report, not to hide."""
        own = self._partly_read("decided")
        if own is None:
            return None
        doc, fact = own
        stated = {d for d in self._stated_decision_dates() if _within(fact, d)}
        return DatedFact(min(stated), doc, fact) if len(stated) == 1 else None

    def _holder(self, name: str) -> Document | None:
        """The document a case date belongs to when no date fact of it matched."""
        if name == "served":
            receipts = self.case.of_type(DocumentType.SERVICE_RECEIPT)
            serving = [r for r in receipts if r.facts.served_document_type in DECISION_TYPES]
            return serving[0] if serving else None
        docs = self.case.of_type(*_CASE_DATE_SOURCES[name][0])
        return docs[0] if docs else None

    def _sources(self, name: str) -> tuple[list[Document], tuple[DateKind, ...]]:
        """The documents and date kinds (in order of preference) a case date is read from; `served`
        from the decision's 送达回证 (or, where no receipt says what it serves, one naming a 决定书)."""
        if name != "served":
            types, kinds = _CASE_DATE_SOURCES[name]
            return self.case.of_type(*types), kinds
        receipts = self.case.of_type(DocumentType.SERVICE_RECEIPT)
        for_decision = [r for r in receipts if r.facts.served_document_type in DECISION_TYPES]
        if not for_decision:
            named = [r for r in receipts if r.facts.served_document and "决定书" in r.facts.served_document]
            for_decision = [r for r in named if "告知" not in (r.facts.served_document or "")]
        return for_decision, (DateKind.SERVED, DateKind.SIGNED)

    @property
    def decision(self) -> Document | None:
        """The (first) decision of the case."""
        docs = self.case.of_type(*DECISION_TYPES)
        return docs[0] if docs else None

    def fine(self) -> float | None:
        """The fine imposed: from the case facts, else from the decision."""
        if self.case.facts.fine_amount is not None:
            return self.case.facts.fine_amount
        decision = self.decision
        return decision.facts.fine_amount if decision else None

    def party(self) -> str | None:
        """The party of the case."""
        if self.case.facts.party:
            return self.case.facts.party
        decision = self.decision
        return decision.facts.party if decision else None

    def agency_kind(self) -> AgencyKind | None:
        """The kind of the deciding agency: from the case facts, else from the decision."""
        if self.case.facts.agency_kind is not None:
            return self.case.facts.agency_kind
        decision = self.decision
        return decision.facts.agency_kind if decision else None

    def penalties(self) -> list[str]:
        """The penalties named in the decisions."""
        return [p for d in self.case.of_type(*DECISION_TYPES) for p in d.facts.penalties]

    def large_fine(self, threshold: str = "large_fine") -> bool:
        """True when the fine reaches the configured amount (`large_fine`: 较大数额, the agency kind's own
        where one is configured, or `legal_review_fine`) for this party."""
        fine = self.fine()
        if fine is None:
            return False
        config = self.thresholds
        limits = config.legal_review_fine if threshold == "legal_review_fine" else self._agency_large_fine()
        org = config.is_organization(self.party())
        amount = limits.individual if org is False else limits.organization
        return fine >= amount

    def _agency_large_fine(self) -> PartyAmounts:
        """The agency kind's 较大数额 on the decision's date: the same on every day a date read in part
        can be, else (or with no date) the one in force now."""
        first, last = self.bounds("decided")
        kind, config = self.agency_kind(), self.thresholds
        on_first = config.agency_large_fine(kind, first)
        same = on_first == config.agency_large_fine(kind, last)
        return on_first if same else config.agency_large_fine(kind, None)

    def heavy_penalty(self, *, for_review: bool = False) -> bool:
        """True when a penalty of the configured heavy kinds (吊销, 责令停产停业…) was imposed; `for_review`:
        or one of the kinds that need 法制审核 whatever the amount (限期拆除)."""
        heavy = self.thresholds.heavy_penalties
        if for_review:
            heavy = heavy + self.thresholds.legal_review_penalties
        return any(h in p for p in self.penalties() for h in heavy)


def first_date(docs: list[Document], kinds: tuple[DateKind, ...]) -> DatedFact | None:
    """The first readable date of the given kinds (in kind order) over the documents."""
    for kind in kinds:
        for doc in docs:
            for fact in doc.facts.dates:
                if fact.kind == kind and fact.value is not None:
                    return DatedFact(fact.value, doc, fact)
    return None


@dataclass
class RuleContext:
    """A check's view of one rule run: the shared case view, the rule, its documents."""

    view: CaseView
    rule: Rule
    reference_date: dt.date | None

    @property
    def case(self) -> Case:
        """The case being checked."""
        return self.view.case

    def documents(self) -> list[Document]:
        """The documents of the types the rule applies to (all documents when it names none), but those
        whose title matches its `titles_none`."""
        applies = self.rule.spec.applies_to
        docs = self.case.of_type(*applies.document_types) if applies.document_types else self.case.documents
        return [d for d in docs if not any(re.search(p, d.title or "") for p in applies.titles_none)]
