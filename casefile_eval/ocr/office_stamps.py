"""Framed stamp impressions in blue or violet ink laid over a page after it was made: the 收文章 (收件章) an
office stamps on every page it receives (an evaluating 司法局's intake stamp, with its own date and number),
an 归档章, a 与原件核对无误 box. Their words and dates belong to no act of the case: read with the page, a
2026 intake date becomes the date of service or of review, and the stamp hides the print under it.

Such a stamp is a rectangle ruled in its own ink with a few rows of words inside, of stamp size (a tenth to
two thirds of the page width, at least two rows tall), level or turned a few degrees. A one-row date
stamp (日期戳) put in a form's 日期 slot dates the act itself and is read. A stamp's ink is taken off the
page (painted the paper's colour) before the page is read; print under it stays, as the stamp's colour is
nowhere dark.
Blue handwriting is left alone: a signature has no frame of its own ink round it, and a form's frames are
black. Red is left to the seal finder (a red rectangle may be a bank's 转讫 stamp the case relies on).
"""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image
from scipy.sparse.csgraph import connected_components

from casefile_eval.ocr.paper import paper_colour
from casefile_eval.ocr.seals import paper_tone

# Ink of the stamp: hue (of 0-255, 360° scaled) from blue to violet, saturated, not black
_HUE_MIN, _HUE_MAX = 140, 215
_SATURATION = 40  # the frame's ink
_FADED = 15  # a faded stroke of the stamp, within _HUE_NEAR of its frame's hue, is at least this saturated
_HUE_NEAR = 20
_VALUE = 60  # brightest channel (of 255): darker is print
_SCALE = 2  # the frame is looked for on a copy this many times smaller
_WIDTH_MIN, _WIDTH_MAX = 0.1, 0.67  # the stamp's long side, of the page width
# its short side, of the page width: a 收文章 holds two or three rows (15-30 mm); a one-row date stamp
# (日期戳, 2020.08.06 in a rounded frame, 7 mm) put in a 日期 slot is the date of the act and stays
_HEIGHT_MIN = 0.06
_TURN = 15.0  # degrees off level at most
_SIDE_INKED = 0.5  # each side of the rectangle is inked along at least this share of its length...
_FRAME_INKED = 0.7  # ...and the four sides together along this share
_SAMPLES = 60  # points looked at along each side
_NEAR = 2  # reduced pixels: a side's point counts as inked when ink lies this close
_GAP = 0.03  # of the page width: pieces of one frame lie this close
_UNDER = 0.75  # of the stamp's median brightness: a darker pixel of its colour is print under it
_ON_PAPER = 0.6  # share of a stamp's inside that is light
_HALO = 0.6  # of the paper's grey: beside the stamp's strokes, lighter pixels are their soft edge


def without_office_stamps(image: Image.Image) -> Image.Image:
    """The page image with the ink of each framed blue or violet stamp painted the paper's colour; the
    image itself when it bears none."""
    rgb = np.asarray(image.convert("RGB"))
    hsv = cv2.cvtColor(np.ascontiguousarray(rgb), cv2.COLOR_RGB2HSV_FULL)
    hue, sat, val = hsv[..., 0].astype(np.int16), hsv[..., 1], hsv[..., 2]
    coloured = (val > _VALUE) & (sat > _FADED)
    frame_ink = coloured & (hue >= _HUE_MIN) & (hue <= _HUE_MAX) & (sat > _SATURATION)
    small = np.ascontiguousarray(frame_ink[::_SCALE, ::_SCALE]).astype(np.uint8)
    if not small.any():
        return image
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    light = gray > _HALO * paper_tone(gray)
    stamp = np.zeros(frame_ink.shape, bool)
    for corners in _frames(small, light[::_SCALE, ::_SCALE], rgb.shape[1] / _SCALE):
        filled = np.zeros(small.shape, np.uint8)
        cv2.fillConvexPoly(filled, np.rint(corners).astype(np.int32), 1)
        widened = cv2.dilate(filled, np.ones((2 * _NEAR + 1,) * 2, np.uint8))
        size = (rgb.shape[1], rgb.shape[0])
        within = cv2.resize(widened, size, interpolation=cv2.INTER_NEAREST).astype(bool)
        tone = float(np.median(hue[within & frame_ink]))
        own = within & coloured & (np.abs(hue - tone) <= _HUE_NEAR)
        # print the stamp was laid over shows through its ink, darker than the stamp's own colour
        stamp |= own & (val >= _UNDER * float(np.median(val[own])))
    if not stamp.any():
        return image
    # the stamp's strokes with their soft edges: the light pixels two pixels round them
    halo = cv2.dilate(stamp.astype(np.uint8), np.ones((5, 5), np.uint8)).astype(bool)
    strokes = stamp | (halo & light)
    out = rgb.copy()
    out[strokes] = paper_colour(rgb[::4, ::4], ~strokes[::4, ::4] & light[::4, ::4])
    return Image.fromarray(out)


def _frames(ink: np.ndarray, light: np.ndarray, width: float) -> list[np.ndarray]:
    """The corners of each stamp's frame found in the (reduced) mask of the frame's ink, on a page `width`
    pixels wide whose `light` pixels are paper or the stamp's own light ink. Where the frame crosses print
    its ink is print's black: the pieces of one frame are taken together when their boxes lie within
    `_GAP` of each other."""
    joined = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    near = cv2.dilate(ink, np.ones((2 * _NEAR + 1,) * 2, np.uint8)).astype(bool)
    frames = []
    for group in _groups(stats[1:count, :4], _GAP * width):
        labelled = [int(i) + 1 for i in group]
        x0 = int(min(stats[i, 0] for i in labelled))
        y0 = int(min(stats[i, 1] for i in labelled))
        x1 = int(max(stats[i, 0] + stats[i, 2] for i in labelled))
        y1 = int(max(stats[i, 1] + stats[i, 3] for i in labelled))
        if not _WIDTH_MIN * width <= max(x1 - x0, y1 - y0) <= 1.1 * _WIDTH_MAX * width:
            continue
        if min(x1 - x0, y1 - y0) < _HEIGHT_MIN * width:
            continue
        ys, xs = np.nonzero(np.isin(labels[y0:y1, x0:x1], labelled))
        rect = cv2.minAreaRect(np.column_stack([xs + x0, ys + y0]).astype(np.float32))
        (rw, rh), angle = rect[1], rect[2]
        turn = min(angle % 90, 90 - angle % 90)
        if turn > _TURN or not _WIDTH_MIN * width <= max(rw, rh) <= _WIDTH_MAX * width:
            continue
        if min(rw, rh) < _HEIGHT_MIN * width:
            continue
        corners = cv2.boxPoints(rect)
        if _framed(near, corners) and _on_paper(light, corners):
            frames.append(corners)
    return frames


def _on_paper(light: np.ndarray, corners: np.ndarray) -> bool:
    """Whether the rectangle is stamped on paper: most of its inside is light (a coloured box of a
    photograph is filled)."""
    inside = np.zeros(light.shape, np.uint8)
    cv2.fillConvexPoly(inside, np.rint(corners).astype(np.int32), 1)
    return float(light[inside.astype(bool)].mean()) >= _ON_PAPER


def _groups(boxes: np.ndarray, gap: float) -> list[list[int]]:
    """Indexes of the boxes (x, y, w, h) in groups of boxes lying within `gap` of one another, in chains."""
    x0, y0 = boxes[:, 0], boxes[:, 1]
    x1, y1 = x0 + boxes[:, 2], y0 + boxes[:, 3]
    close = (
        (x0[:, None] - gap <= x1[None, :])
        & (x0[None, :] - gap <= x1[:, None])
        & (y0[:, None] - gap <= y1[None, :])
        & (y0[None, :] - gap <= y1[:, None])
    )
    count, member = connected_components(close, directed=False)
    return [list(np.nonzero(member == g)[0]) for g in range(count)]


def _framed(near: np.ndarray, corners: np.ndarray) -> bool:
    """Whether ink runs along the rectangle's four sides."""
    shares = []
    for i in range(4):
        a, b = corners[i], corners[(i + 1) % 4]
        t = np.linspace(0.05, 0.95, _SAMPLES)[:, None]
        xy = np.rint(a + (b - a) * t).astype(int)
        xs = np.clip(xy[:, 0], 0, near.shape[1] - 1)
        ys = np.clip(xy[:, 1], 0, near.shape[0] - 1)
        shares.append(float(near[ys, xs].mean()))
    return min(shares) >= _SIDE_INKED and sum(shares) / 4 >= _FRAME_INKED
