"""Whether a zone of a scanned page holds handwriting: dark, blue or red ink against the paper, with ruled
lines, underscores and specks taken out, grouped into one box per signature. (Where to look: `ocr.marks`.)
"""

from __future__ import annotations

import cv2
import numpy as np
from scipy import ndimage

from casefile_eval.ocr.page import Box
from casefile_eval.ocr.seals import paper_tone, personal_marks, red_mask

_SAME_SIGNATURE = 0.6  # ink strokes closer than this many line heights belong to one signature
_MIN_SIGNATURE = 0.5  # a group of ink smaller than this many line heights both ways is a speck
_FLAT = 0.25  # a group of ink flatter than this many line heights is a piece of a rule, not a name
_RULE_RUN = 2.2  # line heights of a straight run of ink that make it a ruled line or an underscore
_RULE_PIECE = 0.5  # line heights: a straight vertical run this long may be a piece of a ruled line
_RULE_COLUMN = 8.0  # line heights of such pieces in one column of the page that make it a ruled line
_RULE_GAP = 2.0  # line heights of a gap in a ruled line that are joined
_BOLD_RUN = 5.0  # line heights: a horizontal run shorter than this...
_BOLD_THICK = 0.2  # ...and this thick on average is a bold pen stroke, not a rule...
_BOLD_ROWS = 1.5  # ...when another lies over or under it within this many line heights
_SOLID = 0.4  # line heights both ways of ink that is a solid area, not a rule
_THIN = 0.25  # line heights: a ruled line is thinner than this across
_UNSURE = 0.5  # the confidence of a zone whose ink is little or small
_HOLE = 0.18  # line heights: ink this thick through and through (radius) is a hole or a blot, not a pen's
_HOLE_RIM = 2  # pixels round such a core that go with it (its browned or blurred edge)
_HOLE_AREA = 2.5  # ...a core as large as this many such discs (not where a few strokes cross)...
_HOLE_ROUND = 0.85  # ...and filling this share of its convex hull (round, not where strokes cross)
_HOLE_TINT = 40  # (0-255) channels of a hole's grey differ by less than this: the lid is no ink's colour
_FAINT = 0.8  # of the paper's grey round it: a pixel this dark may be part of a faint stroke...
_FAINT_SEED = 0.72  # ...kept when the stroke is this dark somewhere along its length (or ink)
_PAPER_WINDOW = 0.017  # of the page's width: the window over which the paper's grey is taken


FAINT, STRONG, PERSONAL = 1, 2, 3  # levels of `ink_levels`: a faint pen stroke, ink, a personal seal


def ink_levels(rgb: np.ndarray) -> np.ndarray:
    """Per pixel: `PERSONAL` for the red of a person's mark (a personal seal, a fingerprint: its straight
    frame is no ruled line), `STRONG` for other dark (black or blue) or red ink against the page
    background, `FAINT` for the rest of a faint pen stroke dark enough somewhere along its length, else 0."""
    gray = cv2.cvtColor(np.ascontiguousarray(rgb), cv2.COLOR_RGB2GRAY).astype(np.float32)
    background = paper_tone(gray)
    r, g, b = (rgb[..., i].astype(np.int16) for i in range(3))
    blue = (b - np.maximum(r, g) > 40) & (gray < background * 0.85)
    red = red_mask(rgb)
    strong = (gray < background * 0.62) | blue | red
    levels = np.where(strong, STRONG, 0).astype(np.uint8)
    levels[_faint_strokes(gray, strong) & ~strong] = FAINT
    levels[personal_marks(red)] = PERSONAL
    return levels


def _faint_strokes(gray: np.ndarray, strong: np.ndarray) -> np.ndarray:
    """Faint pen strokes (a thin ballpoint blurred by a coarse scan, a carbon copy's pale violet): pixels
    darker than `_FAINT` of the paper round them, in strokes that are ink somewhere along their length or
    darker there than `_FAINT_SEED` of that paper (hysteresis: a stroke is kept whole from its darkest
    points; paper grain and shadows, never that dark against the paper round them, are not)."""
    size = round(_PAPER_WINDOW * gray.shape[1])
    paper = cv2.morphologyEx(gray, cv2.MORPH_CLOSE, np.ones((size, size), np.uint8))
    faint = gray < paper * _FAINT
    labels, n = ndimage.label(faint, structure=np.ones((3, 3), dtype=bool))
    seeded = np.zeros(n + 1, dtype=bool)
    seeded[np.unique(labels[(strong | (gray < paper * _FAINT_SEED)) & faint])] = True
    seeded[0] = False
    return np.asarray(seeded[labels], dtype=bool)


def _without_rules(ink: np.ndarray, height: float) -> np.ndarray:
    """Ink with long horizontal and vertical strokes (underscores, table lines) removed."""
    run = max(8, round(height * _RULE_RUN))
    mask = ink.astype(np.uint8)
    # A scanned rule is neither solid nor straight: it steps by a pixel where the page was tilted, and a
    # light one reaches the page in pieces. Each way, neighbouring pixel rows (columns) are merged and
    # small gaps bridged before looking for long runs.
    across = cv2.dilate(mask, np.ones((3, 1), np.uint8))
    bridged = cv2.morphologyEx(across, cv2.MORPH_CLOSE, np.ones((1, max(2, round(0.15 * height))), np.uint8))
    horizontal = _opened(bridged, np.ones((1, run), np.uint8))
    down = cv2.dilate(mask, np.ones((1, 3), np.uint8))
    bridged = cv2.morphologyEx(down, cv2.MORPH_CLOSE, np.ones((max(2, round(0.3 * height)), 1), np.uint8))
    vertical = _opened(bridged, np.ones((run, 1), np.uint8))
    # a rule is a thin stroke: ink as thick as a good part of a line height both ways (a seal inked solid
    # round its white characters) is no rule
    solid = _opened(horizontal & vertical, np.ones((max(2, round(_SOLID * height)),) * 2, np.uint8))
    horizontal, vertical = _bold_strokes_out(horizontal & (solid == 0), height), vertical & (solid == 0)
    cross = cv2.getStructuringElement(cv2.MORPH_CROSS, (3, 3))
    rules = cv2.dilate(horizontal | vertical, cross, iterations=2)
    return np.asarray(ink & (rules == 0), dtype=bool)


def _thin_rules_out(ink: np.ndarray, height: float) -> np.ndarray:
    """Ink without its thin straight rules (a table's lines, underscores: long one way, under `_THIN` line
    heights the other), which would join a signature written against one to the whole table; a thick
    trail (a tunnel eaten through the paper) is left whole."""
    run, thin = max(8, round(height * _RULE_RUN)), max(3, round(_THIN * height))
    mask = ink.astype(np.uint8)
    # (a scanned rule steps by a pixel where the page was tilted: neighbouring columns (rows) merged)
    down = _opened(cv2.dilate(mask, np.ones((1, 3), np.uint8)), np.ones((run, 1), np.uint8))
    across = _opened(cv2.dilate(mask, np.ones((3, 1), np.uint8)), np.ones((1, run), np.uint8))
    vertical = down & ~_opened(mask, np.ones((1, thin), np.uint8))
    horizontal = across & ~_opened(mask, np.ones((thin, 1), np.uint8))
    return np.asarray(ink & ((vertical | horizontal) == 0), dtype=bool)


def _bold_strokes_out(horizontal: np.ndarray, height: float) -> np.ndarray:
    """The long horizontal runs without the rows of a name signed in bold strokes: runs shorter than
    `_BOLD_RUN` line heights, as thick as `_BOLD_THICK` of one, lying over each other (a name's rows) —
    not a ruled line or an underscore (thin however long, or as long as a table is wide), nor what is left
    of one printed label (a single bar)."""
    labels, _ = ndimage.label(horizontal)
    bold = []
    for k, found in enumerate(ndimage.find_objects(labels), start=1):
        wide = found[1].stop - found[1].start
        if wide < _BOLD_RUN * height and (labels[found] == k).sum() >= _BOLD_THICK * height * wide:
            bold.append((k, found))
    for k, found in bold:
        if any(
            other != k
            and min(found[1].stop, near[1].stop) > max(found[1].start, near[1].start)
            and abs(near[0].start - found[0].start) <= _BOLD_ROWS * height
            for other, near in bold
        ):
            horizontal[found][labels[found] == k] = 0
    return horizontal


def _opened(mask: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """Morphological opening with the page outside the mask counted as blank (a stroke cut by the
    zone's edge is as long as the part of it inside)."""
    return np.asarray(
        cv2.morphologyEx(mask, cv2.MORPH_OPEN, kernel, borderType=cv2.BORDER_CONSTANT, borderValue=0)
    )


def mend_broken_rules(ink: np.ndarray, em: float) -> None:
    """Join the pieces of the page's faint vertical ruled lines (a light grey table rule that reached the
    page in pieces through a faded band of the scan) so that a zone's rule removal sees them whole: in
    the columns of the page holding `_RULE_COLUMN` line heights of straight vertical runs at least
    `_RULE_PIECE` line heights long, gaps of up to `_RULE_GAP` line heights between runs are inked."""
    pieces = _opened(
        (ink >= STRONG).astype(np.uint8), np.ones((max(3, round(_RULE_PIECE * em)), 1), np.uint8)
    )
    length = pieces.sum(axis=0, dtype=np.int64)
    near = np.maximum(length, np.maximum(np.roll(length, 1), np.roll(length, -1)))  # a rule 2-3 px wide
    columns = near >= _RULE_COLUMN * em
    if not columns.any():
        return
    joined = cv2.morphologyEx(pieces, cv2.MORPH_CLOSE, np.ones((max(3, round(_RULE_GAP * em)), 1), np.uint8))
    ink[(joined > 0) & columns[None, :]] = STRONG


def _rule_like(tall: int, wide: int, height: float) -> bool:
    """What is left of a tilted underscore or a cut table rule: long one way, a pen stroke thin the other."""
    return (tall <= 0.2 * height and wide >= height) or (wide <= 0.2 * height and tall >= height)


def zone_verdict(
    ink: np.ndarray, zone: Box, height: float, floor: float | None = None
) -> tuple[float, list[Box]] | None:
    """Confidence that `zone` of the `ink_levels` holds handwriting, and the box of each signature in it
    (ink strokes closer than `_SAME_SIGNATURE` line heights are one person's); None when blank. A zone
    blank in ink, or holding only a little of it, is looked at again with its faint strokes, which count
    only as a sure verdict (a stray light mark — the arc of a bracket printed grey — is no signature)."""
    verdict = _verdict(ink, STRONG, zone, height, floor)
    x0, top, x1, bottom = (max(round(v), 0) for v in zone)
    if (verdict is not None and verdict[0] > _UNSURE) or not (ink[top:bottom, x0:x1] == FAINT).any():
        return verdict
    faint = _verdict(ink, FAINT, zone, height, floor)
    return faint if faint is not None and faint[0] > _UNSURE else verdict


def _verdict(
    ink: np.ndarray, level: int, zone: Box, height: float, floor: float | None
) -> tuple[float, list[Box]] | None:
    """`zone_verdict` over the pixels of `ink_levels` at `level` or above. A short stroke cut by the zone's
    top edge is the tail of a signature of the row above; in a zone beside a label whose line ends at
    `floor`, a piece lying wholly below that line and cut by the zone's bottom edge is the top of a
    signature of the row below: neither is ink of this zone. Among faint strokes (`level` FAINT), the rule
    cutting a stroke may have cut it from the zone's edge: any piece wholly below the label's line is left
    out."""
    x0, top, x1, bottom = (max(round(v), 0) for v in zone)
    # rules are looked for with a margin round the zone: a zone's edge cuts a rule too short to tell
    reach = round(_RULE_RUN * height)
    y0, left = max(top - reach, 0), max(x0 - reach, 0)
    region = ink[y0 : bottom + reach, left : x1 + reach]
    window = (slice(top - y0, bottom - y0), slice(x0 - left, x1 - left))
    # (a personal seal's frame is no ruled line, and the seal is one mark: a zone holds it all or none)
    personal = region == PERSONAL
    own = _own_personal_marks(personal, window, height)
    wide = (_without_rules(region >= level, height) & ~personal) | own
    crop = wide[window]
    labels, n = ndimage.label(crop)
    if n == 0:
        return None
    sizes = ndimage.sum_labels(crop, labels, index=np.arange(1, n + 1))
    slices = ndimage.find_objects(labels)
    rules = [_rule_like(sl[0].stop - sl[0].start, sl[1].stop - sl[1].start, height) for sl in slices]
    big = (sizes >= max(6.0, 0.015 * height * height)) & ~np.asarray(rules, dtype=bool)
    hanging = _hanging(region >= level, window, labels, slices, height)
    # (in a zone beside a label: a piece wholly under the label's line that the bottom edge cuts)
    under = [
        floor is not None and sl[0].start >= floor - top and (level == FAINT or sl[0].stop == crop.shape[0])
        for sl in slices
    ]
    big &= ~np.asarray(hanging, dtype=bool) & ~np.asarray(under, dtype=bool)
    keep = np.isin(labels, 1 + np.nonzero(big)[0])
    area = float(keep.sum()) / (height * height)
    if area < 0.06:
        return None
    ys, xs = np.nonzero(keep)
    extent = max(xs.max() - xs.min(), ys.max() - ys.min()) / height
    confidence = round(min(0.95, 0.75 + 0.1 * area), 2) if area >= 0.25 and extent >= 0.7 else _UNSURE
    return confidence, [(x0 + b[0], top + b[1], x0 + b[2], top + b[3]) for b in _signatures(keep, height)]


def _hanging(
    inked: np.ndarray,
    window: tuple[slice, slice],
    labels: np.ndarray,
    slices: list[tuple[slice, slice] | None],
    height: float,
) -> list[bool]:
    """For each piece of a zone (`labels` of the zone's ink without rules), whether it hangs from above: cut
    by the zone's top edge, and short (the tail of a signature of the row above), or going on above the
    zone, in the ink round it (`inked` without its thin rules: a thick trail that `_without_rules` may have
    cut is whole there), further than it reaches into it (a long trail down the page, an insect's tunnel,
    that only ends in this zone). The ink round the zone is looked at only where a piece is cut so."""
    cut = [sl is not None and sl[0].start == 0 for sl in slices]
    if not any(cut):
        return cut
    above, _ = ndimage.label(_thin_rules_out(inked, height))
    tops = {index: sl[0].start for index, sl in enumerate(ndimage.find_objects(above), start=1) if sl}
    top = window[0].start or 0
    out = []
    for index, (sl, edge) in enumerate(zip(slices, cut, strict=True), start=1):
        if sl is None or not edge:
            out.append(False)
            continue
        inside = sl[0].stop - sl[0].start
        piece = labels[sl] == index
        owners = np.unique(above[window][sl][piece])
        reach = top - min(tops[int(k)] for k in owners if k)
        out.append(inside < 0.5 * height or reach > inside)
    return out


def clear_holes(ink: np.ndarray, rgb: np.ndarray, height: float) -> None:
    """Take out of the `ink_levels` the holes in the paper (`_holes`): grey or black areas solid through
    and through. (A red fingerprint or seal pressed solid, a blue pen's bold name are no holes.)"""
    r, g, b = (rgb[..., i].astype(np.int16) for i in range(3))
    neutral = (np.maximum(np.maximum(r, g), b) - np.minimum(np.minimum(r, g), b)) < _HOLE_TINT
    ink[_holes((ink == STRONG) & neutral, height)] = 0


def _holes(ink: np.ndarray, height: float) -> np.ndarray:
    """Dark areas solid through and through: a hole in the paper (eaten by insects, punched, torn) through
    which the scanner's lid shows, a blot. No pen draws a stroke `_HOLE` line heights thick both ways; a
    hole lying on a table's rule or beside a blank would pass for a signature there."""
    radius = max(2, round(_HOLE * height))
    disc = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * radius + 1,) * 2)
    core = _opened(ink.astype(np.uint8), disc)
    if not core.any():
        return np.zeros(ink.shape, dtype=bool)
    # (where a bold pen's strokes cross, a disc fits in a few places, which make a small or a ragged
    # core; a hole holds it all over, round)
    labels, n = ndimage.label(core)
    holes = np.zeros(n + 1, dtype=bool)
    for index, found in enumerate(ndimage.find_objects(labels), start=1):
        ys, xs = np.nonzero(labels[found] == index)
        if len(xs) < _HOLE_AREA * float(disc.sum()):
            continue
        hull = cv2.convexHull(np.stack([xs, ys], axis=1).astype(np.int32))
        holes[index] = len(xs) >= _HOLE_ROUND * max(cv2.contourArea(hull), 1.0)
    rim = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * _HOLE_RIM + 1,) * 2)
    return np.asarray(cv2.dilate(holes[labels].astype(np.uint8), rim) > 0, dtype=bool)


def _own_personal_marks(personal: np.ndarray, window: tuple[slice, slice], height: float) -> np.ndarray:
    """The pixels of the personal marks in `personal` that lie mostly within `window`: a personal seal is
    one mark, the zone of the row below that its edge reaches into holds none of it."""
    joined, n = ndimage.label(ndimage.binary_dilation(personal, iterations=max(1, round(0.2 * height))))
    if n == 0:
        return personal
    index = np.arange(1, n + 1)
    total = ndimage.sum_labels(personal, joined, index)
    inside = ndimage.sum_labels(personal[window], joined[window], index)
    own = np.concatenate([[False], inside > total / 2])
    return np.asarray(personal & own[joined], dtype=bool)


def _signatures(keep: np.ndarray, height: float) -> list[Box]:
    """Boxes of the groups of ink strokes that lie apart from each other (one person's name each); a
    group a few pixels tall (what is left of a rule a blank's underline broke off) is none."""
    reach = max(1, round(_SAME_SIGNATURE * height / 2))
    grouped, n = ndimage.label(ndimage.binary_dilation(keep, iterations=reach))
    boxes: list[Box] = []
    for rows, cols in ndimage.find_objects(grouped)[:n]:
        part = keep[rows, cols]
        ys, xs = np.nonzero(part)
        if not len(xs) or ys.max() - ys.min() + 1 < _FLAT * height:
            continue
        if max(xs.max() - xs.min(), ys.max() - ys.min()) + 1 >= _MIN_SIGNATURE * height:
            boxes.append(
                (
                    float(cols.start + xs.min()),
                    float(rows.start + ys.min()),
                    float(cols.start + xs.max() + 1),
                    float(rows.start + ys.max() + 1),
                )
            )
    return sorted(boxes)
