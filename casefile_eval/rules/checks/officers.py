"""Checks of the officers named in records: at least two, each with a 执法证号 (行政处罚法 2021 art. 42),
and a signature for each of them where they sign (`officer_signers`).

The checks judge only what the document positively shows. A name the reader took for an officer but
that is not a person's name (a label, "税务", "当事人签收") is left out; an officer counts as carrying a
执法证号 when the reader attached one, or when the text shows a certificate number right after the name
(``张三（执法证号：…）``, ``张三，证件号…``, a name cell followed by its number cell); and a record counts
as naming two officers when it shows two distinct certificate numbers even if the reader kept one name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal, NamedTuple

from pydantic import Field

from casefile_eval.codes import Role
from casefile_eval.extract.officers import name_shaped
from casefile_eval.model import Block, Document, Officer, SignatureSlot
from casefile_eval.rules.checks.common import Params, fact_page
from casefile_eval.rules.context import Hit, RuleContext
from casefile_eval.rules.registry import register_check
from casefile_eval.textnorm import compact, normalize

# A certificate label and its value (the value must hold at least three digits).
_CERT_LABEL = r"(?:执法证件?|执法证书|检查证|监督证|工作证|(?<!身份)证件)(?:号码|编号|号)"
_CERT = re.compile(_CERT_LABEL + r"[:：]?([^\s，,；;、。（）()【】\[\]]{2,24})")
# one more number listed after a labelled one: 、鲁卫监证字第14820183号
_LISTED_AFTER = re.compile(
    r"[、，,和及]\s*(?![^、，,]{0,8}?(?:身份|电话|手机|联系|号))([A-Za-z\u4e00-\u9fff]{0,8}?[0-9]{5,}[A-Za-z0-9]*)号?"
)
# A bare certificate-like value: an optional short prefix (province, 字, letters) and a long digit run.
_BARE_VALUE = re.compile(r"^[（(:：]?[A-Za-z\u4e00-\u9fff]{0,6}[0-9]{5,}")
_WINDOW = 18
# A label wrapped in its narrow cell, the next cell's words read between its halves: "（执法证" …
# "记录人王晓燕" … "号：XJ041900…" (a scanned record head read row by row)
_CUT_CERT = re.compile(
    r"[（(]?(?:执法证件?|执法证书|检查证|监督证|工作证)[^号:：（()）]{1,16}号[:：]?[A-Za-z]{0,3}[0-9]{5,}"
)
_OFFICER_ROLE = r"(?:执法人员|(?<!被)(?:检查|询问|调查)人员?|办案人员?|承办人)"
_OFFICER_LABEL = rf"{_OFFICER_ROLE}(?:签名|签字)?[:：]"
# an officer's signing label, at most a written name after it, then a number field with nothing in it
_BLANK_CERT = re.compile(
    rf"{_OFFICER_LABEL}[^:：]{{0,12}}?{_CERT_LABEL}\s*[:：]\s*(?=$|{_OFFICER_LABEL}|[(（]?[)）])"
)
# an officers' signing label holding their certificate number: 执法人员签名（执法证号鲁0687250116）：
_SIGNING_CERT = re.compile(rf"{_OFFICER_ROLE}(?:签名|签字)[(（]?{_CERT_LABEL}")
_CLERK_FIELD = r"记录(?:人|员)[^\u4e00-\u9fff]{0,3}"  # 记录人：白玉梅, 记录人\n白玉梅
_CLERK_NOTE = r"\s*[(（]记录[人员]?[)）]"  # 询问人：何立新、曾慧（记录）
# Words that show a "name" is a label or an organisation, not a person.
_NOT_A_NAME = (
    "当事人",
    "签",
    "执法",
    "人员",
    "记录",
    "检查",
    "询问",
    "单位",
    "现场",
    "证据",
    "依据",
    "处罚",
    "税务",
    "机关",
    "部门",
    "大队",
    "支队",
    "中队",
    "局",
    "科",
    "所",
    "站",
    "主持",
    "负责",
    "见证",
    "承办",
)


class OfficersParams(Params):
    """`count`: at least `min_count` officers named; `cert`: every officer named has a 执法证号 (a 记录人
    beside `min_count` certified officers, with no number field of their own, is a clerk and not judged)."""

    require: Literal["count", "cert"]
    min_count: int = Field(default=2, ge=1)


@register_check("officers", OfficersParams, fields=("count", "names"))
def officers(ctx: RuleContext, params: OfficersParams) -> Iterator[Hit]:
    """Enough officers, each with an enforcement certificate number (documents naming none are not judged)."""
    for doc in ctx.documents():
        people = [o for o in doc.facts.officers if is_person_name(o.name)]
        if not people:
            blank = _blank_cert_field(doc) if params.require == "cert" else None
            if blank is not None:  # officers who signed by hand, one number field left empty
                yield Hit(
                    document=doc, page=blank.page, evidence=blank.text, data={"count": "1", "names": ""}
                )
            elif params.require == "count":
                alone = _one_writer(doc)
                if alone is not None:  # 询问人：甲 / 记录人：甲, the same one officer in every slot
                    yield Hit(
                        document=doc,
                        page=fact_page(doc, alone.evidence.page if alone.evidence else None),
                        evidence=alone.evidence.text if alone.evidence else None,
                        data={"count": "1", "names": alone.signer or ""},
                    )
                else:  # officers who signed by hand beside their printed numbers
                    yield from _too_few_numbers(doc, params.min_count)
            continue  # no officer read: no other judgement
        text = ctx.view.text(doc)
        certs = _whole(cert_numbers(text) | {_key(o.cert_no) for o in people if (o.cert_no or "").strip()})
        if params.require == "count":
            names = {o.name for o in people}
            if max(len(names), len(certs), _officers_signed(doc)) < params.min_count:
                yield _hit(doc, people, str(len(names)))
            continue
        missing = [o for o in people if not has_cert(o, text)]
        certified = {o.name for o in people} - {o.name for o in missing}
        if len(certified) >= params.min_count:
            missing = [o for o in missing if not _clerk(o, text)]
        if missing and len(certs) < len({o.name for o in people}):
            yield _hit(doc, missing, str(len(missing)))


def _officers_signed(doc: Document) -> int:
    """How many officers signed the record on one page: its officers' slots signed there (询问人签名 twice,
    each signed), fewer where two of them were read as one and the same name. A slot signed on every page
    of a record is one officer's, so pages are not added up."""
    by_page: dict[int | None, list[SignatureSlot]] = {}
    for slot in doc.facts.signatures:
        if slot.role is Role.OFFICER and slot.filled:
            by_page.setdefault(slot.evidence.page if slot.evidence else None, []).append(slot)
    counts = [0]
    for slots in by_page.values():
        named = [compact(s.signer) for s in slots if s.signer]
        counts.append(len(slots) - len(named) + len(set(named)))
    return max(counts)


def _one_writer(doc: Document) -> SignatureSlot | None:
    """The first officer's slot of a record whose officer's and recorder's slots all hold one and the same
    name, written in text or read by OCR (询问人（签名）：陈建东 / 记录人（签名）：陈建东): one officer
    questioned and wrote the record alone. None where a slot is signed otherwise (a picture names nobody)
    or two names appear."""
    slots = [s for s in doc.facts.signatures if s.role in (Role.OFFICER, Role.RECORDER) and s.filled]
    roles = {s.role for s in slots}
    written = all(s.method in ("text", "ocr") and s.signer for s in slots)
    if roles != {Role.OFFICER, Role.RECORDER} or not written:
        return None
    names = {compact(s.signer or "") for s in slots}
    if len(names) != 1 or not is_person_name(next(iter(names))):
        return None
    return next(s for s in slots if s.role is Role.OFFICER)


def _too_few_numbers(doc: Document, min_count: int) -> Iterator[Hit]:
    """Officers named by no printed name, only by the certificate numbers printed in their signing label
    (执法人员签名（执法证号鲁0687250116）：[ink]): fewer numbers than officers required, and no number
    printed anywhere else (a number in the prose names an officer the reader did not list)."""
    numbers = [(b, cert_numbers(normalize(b.text))) for b in doc.blocks]
    labels = [(b, found) for b, found in numbers if _SIGNING_CERT.search(compact(normalize(b.text)))]
    certs = _whole(set().union(*(found for _, found in labels)))
    if not certs or len(certs) >= min_count or _whole(set().union(*(f for _, f in numbers))) != certs:
        return
    yield Hit(
        document=doc,
        page=labels[0][0].page,
        evidence=labels[0][0].text,
        data={"count": str(len(certs)), "names": "、".join(f"执法证号{c}" for c in sorted(certs))},
    )


def _blank_cert_field(doc: Document) -> Block | None:
    """The first line where an officer's signing label is followed by a certificate field left empty
    (执法人员：[ink] 执法证号：琼综执0902117 执法人员：[ink] 执法证号：)."""
    for block in doc.blocks:
        if _BLANK_CERT.search(normalize(block.text)):
            return block
    return None


def _whole(certs: set[str]) -> set[str]:
    """The numbers without those that open a longer one: a number wrapped in its narrow cell
    (QH221701 | 2) read once cut short, once whole, is one number."""
    return {c for c in certs if not any(o != c and o.startswith(c) for o in certs)}


def _clerk(officer: Officer, text: str) -> bool:
    """A 记录人 named beside enough certified officers, for whom the form asks no number: a clerk who
    writes the record, not one of the officers who must show a certificate. A number field left
    empty after the name (郝婷（执法证号： ）) shows the form asked for one."""
    if not (officer.named_as or "").startswith("记录"):
        return False
    return re.search(re.escape(officer.name) + r"\s*[（(]?\s*" + _CERT_LABEL, text) is None


def _hit(doc: Document, people: list[Officer], count: str) -> Hit:
    ev = people[0].evidence
    return Hit(
        document=doc,
        page=fact_page(doc, ev.page if ev else None),
        evidence=ev.text if ev else None,
        data={"count": count, "names": "、".join(dict.fromkeys(o.name for o in people))},
    )


def is_person_name(name: str) -> bool:
    """True for a plausible person's name (2-5 Chinese characters or a dotted transliterated name, no label or
    organisation words)."""
    name = name.strip()
    return name_shaped(name) and not any(word in name for word in _NOT_A_NAME)


def cert_numbers(text: str) -> set[str]:
    """The distinct certificate numbers written after a certificate label in a compacted text, and those
    listed after one (执法证件号码分别为鲁卫监证字第14820176号、鲁卫监证字第14820183号)."""
    found: set[str] = set()
    for m in _CERT.finditer(text):
        if sum(ch.isdigit() for ch in m.group(1)) < 3:
            continue
        found.add(_key(m.group(1)))
        at = m.end()
        while (more := _LISTED_AFTER.match(text, at)) is not None:
            found.add(_key(more.group(1)))
            at = more.end()
    return found


def has_cert(officer: Officer, text: str) -> bool:
    """True when the officer carries a 执法证号: read by the reader, or written right after the name."""
    if (officer.cert_no or "").strip():
        return True
    for match in re.finditer(re.escape(officer.name), text):
        after = text[match.end() : match.end() + _WINDOW]
        labelled = _CERT.search(after)
        # (the digits before any colon: an empty field runs on to the next line's "当事人签名：2025年…")
        if labelled and sum(ch.isdigit() for ch in re.split(r"[:：]", labelled.group(1))[0]) >= 3:
            return True
        if _BARE_VALUE.match(after.lstrip("\n，,、 ")):
            return True
        if _CUT_CERT.match(text, match.end()):
            return True
    return False


def _key(value: str | None) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", value or "")


def _field_of(label: str, fields: dict[str, set[str]]) -> set[str]:
    """The officers of the fields the slot's name starts with (询问人 over 询问人签名)."""
    return set().union(*(names for field, names in fields.items() if label.startswith(field)))


def _named_for(label: str, fields: dict[str, set[str]]) -> int:
    """How many officers the field of the slot's name lists (询问人 over 询问人签名); for a slot of a
    general name that no field carries (执法人员签名, 监督员签名 under 检查人员：甲、乙), the most that any
    officers' field lists (a 记录人 is one person and signs in a slot of their own)."""
    same = [len(names) for field, names in fields.items() if label.startswith(field)]
    if same:
        return max(same)
    return max((len(names) for field, names in fields.items() if not field.startswith("记录")), default=0)


def _counted(
    pages: dict[tuple[int | None, str], list[SignatureSlot]], officers: set[str]
) -> dict[tuple[int | None, str], int]:
    """The signatures counted in each (page, label) slot whose every part is signed and counted; a picture
    read as the names of several of the document's officers (陈德兴林秀琴: two signed in one picture)
    counts each name."""
    return {
        key: sum(max(s.count or 0, _officers_written(s, officers)) for s in slots)
        for key, slots in pages.items()
        if all(s.filled is True and s.count is not None for s in slots)
    }


def _officers_written(slot: SignatureSlot, officers: set[str]) -> int:
    """How many of the officers' names OCR read in the slot's pictures."""
    written = compact(slot.written or "")
    return sum(1 for name in officers if name and name in written)


def _clerks(text: str, fields: dict[str, set[str]]) -> set[str]:
    """The officers written after a 记录人 field (询问人：甲、乙 and 记录人：乙) or noted as recording
    (询问人：甲、乙（记录）)."""
    officers = set().union(*fields.values()) if fields else set()
    return {
        name
        for name in officers
        if re.search(_CLERK_FIELD + re.escape(name), text) or re.search(re.escape(name) + _CLERK_NOTE, text)
    }


def _recorder_slots(doc: Document, slot: SignatureSlot) -> list[SignatureSlot]:
    """The recorder's slots after `slot` on its page (the signing row, not the record's head)."""
    page = slot.evidence.page if slot.evidence else None
    at = next(k for k, s in enumerate(doc.facts.signatures) if s is slot)  # this slot, not an equal one
    return [
        s
        for s in doc.facts.signatures[at + 1 :]
        if s.role is Role.RECORDER and (s.evidence.page if s.evidence else None) == page
    ]


class SignersParams(Params):
    """An officers' signature slot must hold a signature for each officer the document names in the field
    of the same name (询问人 over 询问人签名, 检查人员 over 检查人员签名), up to `min_count` (the legal
    minimum of officers)."""

    min_count: int = Field(default=2, ge=1)


@register_check("officer_signers", SignersParams, fields=("label", "count", "needed"))
def officer_signers(ctx: RuleContext, params: SignersParams) -> Iterator[Hit]:
    """Slots of the rule's role that are signed, but by fewer people than the officers their field names
    (one of two 询问人 signed). A record that names one 询问人 and a separate 记录人 needs one signature
    in each slot and is not judged here; where the missing 询问人 is also the record's 记录人 and signed
    there (询问人：甲、乙, 记录人：乙), or where the record names no 记录人, the slot is named as the field
    (询问人) and its 记录人 slot is signed (one of the officers named kept it), every officer has signed
    the record; where the 记录人 slot is blank,
    the recorder's rule reports the one missing signature. Only counted slots are judged
    (names written apart, signature images in a .docx or text PDF); ink on a scanned page is not counted
    (`SignatureSlot.count` is None)."""
    role = ctx.rule.spec.role
    for doc in ctx.documents():
        for short in _short_slots(doc, role, params.min_count):
            slot = short.slot
            yield Hit(
                document=doc,
                page=short.page,
                evidence=slot.evidence.text if slot.evidence else slot.label,
                data={"label": slot.label, "count": str(short.signed), "needed": str(short.needed)},
                confidence=slot.confidence,
            )


def slots_by_page(doc: Document, role: Role | None) -> dict[tuple[int | None, str], list[SignatureSlot]]:
    """The document's slots of `role`, by (page, compacted label): slots of one name on one page are one
    slot (a footer row 执法人员 | 执法人员, one cell for each officer)."""
    pages: dict[tuple[int | None, str], list[SignatureSlot]] = {}
    for slot in doc.facts.signatures:
        if slot.role == role:
            key = (slot.evidence.page if slot.evidence else None, compact(slot.label))
            pages.setdefault(key, []).append(slot)
    return pages


class _Short(NamedTuple):
    """A signed slot holding fewer signatures than needed."""

    page: int | None
    slot: SignatureSlot
    needed: int
    signed: int


def _short_slots(doc: Document, role: Role | None, min_count: int) -> Iterator[_Short]:
    """Each signed slot holding too few: fewer than the officers its field names, or fewer than the same
    slot holds on another page of the record (slots grouped by `slots_by_page`); a page where one of them
    is blank is left to the rules on blank slots."""
    fields: dict[str, set[str]] = {}
    for officer in doc.facts.officers:
        if officer.named_as and is_person_name(officer.name):
            fields.setdefault(officer.named_as, set()).add(officer.name)
    pages = slots_by_page(doc, role)
    counted = _counted(pages, {o.name for o in doc.facts.officers})
    text = compact(doc.text) if role is Role.OFFICER else ""
    clerks = _clerks(text, fields) if text else set()
    most: dict[str, int] = {}  # the most signatures any page's slot of that name holds
    for (_, label), count in counted.items():
        most[label] = max(most.get(label, 0), count)
    for (page, label), count in counted.items():
        needed = min(max(_named_for(label, fields), most[label]), min_count)
        if count < needed:
            slot = pages[(page, label)][0]
            mine = clerks & _field_of(label, fields)  # this field's officers who are the record's 记录人
            recorders = _recorder_slots(doc, slot) if clerks else []
            if count + len(mine) >= needed and any(s.filled is False for s in recorders):
                continue  # the one missing is the record's 记录人: the recorder's rule reports the blank slot
            # a signed slot whose names were not counted holds one signature at least
            signed = sum(s.count or 1 for s in recorders if s.filled is True)
            if mine and signed >= len(clerks) and count + len(mine) >= needed:
                continue  # the one missing signed the page as its 记录人: each officer signed the record
            if _unnamed_recorder_signed(doc, slot, fields, count, needed):
                continue
            yield _Short(fact_page(doc, page), slot, needed, count)


def _unnamed_recorder_signed(
    doc: Document, slot: SignatureSlot, fields: dict[str, set[str]], count: int, needed: int
) -> bool:
    """A record that names no 记录人 of its own (询问人：甲、乙 alone) with its 记录人 slot signed on the
    page, the short slot named as their field (询问人): the record was kept by one of the officers it
    names, and with that slot's signatures every one of them signed it. (A slot of a general name,
    执法人员签名, is not judged so: its 记录人 is often a clerk of its own.)"""
    if any(field.startswith("记录") for field in fields) or not _field_of(compact(slot.label), fields):
        return False
    signed = sum(s.count or 1 for s in _recorder_slots(doc, slot) if s.filled is True)
    return signed > 0 and count + signed >= needed
