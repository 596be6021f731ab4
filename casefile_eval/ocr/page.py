"""What OCR finds on one page: text lines and ink marks, in pixels of the upright page image."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Box = tuple[float, float, float, float]  # x0, top, x1, bottom


def overlap_area(a: Box, b: Box) -> float:
    """The area two boxes share (0.0 when they do not meet)."""
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


@dataclass(frozen=True)
class OcrBox:
    """One box read by the engine."""

    text: str
    box: Box
    confidence: float
    chars: tuple[float, ...] = ()  # x of each character's centre, one per character of `text`, or ()
    scores: tuple[float, ...] = ()  # the recogniser's confidence in each character of `text`, or ()


@dataclass
class OcrLine:
    """A text line in reading order: the boxes of one row, left to right."""

    parts: list[OcrBox]

    @property
    def text(self) -> str:
        """The parts' text, a space where the gap between two parts is wide."""
        out = self.parts[0].text
        for prev, part in zip(self.parts, self.parts[1:], strict=False):
            out += (" " if apart(prev, part) else "") + part.text
        return out

    @property
    def char_scores(self) -> tuple[float, ...]:
        """The recogniser's confidence in each character of `text` (1.0 for a space put between parts), or
        () when a part was read without them."""
        if any(len(p.scores) != len(p.text) for p in self.parts):
            return ()
        out = self.parts[0].scores
        for prev, part in zip(self.parts, self.parts[1:], strict=False):
            out += ((1.0,) if apart(prev, part) else ()) + part.scores
        return out

    @property
    def box(self) -> Box:
        """The union of the parts' boxes."""
        return (
            min(p.box[0] for p in self.parts),
            min(p.box[1] for p in self.parts),
            max(p.box[2] for p in self.parts),
            max(p.box[3] for p in self.parts),
        )

    @property
    def confidence(self) -> float:
        """The lowest confidence of the parts, so that one bad read is not averaged away."""
        return min(p.confidence for p in self.parts)


def apart(prev: OcrBox, part: OcrBox) -> bool:
    """Whether the gap between two neighbouring parts of a line is wide (a space in the line's text)."""
    return part.box[0] - prev.box[2] > 0.8 * max(prev.box[3] - prev.box[1], 1.0)


@dataclass(frozen=True)
class OcrMark:
    """A seal or a signature found on the image; `line` indexes the page's lines (the label or 落款)."""

    kind: str  # "seal" or "signature"
    box: Box
    confidence: float
    line: int | None


@dataclass
class OcrPage:
    """Result of reading one page: sizes in pixels, the turn applied, lines and marks."""

    width: int
    height: int
    rotation: int  # quarter turns applied to make the page upright: 0, 90, 180, 270 (clockwise)
    skew: float  # degrees the page was turned to level its lines
    lines: list[OcrLine] = field(default_factory=list)
    marks: list[OcrMark] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """A small JSON-able dict (for the cache)."""
        return {
            "width": self.width,
            "height": self.height,
            "rotation": self.rotation,
            "skew": self.skew,
            "lines": [parts_to_json(line.parts) for line in self.lines],
            "marks": marks_to_json(self.marks),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OcrPage:
        """The inverse of `to_json`; raises KeyError, TypeError or ValueError on a malformed dict."""
        lines = [OcrLine(parts_from_json(parts)) for parts in data["lines"]]
        return cls(
            int(data["width"]),
            int(data["height"]),
            int(data["rotation"]),
            float(data["skew"]),
            lines,
            marks_from_json(data["marks"]),
        )


def parts_to_json(parts: list[OcrBox]) -> list[list[Any]]:
    """Boxes as small JSON-able lists (for the cache)."""
    return [[p.text, list(p.box), p.confidence, list(p.chars), list(p.scores)] for p in parts]


def parts_from_json(data: list[Any]) -> list[OcrBox]:
    """The inverse of `parts_to_json`; raises TypeError or ValueError on malformed lists."""
    return [_part(part) for part in data]


def marks_to_json(marks: list[OcrMark]) -> list[list[Any]]:
    """Marks as small JSON-able lists (for the cache)."""
    return [[m.kind, list(m.box), m.confidence, m.line] for m in marks]


def marks_from_json(data: list[Any]) -> list[OcrMark]:
    """The inverse of `marks_to_json`; raises TypeError or ValueError on malformed lists."""
    return [OcrMark(str(k), _box(b), float(c), None if i is None else int(i)) for k, b, c, i in data]


def _part(values: list[Any]) -> OcrBox:
    text, box, confidence, *rest = values
    chars = tuple(float(x) for x in rest[0]) if rest else ()
    scores = tuple(float(x) for x in rest[1]) if len(rest) > 1 else ()
    size = len(str(text))
    return OcrBox(
        str(text),
        _box(box),
        float(confidence),
        chars if len(chars) == size else (),
        scores if len(scores) == size else (),
    )


def _box(values: list[Any]) -> Box:
    x0, top, x1, bottom = (float(v) for v in values)
    return (x0, top, x1, bottom)
