"""The OCR cache's two layers: what the engine read, and the marks found on the page (seals, signature
ink beside its labels). A change in finding marks renders the pages again but never reads them again."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from casefile_eval.files import sha256_of
from casefile_eval.model import ImageKind, Page, ParsedFile
from casefile_eval.ocr import apply_ocr, cache, engine
from casefile_eval.ocr.cache import OcrCache, page_key
from casefile_eval.ocr.engine import Detection, RawBox
from casefile_eval.ocr.page import OcrMark
from casefile_eval.ocr.reading import read_text, upright

SCANS = Path(__file__).resolve().parents[2] / "fixtures" / "scans"


class _Engine:
    """Two fixed lines: a title and a signature label, with the label's zone on a blank page."""

    LINES = (
        RawBox(((100, 100), (500, 100), (500, 140), (100, 140)), "询问笔录", 0.98),
        RawBox(((100, 300), (400, 300), (400, 330), (100, 330)), "被询问人签名：", 0.97),
    )

    def __init__(self) -> None:
        self.calls = 0

    def detect(
        self, image: np.ndarray, detect: np.ndarray | None = None, *, by_outline: bool = False
    ) -> Detection:
        return Detection(tuple(box.quad for box in self.LINES))

    def recognise(self, found: Detection) -> list[RawBox]:
        self.calls += 1
        return list(self.LINES)


def _page(tmp_path: Path, signed: bool) -> Path:
    """A white page with the label's print and, when `signed`, a pen scrawl right of it."""
    image = Image.new("RGB", (800, 1000), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((104, 306, 390, 326), fill="black")  # the label's print, blanked as print
    if signed:
        draw.line([(430, 318), (470, 300), (500, 325), (540, 298), (580, 320)], fill="black", width=4)
    path = tmp_path / ("signed.png" if signed else "blank.png")
    image.save(path)
    return path


def _parsed(path: Path) -> ParsedFile:
    page = Page(source=path.name, number=1, needs_ocr=True, ocr_reason="no_text")
    return ParsedFile(source=path.name, format="image", sha256="", pages=[page])


def _signatures(parsed: ParsedFile) -> list[tuple[int | None, float]]:
    return [(i.block_index, i.confidence) for i in parsed.images if i.kind == ImageKind.SIGNATURE]


def test_new_mark_settings_find_marks_again_without_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = _Engine()
    monkeypatch.setattr(engine, "_engine", fake)
    path, store = _page(tmp_path, signed=True), tmp_path / "cache"
    first = apply_ocr(_parsed(path), path, cache_dir=store)
    assert _signatures(first) == [(1, 0.83)]
    assert fake.calls == 1
    assert len(list(store.glob("*/*.json"))) == 3  # the reading, the faint print and the marks
    monkeypatch.setattr(cache, "MARKS", "changed")
    again = apply_ocr(_parsed(path), path, cache_dir=store)
    assert fake.calls == 1  # rendered again, not read again
    assert again == first
    assert len(list(store.glob("*/*.json"))) == 4


def test_marks_cached_inside_an_older_reading_are_found_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = _Engine()
    monkeypatch.setattr(engine, "_engine", fake)
    path, store = _page(tmp_path, signed=False), tmp_path / "cache"
    page, _ = read_text(Image.open(path).convert("RGB"), fake)
    # a page cached before marks had a layer of their own held them
    page.marks += [
        OcrMark("signature", (430.0, 298.0, 580.0, 325.0), 0.95, 1),
        OcrMark("seal", (5, 5, 9, 9), 0.9, 0),
    ]
    OcrCache(store).put(page_key(sha256_of(path), 1), page, 0.36)
    out = apply_ocr(_parsed(path), path, cache_dir=store)
    assert fake.calls == 1  # only the read_text above
    assert out.images == []  # the page is judged again: no seal, no ink in the blank zone


class _Turning(_Engine):
    """Finds tall boxes on the page as given (so the page is turned by 90°), and reads every line as
    turned by 180° when `upside_down`."""

    def __init__(self, upside_down: bool) -> None:
        super().__init__()
        self.upside_down = upside_down

    def detect(
        self, image: np.ndarray, detect: np.ndarray | None = None, *, by_outline: bool = False
    ) -> Detection:
        if image.shape[0] > image.shape[1]:
            return Detection(
                tuple(((x, 10.0), (x + 30, 10.0), (x + 30, 300.0), (x, 300.0)) for x in (20.0, 80.0, 140.0))
            )
        return super().detect(image, detect)

    def recognise(self, found: Detection) -> list[RawBox]:
        self.calls += 1
        return [RawBox(q, "第一行文字", 0.95, upside_down=self.upside_down) for q in found.quads]


@pytest.mark.parametrize(("upside_down", "rotation"), [(False, 90), (True, 270)])
def test_upright_rebuilds_the_image_the_reading_was_made_on(upside_down: bool, rotation: int) -> None:
    image = Image.new("RGB", (600, 800), "white")
    draw = ImageDraw.Draw(image)
    for x in range(40, 560, 30):  # lines of "print" across the page once turned, slanted: a skew
        draw.line([(x, 40), (x + 16, 760)], fill="black", width=6)
    page, rgb = read_text(image, _Turning(upside_down))
    assert (page.rotation, page.skew != 0.0) == (rotation, True)
    assert np.array_equal(upright(image, page.rotation, page.skew), rgb)
