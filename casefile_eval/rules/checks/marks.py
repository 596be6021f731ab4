"""Checks of the marks a document must carry: signatures by role, the agency seal, dates."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from casefile_eval.codes import DateKind, Role
from casefile_eval.extract.dates import find_dates, holds_month_or_day, is_blank, is_filled_in
from casefile_eval.extract.text import norm
from casefile_eval.model import Block, DateFact, Document, Evidence, ImageKind, SignatureSlot
from casefile_eval.rules.checks.common import Params, Pattern, fact_page, is_read, last_page
from casefile_eval.rules.checks.opinion_rows import opinion_like, unsigned_rows
from casefile_eval.rules.context import Hit, RuleContext, is_partly_read
from casefile_eval.rules.registry import register_check
from casefile_eval.rules.schema import Patterns
from casefile_eval.segment.pagemarks import is_page_furniture
from casefile_eval.textnorm import compact


class SignatureParams(Params):
    """Slots of the rule's role must be filled; `labels` narrows them, `alternatives` may sign instead.

    `refusal_noted`: text recording a refusal to sign, which excuses the slots; `only_when_noted`: text
    without which the slots are not required (a 见证人 signs only where the party refused);
    `unless_noted`: text that leaves the slots to another rule (the party's absence, for a witness named).

    `row_label` / `row_end`: an opinion row (负责人意见) read from the text when the facts give no slot of
    the role or only slots "signed" with the opinion itself: a row starting with `row_label` (up to a
    block starting with `row_end`) that holds an opinion and a date but no name and no signature image
    is unsigned.
    """

    labels: list[str] = Field(default_factory=list)
    alternatives: list[Role] = Field(default_factory=list)
    refusal_noted: Patterns = Field(default_factory=list)  # text that records a refusal to sign
    only_when_noted: Patterns = Field(default_factory=list)  # the slots count only where this text is
    unless_noted: Patterns = Field(default_factory=list)  # the slots are another rule's where this text is
    row_label: Pattern | None = None
    row_end: Pattern | None = None


def _slot_page(doc: Document, slot: SignatureSlot) -> int | None:
    return fact_page(doc, slot.evidence.page if slot.evidence else None)


@register_check("signature", SignatureParams, fields=("label",))
def signature(ctx: RuleContext, params: SignatureParams) -> Iterator[Hit]:
    """Each signature slot of the role is signed (one finding per page; undecidable zones need review)."""
    role = ctx.rule.spec.role
    for doc in ctx.documents():
        slots = [
            s
            for s in doc.facts.signatures
            if s.role == role and (not params.labels or _label_in(s, params.labels))
        ]
        if _noted(ctx, doc, params.refusal_noted):
            continue
        if params.only_when_noted and not _noted(ctx, doc, params.only_when_noted):
            continue
        if _noted(ctx, doc, params.unless_noted):
            continue
        if params.row_label and not any(s.filled is not True for s in slots):
            if all(opinion_like(s) for s in slots):
                yield from _row_hits(doc, params.row_label, params.row_end or "$^")
            continue
        done: set[int | None] = set()
        for slot in slots:
            page = _slot_page(doc, slot)
            if slot.filled is True or page in done or _alternative_signed(doc, page, params.alternatives):
                continue
            done.add(page)
            yield Hit(
                document=doc,
                page=page,
                evidence=slot.evidence.text if slot.evidence else slot.label,
                # an opinion row signed in the row: "负责人意见栏签名", not "负责人意见"
                data={"label": f"{slot.label}栏签名" if slot.label.endswith("意见") else slot.label},
                needs_review=slot.filled is None,
                confidence=slot.confidence,
            )


def _row_hits(doc: Document, label: str, end: str) -> Iterator[Hit]:
    rows = unsigned_rows(doc, re.compile(label), re.compile(end))
    if rows:
        row = rows[0]
        yield Hit(document=doc, page=row.page, evidence=row.text, data={"label": f"{row.label}栏签名"})


def _label_in(slot: SignatureSlot, labels: list[str]) -> bool:
    return any(label in slot.label for label in labels)


def _alternative_signed(doc: Document, page: int | None, roles: list[Role]) -> bool:
    return any(
        s.role in roles and s.filled is True and _slot_page(doc, s) == page for s in doc.facts.signatures
    )


def _noted(ctx: RuleContext, doc: Document, patterns: list[str]) -> bool:
    text = ctx.view.text(doc)
    return any(re.search(p, text) for p in patterns)


class SealParams(Params):
    """A seal must be on the document; text marks below `min_confidence` need review."""

    min_confidence: float = Field(default=0.6, ge=0, le=1)
    title_any: list[str] = Field(default_factory=list)  # only documents whose title holds one of these
    # only documents signed off in the agency's name (a 落款 date): a form that names the agency only in
    # its head and has no 落款 is not judged
    sign_off: bool = False


@register_check("seal", SealParams)
def seal(ctx: RuleContext, params: SealParams) -> Iterator[Hit]:
    """The agency seal is on the document."""
    for doc in ctx.documents():
        if params.title_any and not any(t in compact(doc.title or "") for t in params.title_any):
            continue
        if not doc.blocks and not doc.images:
            continue  # not read: no judgement
        if params.sign_off and not any(d.label == "落款" for d in doc.facts.dates):
            continue
        if any(image.kind == ImageKind.SEAL for image in doc.images):
            continue  # a seal image on the document's pages, even if not tied to the 落款
        seals = doc.facts.seals
        if seals and any(s.method != "text_mark" or s.confidence >= params.min_confidence for s in seals):
            continue
        weak = seals[0] if seals else None
        yield Hit(
            document=doc,
            page=(weak.evidence.page if weak and weak.evidence else None) or last_page(doc),
            evidence=(weak.evidence.text if weak and weak.evidence else None) or _closing_line(doc),
            needs_review=weak is not None,
            confidence=weak.confidence if weak else None,
        )


def _closing_line(doc: Document) -> str | None:
    lines = [b.text.strip() for b in doc.blocks if b.text.strip() and not is_page_furniture(b.text)]
    return lines[-1] if lines else None


class DatePresentParams(Params):
    """A date of one of `kinds` (and, for signature dates, of one of `roles`) must be written.

    `roles`: whose date it must be; a date whose signer was not told (a row of dates beside several
    signatures) counts for any role, a date of another role (承办人's) never does.

    `unreadable`: what a written but unreadable date gives — `review` (a finding that needs review) or
    `present` (no finding: the date is written, only its reading failed; a field left blank, 时间：　年　月
    日, is a finding at its place). A date read in part (its year whole, a digit under a seal), or whose
    month or day holds a numeral read (a date written by hand and read in part: 2年月6日), is written: no
    finding.
    `zone`: labels of the zone the date belongs to (负责人意见, 签名, 日期); when no date of the kinds was
    read, a readable date in a block with such a label or in the three blocks after it counts as written
    (a date the facts did not tie to its role).
    `signed`: the date of a signature of one of `roles`, judged only where the form prints a field for it
    and that signature was made (a blank date beside a blank signature is part of the missing signature;
    a refusal to sign, noted, needs no date).
    `with_signature`: the date goes with the signature of these roles: where the form has such slots and
    every one is left unsigned, the missing signature is the defect (its own rule), not the date.
    """

    kinds: list[DateKind] = Field(min_length=1)
    roles: list[Role] = Field(default_factory=list)
    unreadable: Literal["review", "present"] = "review"
    zone: Patterns = Field(default_factory=list)
    signed: bool = False
    with_signature: list[Role] = Field(default_factory=list)


@register_check("date_present", DatePresentParams)
def date_present(ctx: RuleContext, params: DatePresentParams) -> Iterator[Hit]:
    """The document carries the required date; a written but unreadable date needs review."""
    for doc in ctx.documents():
        if not is_read(ctx, doc):
            continue
        dates = [
            d
            for d in doc.facts.dates
            if d.kind in params.kinds and (not params.roles or d.role is None or d.role in params.roles)
        ]
        if params.signed and not (dates and _signed(doc, params.roles)):
            continue
        undated = _signed_undated(doc, dates)
        if undated is not None:
            page = fact_page(doc, undated.evidence.page if undated.evidence else None)
            row = undated.evidence.block if undated.evidence else None
            yield Hit(document=doc, page=page, evidence=doc.blocks[row].text if row is not None else None)
            continue
        head = _head_signed_after_dates(doc, dates)
        if head is not None:
            if _two_marks_undated(doc, head.block):  # (the head's name and date in ink, the date unread)
                if params.unreadable == "review":
                    yield Hit(
                        document=doc,
                        page=fact_page(doc, head.page),
                        evidence=head.text,
                        undecided="日期系手写，未能识别",
                    )
                continue
            yield Hit(document=doc, page=fact_page(doc, head.page), evidence=head.text)
            continue
        if any(d.value is not None for d in dates):
            continue
        if params.with_signature and _left_unsigned(doc, params.with_signature):
            continue
        written = [d for d in dates if not is_blank(d)]
        if written and params.unreadable == "present":
            continue
        if dates and not written and params.unreadable == "present":  # (询问时间：　年　月　日 left blank)
            blank = dates[0].evidence
            page = fact_page(doc, blank.page if blank else None)
            yield Hit(document=doc, page=page, evidence=blank.text if blank else dates[0].raw)
            continue
        if any(is_partly_read(d) or is_filled_in(d) for d in dates):
            continue  # written, read in part: the rules that need its day judge it over the days it can be
        if params.zone and _dated_zone(doc, params.zone):
            continue
        inked = _handwritten_date(doc, params.zone)
        if inked is not None:
            if params.unreadable == "present":
                continue
            block = doc.blocks[inked]
            page = fact_page(doc, block.page)
            yield Hit(document=doc, page=page, evidence=block.text, undecided="日期系手写，未能识别")
            continue
        unreadable = [d for d in dates if not is_blank(d)]
        if unreadable:
            bad = unreadable[0]
            page = fact_page(doc, bad.evidence.page if bad.evidence else None)
            yield Hit(document=doc, page=page, evidence=bad.raw, undecided=f"日期“{bad.raw}”无法识别")
        elif not (params.roles or params.zone) and (sealed := _sealed_closing(doc)) is not None:
            if holds_month_or_day(sealed.text):
                continue  # a date written there, read in part (月27日): the rules needing its day judge it
            page = fact_page(doc, sealed.page)
            hidden = "落款下方被印章覆盖，日期未能识别"
            yield Hit(document=doc, page=page, evidence=sealed.text, undecided=hidden)
        else:
            yield Hit(document=doc, page=last_page(doc), evidence=_closing_line(doc))


def _sealed_closing(doc: Document) -> Block | None:
    """On a scanned page, the 落款's last line when a seal of the document lies over it and reaches a line
    or more below it with nothing read there: a date printed under the seal's ink may be what OCR could
    not read (二〇二二年七月十八日 under a seal's star and ring). None otherwise."""
    for image in doc.images:
        box = image.bbox
        if image.kind != ImageKind.SEAL or box is None:
            continue
        lines = [
            (b, b.bbox)
            for b in doc.blocks
            if b.page == image.page
            and b.bbox is not None
            and b.confidence is not None  # read by OCR
            and b.bbox.top < box.bottom
            and b.bbox.x0 < box.x1
            and b.bbox.x1 > box.x0
            and b.text.strip()
            and not is_page_furniture(b.text)
        ]
        if not lines:
            continue
        closing, at = max(lines, key=lambda item: item[1].bottom)
        if at.bottom >= box.top and box.bottom - at.bottom >= at.bottom - at.top:
            return closing
    return None


def _signed(doc: Document, roles: list[Role]) -> bool:
    """Whether a signature slot of one of `roles` in the document is signed."""
    return any(slot.filled and slot.role in roles for slot in doc.facts.signatures)


def _signed_undated(doc: Document, dates: list[DateFact]) -> DateFact | None:
    """The form's last approval signed with its date field left blank (负责人（签名）：[ink]　日期：, or the
    head's column of a grid: 机关负责人 / opinion / [ink] / 年 月 日): the head's date is missing though an
    earlier step (承办机构) dated its own; None otherwise. The signature stands on the blank date's block or
    after the last date on an earlier block."""
    placed = sorted(
        ((d.evidence.block, d) for d in dates if d.evidence is not None and d.evidence.block is not None),
        key=lambda item: item[0],
    )
    if not placed:
        return None
    block, last = placed[-1]
    if not is_blank(last) or last.role not in (Role.APPROVER, None):  # (签名：[ink] 日期：: no role told)
        return None
    after = max((b for b, _ in placed if b < block), default=-1)  # a row of dates ends on one block
    signed = any(
        s.filled
        and s.role is Role.APPROVER
        and s.evidence is not None
        and s.evidence.block is not None
        and after < s.evidence.block <= block
        for s in doc.facts.signatures
    )
    return last if signed else None


def _head_signed_after_dates(doc: Document, dates: list[DateFact]) -> Evidence | None:
    """The label of the form's last approval step, signed, standing after every date of the form while an
    earlier step dated its approval (【科室负责人意见】 同意结案。 签章：[ink] 2020.8.19 / 【局长审批意见】
    同意结案。 签章：[ink]): the head signed without a date, the approval steps signed outnumbering their
    dates (a row's label centred in a tall row stands after the row's date; it has that date). None
    otherwise."""
    approvals = sum(1 for d in dates if d.value is not None and d.role is Role.APPROVER)
    signed = [
        s.evidence
        for s in doc.facts.signatures
        if s.filled and s.role is Role.APPROVER and s.evidence is not None and s.evidence.block is not None
    ]
    if not approvals or len(signed) <= approvals:
        return None
    head = max(signed, key=lambda ev: ev.block or 0)
    dated = [
        d.evidence.block for d in doc.facts.dates if d.evidence is not None and d.evidence.block is not None
    ]
    if not dated or max(dated) >= (head.block or 0):
        return None
    below = range(head.block or 0, min((head.block or 0) + _ZONE_REACH, len(doc.blocks)))
    if any(_UNREAD_DATE.search(doc.blocks[i].text) for i in below):
        return None  # the head's date is written, read too poorly to be a date (2019年：月6日)
    return head


_ZONE_REACH = 3
# a date's frame with digits in its month or day, read or not (2019年：月6日; not a blank 2019年　月　日)
_UNREAD_DATE = re.compile(
    r"\d{2,4}\s*年(?:[^年月日]{0,4}\d[^年月日]{0,3}月[^年月日]{0,4}日|[^年月日]{0,4}月[^年月日]{0,4}\d[^年月日]{0,3}日)"
)
_FRAGMENT = 2  # a block of at most this many characters is a fragment, not a row
_OTHER_ROW = re.compile(r"^(?:承办|经办|办案|审核|法制|记录|调查)")


def _dated_zone(doc: Document, labels: list[str]) -> bool:
    """True when a block of the zones (see `_zone_blocks`) holds a readable date."""
    return any(
        m.value is not None for i in _zone_blocks(doc, labels) for m in find_dates(norm(doc.blocks[i].text))
    )


_DATE_LABEL = re.compile(r"[\u4e00-\u9fff]{0,4}(?:日期|时间)[:：]?")
_DATE_CHARS = re.compile(r"[\d\s年月日时分秒上下午/.\-:：_]*")


def _handwritten_date(doc: Document, zone: list[str]) -> int | None:
    """The block of a date written by hand: a grid row under a "签名 日期" header holding the date's ink
    (see `_in_date_column`), else ink (a signature-like mark) right of a date label (签收时间, 日期) or in
    the cell after it, with nothing printed there but the parts of a date or a time of day (10 时 30 分)
    and no readable date, else on a scan a date label followed by digits OCR made of handwriting
    (签收时间 202213/16), else a signing cell or line holding two marks of ink after its last words and no
    date (`_second_mark_blocks`). With `zone`, only a row or a label in the zone counts."""
    inside = _zone_blocks(doc, zone) if zone else None
    marks = _marks_by_block(doc)
    for row in range(len(doc.blocks) - 1, -1, -1):
        if (inside is None or row in inside) and _in_date_column(doc, row, marks[row]):
            return row
    for image in doc.images:
        index = image.block_index
        if image.kind != ImageKind.SIGNATURE or index is None or not 0 <= index < len(doc.blocks):
            continue
        text = norm(doc.blocks[index].text)
        before = compact(text[: image.ink_offset]) if image.ink_offset is not None else None
        label = _DATE_LABEL.match(compact(text))
        if label is not None and (before is None or label.end() == len(before)):
            rest, at = compact(text)[label.end() :], index
        elif index > 0 and _DATE_LABEL.fullmatch(compact(norm(doc.blocks[index - 1].text))):
            rest, at = compact(text), index - 1
        else:
            continue
        if inside is not None and at not in inside:
            continue
        if _DATE_CHARS.fullmatch(rest) and not any(m.value is not None for m in find_dates(text)):
            return index
    for index in _second_mark_blocks(doc, marks):  # 同意。 签名 [ink] [ink]: the name, then the date in ink
        if inside is None or index in inside:
            return index
    for index, block in enumerate(doc.blocks):  # "签收时间 202213/16 10时30分": digits OCR made of the hand
        text = norm(block.text)
        field = _SCRAWLED_FIELD.match(text)
        if block.confidence is None or field is None or (inside is not None and index not in inside):
            continue
        if _DATE_CHARS.fullmatch(text[field.end() :]) and not any(
            m.value is not None for m in find_dates(text)
        ):
            return index
    return None


def _marks_by_block(doc: Document) -> Counter[int]:
    """How many signature-like marks each block holds."""
    return Counter(
        image.block_index
        for image in doc.images
        if image.kind == ImageKind.SIGNATURE and image.block_index is not None
    )


def _left_unsigned(doc: Document, roles: list[Role]) -> bool:
    """Whether the document has signature slots of the roles and every one of them is left unsigned."""
    slots = [s for s in doc.facts.signatures if s.role in roles]
    return bool(slots) and all(s.filled is False for s in slots)


def _two_marks_undated(doc: Document, block: int | None, marks: Counter[int] | None = None) -> bool:
    """Whether a block holds two or more handwritten marks (`marks`, by block) and no date: one person
    signs once, so the second mark is the date written by hand."""
    if block is None or not 0 <= block < len(doc.blocks):
        return False
    count = (marks if marks is not None else _marks_by_block(doc))[block]
    return count >= 2 and not find_dates(doc.blocks[block].text)


def _second_mark_blocks(doc: Document, marks: Counter[int]) -> list[int]:
    """Blocks ending in a signing label, empty (同意。 签名, an empty signing cell) or ending in a signature
    slot's label (a 回执's 收件人, 局负责人意见) that hold a name and a date by hand
    (`_two_marks_undated`)."""
    labels = tuple({compact(norm(slot.label)) for slot in doc.facts.signatures})
    return [
        index
        for index in marks
        if _two_marks_undated(doc, index, marks)
        and (
            _SIGN_TAIL.search(text := compact(norm(doc.blocks[index].text)))
            or (labels and text.rstrip(":：").endswith(labels))  # (负责人：[ink] [ink])
        )
    ]


_SIGN_TAIL = re.compile(r"(?:^|(?:签名|签字|签章|盖章)[)）]?[:：]?)$")  # 签名：, 审核人（签名）：
_COLUMN_HEADS = re.compile(r"(?:签名|签字|签章|签批)\s+(?:日期|时间)\s*$")
COLUMN_REACH = 10  # lines from a row up to the header naming its columns
_SCRAWL = r"(?:19|20)\d{2}[\d/.\-]{2,6}"  # a year, then digits OCR made of the handwritten rest (202213/16)
_SCRAWLED_DATE = re.compile(rf"(?:^|\s){_SCRAWL}$")
_SCRAWLED_FIELD = re.compile(rf"{_DATE_LABEL.pattern}\s*{_SCRAWL}(?=\s|$)")


def _in_date_column(doc: Document, index: int, inked: int) -> bool:
    """A row of a grid whose header ends in a signature column and a date column (审批环节及意见 签名 日期),
    holding no readable date but the date's ink: two marks (`inked`: the signature, the date by hand), or a
    run of digits OCR made of handwriting (202219/27)."""
    text = norm(doc.blocks[index].text)
    if (inked < 2 and not _SCRAWLED_DATE.search(text)) or any(m.value is not None for m in find_dates(text)):
        return False
    above = range(index - 1, max(-1, index - 1 - COLUMN_REACH), -1)
    return any(_COLUMN_HEADS.search(norm(doc.blocks[i].text)) for i in above)


def _zone_blocks(doc: Document, labels: list[str]) -> set[int]:
    """The blocks of the zones: each block with a zone label and up to three after it (up to another
    person's row); a fragment of a label or a caption on a block of its own (意见, 签章) does not count."""
    texts = [compact(norm(b.text)) for b in doc.blocks]
    title = compact(doc.title or "")
    blocks: set[int] = set()
    for index, flat in enumerate(texts):
        if flat == title or not any(re.search(p, flat) for p in labels):
            continue
        blocks.add(index)
        reach = _ZONE_REACH
        for following in range(index + 1, len(texts)):
            if reach == 0 or _OTHER_ROW.match(texts[following]):
                break
            blocks.add(following)
            reach -= len(texts[following]) > _FRAGMENT
    return blocks
