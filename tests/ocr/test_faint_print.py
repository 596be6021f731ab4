"""A second look at faint print (`ocr.faint`): labels and titles of a colour-dropout form, printed a few grey
levels below the paper, are read; the mirrored text of the next sheet showing through is not; a page whose
faint rows do not read as words is not read on; the reads have a cache layer of their own."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from casefile_eval.model import Page, ParsedFile
from casefile_eval.ocr import apply_ocr, cache, engine, faint, ocr_available
from casefile_eval.ocr.engine import Detection, Quad, RawBox
from casefile_eval.ocr.faint import faint_parts, with_faint
from casefile_eval.ocr.page import OcrBox, OcrLine, OcrPage
from casefile_eval.segment.titles import match_title

FONT_FILE = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
PAPER = 252


def _dropout_page(path: Path) -> Path:
    """A 立案审批表 whose title and field names are printed at grey 226–232 (a light colour the scanner
    nearly dropped) and whose fill-ins are black."""
    image = Image.new("RGB", (1240, 700), (PAPER,) * 3)
    draw = ImageDraw.Draw(image)
    title = ImageFont.truetype(str(FONT_FILE), 44)
    body = ImageFont.truetype(str(FONT_FILE), 30)
    draw.text((380, 60), "行政处罚立案审批表", font=title, fill=(226,) * 3)
    rows = (
        ("当事人", "凯里市鼎盛土石方工程有限公司"),
        ("联系电话", "0855-8263307"),
        ("案件来源", "群众举报"),
    )
    for k, (label, value) in enumerate(rows):
        top = 200 + 90 * k
        draw.rectangle((90, top - 20, 1150, top + 60), outline=(230,) * 3, width=2)  # the cell's faint rule
        draw.text((110, top), label, font=body, fill=(232,) * 3)
        draw.text((400, top), value, font=body, fill=(20,) * 3)
    draw.text((400, 520), "经办人意见：同意立案调查。", font=body, fill=(20,) * 3)
    out = path / "dropout.png"
    image.save(out)
    return out


@pytest.mark.skipif(not ocr_available() or not FONT_FILE.exists(), reason="需要 RapidOCR 与文泉驿微米黑字体")
def test_faint_title_and_field_names_are_read_and_cached(tmp_path: Path) -> None:
    path = _dropout_page(tmp_path)
    page = Page(source=path.name, number=1, needs_ocr=True, ocr_reason="no_text")
    parsed = ParsedFile(source=path.name, format="image", sha256="", pages=[page])
    store = tmp_path / "cache"
    first = apply_ocr(parsed, path, cache_dir=store)
    texts = [b.text for b in first.blocks]
    assert texts[0] == "行政处罚立案审批表"
    assert match_title(texts[0]) is not None
    assert [t for t in texts if t.startswith(("当事人", "联系电话", "案件来源"))] == [
        "当事人 凯里市鼎盛土石方工程有限公司",
        "联系电话 0855-8263307",
        "案件来源 群众举报",
    ]
    assert len(list(store.glob("*/*.json"))) == 3  # the reading, the faint print, the marks
    again = apply_ocr(parsed, path, cache_dir=store)
    assert again == first


class _Crops:
    """An engine whose `read_crops` reads a crop as `text` with `score` when its ink leans left (print as
    printed) and with `mirrored` when it leans right; it counts the crops it is given."""

    def __init__(self, score: float, mirrored: float, text: str = "当事人") -> None:
        self.score, self.mirrored, self.text = score, mirrored, text
        self.read: list[int] = []

    def detect(
        self, image: np.ndarray, detect: np.ndarray | None = None, *, by_outline: bool = False
    ) -> Detection:
        return Detection(())

    def recognise(self, found: Detection) -> list[RawBox]:
        return []

    def read_crops(self, quads: list[Quad], crops: list[np.ndarray]) -> list[RawBox]:
        self.read.append(len(crops))
        out = []
        for quad, crop in zip(quads, crops, strict=True):
            ink = crop[:, :, 0] < 200
            half = crop.shape[1] // 2
            upright = ink[:, :half].sum() > ink[:, half:].sum()
            out.append(RawBox(quad, self.text, self.score if upright else self.mirrored))
        return out


def _faint_rows(count: int) -> tuple[np.ndarray, list[OcrLine]]:
    """A page of one black line read and `count` faint rows below it, each dense on its left half."""
    gray = np.full((200 + 60 * count, 900), PAPER, np.uint8)
    gray[40:70, 100:700] = 20
    line = OcrLine([OcrBox("当事人凯里市鼎盛土石方工程有限公司", (100.0, 40.0, 700.0, 70.0), 0.99)])
    for k in range(count):
        top = 120 + 60 * k
        for x in range(100, 220, 8):  # strokes of faint print, close on the left...
            gray[top : top + 30, x : x + 4] = 232
        for x in range(224, 250, 12):  # ...sparse on the right
            gray[top : top + 30, x : x + 2] = 232
    return np.repeat(gray[:, :, None], 3, axis=2), [line]


def test_faint_rows_that_read_as_words_are_kept() -> None:
    rgb, lines = _faint_rows(3)
    ocr = _Crops(score=0.9, mirrored=0.4)
    parts = faint_parts(rgb, lines, lambda: ocr)
    assert [(p.text, p.confidence) for p in parts] == [("当事人", 0.9)] * 3
    assert ocr.read == [3, 3]  # the probe, then its reads mirrored
    page = with_faint(OcrPage(900, 380, 0, 0.0, lines), parts)
    assert [line.text for line in page.lines] == [
        "当事人凯里市鼎盛土石方工程有限公司",
        "当事人",
        "当事人",
        "当事人",
    ]


def _slanted_rows(count: int) -> tuple[np.ndarray, list[OcrLine]]:
    """The page of `_faint_rows` with its faint strokes climbing 28° along each row (pieces of a diagonal
    watermark cut off by the print they cross): each stroke set higher the further right it is."""
    gray = np.full((200 + 60 * count, 900), PAPER, np.uint8)
    gray[40:70, 100:700] = 20
    line = OcrLine([OcrBox("当事人凯里市鼎盛土石方工程有限公司", (100.0, 40.0, 700.0, 70.0), 0.99)])
    for k in range(count):
        base = 160 + 60 * k
        for x in range(100, 160, 6):
            top = base - int(0.53 * (x - 100))
            gray[top : top + 12, x : x + 4] = 232
    return np.repeat(gray[:, :, None], 3, axis=2), [line]


def test_faint_strokes_at_a_slant_are_no_row_to_read(monkeypatch: pytest.MonkeyPatch) -> None:
    rgb, lines = _slanted_rows(3)

    def no_engine() -> _Crops:
        raise AssertionError("the engine is not needed")

    assert faint_parts(rgb, lines, no_engine) == []
    monkeypatch.setattr(faint, "SLANT", 99.0)  # the same strokes taken as level would be rows to read
    ocr = _Crops(score=0.9, mirrored=0.4)
    faint_parts(rgb, lines, lambda: ocr)
    assert ocr.read[0] == 3


def test_show_through_reads_better_mirrored_and_is_dropped() -> None:
    rgb, lines = _faint_rows(3)
    ocr = _Crops(score=0.8, mirrored=0.95)
    assert faint_parts(rgb, lines, lambda: ocr) == []


def test_a_page_whose_probe_reads_no_words_is_not_read_on() -> None:
    rgb, lines = _faint_rows(8)
    ocr = _Crops(score=0.5, mirrored=0.2)
    assert faint_parts(rgb, lines, lambda: ocr) == []
    assert ocr.read == [6]  # the six largest rows only


def test_one_faint_row_read_surely_is_kept() -> None:
    """A head's date washed out under a laminate's glare is the page's only faint row (h54-09)."""
    rgb, lines = _faint_rows(1)
    ocr = _Crops(score=0.99, mirrored=0.3, text="2026.3.2")
    assert [(p.text, p.confidence) for p in faint_parts(rgb, lines, lambda: ocr)] == [("2026.3.2", 0.99)]


@pytest.mark.parametrize(("text", "score"), [("2026.3.2", 0.9), ("当事人", 0.99)])
def test_one_faint_row_read_unsurely_or_short_is_not(text: str, score: float) -> None:
    rgb, lines = _faint_rows(1)
    ocr = _Crops(score=score, mirrored=0.3, text=text)
    assert faint_parts(rgb, lines, lambda: ocr) == []


def test_a_page_without_faint_print_never_wakes_the_engine() -> None:
    rgb, lines = _faint_rows(0)

    def no_engine() -> _Crops:
        raise AssertionError("the engine is not needed")

    assert faint_parts(rgb, lines, no_engine) == []


def test_a_cached_reading_gets_its_faint_print_under_a_new_faint_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rgb, _ = _faint_rows(2)
    path = tmp_path / "page.png"
    Image.fromarray(rgb).save(path)

    class _Engine(_Crops):
        def detect(
            self, image: np.ndarray, detect: np.ndarray | None = None, *, by_outline: bool = False
        ) -> Detection:
            return Detection((((100.0, 40.0), (700.0, 40.0), (700.0, 70.0), (100.0, 70.0)),))

        def recognise(self, found: Detection) -> list[RawBox]:
            return [RawBox(found.quads[0], "当事人凯里市鼎盛土石方工程有限公司", 0.99)]

    fake = _Engine(0.9, 0.4)
    monkeypatch.setattr(engine, "_engine", fake)
    page = Page(source=path.name, number=1, needs_ocr=True, ocr_reason="no_text")
    parsed = ParsedFile(source=path.name, format="image", sha256="", pages=[page])
    store = tmp_path / "cache"
    first = apply_ocr(parsed, path, cache_dir=store)
    assert [b.text for b in first.blocks] == ["当事人凯里市鼎盛土石方工程有限公司", "当事人", "当事人"]
    assert fake.read == [2, 2]
    monkeypatch.setattr(cache, "FAINT", "changed")
    again = apply_ocr(parsed, path, cache_dir=store)
    assert fake.read == [2, 2, 2, 2]  # read again on a second look, the first reading kept
    assert again == first


def test_a_line_read_again_whole_under_a_seal_takes_the_place_of_its_pieces() -> None:
    """The remedy sentence broken where it crosses a seal's ring (…城市管理 | 款泽县人民政府), read again
    whole under the seal (holdout49 h49-08): one line, the whole reading; a reading no better leaves the
    pieces."""
    pieces = OcrLine(
        [
            OcrBox(
                "当事人如不服本决定，可以在收到本决定书之日起六十日内向九江市城市管理",
                (181, 733, 893, 756),
                1.0,
            ),
            OcrBox("款泽县人民政府", (943, 734, 1097, 757), 0.89),
        ]
    )
    whole = OcrBox(
        "当事人如不服本决定，可以在收到本决定书之日起六十日内向九江市城市管理局或章彭泽县人民政府",
        (179, 731, 1097, 758),
        0.98,
    )
    page = with_faint(OcrPage(1240, 1754, 0, 0.0, [pieces]), [whole])
    assert [line.text for line in page.lines] == [whole.text]
    unsure = OcrBox(whole.text, whole.box, 0.6)
    page = with_faint(OcrPage(1240, 1754, 0, 0.0, [pieces]), [unsure])
    assert [line.text for line in page.lines] == [pieces.text]
