"""A page covered by a dot screen: a form printed on screened (grey or tinted) paper, or a grey or coloured
form scanned in black and white and dithered. The whole page carries a regular field of dark specks of one
to three pixels, denser where a table cell is shaded.

Read through it, print loses its small strokes and marks (〇 dropped from a date, 十 read 一, 个 read 全,
punctuation gone), and the zone beside a signature label in a shaded cell looks faintly inked. The specks
are painted the paper's colour before the page is read or looked at; a page without such a field is
returned as it is. The specks are told apart with 4-connectivity: the dots of a dense screen touch only
at their corners, while a printed stroke, however thin, is joined along its edges.
"""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

from casefile_eval.ocr.paper import paper_colour
from casefile_eval.ocr.seals import paper_tone

_DARK = 0.85  # of the paper's grey: a pixel darker than this is print, ink or a dot of the screen
_DOT = 3  # pixels: a dark speck no larger than this (4-connected) is a dot of the screen...
_SCREEN = 0.01  # ...when there are this many of them per pixel of the page (a plain scan: under 0.004)


def descreened(image: Image.Image) -> Image.Image:
    """The page image with the dots of its screen painted the paper's colour; the image itself when it
    carries no screen."""
    rgb = np.asarray(image.convert("RGB"))
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    dark = gray < _DARK * paper_tone(gray)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(dark.astype(np.uint8), connectivity=4)
    dot = stats[:, cv2.CC_STAT_AREA] <= _DOT
    dot[0] = False  # (label 0 is the paper)
    if int(dot.sum()) < _SCREEN * gray.size:
        return image
    out = rgb.copy()
    out[dot[labels]] = paper_colour(rgb, ~dark)
    return Image.fromarray(out)
