"""Specks in a page's side margins (a tractor-feed paper's sprocket holes, punched binding holes) that OCR
reads as O, ®, 福 are left out of the lines; sure text in the margin, and specks among the text, stay."""

from __future__ import annotations

from casefile_eval.ocr.band import without_band
from casefile_eval.ocr.page import OcrBox, OcrLine


def _part(text: str, x0: float, top: float, x1: float, confidence: float) -> OcrBox:
    return OcrBox(text, (x0, top, x1, top + 28), confidence)


def _page() -> list[OcrLine]:
    return [
        OcrLine([_part("O", 49, 190, 75, 0.6), _part("法制审核意见书", 532, 184, 747, 0.99)]),
        OcrLine(
            [
                _part("®", 49, 265, 75, 0.74),
                _part("案由", 171, 261, 226, 0.98),
                _part("经营假兽药案", 411, 260, 550, 1.0),
            ]
        ),
        OcrLine([_part("O", 49, 415, 75, 0.67), _part("福", 1211, 421, 1227, 0.73)]),
        OcrLine(
            [_part("法制审核意见", 174, 516, 308, 1.0), _part("经审核，本案事实清楚", 414, 516, 1092, 0.98)]
        ),
        OcrLine([_part("l。", 411, 583, 432, 0.71)]),
    ]


def test_specks_in_the_side_margins_are_left_out() -> None:
    lines, placements = without_band(_page())
    assert [[p.text for p in line.parts] for line in lines] == [
        ["法制审核意见书"],
        ["案由", "经营假兽药案"],
        ["法制审核意见", "经审核，本案事实清楚"],
        ["l。"],  # a speck among the text is no margin's
    ]
    assert placements == [
        [(float("-inf"), 0)],
        [(float("-inf"), 1)],
        [],
        [(float("-inf"), 2)],
        [(float("-inf"), 3)],
    ]


def test_a_sure_read_in_the_margin_stays() -> None:
    page = [*_page(), OcrLine([_part("第1页", 40, 1690, 110, 0.99)])]
    lines, _ = without_band(page)
    assert [p.text for p in lines[-1].parts] == ["第1页"]
    # the body now starts at the page number's edge: the specks right of it stand among the text
    assert [p.text for p in lines[0].parts] == ["O", "法制审核意见书"]
