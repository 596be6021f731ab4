"""Signature zones on ruled forms as scanners deliver them: table rules that step, fade into pieces or are
cut short by a narrow zone are no ink; a 回证 grid's column is looked at over every record row; a blank
"(　　)" read through noise as "C )" is print; 记录员 and 监督员 are labels whose zones are looked at."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from casefile_eval.ocr.marks import find_signatures
from casefile_eval.ocr.page import OcrBox, OcrLine

W, H = 1240, 1754  # A4 at 150 dpi
INK = (25, 35, 120)
RULE = (120, 120, 120)  # a light grey table rule


def _page() -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", (W, H), (247, 247, 243))
    return image, ImageDraw.Draw(image)


def _print(draw: ImageDraw.ImageDraw, box: tuple[float, float, float, float]) -> None:
    """Glyph-like dark squares standing for the printed characters of an OCR box."""
    x0, top, x1, bottom = (round(v) for v in box)
    for x in range(x0 + 3, x1 - 18, 28):
        draw.rectangle([x, top + 5, x + 20, bottom - 5], outline=(20, 20, 20), width=3)


def _scrawl(draw: ImageDraw.ImageDraw, x: int, top: int) -> None:
    """A signature-like zigzag about 70 px wide and a line high."""
    points = [(x + 12 * k, top + (3 if k % 2 else 27)) for k in range(6)]
    draw.line(points, fill=INK, width=4)
    draw.line([(x + 4, top + 16), (x + 62, top + 12)], fill=INK, width=3)


def _faded_vline(draw: ImageDraw.ImageDraw, x: int, top: int, bottom: int) -> None:
    """A light vertical rule that reached the page in pieces (faded bands of the scan every 95 px)."""
    for y in range(top, bottom, 95):
        draw.line([(x, y), (x, min(y + 55, bottom))], fill=RULE, width=2)


def _receipt(signed: dict[tuple[int, str], bool]) -> tuple[np.ndarray, list[OcrLine]]:
    """A running 送达回证: header 送达文书名称及文号 | 送达时间 | 受送达人签收 | 送达人 and three record rows
    95 px apart, light grey rules; `signed[(row, column)]` says which cells hold a signature."""
    image, draw = _page()
    columns = {"recipient": (700, 880), "server": (880, 1110)}
    for x in (130, 420, 700, 880, 1110):
        _faded_vline(draw, x, 370, 720)
    for y in (370, 430, 525, 620, 720):
        draw.line([(130, y), (1110, y)], fill=RULE, width=2)
    header = [
        OcrBox("送达文书名称及文号", (140.0, 388.0, 331.0, 414.0), 0.99),
        OcrBox("送达时间", (433.0, 386.0, 524.0, 414.0), 0.99),
        OcrBox("受送达人签收", (729.0, 385.0, 862.0, 415.0), 0.97),
        OcrBox("送达人", (923.0, 384.0, 995.0, 416.0), 0.99),
    ]
    lines = [OcrLine(header)]
    for part in header:
        _print(draw, part.box)
    for row, top in enumerate((455, 550, 645), start=1):
        cells = [
            OcrBox(f"行政处罚文书{row}", (141.0, top + 0.0, 331.0, top + 26.0), 0.99),
            OcrBox(f"2023.7.1{row}", (434.0, top + 0.0, 533.0, top + 26.0), 0.98),
        ]
        for cell in cells:
            _print(draw, cell.box)
        lines.append(OcrLine(cells))
        for column, (x0, _) in columns.items():
            if signed[(row, column)]:
                _scrawl(draw, x0 + 60, top)
    return np.asarray(image), lines


def test_a_grid_column_is_looked_at_over_every_record_and_faded_rules_are_no_ink() -> None:
    signed = {(row, column): True for row in (1, 2, 3) for column in ("recipient", "server")}
    signed[(1, "server")] = signed[(3, "recipient")] = False
    marks = find_signatures(*_receipt(signed))
    found = sorted((round(m.box[0], -1), round(m.box[1], -1)) for m in marks)
    # recipient rows 1 and 2 (x 760), server rows 2 and 3 (x 940); nothing on the rules at 880 or 1110
    assert found == [(760, 460), (760, 550), (940, 550), (940, 650)]
    assert {m.line for m in marks} == {0}


def test_a_narrow_zone_between_a_label_cell_and_its_value_cell_holds_no_rule_as_ink() -> None:
    """询问人 | 马骏 执法证件号：… / 记录人 | 吴丽萍 执法证件号：…: the zone after 记录人 ends where the
    printed field begins; the table's rules crossing it there are cut short by the zone, not by the table."""
    image, draw = _page()
    rows = [
        ("询问人", "马骏执法证件号：浙C0521000317", 351),
        ("记录人", "吴丽萍执法证件号：浙C0521000322", 397),
    ]
    lines = []
    for label, value, top in rows:
        label_box = OcrBox(label, (201.0, float(top), 282.0, top + 34.0), 1.0)
        value_box = OcrBox(value, (356.0, top + 2.0, 715.0, top + 32.0), 0.99)
        _print(draw, label_box.box)
        _print(draw, value_box.box)
        lines.append(OcrLine([label_box, value_box]))
    for y in (346, 391, 438):
        draw.line([(185, y), (1060, y + 1)], fill=(60, 60, 60), width=2)  # a rule that steps by a pixel
    for x in (185, 335, 1060):
        draw.line([(x, 346), (x, 438)], fill=(60, 60, 60), width=2)
    assert find_signatures(np.asarray(image), lines) == []


def test_a_blank_in_brackets_read_as_c_is_print() -> None:
    image, draw = _page()
    label = OcrBox("受送达人签名：", (100.0, 500.0, 300.0, 536.0), 0.99)
    _print(draw, label.box)
    draw.arc([330, 498, 350, 538], 100, 260, fill=(20, 20, 20), width=3)  # (
    draw.arc([520, 498, 540, 538], -80, 80, fill=(20, 20, 20), width=3)  # )
    read = OcrBox("C", (326.0, 498.0, 352.0, 538.0), 0.6)
    closing = OcrBox(")", (516.0, 498.0, 542.0, 538.0), 0.77)
    assert find_signatures(np.asarray(image), [OcrLine([label, read, closing])]) == []


@pytest.mark.parametrize("label", ["记录员：", "监督员：", "执法员："])
def test_recorder_and_inspector_labels_are_looked_at(label: str) -> None:
    image, draw = _page()
    box = OcrBox(label, (100.0, 500.0, 100.0 + 28 * len(label), 536.0), 0.99)
    _print(draw, box.box)
    _scrawl(draw, 240, 504)
    marks = find_signatures(np.asarray(image), [OcrLine([box])])
    assert [(m.kind, m.line) for m in marks] == [("signature", 0)]
    assert marks[0].box == pytest.approx((238, 505, 304, 533), abs=4)
