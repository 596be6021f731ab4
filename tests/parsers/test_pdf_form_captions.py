"""Text PDFs of 三联单-style forms (built with reportlab): a copy strip set turned up the page's right edge
is no part of the lines it passes; small captions printed under the rule their values stand on are read
before those values; and on a row of signing rules with a caption flush under each, the handwriting over
each rule fills the caption under it, however unevenly the captions are spaced."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

import casefile_eval
from casefile_eval.codes import DocumentType, Role
from casefile_eval.parsers.pdf_parser import parse_pdf
from tests.parsers.builders import signature_png

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
STRIP = "第一联　存档联（白）　　第二联　当事人联（红）　　第三联　备查联（黄）"


def _field(c: canvas.Canvas, x: float, y: float, width: float, value: str, caption: str) -> None:
    """A value written on a rule, its caption printed small under the rule, flush left."""
    c.setFont(FONT, 11)
    c.drawString(x + 2, y + 3, value)
    c.line(x, y, x + width, y)
    c.setFont(FONT, 7)
    c.drawString(x, y - 9, caption)


def _record(path: Path, signed: tuple[bool, bool, bool]) -> Path:
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(FONT, 8)
    c.saveState()
    c.translate(580, 250)
    c.rotate(90)
    c.drawString(0, 0, STRIP)
    c.restoreState()
    c.setFont(FONT, 18)
    c.drawString(230, 760, "现场检查笔录")
    _field(c, 60, 700, 220, "2023年12月12日9时30分", "检查时间")
    _field(c, 300, 700, 230, "宣城市宣州区金宝圩路36号", "检查地点")
    _field(c, 60, 670, 470, "方晓婷", "记录人")
    c.setFont(FONT, 11)
    body = [
        "现场检查情况：当事人经营场所内存放标签不全的农药六十瓶，",
        "已销售四十二瓶，违法所得人民币六百三十元。",
    ]
    for k, text in enumerate(body):
        c.drawString(84 if k == 0 else 60, 630 - 18 * k, text)
    c.drawString(84, 560, "以上记录经核对无误。")
    for (x, caption), sign in zip(
        [(60, "被检查人（签名）　2023/12/12"), (230, "执法人员"), (400, "记录人")], signed, strict=True
    ):
        c.line(x, 500, x + 140, 500)
        c.setFont(FONT, 7)
        c.drawString(x, 491, caption)
        if sign:
            c.drawImage(ImageReader(io.BytesIO(signature_png())), x + 15, 503, width=60, height=24)
    c.showPage()
    c.save()
    return path


def test_edge_strip_left_out_and_captions_read_before_their_values(tmp_path: Path) -> None:
    path = _record(tmp_path / "record.pdf", (True, True, True))
    parsed = parse_pdf(path, path.name, "0" * 64)
    assert [b.text for b in parsed.blocks] == [
        "现场检查笔录",
        "检查时间 2023年12月12日9时30分 检查地点 宣城市宣州区金宝圩路36号",
        "记录人 方晓婷",
        "现场检查情况：当事人经营场所内存放标签不全的农药六十瓶，",
        "已销售四十二瓶，违法所得人民币六百三十元。",
        "以上记录经核对无误。",
        "被检查人（签名）\u30002023/12/12 执法人员 记录人",
    ]


def _signatures(path: Path) -> list[tuple[str, Role, bool | None, str]]:
    case = casefile_eval.read_case(path)
    doc = next(d for d in case.documents if d.type is DocumentType.INSPECTION_RECORD)
    return [(s.label, s.role, s.filled, s.method) for s in doc.facts.signatures]


def test_ink_over_each_rule_fills_the_caption_under_it(tmp_path: Path) -> None:
    assert _signatures(_record(tmp_path / "record.pdf", (True, True, True))) == [
        ("记录人", Role.RECORDER, True, "text"),
        ("被检查人(签名)", Role.PARTY, True, "image"),
        ("执法人员", Role.OFFICER, True, "image"),
        ("记录人", Role.RECORDER, True, "image"),
    ]


def test_the_officers_blank_rule_is_unsigned(tmp_path: Path) -> None:
    assert _signatures(_record(tmp_path / "record.pdf", (True, False, True))) == [
        ("记录人", Role.RECORDER, True, "text"),
        ("被检查人(签名)", Role.PARTY, True, "image"),
        ("执法人员", Role.OFFICER, False, "text"),
        ("记录人", Role.RECORDER, True, "image"),
    ]
