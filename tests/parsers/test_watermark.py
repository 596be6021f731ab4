"""Text PDFs printed on security paper: a watermark set at a slant across the page (执法档案　内部资料) is
no line of the document; text turned a quarter or upright stays."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen import canvas

from casefile_eval.parsers import parse_path

from ..embedded_font import FONT, needs_font

pytestmark = needs_font


def test_a_slanted_watermark_is_left_out(tmp_path: Path) -> None:
    path = tmp_path / "record.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    for x, y in ((80, 300), (300, 520), (120, 680)):  # the watermark first, under the print
        c.saveState()
        c.setFillGray(0.85)
        c.setFont(FONT, 28)
        c.translate(x, y)
        c.rotate(35)
        c.drawString(0, 0, "执法档案　内部资料")
        c.restoreState()
    c.setFont(FONT, 16)
    c.drawString(240, 760, "现场检查笔录")
    c.setFont(FONT, 11)
    for k, text in enumerate(
        [
            "检查时间：2018年03月20日9时20分至10时35分",
            "检查地点：吉首市人民北路56号二楼",
            "检查人员：田晓峰（执法证号：43310018006）、龙春花（执法证号：43310018013）",
            "检查情况：营业区第5排3台电脑前有3名青少年上网。",
        ]
    ):
        c.drawString(72, 720 - 24 * k, text)
    c.save()
    [parsed] = parse_path(path, ocr=False)
    assert [b.text for b in parsed.blocks if b.text.strip()] == [
        "现场检查笔录",
        "检查时间：2018年03月20日9时20分至10时35分",
        "检查地点：吉首市人民北路56号二楼",
        "检查人员：田晓峰（执法证号：43310018006）、龙春花（执法证号：43310018013）",
        "检查情况：营业区第5排3台电脑前有3名青少年上网。",
    ]
