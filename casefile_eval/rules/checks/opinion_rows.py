"""The 负责人意见 row of an 审批表 read from its text: an opinion and a date written, and no name beside
them. Used where the signature facts give no slot for the row, or took the opinion for a name."""

from __future__ import annotations

import re
from dataclasses import dataclass

from casefile_eval.extract.dates import find_dates
from casefile_eval.extract.text import norm
from casefile_eval.model import Document, ImageKind, SignatureSlot
from casefile_eval.textnorm import OPINION, compact

_OPINION_WORD = re.compile(r"同意|批准|准予|如拟|意见|办理")
# Words of the row's own printing: label parts, sign words, the tail of a label split over lines.
_PRINTED = re.compile(
    r"签名|签字|签章|盖章|日期|时间|负责人|审批|审核|意见|领导|批准人|审批人|(?:机关|单位|部门|分管|主要)"
)
_SPLIT = re.compile(r"[\s。，,；;：:、()（）\[\]【】|/_-]+")
_PAGE_MARK = re.compile(r"第\s*[0-9]+\s*页(?:\s*共\s*[0-9]+\s*页)?|共\s*[0-9]+\s*页")
_ROW_REACH = 3
_LABEL_TAILS = frozenset("见年月日")  # a label wrapped over lines ("负责人审批意" / "见"), a blank date


@dataclass(frozen=True)
class UnsignedRow:
    """An opinion row with an opinion and a date but nobody's name."""

    label: str
    text: str
    page: int | None


def opinion_like(slot: SignatureSlot) -> bool:
    """True when a slot's "signer" is the opinion itself (同意, 同意立案): its filling proves nothing."""
    return bool(slot.signer) and _OPINION_WORD.search(slot.signer or "") is not None


def unsigned_rows(doc: Document, label: re.Pattern[str], next_label: re.Pattern[str]) -> list[UnsignedRow]:
    """The rows starting with `label` whose value holds an opinion and a readable date and nothing that
    could be a name, with no signature or seal image on or next to them. A row ends at the next block
    starting with `next_label`, after `_ROW_REACH` blocks, or at the document's end."""
    texts = [norm(b.text) for b in doc.blocks]
    rows: list[UnsignedRow] = []
    for index, text in enumerate(texts):
        found = label.match(compact(text))
        if found is None:
            continue
        end = index + 1
        while end < len(texts) and end <= index + _ROW_REACH and not next_label.match(compact(texts[end])):
            end += 1
        value = " ".join([_after(text, found.end()), *texts[index + 1 : end]])
        if _unsigned(value) and not _image_near(doc, index, end):
            name = found.group() + ("见" if found.group().endswith("意") else "")  # a label wrapped after 意
            written = " ".join(b.text for b in doc.blocks[index:end])
            rows.append(UnsignedRow(name, written, doc.blocks[index].page))
    return rows


def _unsigned(value: str) -> bool:
    dates = find_dates(value)
    if not any(d.value is not None for d in dates):
        return False
    for d in reversed(dates):
        value = value[: d.start] + " " + value[d.end :]
    value = _PAGE_MARK.sub(" ", value)
    opinion = False
    for token in _SPLIT.split(value):
        token = _PRINTED.sub("", token)
        if not token or token in _LABEL_TAILS:
            continue
        if OPINION.fullmatch(token):
            opinion = True
            continue
        return False  # words that may be a name, or an opinion we cannot tell from one
    return opinion


def _after(text: str, consumed: int) -> str:
    """The text after its first `consumed` non-space characters (spaces kept: they part a name)."""
    seen = 0
    for position, char in enumerate(text):
        if seen == consumed:
            return text[position:]
        seen += 0 if char.isspace() else 1
    return ""


def _image_near(doc: Document, first: int, end: int) -> bool:
    return any(
        image.kind is not ImageKind.PHOTO
        and (image.block_index is None or first - 1 <= image.block_index <= end)
        for image in doc.images
    )
