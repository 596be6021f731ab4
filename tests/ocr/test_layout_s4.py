"""OCR page reading without the engine: rows of boxes in skewed tables and tall cells, faint show-through
and personal-seal reads dropped, dotted grey seal rings, specks, and lone field names beside their value."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PIL import Image, ImageDraw

from casefile_eval.ocr.columns import reading_order
from casefile_eval.ocr.engine import RawBox
from casefile_eval.ocr.ink import _signatures
from casefile_eval.ocr.layout import group_lines
from casefile_eval.ocr.page import OcrBox, OcrLine
from casefile_eval.ocr.reading import _stamp_words, drop_faint
from casefile_eval.ocr.seals import grey_seals, personal_marks, red_mask

PAPER = 246


def box(text: str, x0: float, top: float, x1: float, bottom: float) -> OcrBox:
    return OcrBox(text, (x0, top, x1, bottom), 0.95)


def texts(boxes: list[OcrBox]) -> list[str]:
    return [line.text for line in group_lines(boxes)]


# 8. rows of boxes


def test_two_rows_of_a_tight_skewed_table_stay_two_lines() -> None:
    # the page was read at a slant: each row drops 16 px over its width, the rows are 25 px apart, so
    # the first box of row 2 lies within the union of row 1's boxes but below row 1's box above it
    boxes = [
        box("当事人", 100, 100, 250, 130),
        box("青禾建材有限公司", 300, 108, 450, 138),
        box("法定代表人", 500, 116, 650, 146),
        box("住所", 100, 125, 250, 155),
        box("东林市北环路18号", 300, 133, 450, 163),
        box("联系电话", 500, 141, 650, 171),
    ]
    assert texts(boxes) == ["当事人 青禾建材有限公司 法定代表人", "住所 东林市北环路18号 联系电话"]


def test_label_centred_in_a_tall_cell_joins_the_date_across_the_column_gap() -> None:
    # the label overlaps the date by 40% of its height; the date stands 500 px to the right
    boxes = [
        box("同意。", 300, 150, 360, 180),
        box("2025年6月9日", 700, 202, 900, 232),
        box("负责人意见", 60, 220, 200, 250),
    ]
    assert texts(boxes) == ["同意。", "负责人意见 2025年6月9日"]


def test_boxes_side_by_side_overlapping_by_40_percent_without_a_gap_are_two_rows() -> None:
    boxes = [box("负责人意见", 60, 220, 200, 250), box("同意", 215, 202, 275, 232)]
    assert texts(boxes) == ["同意", "负责人意见"]


def test_tall_seal_read_does_not_pull_the_lower_rows_date_into_the_upper_row() -> None:
    # the seal's text, read as one tall box, reaches from the 审核人 row into the 负责人 row; the date is
    # placed before the 负责人签章 label exists and must settle into that label's row
    boxes = [
        box("审核人签章", 60, 100, 200, 130),
        box("东林市市场监督管理局", 400, 110, 600, 175),
        box("2025年6月9日", 700, 159, 900, 189),
        box("负责人签章", 60, 160, 200, 190),
    ]
    assert texts(boxes) == ["审核人签章 东林市市场监督管理局", "负责人签章 2025年6月9日"]


# 9. faint boxes and personal seals


def _quad(x0: float, top: float, x1: float, bottom: float) -> tuple[tuple[float, float], ...]:
    return ((x0, top), (x1, top), (x1, bottom), (x0, bottom))


def _grey_page(tones: list[int]) -> tuple[np.ndarray, list[RawBox]]:
    """A grey page with one line of vertical strokes per tone (its darkest ink), and the lines' boxes."""
    gray = np.full((80 + 50 * len(tones), 400), 240, np.uint8)
    raw = []
    for i, tone in enumerate(tones):
        top = 40 + 50 * i
        gray[top + 5 : top + 25, 30:330:7] = tone
        raw.append(RawBox(_quad(20, top, 340, top + 30), f"第{i + 1}行", 0.9))
    return gray, raw


def test_faint_show_through_box_is_dropped_among_dark_print() -> None:
    gray, raw = _grey_page([30, 45, 200, 38, 52])
    assert [b.text for b in drop_faint(raw, gray)] == ["第1行", "第2行", "第4行", "第5行"]


def test_faint_boxes_are_kept_when_the_page_has_too_few_boxes_to_judge() -> None:
    gray, raw = _grey_page([30, 200, 40])
    assert [b.text for b in drop_faint(raw, gray)] == ["第1行", "第2行", "第3行"]


def _personal(rgb: np.ndarray) -> np.ndarray:
    return personal_marks(red_mask(rgb))


def _red_and_black_page() -> np.ndarray:
    rgb = np.full((220, 900, 3), 245, np.uint8)
    for x in range(22, 66, 9):  # a personal seal's two characters: red strokes
        rgb[20:60, x : x + 4] = (205, 40, 45)
    rgb[100:140, 20:800:12] = (200, 30, 35)  # a red 红头 title: long
    for x in range(22, 66, 9):  # two printed black characters
        rgb[170:210, x : x + 4] = (25, 25, 25)
    return rgb


def test_short_red_read_is_a_personal_seal() -> None:
    rgb = _red_and_black_page()
    seal = RawBox(_quad(10, 10, 80, 70), "王印", 0.8)
    assert _stamp_words(rgb, seal, [seal], _personal(rgb)) is True


def test_long_red_title_and_short_black_words_are_no_personal_seal() -> None:
    rgb = _red_and_black_page()
    title = RawBox(_quad(10, 95, 810, 145), "东林市市场监督管理局文件", 0.9)
    words = RawBox(_quad(10, 160, 80, 220), "王立", 0.9)
    assert _stamp_words(rgb, title, [title, words], _personal(rgb)) is False
    assert _stamp_words(rgb, words, [title, words], _personal(rgb)) is False


# 10. grey seals and specks


def _scanned_page(ring_dots: int) -> np.ndarray:
    """A grey A4 page at 150 dpi: six lines of text-like black bars, and a seal ring of `ring_dots` separate
    dots (radius 110 px, centre (860, 1300)) when `ring_dots` is not 0."""
    image = Image.new("RGB", (1240, 1750), (PAPER, PAPER, PAPER))
    draw = ImageDraw.Draw(image)
    for row in range(6):
        top = 200 + 60 * row
        for x in range(120, 1100, 34):
            draw.rectangle([x, top, x + 24, top + 26], fill=(25, 25, 25))
    for k in range(ring_dots):
        angle = 2 * math.pi * k / ring_dots
        cx, cy = 860 + 110 * math.cos(angle), 1300 + 110 * math.sin(angle)
        draw.ellipse([cx - 2, cy - 2, cx + 2, cy + 2], fill=(40, 40, 40))
    return np.asarray(image)


@pytest.mark.parametrize("dots", [90, 100])
def test_seal_ring_of_separate_dots_is_found(dots: int) -> None:
    (seal,) = grey_seals(_scanned_page(dots))
    found, confidence = seal
    assert found == pytest.approx((750, 1190, 970, 1410), abs=8)
    assert confidence == 0.9


def test_page_without_a_ring_has_no_grey_seal() -> None:
    assert grey_seals(_scanned_page(0)) == []


def test_speck_smaller_than_half_a_line_height_is_no_signature() -> None:
    ink = np.zeros((40, 200), bool)
    ink[20:27, 50:57] = True  # 7 px: under half of a 36 px line
    assert _signatures(ink, 36.0) == []
    ink[5:35, 120:180] = True  # a name's strokes
    assert _signatures(ink, 36.0) == [(120.0, 5.0, 180.0, 35.0)]


# 11. lone field names beside their value


def line(*parts: tuple[str, float, float]) -> OcrLine:
    """Parts as (text, x0, top); each box is 20 px high, 18 px a character wide."""
    return OcrLine(
        parts=[OcrBox(text, (x0, top, x0 + 18 * len(text), top + 20), 0.95) for text, x0, top in parts]
    )


def _order(lines: list[OcrLine]) -> list[str]:
    return [x.text for x in reading_order(lines)[0]]


def test_lone_field_name_centred_beside_its_value_is_read_first() -> None:
    lines = [
        line(("承办人意见", 40, 40), ("建议立案调查。", 220, 40)),
        line(("同意。", 220, 100)),
        line(("审核意见", 40, 118)),
        line(("签名：刘洋 2025-6-9", 220, 136)),
        line(("负责人意见", 40, 200), ("同意立案。", 220, 200)),
    ]
    ordered, where = reading_order(lines)
    assert [x.text for x in ordered] == [
        "承办人意见 建议立案调查。",
        "审核意见",
        "同意。",
        "签名：刘洋 2025-6-9",
        "负责人意见 同意立案。",
    ]
    assert [placement[0][1] for placement in where] == [0, 2, 1, 3, 4]


def test_field_name_wrapped_onto_a_line_of_its_own_is_read_first() -> None:
    lines = [
        line(("承办人意见", 40, 40), ("建议立案调查。", 220, 40)),
        line(("同意。", 220, 100)),
        line(("分管负责人意", 40, 112)),
        line(("见", 40, 134)),
        line(("签名：刘洋 2025-6-9", 220, 150)),
        line(("负责人意见", 40, 220), ("同意立案。", 220, 220)),
    ]
    assert _order(lines) == [
        "承办人意见 建议立案调查。",
        "分管负责人意",
        "同意。",
        "见",
        "签名：刘洋 2025-6-9",
        "负责人意见 同意立案。",
    ]


def test_short_line_that_is_no_field_name_stays_in_place() -> None:
    lines = [
        line(("承办人意见", 40, 40), ("建议立案调查。", 220, 40)),
        line(("同意。", 220, 100)),
        line(("刘洋", 40, 118)),
        line(("签名：刘洋 2025-6-9", 220, 136)),
        line(("负责人意见", 40, 200), ("同意立案。", 220, 200)),
    ]
    assert _order(lines) == [x.text for x in lines]
