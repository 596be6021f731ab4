"""Text lines of a PDF page from pdfium's text layer, whether that layer is usable, printed page numbers."""

from __future__ import annotations

import ctypes
import math
import re
from dataclasses import dataclass, replace

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from casefile_eval.parsers.header_rows import Placement, read_grids
from casefile_eval.parsers.left_band import Band, find_band
from casefile_eval.parsers.pdf_images import PdfBox, multiply, object_matrix, objects_in_forms
from casefile_eval.parsers.pdf_lines import Line, Rules
from casefile_eval.parsers.side_column import compose, split_side_column
from casefile_eval.parsers.under_captions import captions_first

_SEGMENT = re.compile(r"[^\r\n]+")
_GAPS = re.compile(r"\s+")
_CID = re.compile(r"\(cid:\d+\)")
MIN_CHARS = 1  # fewer visible characters than this: no text layer at all
SPARSE_CHARS = 20  # fewer than this on a page mostly covered by an image: a scan with a stray label
BAD_SHARE = 0.3  # share of unmapped characters that makes a layer unusable
SCANNED_SHARE = 0.5  # images covering this share of the page: the page may be a scan
HIDDEN_SHARE = 0.8  # this share of the text hidden on such a page: a scanner's OCR layer, not the page
COLUMN_GAP = 2.0  # a gap wider than this many line heights separates table columns, not words
WORD_SPACE = 0.15  # within a grid cell, words this many line heights apart had a space between them
PITCH_SLACK = 0.25  # line pitches within a table cell differ by less than this many line heights
MAX_PITCH = 2.5  # lines of one cell are at most this many line heights apart (top to top)
INDENT_SLACK = 0.5  # lines of one cell start this close to the cell's left edge (line heights)...
MAX_INDENT = 2.5  # ...or indented by up to this many (a first-line indent of two characters)
SAME_LINE = 0.2  # pieces overlapping by more than this share of a line height share a line (lines of a
# paragraph never overlap; a date set a little higher than its label in a table row does)
# turned further than this from upright and from a quarter turn: slanted (a watermark; fill-ins set like
# handwriting lean up to about 17°)
SLANT = math.radians(25)
UPRIGHT = 1.5  # height to width of a piece set upright at most (one character is about square)
TURNED = 0.7  # |sin| of a character's angle above which it is set turned, running up or down the page
EDGE = 0.12  # share of the page's width at either side where turned text is the form's edge strip
# A table drawn in text (┌─┬─┐ │ ├─┼─┤, a 办案系统's printout): its rules are no words; the characters become
# spaces (lengths kept), so a line of rules only is blank and a cell's │ a gap between words
_BOX_DRAWING = dict.fromkeys(range(0x2500, 0x2580), " ")


def page_lines(
    textpage: pdfium.PdfTextPage, left: float, top: float, page: pdfium.PdfPage | None = None
) -> tuple[list[Line], Band | None]:
    """The page's lines in reading order, pieces on one baseline joined, and its left band, if any.

    Lines run top to bottom and left to right, except that the label of a two-column table row,
    vertically centred beside a multi-line value, comes before that value (see `_lift_labels`), and a row
    of small captions printed under the rule its values stand on is read with them, captions first (see
    `under_captions`). Text set turned within the page's side edges (a form's copy strip 第一联 存档联…,
    a binding margin's 装订线) and a band down the left edge apart from the body (`left_band`) are left out:
    they belong to none of the lines they pass.
    """
    count = textpage.count_chars()
    if count <= 0:
        return [], None
    text = textpage.get_text_range(0, count).translate(_BOX_DRAWING)
    if page is None or _any_slanted(page):
        text = _without_slanted(textpage, text, count)
    boxes = _char_boxes(textpage, count)
    middles = [(box[0] + box[2]) / 2 - left for box in boxes]
    cut: list[tuple[Line, list[Line]]] = []  # (whole segment, its pieces) for pdfium's text segments
    width = page.get_cropbox()[2] - left if page is not None else None
    for match in _SEGMENT.finditer(text):
        piece = match.group()
        if not piece.strip():
            continue
        first = min(match.start() + (len(piece) - len(piece.lstrip())), count - 1)
        last = min(match.end() - 1 - (len(piece) - len(piece.rstrip())), count - 1)
        if width is not None and _edge_strip(textpage, boxes, first, last, left, width):
            continue
        cuts = _column_cuts(boxes, text, first, last)
        cells = [_piece(boxes, text, middles, a, b, left, top) for a, b in _ranges(first, last, cuts)]
        whole = _piece(boxes, text, middles, first, last, left, top)
        words = [
            _piece(boxes, text, middles, a, b, left, top)
            for a, b in _ranges(first, last, _word_cuts(text, first, last))
        ]
        whole.cells = words if len(words) > 1 else []
        cut.append((whole, cells if len(cells) == 2 else [whole]))
    band = find_band([w for _, pieces in cut for p in pieces for w in p.cells or [p]], _box_of, _text_of)
    if band is not None:
        cut = _outside(cut, band)
    rules = Rules(page, left, top)
    lines, lifted = _lift_labels(_merge([p for _, pieces in cut for p in pieces]), rules)
    kept = [p if len(p) == 1 or any(id(x) in lifted for x in p) else [whole] for whole, p in cut]
    if not all(k is pieces for k, (_, pieces) in zip(kept, cut, strict=True)):
        # a label cut off a segment but not lifted before a value reads as before: keep that segment whole
        lines = _lift_labels(_merge([p for pieces in kept for p in pieces]), rules)[0]
    return captions_first(lines, rules), band


def _outside(cut: list[tuple[Line, list[Line]]], band: Band) -> list[tuple[Line, list[Line]]]:
    """The text segments (whole, pieces) with what lies in a left band taken out."""
    kept: list[tuple[Line, list[Line]]] = []
    for whole, pieces in cut:
        rest = _trimmed(whole, whole.cells, band)
        if rest is not None:
            left = [t for p in pieces if (t := _trimmed(p, _within(whole.cells, p), band)) is not None]
            kept.append((rest, left if len(left) == len(pieces) else [rest]))
    return kept


def _within(words: list[Line], piece: Line) -> list[Line]:
    """The words of a segment that make up one of its pieces."""
    return [w for w in words if piece.x0 <= (w.x0 + w.x1) / 2 <= piece.x1]


def _trimmed(line: Line, words: list[Line], band: Band) -> Line | None:
    """A piece (its words: several, or none) without what lies in the band (None: all of it does)."""
    if band.holds(_box_of(line)):
        return None
    outside = [w for w in words if not band.holds(_box_of(w))]
    if len(outside) == len(words):
        return line
    if not outside:
        return None
    trimmed = _fold_cell(outside)
    trimmed.parts, trimmed.cells = [], outside if line.cells and len(outside) > 1 else []
    return trimmed


def _text_of(line: Line) -> str:
    return line.text


def _any_slanted(page: pdfium.PdfPage) -> bool:
    """Whether any text object of the page is set at a slant (see `_slanted`; the angle pdfium gives each
    character is its object's, within its forms, so a page without one has no slanted character: one call
    an object spares one a character)."""
    for obj, forms in objects_in_forms(page.raw, (pdfium_c.FPDF_PAGEOBJ_TEXT,)):
        own = object_matrix(obj)
        if own is None:
            return True
        a, b = multiply(own, forms)[:2]
        if _slanted(math.atan2(b, a) % (2 * math.pi)):
            return True
    return False


def _slanted(angle: float) -> bool:
    """Whether an angle (radians, as pdfium gives a character's; -1 where it cannot tell) is at least `SLANT`
    from upright and from a quarter turn."""
    quarter = math.pi / 2
    return angle >= 0 and abs(angle - round(angle / quarter) * quarter) > SLANT


def _without_slanted(textpage: pdfium.PdfTextPage, text: str, count: int) -> str:
    """The page's text with each character set at a slant (at least `SLANT` from upright and from a quarter
    turn: a watermark printed across the page) made a line break, so that it joins no line."""
    chars = list(text)
    raw, angle_of = textpage.raw, pdfium_c.FPDFText_GetCharAngle
    for k, char in enumerate(chars[:count]):
        if not char.isspace() and _slanted(angle_of(raw, k)):
            chars[k] = "\n"
    return "".join(chars)


def _edge_strip(
    textpage: pdfium.PdfTextPage, boxes: list[PdfBox], first: int, last: int, left: float, width: float
) -> bool:
    """Whether a segment is set turned a quarter (its first and last characters' angles, as pdfium
    reports them; -1 where it cannot tell) within `EDGE` of the page's left or right side."""
    angles = [pdfium_c.FPDFText_GetCharAngle(textpage.raw, k) for k in (first, last)]
    if not all(angle >= 0 and abs(math.sin(angle)) > TURNED for angle in angles):
        return False
    x0, _, x1, _ = _span_box(boxes, first, last)
    return x1 - left < EDGE * width or x0 - left > (1 - EDGE) * width


def grid_lines(lines: list[Line]) -> tuple[list[Line], list[Placement]]:
    """The page's lines with a side column read after the column left of it
    (`casefile_eval.parsers.side_column`) and every grid whose field names stand in a row above their values
    read column by column (`casefile_eval.parsers.header_rows.read_grids` over the lines' cells); for each
    old line, where its parts went."""
    sides, first = split_side_column(lines, _cells_of, _box_of, _text_of, _fold_cell)
    grid, second = read_grids(sides, _cells_of, _box_of, _text_of, _fold_cell, _shifted)
    return grid, compose(first, second)


def _shifted(cell: Line, drop: float) -> Line:
    return replace(cell, top=cell.top + drop, bottom=cell.bottom + drop)


def _fold_cell(words: list[Line]) -> Line:
    """The words of one grid cell joined back, a space where the page had one."""
    return _fold(words, WORD_SPACE)


def _cells_of(line: Line) -> list[Line]:
    """The line's cells left to right (a row's words, and a piece drawn apart from them: a field name set
    higher in its cell because it wraps)."""
    return sorted(
        (cell for part in line.parts or [line] for cell in part.cells or [part]), key=lambda c: c.x0
    )


def _box_of(line: Line) -> tuple[float, float, float, float]:
    return line.x0, line.top, line.x1, line.bottom


def _piece(
    boxes: list[PdfBox], text: str, middles: list[float], a: int, b: int, left: float, top: float
) -> Line:
    """Characters a..b as a line; `middles`: every character's x middle."""
    x0, bottom, x1, y1 = _span_box(boxes, a, b)
    return Line(text[a : b + 1], x0 - left, top - y1, x1 - left, top - bottom, xs=tuple(middles[a : b + 1]))


def _column_cuts(boxes: list[PdfBox], text: str, first: int, last: int) -> list[tuple[int, int]]:
    """The white spaces of a text segment that span a column gap: (last char before, first char after).

    pdfium may put a table label and the value line beside it in one segment even when they sit at
    different heights; cutting the label off lets each piece find its own line. Only a segment of
    exactly two columns is cut into pieces: a row of more columns stays one piece and reads as it did
    (its words are kept as the piece's cells for reading a grid, see `_word_cuts` and `grid_lines`).
    """
    cuts: list[tuple[int, int]] = []
    for gap in _GAPS.finditer(text, first, last + 1):
        before, after = gap.start() - 1, gap.end()
        a, b = boxes[before], boxes[after]
        height = max(a[3] - a[1], b[3] - b[1], 1.0)
        if b[0] - a[2] > COLUMN_GAP * height or b[0] < a[0]:  # a column gap, or a jump back left
            cuts.append((before, after))
    return cuts


def _word_cuts(text: str, first: int, last: int) -> list[tuple[int, int]]:
    """Every white space of a text segment: (last char before, first char after). In Chinese print a
    space that pdfium reports is a gap on the page, so the words of a grid's rows are its cells."""
    return [(gap.start() - 1, gap.end()) for gap in _GAPS.finditer(text, first, last + 1)]


def _ranges(first: int, last: int, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The character ranges between the cuts."""
    starts = [first] + [after for _, after in cuts]
    ends = [before for before, _ in cuts] + [last]
    return list(zip(starts, ends, strict=True))


def _char_boxes(textpage: pdfium.PdfTextPage, count: int) -> list[PdfBox]:
    """Every character's box (left, bottom, right, top in PDF units), read once for the page through the
    raw call (pypdfium2's `get_charbox` makes four new ctypes values a character)."""
    raw, get = textpage.raw, pdfium_c.FPDFText_GetCharBox
    left, right, bottom, top = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    boxes: list[PdfBox] = []
    for k in range(count):
        if not get(raw, k, left, right, bottom, top):
            raise pdfium.PdfiumError("Failed to get charbox.")
        boxes.append((left.value, bottom.value, right.value, top.value))
    return boxes


def _span_box(boxes: list[PdfBox], first: int, last: int) -> PdfBox:
    a, b = boxes[first], boxes[last]
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])


def _merge(segments: list[Line]) -> list[Line]:
    """Sort by position and join segments that share a line (vertical overlap over half a line)."""
    segments.sort(key=lambda s: (s.top, s.x0))
    lines: list[Line] = []
    for seg in segments:
        for line in reversed(lines[-3:]):
            height = min(seg.bottom - seg.top, line.bottom - line.top)
            overlap = min(seg.bottom, line.bottom) - max(seg.top, line.top)
            if height > 0 and overlap > SAME_LINE * height and not _stacked(line, seg):
                _join(line, seg)
                break
        else:
            lines.append(Line(seg.text, seg.x0, seg.top, seg.x1, seg.bottom, [seg], xs=seg.xs))
    return lines


def _stacked(line: Line, seg: Line) -> bool:
    """Whether a segment stands over or under a piece of the line, across half the narrower one: pieces
    of one line stand side by side, so it is the next character of a label written down a column
    ("审" / "批" / "意" / "见" beside an opinion set between the first two), not of this line."""
    return _upright(seg) and any(
        _upright(part)
        and min(part.x1, seg.x1) - max(part.x0, seg.x0) > 0.5 * min(part.x1 - part.x0, seg.x1 - seg.x0)
        for part in line.parts
    )


def _upright(piece: Line) -> bool:
    """Whether a piece is set upright: not taller than wide by half (text turned on its side runs down the
    page in tall narrow pieces, which the line's order of reading does not judge)."""
    return piece.bottom - piece.top <= UPRIGHT * (piece.x1 - piece.x0)


def _join(line: Line, seg: Line, space: float = 0.5) -> None:
    """Add a segment to a line, before the first piece that lies wholly right of it (else last).

    Segments arrive top to bottom, so pieces stacked in one table cell keep their top-to-bottom order.
    """
    after = next((k for k, part in enumerate(line.parts) if part.x0 >= seg.x1), len(line.parts))
    line.parts.insert(after, seg)
    first = line.parts[0]
    texts, x1, top, bottom = [first.text], first.x1, first.top, first.bottom
    xs = list(first.xs)
    for part in line.parts[1:]:
        if part.x0 - x1 > space * max(bottom - top, 1.0):
            texts.append(" ")
            xs.append((x1 + part.x0) / 2)
        texts.append(part.text)
        xs += part.xs
        x1, top, bottom = max(x1, part.x1), min(top, part.top), max(bottom, part.bottom)
    line.text = "".join(texts)
    line.xs = tuple(xs) if len(xs) == len(line.text) else ()
    line.x0, line.x1 = min(line.x0, seg.x0), max(line.x1, seg.x1)
    line.top, line.bottom = min(line.top, seg.top), max(line.bottom, seg.bottom)


def _lift_labels(lines: list[Line], rules: Rules) -> tuple[list[Line], set[int]]:
    """Put the label of a two-column table row before the multi-line value it is vertically centred beside.

    Lines are built by baseline, so such a label lands inside its value (on the middle line, or alone
    between the two middle lines). It is cut off and placed, as a line of its own, before the first line
    of the value. Single-line rows (label and value on one baseline) stay one line. Also returns the
    ids of the segments that went into lifted labels.
    """
    before: dict[int, list[Line]] = {}
    kept: dict[int, Line | None] = {}
    lifted: set[int] = set()
    for i in range(len(lines)):
        found = _centred_label(lines, i, rules)
        if found is not None:
            start, label, rest = found
            before.setdefault(start, []).append(label)
            kept[i] = rest
            lifted.update(id(part) for part in label.parts)
    out: list[Line] = []
    for i, line in enumerate(lines):
        out.extend(before.get(i, ()))
        rest = kept.get(i, line)
        if rest is not None:
            out.append(rest)
    return out, lifted


def _centred_label(lines: list[Line], i: int, rules: Rules) -> tuple[int, Line, Line | None] | None:
    """(index of the value's first line, label, rest of line i) when line i holds a centred label."""
    if i == 0 or i + 1 >= len(lines):
        return None
    line, above, below = lines[i], lines[i - 1], lines[i + 1]
    split = _split_at_column(line)
    if split is not None:
        label, rest = split
        column, height, anchor = rest.x0, _height(rest, above, below), rest
        pitch = rest.bottom - above.bottom  # bottoms: near the baseline even for lines of punctuation
        if abs(below.bottom - rest.bottom - pitch) > PITCH_SLACK * height:
            return None
    else:
        label, rest, anchor = line, None, None
        column, height, pitch = min(above.x0, below.x0), _height(above, below), below.bottom - above.bottom
        centre = (line.top + line.bottom) / 2
        between = (above.top + above.bottom) / 2 < centre < (below.top + below.bottom) / 2
        if line.x1 + COLUMN_GAP * height > column or not between or _ruled(rules, column, above, below):
            return None
    if not 0 < pitch <= MAX_PITCH * height:
        return None
    cell = _Cell(column, height, pitch, rules)
    up = _run(lines, i, -1, cell, anchor)
    down = _run(lines, i, 1, cell, anchor)
    n = min(up, down)
    return (i - n, label, rest) if n else None


@dataclass
class _Cell:
    """The right-column cell a label is centred beside: its left edge, line height and pitch."""

    column: float
    height: float
    pitch: float
    rules: Rules


def _run(lines: list[Line], i: int, step: int, cell: _Cell, anchor: Line | None) -> int:
    """How many lines from line i in direction `step` continue one right-column cell at an even pitch.

    The run ends at a table rule. It is 0 when it ends at a line of the same column that is closer
    than the pitch: then the pitch spans a row boundary (the neighbours are other rows' cells).
    """
    count, last, j = 0, anchor, i + step
    while 0 <= j < len(lines):
        line = lines[j]
        inside = _in_column(line, cell)
        if not inside:  # another row's label line: its value piece still tells where that row's text is
            split = _split_at_column(line)
            if split is None or not _in_column(split[1], cell):
                break
            line = split[1]
        if last is not None:
            if _ruled(cell.rules, cell.column, last, line):
                break
            distance = abs(line.bottom - last.bottom)
            if abs(distance - cell.pitch) > PITCH_SLACK * cell.height:
                return count if distance > cell.pitch else 0
        if not inside:
            break
        count, last, j = count + 1, line, j + step
    return count


def _ruled(rules: Rules, column: float, a: Line, b: Line) -> bool:
    """Whether a table rule across the column runs between two lines (they are in different rows)."""
    return rules.between(column + 1.0, (a.top + a.bottom) / 2, (b.top + b.bottom) / 2)


def _in_column(line: Line, cell: _Cell) -> bool:
    return cell.column - INDENT_SLACK * cell.height <= line.x0 <= cell.column + MAX_INDENT * cell.height


def _split_at_column(line: Line) -> tuple[Line, Line] | None:
    """The line cut at its first column gap into (left piece, right piece), if it has one."""
    parts = line.parts
    for k in range(1, len(parts)):
        height = max(_height(parts[k - 1]), _height(parts[k]))
        if parts[k].x0 - parts[k - 1].x1 > COLUMN_GAP * height:
            return _fold(parts[:k]), _fold(parts[k:])
    return None


def _fold(parts: list[Line], space: float = 0.5) -> Line:
    """Parts joined into one line, a space where they stand more than `space` line heights apart."""
    first = parts[0]
    line = Line(first.text, first.x0, first.top, first.x1, first.bottom, [first], xs=first.xs)
    for part in parts[1:]:
        _join(line, part, space)
    return line


def _height(*lines: Line) -> float:
    return max(max(line.bottom - line.top for line in lines), 1.0)


def ocr_reason(lines: list[Line], image_share: float, hidden: float = 0.0) -> str | None:
    """Why the page's text layer cannot be used (None when it can).

    `image_share` is the share of the page area covered by images, `hidden` the share of the text a reader
    cannot see (`hidden_text.hidden_share`): a page-size picture with a hidden layer is a searchable scan.
    """
    text = "".join(line.text for line in lines)
    visible = len(text) - len(_SPACE.findall(text))
    if visible < MIN_CHARS:
        return "no_text"
    if image_share >= SCANNED_SHARE and hidden >= HIDDEN_SHARE:
        return "hidden_text"
    if _CID.search(text):
        return "cid_glyphs"
    if len(_UNMAPPED.findall(text)) / visible >= BAD_SHARE:
        return "unmapped_glyphs"
    cjk = len(_CJK.findall(text))
    if cjk / visible < 0.05 and len(_LATIN_EXT.findall(text)) / visible >= BAD_SHARE:
        return "unmapped_glyphs"
    if visible < SPARSE_CHARS and image_share >= SCANNED_SHARE:
        return "sparse_text"
    return None


_SPACE = re.compile(r"\s")
_UNMAPPED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ue000-\uf8ff\ufffd-\uffff\U000f0000-\U0010ffff]")
_CJK = re.compile("[\u3400-\u9fff]")
_LATIN_EXT = re.compile("[\u0080-\u024f]")


_PAGE_PATTERNS = (
    re.compile(r"第\s*(\d{1,4})\s*页"),
    re.compile(r"^\s*(?:page|p\.)\s*(\d{1,4})(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.IGNORECASE),
    re.compile(r"^\s*[-—–－‐─]+\s*(\d{1,4})\s*[-—–－‐─]+\s*$"),
    re.compile(r"^\s*(\d{1,4})\s*/\s*\d{1,4}\s*$"),
)
_LONE_NUMBER = re.compile(r"^\s*(\d{1,4})\s*$")
MARGIN_SHARE = 0.12  # the top and bottom bands where printed page numbers sit


def printed_number(lines: list[Line], height: float) -> int | None:
    """The page number printed in the top or bottom margin band, if any."""
    band = [ln for ln in lines if ln.bottom <= height * MARGIN_SHARE or ln.top >= height * (1 - MARGIN_SHARE)]
    for pattern in _PAGE_PATTERNS:
        for line in band:
            match = pattern.search(line.text)
            if match:
                return int(match.group(1))
    for line in reversed(band):
        if line.top >= height * (1 - MARGIN_SHARE):
            match = _LONE_NUMBER.match(line.text)
            if match:
                return int(match.group(1))
    return None
