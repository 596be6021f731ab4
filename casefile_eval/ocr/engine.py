"""The OCR engine: RapidOCR (PP-OCRv4 models shipped in its wheel), created lazily, one per process.

Settings were chosen by measurement on a 2-core machine (see scripts/bench_ocr.py): two intra-op threads
and one inter-op thread per ONNX session; pages rendered at 150 dpi (200 dpi is resized back to 2000 px
by RapidOCR anyway and read no better on A4 pages).
"""

from __future__ import annotations

import importlib.util
import threading
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

INTRA_OP_THREADS = 2
INTER_OP_THREADS = 1
CLS_THRESH = 0.9  # RapidOCR turns a crop only when its classifier is this sure
MIN_TEXT_SCORE = 0.5  # RapidOCR's own default: lines read with less confidence are dropped
REREAD_ASPECT = 2.0  # a failed crop at least this many times as wide as tall is read again turned
RENDER_DPI = 150  # PDF pages are rendered at this resolution


@dataclass(frozen=True)
class RawBox:
    """One text box as the engine returns it, in pixels of the image it was given."""

    quad: tuple[tuple[float, float], ...]  # four corners, clockwise from top-left
    text: str
    score: float
    upside_down: bool = False  # the angle classifier read this line as turned 180°
    chars: tuple[float, ...] = ()  # x of each character's centre (pixels), one per character of `text`
    scores: tuple[float, ...] = ()  # the recogniser's confidence in each character of `text`, or ()

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """The axis-aligned box around the quadrilateral: (x0, top, x1, bottom)."""
        xs = [p[0] for p in self.quad]
        ys = [p[1] for p in self.quad]
        return min(xs), min(ys), max(xs), max(ys)


Quad = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Detection:
    """The text boxes an engine found on a page image, before they are recognised."""

    quads: tuple[Quad, ...]  # four corners each, in pixels of the image, clockwise from top-left
    state: Any = field(default=None, compare=False, repr=False)  # what the engine needs to recognise them


class OcrEngine(Protocol):
    """Anything that finds and reads the text lines of an RGB page image, in two steps so that a page can
    be turned after its lines were found and before they are read."""

    def detect(
        self,
        image: np.ndarray,
        detect: np.ndarray | None = None,
        *,
        by_outline: bool = False,
        own_scale: bool = False,
    ) -> Detection:
        """The text boxes of `image` (H×W×3, uint8); found on `detect` (the same page prepared for
        finding lines, same size) when given. With `by_outline` a found region is kept by the detector's
        confidence over its own outline rather than over the rectangle round it (a line that a seal's
        ink hooks onto at one end has a slanted, tall rectangle, mostly empty). With `own_scale` the
        image is looked at in its own pixels, not scaled up until its short side is the detector's."""
        ...

    def recognise(self, found: Detection) -> list[RawBox]:
        """The boxes of `found` read, in any order; boxes read as nothing are left out."""
        ...

    def read_crops(self, quads: list[Quad], crops: list[np.ndarray]) -> list[RawBox]:
        """Each crop (H×W×3, uint8, one line of text, upright) read as it is, no line finding: one box per
        crop in the same order, at the crop's quad on the page, text "" and score 0 when nothing is read."""
        ...


@dataclass(frozen=True)
class _RapidState:
    image: np.ndarray  # the page as RapidOCR prepared it for recognition
    boxes: np.ndarray  # the detector's boxes, in pixels of `image`


class RapidEngine:
    """RapidOCR run step by step so that the angle classifier's verdicts are kept."""

    def __init__(self) -> None:
        from rapidocr_onnxruntime import RapidOCR

        self._ocr: Any = RapidOCR(
            intra_op_num_threads=INTRA_OP_THREADS,
            inter_op_num_threads=INTER_OP_THREADS,
            text_score=MIN_TEXT_SCORE,
        )
        # The detector normalises a page with its mean and std as float64 lists, which turns the whole
        # page to float64 and back: the same values as float32 give the same input at half the cost.
        detector = self._ocr.text_det
        detector.mean = np.asarray(detector.mean, dtype=np.float32)
        detector.std = np.asarray(detector.std, dtype=np.float32)

    def detect(
        self,
        image: np.ndarray,
        detect: np.ndarray | None = None,
        *,
        by_outline: bool = False,
        own_scale: bool = False,
    ) -> Detection:
        """Run RapidOCR's detector on `detect` (else `image`); the boxes are kept for `recognise`.
        `by_outline`: DB post-processing's "slow" score (the mean over the region's polygon).
        `own_scale`: the detector's side (`limit_type: min`) set to the image's short side for this call."""
        ocr = self._ocr
        raw_h, raw_w = image.shape[:2]
        img, ratio_h, ratio_w = ocr.preprocess(image)
        record: dict[str, Any] = {"preprocess": {"ratio_h": ratio_h, "ratio_w": ratio_w}}
        img, record = ocr.maybe_add_letterbox(img, record)
        found = img
        if detect is not None:
            found, _, _ = ocr.preprocess(detect)
            found, _ = ocr.maybe_add_letterbox(
                found, {"preprocess": {"ratio_h": ratio_h, "ratio_w": ratio_w}}
            )
        detector = ocr.text_det
        side = detector.limit_side_len
        detector.postprocess_op.score_mode = "slow" if by_outline else "fast"
        if own_scale:
            detector.limit_side_len = min(found.shape[:2])
        try:
            boxes, _ = ocr.auto_text_det(found)
        finally:
            detector.postprocess_op.score_mode = "fast"
            detector.limit_side_len = side
        if boxes is None or len(boxes) == 0:
            return Detection(())
        quads = ocr._get_origin_points(boxes, record, raw_h, raw_w)
        corners = tuple(tuple((float(x), float(y)) for x, y in quad) for quad in quads)
        return Detection(corners, _RapidState(img, boxes))

    def recognise(self, found: Detection) -> list[RawBox]:
        """Classify (0°/180°) and recognise the boxes `detect` found."""
        state = found.state
        if not isinstance(state, _RapidState):
            return []
        ocr = self._ocr
        crops = ocr.get_crop_img_list(state.image, state.boxes)
        crops, cls_res, _ = ocr.text_cls(crops)
        turned = [str(label) == "180" and float(cls_score) >= CLS_THRESH for label, cls_score in cls_res]
        _keep_majority_upright(crops, turned)
        rec_res, _ = ocr.text_rec(crops, True)
        self._reread_failed(crops, rec_res, turned)
        out: list[RawBox] = []
        for corners, rec, turn in zip(found.quads, rec_res, turned, strict=True):
            text, score = str(rec[0]), float(rec[1])
            if score < MIN_TEXT_SCORE or not text.strip():
                continue
            info = rec[2] if len(rec) > 2 else None
            chars = char_centres(corners, text, info, turn)
            out.append(
                RawBox(corners, text, score, upside_down=turn, chars=chars, scores=char_scores(text, info))
            )
        return out

    def read_crops(self, quads: list[Quad], crops: list[np.ndarray]) -> list[RawBox]:
        """Recognise each crop as one line (see `OcrEngine.read_crops`)."""
        if not crops:
            return []
        rec_res, _ = self._ocr.text_rec(crops, True)
        out = []
        for quad, rec in zip(quads, rec_res, strict=True):
            text, score = str(rec[0]), float(rec[1])
            info = rec[2] if len(rec) > 2 else None
            out.append(
                RawBox(
                    quad,
                    text,
                    score,
                    chars=char_centres(quad, text, info, False),
                    scores=char_scores(text, info),
                )
            )
        return out

    def _reread_failed(self, crops: list[np.ndarray], rec_res: list[Any], turned: list[bool]) -> None:
        """Read again, turned by 180°, every crop read as nothing or below the score floor.

        The angle classifier sometimes turns an upright line (a long line of dense print, most often):
        the recogniser then reads nothing. The better of the two readings is kept, with its orientation.
        A crop about as wide as it is tall (a speck, a hole, a lone mark: scores of them on a damaged
        page) is not read again: a character or two turned the wrong way is not what fails there.
        """
        failed = [
            i
            for i, rec in enumerate(rec_res)
            if (float(rec[1]) < MIN_TEXT_SCORE or not str(rec[0]).strip())
            and crops[i].shape[1] >= REREAD_ASPECT * crops[i].shape[0]
        ]
        if not failed:
            return
        again, _ = self._ocr.text_rec([np.ascontiguousarray(crops[i][::-1, ::-1]) for i in failed], True)
        for i, rec in zip(failed, again, strict=True):
            if float(rec[1]) > float(rec_res[i][1]) and str(rec[0]).strip():
                rec_res[i] = rec
                turned[i] = not turned[i]


def _keep_majority_upright(crops: list[np.ndarray], turned: list[bool]) -> None:
    """Turn back the crops the angle classifier turned when most lines of the page stand upright.

    A page lies one way: the classifier's 180° verdict on a few crops of an upright page is a mistake it
    makes on short crops (a lone "6" read as "9") and on dense lines. A page mostly turned is left as
    the classifier read it; the page as a whole is turned later (`geometry.is_upside_down`).
    """
    if 2 * sum(turned) >= len(turned):
        return
    for i, turn in enumerate(turned):
        if turn:
            crops[i] = np.ascontiguousarray(crops[i][::-1, ::-1])
            turned[i] = False


def char_centres(
    quad: tuple[tuple[float, float], ...], text: str, word_info: Any, turned: bool
) -> tuple[float, ...]:
    """x (pixels) of each character's centre from the recogniser's decoding columns; () when unknown.

    `word_info` is RapidOCR's `[columns, words, word_columns, states, confidences]`: the CTC column of
    every character, out of `columns` across the crop (already scaled for the batch's padding). A crop
    the classifier turned by 180° reads from the box's right end.
    """
    try:
        columns = float(word_info[0])
        cols = [float(c) for word in word_info[2] for c in word]
    except (TypeError, ValueError, IndexError):
        return ()
    if columns <= 0 or len(cols) != len(text):
        return ()
    left, right = min(x for x, _ in quad), max(x for x, _ in quad)
    shares = [min(1.0, (c + 0.5) / columns) for c in cols]
    return tuple(
        round(right - s * (right - left) if turned else left + s * (right - left), 1) for s in shares
    )


def char_scores(text: str, word_info: Any) -> tuple[float, ...]:
    """The recogniser's confidence in each character of `text` (RapidOCR's `word_info[4]`); () when
    unknown. A digit read through a seal's ring scores far below its neighbours (0.2 against 0.99)."""
    try:
        scores = tuple(round(float(c), 3) for c in word_info[4])
    except (TypeError, ValueError, IndexError):
        return ()
    return scores if len(scores) == len(text) else ()


_engine: OcrEngine | None = None
_lock = threading.Lock()


def get_engine() -> OcrEngine:
    """The process's RapidOCR engine, created on first use."""
    global _engine
    with _lock:
        if _engine is None:
            _engine = RapidEngine()
        return _engine


def ocr_available() -> bool:
    """True when RapidOCR and ONNX Runtime can be imported (the models ship inside the wheel)."""
    return all(importlib.util.find_spec(name) is not None for name in ("onnxruntime", "rapidocr_onnxruntime"))
