"""Session 5 OCR reading: a box the detector ran over two cells of a grid's value row is cut between them,
and a sideways page is turned on the detector's boxes before anything is recognised."""

from __future__ import annotations

import numpy as np
from PIL import Image

from casefile_eval.ocr.columns import reading_order
from casefile_eval.ocr.engine import Detection, RawBox
from casefile_eval.ocr.page import OcrBox, OcrLine
from casefile_eval.ocr.reading import read_text


def _line(*parts: tuple[str, float, float, float]) -> OcrLine:
    return OcrLine(parts=[OcrBox(text, (x0, top, x1, top + 30), 0.99) for text, x0, x1, top in parts])


def test_a_value_box_over_two_cells_is_cut_where_its_characters_stand_apart() -> None:
    header = _line(("送达时间", 606, 701, 289), ("送达地点", 764, 860, 289), ("送达方式", 994, 1089, 291))
    chars = (615.8, 624.8, 638.4, 651.9, 669.9, 688.0, 697.0, 715.1, 733.1, 742.1)
    chars += (778.2, 800.8, 823.3, 845.9, 868.5, 886.5, 909.1, 931.6, 954.2)
    merged = OcrBox("2023年06月12上海市浦东新区川沙", (600, 340, 967, 370), 0.99, chars)
    values = OcrLine(parts=[merged, OcrBox("直接送达", (994, 343, 1085, 371), 0.99)])
    tail = _line(("日", 606, 632, 375), ("路5128弄12号", 765, 908, 376))
    lines, _ = reading_order([header, values, tail])
    assert [line.text for line in lines] == [  # each cell's wrapped lines are one value
        "送达时间",
        "2023年06月12日",
        "送达地点",
        "上海市浦东新区川沙路5128弄12号",
        "送达方式",
        "直接送达",
    ]


def test_a_sentence_across_the_grid_is_not_cut() -> None:
    header = _line(("送达时间", 100, 200, 100), ("送达地点", 300, 400, 100), ("送达方式", 500, 600, 100))
    text = "以上文书已依法送达当事人签收"
    chars = tuple(110.0 + 35 * k for k in range(len(text)))
    sentence = OcrLine(parts=[OcrBox(text, (100, 150, 600, 180), 0.99, chars)])
    lines, _ = reading_order([header, sentence])
    assert [line.text for line in lines] == ["送达时间 送达地点 送达方式", text]


class _CountingEngine:
    """Finds tall boxes on a portrait image (a page lying sideways) and wide ones once it is turned."""

    def __init__(self) -> None:
        self.detected: list[tuple[int, int]] = []
        self.recognised = 0

    def detect(
        self, image: np.ndarray, detect: np.ndarray | None = None, *, by_outline: bool = False
    ) -> Detection:
        height, width = image.shape[:2]
        self.detected.append((width, height))
        tall = height > width
        quads = tuple(
            ((x, 10.0), (x + 30, 10.0), (x + 30, 300.0), (x, 300.0))
            if tall
            else ((10.0, x), (300.0, x), (300.0, x + 30), (10.0, x + 30))
            for x in (20.0, 80.0, 140.0)
        )
        return Detection(quads)

    def recognise(self, found: Detection) -> list[RawBox]:
        self.recognised += 1
        return [RawBox(quad, f"第{k}行", 0.95) for k, quad in enumerate(found.quads)]


def test_a_sideways_page_is_recognised_once_after_turning() -> None:
    engine = _CountingEngine()
    page, _ = read_text(Image.new("RGB", (400, 600), "white"), engine)
    assert engine.detected == [(400, 600), (600, 400)]
    assert engine.recognised == 1
    assert page.rotation == 90
    assert [line.text for line in page.lines] == ["第0行", "第1行", "第2行"]
