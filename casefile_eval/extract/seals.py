"""Agency seals (印章): seal images near the end of a document or its 落款, and printed marks of a seal in
published texts ("税务机关（印章）", "(公章)").

A mark is a seal only when the 落款 date beside it is filled in: a blank form prints "（印章）" over
"年 月 日" as a placeholder for a seal still to come, so with a blank or missing 落款 date the mark is not a
seal. A mark is weak evidence (confidence 0.5): the published text says a seal was there, nobody saw it.
Seal images sitting in a party's or recipient's signature slot are that party's seals, not the agency's.
"""

from __future__ import annotations

import re

from casefile_eval.codes import Role
from casefile_eval.extract.dates import find_dates
from casefile_eval.extract.text import DocText
from casefile_eval.model import DateFact, ImageKind, Seal, SignatureSlot

_MARK = re.compile(r"[(（\[【]\s*(?:印章|公章|盖章|章|签章|印)\s*[)）\]】]")
NEAR_LUOKUAN = 3
MARK_CONFIDENCE = 0.5
SHORT = 40


def _luokuan(dates: list[DateFact]) -> DateFact | None:
    return next((d for d in dates if d.label == "落款"), None)


def _near_text(dt_: DocText, index: int) -> str:
    """The 落款 words a seal sits on: the block, with the agency line above a bare date."""
    text = dt_.squeezed(index)
    if index > 0 and 0 < len(dt_.squeezed(index - 1)) <= SHORT and find_dates(text):
        return f"{dt_.squeezed(index - 1)} {text}"
    return text


def find_seals(dt_: DocText, dates: list[DateFact], slots: list[SignatureSlot]) -> list[Seal]:
    """The agency seals of a document (images first, then printed marks)."""
    luokuan = _luokuan(dates)
    anchor = luokuan.evidence.block if luokuan and luokuan.evidence else None
    n = len(dt_.blocks)
    party_blocks = {
        s.evidence.block
        for s in slots
        if s.role in (Role.PARTY, Role.RECIPIENT) and s.evidence is not None and s.evidence.block is not None
    }
    seals: list[Seal] = []
    for image in dt_.doc.images:
        if image.kind is not ImageKind.SEAL or image.block_index is None:
            continue
        if any(abs(image.block_index - b) <= 1 for b in party_blocks):
            continue
        near_anchor = anchor is not None and abs(image.block_index - anchor) <= NEAR_LUOKUAN
        if near_anchor or image.block_index >= n * 2 // 3:
            where = anchor if near_anchor and anchor is not None else min(image.block_index, n - 1)
            near = _near_text(dt_, where) if 0 <= where < n else None
            evidence = dt_.block_evidence(where) if 0 <= where < n else None
            seals.append(Seal(method="image", near=near, evidence=evidence, confidence=image.confidence))
    if anchor is None or luokuan is None or luokuan.value is None:
        return seals
    for index in range(max(0, anchor - NEAR_LUOKUAN), min(n, anchor + 2)):
        if _MARK.search(dt_.blocks[index]):
            seals.append(
                Seal(
                    method="text_mark",
                    near=dt_.squeezed(index),
                    evidence=dt_.block_evidence(index),
                    confidence=MARK_CONFIDENCE,
                )
            )
            break
    return seals
