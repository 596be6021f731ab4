"""Red print on pre-printed forms is read, a personal seal's characters are not; a seal on a page
scanned in grey is not faded for line finding (it has no colour to fade it by)."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from casefile_eval.ocr.engine import Detection, RawBox
from casefile_eval.ocr.reading import _stamp_words, read_text
from casefile_eval.ocr.seals import personal_marks, red_mask

RED = (190, 45, 40)
PAPER = 240


def _quad(x0: float, top: float, x1: float, bottom: float) -> tuple[tuple[float, float], ...]:
    return ((x0, top), (x1, top), (x1, bottom), (x0, bottom))


def _red_strokes(rgb: np.ndarray, x0: int, top: int, x1: int, bottom: int) -> None:
    for x in range(x0 + 4, x1 - 4, 10):
        rgb[top + 4 : bottom - 4, x : x + 4] = RED


def _personal(rgb: np.ndarray) -> np.ndarray:
    return personal_marks(red_mask(rgb))


def _form_page() -> tuple[np.ndarray, dict[str, RawBox]]:
    """A 1240 px wide page: a red title centred alone on its row, a red field name before a black typed
    value, and a small personal seal beside a black 签名 label."""
    rgb = np.full((900, 1240, 3), PAPER, np.uint8)
    boxes = {
        "title": RawBox(_quad(560, 140, 680, 190), "缴款书", 1.0),
        "label": RawBox(_quad(150, 240, 215, 272), "案由：", 0.97),
        "value": RawBox(_quad(235, 236, 545, 268), "以不合理的低价组织旅游活动案", 1.0),
        "sign": RawBox(_quad(560, 586, 620, 619), "签名：", 0.99),
        "seal": RawBox(_quad(640, 580, 700, 625), "王印", 0.8),
    }
    for name in ("title", "label", "seal"):
        x0, top = boxes[name].quad[0]
        x1, bottom = boxes[name].quad[2]
        _red_strokes(rgb, int(x0), int(top), int(x1), int(bottom))
    for name in ("value", "sign"):
        x0, top = boxes[name].quad[0]
        x1, bottom = boxes[name].quad[2]
        rgb[int(top) + 4 : int(bottom) - 4, int(x0) + 4 : int(x1) - 4 : 10] = (25, 25, 25)
    return rgb, boxes


def test_red_title_centred_alone_on_its_row_is_print() -> None:
    rgb, boxes = _form_page()
    assert _stamp_words(rgb, boxes["title"], list(boxes.values()), _personal(rgb)) is False


def test_red_field_name_with_a_colon_is_print() -> None:
    rgb, boxes = _form_page()
    assert _stamp_words(rgb, boxes["label"], list(boxes.values()), _personal(rgb)) is False


def test_red_field_name_without_a_colon_is_print() -> None:
    """A form printed in red ink: its field names (受送达人, 送达方式, 备注) stand alone in their cells."""
    rgb, boxes = _form_page()
    for words in ("受送达人", "送达方式", "备注"):
        label = RawBox(_quad(640, 580, 700, 625), words, 0.95)  # where the seal is: the words decide
        assert _stamp_words(rgb, label, list(boxes.values()), _personal(rgb)) is False


def test_red_characters_beside_a_signing_label_are_a_personal_seal() -> None:
    rgb, boxes = _form_page()
    assert _stamp_words(rgb, boxes["seal"], list(boxes.values()), _personal(rgb)) is True


def test_short_red_read_centred_with_print_beside_it_on_its_row_is_a_seal() -> None:
    rgb, boxes = _form_page()
    beside = RawBox(_quad(300, 150, 500, 185), "负责人签名：", 0.99)
    assert _stamp_words(rgb, boxes["title"], [*boxes.values(), beside], _personal(rgb)) is True


def test_a_personal_seal_centred_alone_on_its_row_is_no_title() -> None:
    """负责人意见 in a table: the head's square personal seal (a red frame round two rows of characters)
    stands centred above 签名：, alone on its row; the recogniser read one row of it (库段). A red title
    centred there is a row of characters, wider than tall."""
    rgb, boxes = _form_page()
    image = Image.fromarray(rgb)
    draw = ImageDraw.Draw(image)
    draw.rectangle([580, 380, 660, 458], outline=RED, width=5)  # 80 px: 17 mm on an A4 page at 150 dpi
    for x, y in ((590, 390), (625, 390), (590, 422), (625, 422)):
        draw.line([(x, y + 14), (x + 26, y + 14)], fill=RED, width=4)
        draw.line([(x + 13, y), (x + 13, y + 28)], fill=RED, width=4)
    rgb = np.asarray(image)
    seal = RawBox(_quad(578, 378, 662, 426), "库段", 0.71)
    assert _stamp_words(rgb, seal, [*boxes.values(), seal], _personal(rgb)) is True
    assert _stamp_words(rgb, boxes["title"], [*boxes.values(), seal], _personal(rgb)) is False


class _RecordingEngine:
    """Finds and reads nothing; remembers whether a separate page for line finding was given."""

    def __init__(self) -> None:
        self.detect_images: list[np.ndarray | None] = []

    def detect(
        self, image: np.ndarray, detect: np.ndarray | None = None, *, by_outline: bool = False
    ) -> Detection:
        self.detect_images.append(detect)
        return Detection(())

    def recognise(self, found: Detection) -> list[RawBox]:
        return []


def _page_with_seal(colour: tuple[int, int, int], paper: tuple[int, int, int]) -> Image.Image:
    """An A4 page at 150 dpi with text-like bars and a round seal ring 220 px across."""
    image = Image.new("RGB", (1240, 1750), paper)
    draw = ImageDraw.Draw(image)
    for row in range(6):
        for x in range(120, 1100, 34):
            draw.rectangle([x, 200 + 60 * row, x + 24, 226 + 60 * row], fill=(25, 25, 25))
    draw.ellipse([750, 1190, 970, 1410], outline=colour, width=8)
    return image


def test_seal_on_a_grey_page_is_not_faded_for_line_finding() -> None:
    engine = _RecordingEngine()
    read_text(_page_with_seal((40, 40, 40), (PAPER, PAPER, PAPER)), engine)
    assert [image is None for image in engine.detect_images] == [True]


def test_red_seal_is_faded_for_line_finding() -> None:
    engine = _RecordingEngine()
    read_text(_page_with_seal((220, 50, 50), (PAPER, PAPER, 232)), engine)
    (detect,) = engine.detect_images
    assert detect is not None
    assert detect[1300, 755].tolist() == [255, 255, 255]  # the ring's ink turned to paper
