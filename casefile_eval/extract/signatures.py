"""Signature slots: where a role must sign, and whether someone did.

A slot is a printed label (被询问人签名, 执法人员签名, 负责人审批意见, 受送达人, 送达人, 见证人, 记录人 …).
Its value is the text after the label in the same block (up to the next label) or, when that is empty, the
next block (the value cell right of or below a label cell). Within the value a 签名：/签字： sub-label, if
present, decides. Filled: a name is left once blanks, dates, 年 月 日 and label words are removed
(method text), or an image of kind SIGNATURE (SEAL for a party or recipient) sits in the slot's blocks or
next to them (method image / seal). An image of unknown kind there leaves the slot undecidable (None).
A refusal note (拒绝签名, 拒签) gives filled=False with the note as evidence.

Labels without a signing word (当事人, 受送达人, 执法人员 …) name people as well as ask for signatures;
they are slots only when the document has no explicit slot (…签名/签字/盖章) for the same role and
they stand in its last third (a header line "被询问人：张三，男…" is not a slot).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from casefile_eval.codes import Role
from casefile_eval.extract.dates import find_dates
from casefile_eval.extract.text import DocText, squeeze
from casefile_eval.model import ImageItem, ImageKind, SignatureSlot

_SIGN_WORD = r"(?:签名|签字|签章|盖章|签收|捺印|按印)"
_ROLES: tuple[tuple[Role, str], ...] = (
    (Role.PARTY, r"被询问人|被检查人|被调查人|被处罚人|当事人|陈述人|申辩人|被听证人"),
    (Role.RECIPIENT, r"受送达人|收件人|签收人|代收人"),
    (Role.SERVER, r"(?<!受)送达人"),
    (Role.WITNESS, r"见证人"),
    (Role.REVIEWER, r"法制审核人员?|审核人|法制审核意见|审核意见"),
    (Role.RECORDER, r"记录人"),
    (
        Role.APPROVER,
        r"(?:机关|单位|部门|分管|主要)?负责人(?:审批|审核)?(?:意见)?|审批人|审批意见|批准人|领导审批意见?",
    ),
    (
        Role.OFFICER,
        r"执法人员|(?<!被)询问人|(?<!被)检查人|(?<!被)调查人|承办人(?:意见)?|办案人员?|经办人|勘验人",
    ),
)
_LABEL = re.compile(
    "(?:"
    + "|".join(
        rf"(?P<{role.value}>(?:{pattern})(?:[(（]?{_SIGN_WORD}(?:或{_SIGN_WORD})?[)）]?)?)"
        for role, pattern in _ROLES
    )
    + r")(?=\s*(?:[:：|_（(]|$|\s))"
)
_ANY_ROLE = re.compile("|".join(pattern for _, pattern in _ROLES))
_EXPLICIT = re.compile(_SIGN_WORD + r"|审批人|批准人|见证人|(?<!受)送达人|记录人|审核人|意见")
_SUB_LABEL = re.compile(rf"{_SIGN_WORD}(?:或{_SIGN_WORD})?[)）]?\s*[:：]?")
_REFUSED = re.compile(r"拒绝签|拒签|拒不签|拒绝在[^。]{0,10}签|拒绝盖章|拒不盖章")
_NOISE = re.compile(
    r"[_\s:：,，.。;；、()（）\[\]【】|/\\-]|年|月|日|时|分|签名|签字|签章|盖章|或|日期|时间|意见|以上|记录属实"
    r"|与受送达人的?关系|页|第|共"
)
_BLANK_DATE = re.compile(r"[0-9]{0,4}\s*年\s*[0-9]{0,2}\s*月\s*[0-9]{0,2}\s*日")
MAX_SIGNER = 20


@dataclass
class _Slot:
    role: Role
    label: str
    blocks: tuple[int, ...]
    value: str
    explicit: bool


def _value(dt_: DocText, index: int, text: str, end: int) -> tuple[str, tuple[int, ...]]:
    rest = text[end:]
    nxt = _LABEL.search(rest)
    value = rest[: nxt.start()] if nxt else rest
    if value.strip(":： \t_") or nxt or index + 1 >= len(dt_.blocks):
        return value, (index,)
    following = dt_.blocks[index + 1]
    head = _LABEL.match(following.strip())
    if head:
        return "", (index,)
    cut = _LABEL.search(following)
    return (following[: cut.start()] if cut else following), (index, index + 1)


def _scan(dt_: DocText) -> list[_Slot]:
    slots: list[_Slot] = []
    for index in dt_.blocks_matching(_ANY_ROLE):
        text = dt_.blocks[index]
        for m in _LABEL.finditer(text):
            role = Role(m.lastgroup or "")
            value, blocks = _value(dt_, index, text, m.end())
            label = squeeze(m.group())
            slots.append(_Slot(role, label, blocks, value, _EXPLICIT.search(label) is not None))
    explicit_roles = {s.role for s in slots if s.explicit}
    tail = len(dt_.blocks) * 2 // 3
    return [s for s in slots if s.explicit or (s.role not in explicit_roles and s.blocks[0] >= tail)]


def _text_fill(value: str) -> tuple[bool, str | None, bool]:
    """(filled, signer, refused) from the value's words."""
    sub = list(_SUB_LABEL.finditer(value))
    if sub:
        value = value[sub[-1].end() :]
    if _REFUSED.search(value):
        return False, None, True
    words = _BLANK_DATE.sub("", value)
    for date in reversed(find_dates(words)):
        words = words[: date.start] + words[date.end :]
    signer = _NOISE.sub("", words)
    return (True, signer[:MAX_SIGNER], False) if len(signer) >= 2 else (False, None, False)


def _images_for(slot: _Slot, images: list[ImageItem], claimed: set[int]) -> list[ImageItem]:
    own = [im for im in images if im.block_index in slot.blocks and id(im) not in claimed]
    if own:
        return own
    near = {slot.blocks[0] - 1, slot.blocks[-1] + 1}
    return [im for im in images if im.block_index in near and id(im) not in claimed]


def _image_fill(slot: _Slot, images: list[ImageItem]) -> tuple[bool | None, str]:
    kinds = {im.kind for im in images}
    seal_ok = slot.role in (Role.PARTY, Role.RECIPIENT)
    if ImageKind.SIGNATURE in kinds:
        return True, "image"
    if ImageKind.SEAL in kinds and seal_ok:
        return True, "seal"
    if ImageKind.UNKNOWN in kinds:
        return None, "image"
    return False, "text"


def find_signatures(dt_: DocText) -> list[SignatureSlot]:
    """Every signature slot of the document with whether it is signed."""
    images = [im for im in dt_.doc.images if im.block_index is not None and im.kind is not ImageKind.PHOTO]
    claimed: set[int] = set()
    out: list[SignatureSlot] = []
    for slot in _scan(dt_):
        filled: bool | None
        filled, signer, refused = _text_fill(slot.value)
        method = "text"
        confidence = 1.0
        if not filled and not refused:
            near = _images_for(slot, images, claimed)
            image_filled, method = _image_fill(slot, near)
            claimed.update(id(im) for im in near)
            filled = image_filled if near else False
            confidence = max((im.confidence for im in near), default=1.0)
        dates = [d.value for d in find_dates(slot.value) if d.value is not None]
        words = (
            dt_.blocks[slot.blocks[0]]
            if len(slot.blocks) == 1
            else " ".join(dt_.blocks[i] for i in slot.blocks)
        )
        out.append(
            SignatureSlot(
                label=slot.label,
                role=slot.role,
                filled=filled,
                signer=signer,
                date=dates[-1] if dates else None,
                method=method,
                evidence=dt_.block_evidence(slot.blocks[0], words),
                confidence=confidence,
            )
        )
    return out
