"""One page image → OcrPage: orientation, skew and recognition (`read_text`), then the page's marks, seals
and signature ink (`find_marks`; cached apart, so `upright` turns a page again from its cached reading)."""

from __future__ import annotations

import re
from dataclasses import replace

import cv2
import numpy as np
from PIL import Image

from casefile_eval.ocr.band import without_band
from casefile_eval.ocr.engine import OcrEngine, RawBox
from casefile_eval.ocr.geometry import deskew, estimate_skew, is_sideways, is_upside_down, turn_boxes_180
from casefile_eval.ocr.layout import SAME_ROW, group_lines, to_boxes
from casefile_eval.ocr.marks import find_signatures
from casefile_eval.ocr.page import Box, OcrLine, OcrMark, OcrPage, overlap_area
from casefile_eval.ocr.seals import paper_tone, personal_marks, red_mask, red_seals
from casefile_eval.ocr.watermark import level_only
from casefile_eval.parsers.header_rows import is_field_name

FAINT_SHARE = 0.35  # boxes with less than this share of the page's median contrast are show-through
MIN_BOXES_FOR_FAINT = 4
STAMP_CHARS = 4  # a personal seal holds two to four characters
TITLE_CENTRE = 0.08  # a title's centre stands within this share of the page width from the page's centre
_PRINTED_MARK = re.compile(r"[:：\d]")  # a seal's characters hold neither a colon nor a digit
SEAL_COVER = 0.8  # share of a mark's box inside a seal's box for it to be the seal's own ink...
RED_INK = 0.6  # ...when this share of its ink is seal red
INK_SHARE = 0.8  # pixels darker than this share of a box's paper tone are ink
_SEAL_FADE = (
    0.8  # for line finding, red-channel values in a seal above this share of the paper's tone are paper
)


def read_text(
    image: Image.Image, engine: OcrEngine, found_on: Image.Image | None = None
) -> tuple[OcrPage, np.ndarray]:
    """Upright and level an RGB page image and recognise its lines (seals faded for the recogniser): the
    page (without marks) and the upright, levelled image its boxes are in (marks are looked for there).

    `found_on` is the page as scanned when `image` is that page with its dot screen taken out
    (`ocr.screen`): the lines are found on it and read on `image` (a dithered signature is a field of dots
    too, which the line finder passes over as texture once the screen round it is gone)."""
    turn, skew, rgb, raw = 0, 0.0, np.zeros((1, 1, 3), np.uint8), list[RawBox]()
    for turn in (0, 90):
        upright = _turned(image, turn)
        skew = estimate_skew(upright.convert("L"))
        rgb = deskew(np.asarray(upright), skew)
        # (the reading's cache version knows whole seals only; a seal on a page scanned in grey has no
        # colour to fade it by, and its lines are found on the page itself)
        boxes = [box for box, _ in red_seals(rgb, broken=False)]
        gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
        recognised = _for_recognition(rgb, gray, boxes)
        scanned = rgb if found_on is None else deskew(np.asarray(_turned(found_on, turn)), skew)
        scanned_gray = gray if found_on is None else cv2.cvtColor(scanned, cv2.COLOR_RGB2GRAY)
        detect = _for_detection(scanned, scanned_gray, boxes) if boxes else None
        if detect is None and found_on is not None:
            detect = _for_recognition(scanned, scanned_gray, boxes)
        found = engine.detect(recognised, detect=detect)
        if turn == 0 and is_sideways(found.quads):
            continue  # turned before anything is recognised: a sideways page is read once
        raw = drop_faint(level_only(engine.recognise(found)), recognised[:, :, 0])
        personal = personal_marks(red_mask(rgb))
        raw = [box for box in raw if not _stamp_words(rgb, box, raw, personal)]
        break
    height, width = rgb.shape[:2]
    if is_upside_down(raw):
        turn += 180
        rgb = np.ascontiguousarray(rgb[::-1, ::-1])
        raw = turn_boxes_180(raw, width, height)
    return OcrPage(width, height, turn % 360, skew, group_lines(to_boxes(raw))), rgb


def _turned(image: Image.Image, turn: int) -> Image.Image:
    return image if turn == 0 else image.transpose(Image.Transpose.ROTATE_270)


def upright(image: Image.Image, rotation: int, skew: float) -> np.ndarray:
    """The page image turned and levelled as `read_text` did, from the rotation and skew it found (for a
    page whose reading was cached)."""
    if rotation in (90, 270):
        image = image.transpose(Image.Transpose.ROTATE_270)
    rgb = deskew(np.asarray(image), skew)
    return np.ascontiguousarray(rgb[::-1, ::-1]) if rotation in (180, 270) else rgb


def find_marks(rgb: np.ndarray, lines: list[OcrLine], seals: list[tuple[Box, float]]) -> list[OcrMark]:
    """The seals (`seals.find_seals` of the page, boxes and confidences) and the signature ink beside the
    labels of `lines` on an upright, levelled page image (a band down the page's left edge left out: its
    characters would end the zones beside them)."""
    marks = [OcrMark("seal", box, conf, _nearest_line(lines, box)) for box, conf in seals]
    body, where = without_band(lines)
    old = {placement[0][1]: index for index, placement in enumerate(where) if placement}
    signatures = find_signatures(rgb, body)
    if body:  # ink wholly left of every line stands in the binding margin (a punched hole, a staple)
        left = min(line.box[0] for line in body)
        signatures = [m for m in signatures if m.box[2] >= left]
    signatures = [m for m in signatures if not _seal_inscription(rgb, m.box, marks)]
    return marks + [replace(m, line=None if m.line is None else old[m.line]) for m in signatures]


def _seal_inscription(rgb: np.ndarray, box: Box, seals: list[OcrMark]) -> bool:
    """Whether "ink" is a seal's own red (its ring or inscription, in a 签名 zone the seal reaches into): it
    lies within a seal found on the page, and most of its ink is red. Black or blue handwriting under or
    over the seal stays."""
    x0, top, x1, bottom = box
    area = max((x1 - x0) * (bottom - top), 1.0)
    if not any(overlap_area(box, s.box) >= SEAL_COVER * area for s in seals):
        return False
    crop = rgb[int(top) : int(bottom) + 1, int(x0) : int(x1) + 1]
    if crop.size == 0:
        return False
    red = red_mask(crop)
    ink = red | (
        cv2.cvtColor(np.ascontiguousarray(crop), cv2.COLOR_RGB2GRAY) < INK_SHARE * paper_tone(crop.mean(2))
    )
    return bool(ink.any()) and float(red.sum()) >= RED_INK * float(ink.sum())


def drop_faint(raw: list[RawBox], gray: np.ndarray) -> list[RawBox]:
    """The boxes without those whose ink is much fainter than the page's print: the mirrored text of the
    next sheet showing through thin paper (read as 室回同原草味…), a watermark, a seal's ring.

    A box's contrast is the paper's grey minus its darkest ink (2nd percentile); print on one page shares
    one contrast however faded the toner, show-through has a fraction of it."""
    if len(raw) < MIN_BOXES_FOR_FAINT:
        return raw
    paper = paper_tone(gray)
    contrasts = [paper - _darkest(gray, box) for box in raw]
    floor = FAINT_SHARE * float(np.median(contrasts))
    return [box for box, contrast in zip(raw, contrasts, strict=True) if contrast >= floor]


def _stamp_words(rgb: np.ndarray, box: RawBox, page: list[RawBox], personal: np.ndarray) -> bool:
    """A short read whose ink is red: the characters of a small personal seal (私章) too small to be found
    as a seal, not printed words. Red print on a pre-printed form is no seal: a field name (受送达人,
    送达方式, 备注; or a colon or a digit in it), or a title (alone on its row of the page, centred) — unless
    its red is that of a personal mark found on the page (`personal`: a seal's square, not a row of
    characters). (A red 红头 title is longer.)"""
    text = box.text.strip()
    if len(text) > STAMP_CHARS or _PRINTED_MARK.search(text) or is_field_name(text):
        return False
    crop = _crop(rgb, box)
    if not crop.size:
        return False
    gray = crop.mean(axis=2)
    ink = gray < float(np.percentile(gray, 90)) * INK_SHARE
    red = red_mask(crop)
    if not ink.any() or float(red[ink].mean()) <= 0.5:
        return False
    return float(_crop(personal, box)[red].mean()) > 0.5 or not _centred_alone(box, page, rgb.shape[1])


def _centred_alone(box: RawBox, page: list[RawBox], width: int) -> bool:
    """True for a read centred on the page with no other read beside it on its row (a title)."""
    x0, top, x1, bottom = box.bounds
    if abs((x0 + x1) / 2 - width / 2) > TITLE_CENTRE * width:
        return False
    for other in page:
        _, other_top, _, other_bottom = other.bounds
        overlap = min(bottom, other_bottom) - max(top, other_top)
        if other is not box and overlap > SAME_ROW * min(bottom - top, other_bottom - other_top):
            return False
    return True


def _darkest(gray: np.ndarray, box: RawBox) -> float:
    crop = _crop(gray, box)
    return float(np.percentile(crop, 2)) if crop.size else 255.0


def _crop(image: np.ndarray, box: RawBox) -> np.ndarray:
    """The part of `image` inside the box's bounding rectangle."""
    x0, top, x1, bottom = box.bounds
    return image[max(int(top), 0) : int(bottom) + 1, max(int(x0), 0) : int(x1) + 1]


def _for_recognition(rgb: np.ndarray, gray: np.ndarray, seals: list[Box]) -> np.ndarray:
    """Grey page for the recogniser; inside seals the red channel stands for grey, so red ink fades out.

    In the red channel seal ink is nearly white while black print, and print under the ink, stays dark:
    the 落款 date and agency under a seal are read cleanly. Red print elsewhere (a 红头 title) keeps its
    ordinary grey and stays legible.
    """
    return np.repeat(_seal_faded(rgb, gray, seals, None)[:, :, None], 3, axis=2)


def _for_detection(rgb: np.ndarray, gray: np.ndarray, seals: list[Box]) -> np.ndarray:
    """The recogniser's page with what is left of a seal's ring, inscription and star (a light grey, or
    the darker grey of a deep red star, that can hide a printed line from the line detector) turned to
    paper. Only for finding lines: the clipped strokes of print under the seal read worse than the
    unclipped ones."""
    paper = paper_tone(gray)
    return np.repeat(_seal_faded(rgb, gray, seals, _SEAL_FADE * paper)[:, :, None], 3, axis=2)


def _seal_faded(rgb: np.ndarray, gray: np.ndarray, seals: list[Box], clip: float | None) -> np.ndarray:
    """The grey page with its seal boxes holding the red channel; with `clip`, values above it and every
    pixel of seal red made white."""
    gray = gray.copy()
    for x0, top, x1, bottom in seals:
        sl = (slice(max(int(top) - 4, 0), int(bottom) + 4), slice(max(int(x0) - 4, 0), int(x1) + 4))
        red = rgb[sl][..., 0]
        gray[sl] = red if clip is None else np.where((red > clip) | red_mask(rgb[sl]), 255, red)
    return gray


def _nearest_line(lines: list[OcrLine], box: Box) -> int | None:
    """The line a mark sits on: the largest overlap, else the closest centre."""
    if not lines:
        return None

    def overlap(line: OcrLine) -> float:
        return overlap_area(line.box, box)

    def distance(line: OcrLine) -> float:
        lx0, ltop, lx1, lbottom = line.box
        return float(np.hypot((lx0 + lx1 - box[0] - box[2]) / 2, (ltop + lbottom - box[1] - box[3]) / 2))

    best = max(range(len(lines)), key=lambda i: overlap(lines[i]))
    if overlap(lines[best]) > 0:
        return best
    return min(range(len(lines)), key=lambda i: distance(lines[i]))
