"""A document's text, prepared once for every extractor: per-block normalised text, the joined text and a
"flat" view without white space (PDF lines wrap anywhere), with maps from every view back to blocks.

Normalisation here keeps lengths (one character in, one out) so that offsets stay valid: full-width ASCII
becomes half-width and the ideographic space a space. Runs of spaces are kept; patterns allow them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from casefile_eval.model import Block, BlockKind, Document, Evidence

_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20
_FULLWIDTH[0x00A0] = 0x20
# Dot leaders between a form's field name at the start of a line and its value ("检查时间……………2022年3月9日",
# "住所（地址）……常德市…"): a colon and spaces in their place, as the field is usually printed.
_LEADER = re.compile(r"^(\s*[\u4e00-\u9fff（）()、/]{1,12})([…⋯·．.]{2,})(?=\S)", re.MULTILINE)
_NON_SPACE = re.compile(r"\S+")
_SPACE = re.compile(r"\s+")
EVIDENCE_MAX = 160


def norm(text: str) -> str:
    """Full-width ASCII to half-width, ideographic space to space; the length is unchanged."""
    return text.translate(_FULLWIDTH)


def strip_spaces(text: str) -> str:
    """Drop white space from text already normalised."""
    return _SPACE.sub("", text)


def squeeze(text: str) -> str:
    """`norm` and then drop every white space character (for names spaced out as 当 事 人)."""
    return _SPACE.sub("", norm(text))


@dataclass
class DocText:
    """The text views of one document and the way back from an offset to its block."""

    doc: Document
    blocks: list[str]  # normalised text of each block
    starts: list[int]  # offset of each block in `text`
    text: str  # blocks joined by "\n"
    flat: str  # `text` without white space
    flat_pos: list[int]  # flat index -> text index
    _flat_block_starts: list[int] = field(default_factory=list)
    _squeezed: list[str | None] = field(default_factory=list)
    _word_starts: list[int] | None = None

    @classmethod
    def of(cls, doc: Document) -> DocText:
        """Build the views of `doc` (linear in its length)."""
        text = "\n".join(b.text.replace("\n", " ").replace("\r", " ") for b in doc.blocks).translate(
            _FULLWIDTH
        )
        text = _LEADER.sub(lambda m: m.group(1) + ":" + " " * (len(m.group(2)) - 1), text)
        blocks = text.split("\n") if doc.blocks else []
        starts: list[int] = []
        pos = 0
        for b in blocks:
            starts.append(pos)
            pos += len(b) + 1
        flat_pos: list[int] = []
        pieces: list[str] = []
        for m in _NON_SPACE.finditer(text):
            pieces.append(m.group())
            flat_pos.extend(range(m.start(), m.end()))
        out = cls(doc, blocks, starts, text, "".join(pieces), flat_pos)
        out._flat_block_starts = [bisect_right(flat_pos, s - 1) for s in starts]
        out._squeezed = [None] * len(blocks)
        return out

    def word_starts(self) -> list[int]:
        """Flat indices of the characters that follow white space in `text` (sorted, cached)."""
        if self._word_starts is None:
            pos = self.flat_pos
            self._word_starts = [i for i in range(1, len(pos)) if pos[i] - pos[i - 1] > 1]
        return self._word_starts

    def squeezed(self, index: int) -> str:
        """Block `index` without white space (cached)."""
        value = self._squeezed[index]
        if value is None:
            value = self._squeezed[index] = _SPACE.sub("", self.blocks[index])
        return value

    def cells_above(self, index: int) -> list[int]:
        """The cells above table cell `index` in its column, in block order ([] outside a table)."""
        cell = self.doc.blocks[index]
        if cell.kind is not BlockKind.CELL or cell.table is None or cell.row is None or cell.col is None:
            return []
        return [
            i
            for i, other in enumerate(self.doc.blocks)
            if other.kind is BlockKind.CELL
            and (other.source, other.table, other.col) == (cell.source, cell.table, cell.col)
            and other.row is not None
            and other.row < cell.row
        ]

    def blocks_matching(self, pattern: re.Pattern[str]) -> list[int]:
        """Indices of the blocks where `pattern` matches (one scan of the whole text)."""
        hits: list[int] = []
        for m in pattern.finditer(self.text):
            index = self.block_at(m.start())
            if not hits or hits[-1] != index:
                hits.append(index)
        return hits

    def block_at(self, offset: int) -> int:
        """Index of the block holding `text[offset]`."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def flat_block(self, flat_index: int) -> int:
        """Index of the block holding `flat[flat_index]`."""
        if not self.flat_pos:
            return 0
        return self.block_at(self.flat_pos[min(flat_index, len(self.flat_pos) - 1)])

    def flat_block_start(self, block: int) -> int:
        """Flat index of the first character of `block` (or of the next non-empty block)."""
        return self._flat_block_starts[block] if block < len(self._flat_block_starts) else len(self.flat)

    def to_text(self, flat_start: int, flat_end: int) -> tuple[int, int]:
        """The `text` span of a `flat` span."""
        if not self.flat_pos:
            return 0, 0
        start = self.flat_pos[min(flat_start, len(self.flat_pos) - 1)]
        end = self.flat_pos[min(max(flat_end - 1, flat_start), len(self.flat_pos) - 1)] + 1
        return start, end

    def evidence(self, start: int, end: int, *, flat: bool = False) -> Evidence:
        """Evidence for a span of `text` (or of `flat`): the words as written and the first block's place."""
        if flat:
            start, end = self.to_text(start, end)
        index = self.block_at(start)
        raw = self.raw_span(start, end)
        return self.block_evidence(index, raw)

    def raw_span(self, start: int, end: int) -> str:
        """The original (not normalised) characters of a span of `text`, lines joined by a space."""
        parts: list[str] = []
        first = self.block_at(start)
        last = self.block_at(max(start, end - 1))
        for i in range(first, last + 1):
            b0 = self.starts[i]
            lo = max(start - b0, 0)
            hi = min(end - b0, len(self.blocks[i]))
            parts.append(self.doc.blocks[i].text[lo:hi])
        return " ".join(p.strip() for p in parts if p.strip())

    def block_evidence(self, index: int, text: str | None = None) -> Evidence:
        """Evidence pointing at block `index` with `text` (the block's own text when None)."""
        block: Block | None = self.doc.blocks[index] if 0 <= index < len(self.doc.blocks) else None
        words = text if text is not None else (block.text if block else "")
        words = words.strip()
        if len(words) > EVIDENCE_MAX:
            words = words[: EVIDENCE_MAX - 1] + "…"
        return Evidence(
            text=words,
            source=block.source if block else self.doc.source,
            page=block.page if block else None,
            block=index if block else None,
            bbox=block.bbox if block else None,
        )


QUOTE_SPANS = re.compile(r"“[^”]{0,1500}”|\"[^\"]{0,1500}\"|「[^」]{0,1500}」")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted passages (a decision quoting a statute), to keep their amounts and penalties out."""
    return [(m.start(), m.end()) for m in QUOTE_SPANS.finditer(text)]


def inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether `pos` falls inside one of the sorted `spans`."""
    i = bisect_right(spans, (pos, 1 << 60)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]
