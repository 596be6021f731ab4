"""A band down a page's left edge, apart from the body, is no part of the page's lines: an agency's name
printed one upright character a row down a form's margin, a 存根 stub with its own fields (and its own
ink) beside a perforation. A table's label column (承/办/人/意/见) is no band: it is read as the label."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

import casefile_eval
from casefile_eval.codes import DocumentType, Role
from casefile_eval.ocr.columns import reading_order
from casefile_eval.ocr.page import OcrBox, OcrLine
from casefile_eval.parsers.left_band import Band, find_band
from casefile_eval.parsers.pdf_parser import parse_pdf
from tests.parsers.builders import signature_png

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def _down(c: canvas.Canvas, x: float, y: float, text: str, step: float) -> None:
    """Text written one upright character a row, downwards from (x, y)."""
    for k, char in enumerate(text):
        c.drawString(x, y - k * step, char)


def _margin_band(path: Path) -> Path:
    """A 现场检查笔录 whose agency is printed down the left margin beside a rule, its 执/法 at the foot."""
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(FONT, 11)
    _down(c, 40, 700, "德阳市生态环境局", 16)
    _down(c, 40, 120, "执法", 16)
    c.line(62, 60, 62, 780)
    c.setFont(FONT, 18)
    c.drawString(250, 760, "现场检查笔录")
    c.setFont(FONT, 11)
    lines = [
        "检查时间：2022年6月14日9时10分至10时05分",
        "检查地点：德阳市旌阳区黄河西路18号",
        "被检查人：德阳市旌阳区恒达汽车修理厂",
        "现场检查情况：喷漆房未配套废气收集处理设施，",
        "正在进行喷漆作业。",
    ]
    for k, text in enumerate(lines):
        c.drawString(96, 700 - 24 * k, text)
    c.drawString(96, 520, "被检查人签名：")
    c.drawImage(ImageReader(io.BytesIO(signature_png())), 180, 512, width=60, height=24)
    c.showPage()
    c.save()
    return path


def test_an_agency_printed_down_the_margin_is_no_part_of_the_lines(tmp_path: Path) -> None:
    path = _margin_band(tmp_path / "record.pdf")
    parsed = parse_pdf(path, path.name, "0" * 64)
    assert [b.text for b in parsed.blocks] == [
        "现场检查笔录",
        "检查时间：2022年6月14日9时10分至10时05分",
        "检查地点：德阳市旌阳区黄河西路18号",
        "被检查人：德阳市旌阳区恒达汽车修理厂",
        "现场检查情况：喷漆房未配套废气收集处理设施，",
        "正在进行喷漆作业。",
        "被检查人签名：",
    ]


def _stub_receipt(path: Path) -> Path:
    """A 送达回证 with a 存根 stub left of a perforation: the stub's fields and its 经办人's ink stand level
    with the receipt's 受送达人 row, which is left unsigned."""
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(FONT, 9)
    _down(c, 70, 740, "送达回证", 14)
    c.drawString(110, 760, "存")
    c.drawString(110, 745, "根")
    for k, text in enumerate(["编号", "德环罚〔2022〕", "当事人", "恒达汽车修理厂", "经办人"]):
        c.drawString(30, 560 - 16 * k, text)
    c.drawImage(ImageReader(io.BytesIO(signature_png())), 30, 440, width=60, height=24)
    for y in range(60, 800, 18):
        c.circle(135, y, 2)
    c.setFont(FONT, 16)
    c.drawString(300, 780, "送达回证")
    c.setFont(FONT, 11)
    rows = [
        "送达文书：行政处罚决定书（德环罚〔2022〕31号）",
        "受送达人：德阳市旌阳区恒达汽车修理厂",
        "送达地点：德阳市旌阳区黄河西路18号",
        "送达方式：直接送达",
    ]
    for k, text in enumerate(rows):
        c.drawString(160, 740 - 22 * k, text)
    c.drawString(160, 452, "受送达人签名：")
    c.drawString(360, 452, "2022年7月4日")
    c.drawString(160, 410, "送达人签名：")
    c.drawImage(ImageReader(io.BytesIO(signature_png())), 240, 402, width=60, height=24)
    c.drawString(360, 410, "2022年7月4日")
    c.showPage()
    c.save()
    return path


def test_a_stub_and_its_ink_are_no_part_of_the_receipt(tmp_path: Path) -> None:
    path = _stub_receipt(tmp_path / "receipt.pdf")
    parsed = parse_pdf(path, path.name, "0" * 64)
    assert [b.text for b in parsed.blocks] == [
        "送达回证",
        "送达文书：行政处罚决定书（德环罚〔2022〕31号）",
        "受送达人：德阳市旌阳区恒达汽车修理厂",
        "送达地点：德阳市旌阳区黄河西路18号",
        "送达方式：直接送达",
        "受送达人签名： 2022年7月4日",
        "送达人签名： 2022年7月4日",
    ]
    case = casefile_eval.read_case(path)
    doc = next(d for d in case.documents if d.type is DocumentType.SERVICE_RECEIPT)
    assert [(s.label, s.role, s.filled) for s in doc.facts.signatures] == [
        ("受送达人签名", Role.RECIPIENT, False),
        ("送达人签名", Role.SERVER, True),
    ]


def _label_column(path: Path) -> Path:
    """An approval form whose step names are written down its first column, one character a row."""
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(FONT, 16)
    c.drawString(230, 780, "立案审批表")
    c.setFont(FONT, 11)
    c.rect(60, 560, 480, 190)
    c.line(90, 560, 90, 750)
    _down(c, 70, 720, "承办人意见", 16)
    c.drawString(100, 720, "当事人涉嫌未按规定设置废气处理设施，建议立案调查。")
    c.drawString(100, 600, "签名：")
    c.drawImage(ImageReader(io.BytesIO(signature_png())), 140, 592, width=60, height=24)
    c.drawString(400, 600, "2022年6月15日")
    c.drawString(60, 530, "注：本表一式两份。")
    c.showPage()
    c.save()
    return path


def test_a_label_written_down_a_table_column_is_read_as_the_label(tmp_path: Path) -> None:
    path = _label_column(tmp_path / "approval.pdf")
    parsed = parse_pdf(path, path.name, "0" * 64)
    assert [b.text for b in parsed.blocks] == [
        "立案审批表",
        "承办人意见 当事人涉嫌未按规定设置废气处理设施，建议立案调查。",
        "",
        "",
        "",
        "",
        "签名： 2022年6月15日",
        "注：本表一式两份。",
    ]


def _box(text: str, x0: float, top: float, x1: float, confidence: float = 0.99) -> OcrBox:
    return OcrBox(text, (x0, top, x1, top + 26.0), confidence)


def _stacked(text: str, x0: float, top: float, step: float) -> list[OcrBox]:
    return [_box(char, x0, top + k * step, x0 + 26.0) for k, char in enumerate(text)]


def test_no_band_where_a_line_runs_across_the_gutter() -> None:
    chars = _stacked("安康市水利局", 100.0, 200.0, 36.0)
    body = [_box("行政处罚决定书", 400.0, 100.0, 700.0), _box("当事人：汉滨区砂石场", 200.0, 200.0, 900.0)]
    across = [_box("安康市水利局二〇二三年六月八日", 90.0, 500.0, 900.0)]
    parts = [*chars, *body]
    assert find_band(parts, lambda p: p.box, lambda p: p.text) == Band(126.0, 200.0)
    assert find_band([*parts, *across], lambda p: p.box, lambda p: p.text) is None


def _row(char: str, text: str, top: float) -> OcrLine:
    """A band's character and, if any, a line of the body level with it."""
    parts = [_box(char, 100.0, top, 126.0)]
    return OcrLine(parts + ([_box(text, 200.0, top + 2.0, 900.0)] if text else []))


def test_ocr_lines_lose_the_band_and_a_speck_in_the_gutter() -> None:
    lines = [
        OcrLine([_box("行政处罚决定书", 500.0, 100.0, 800.0)]),
        OcrLine([_box("安", 100.0, 200.0, 126.0), _box("中", 150.0, 203.0, 166.0, 0.84)]),
        _row("康", "当事人：安康市汉滨区砂石场", 236.0),
        _row("市", "地址：安康市汉滨区江北路8号", 272.0),
        _row("水", "", 308.0),
        _row("利", "经查，当事人于2023年4月在汉江河道内", 344.0),
        _row("局", "非法采砂，违反了《中华人民共和国水法》。", 380.0),
    ]
    ordered, where = reading_order(lines)
    assert [line.text for line in ordered] == [
        "行政处罚决定书",
        "当事人：安康市汉滨区砂石场",
        "地址：安康市汉滨区江北路8号",
        "经查，当事人于2023年4月在汉江河道内",
        "非法采砂，违反了《中华人民共和国水法》。",
    ]
    assert where == [
        [(float("-inf"), 0)],
        [],
        [(float("-inf"), 1)],
        [(float("-inf"), 2)],
        [],
        [(float("-inf"), 3)],
        [(float("-inf"), 4)],
    ]


def _bound_approval(path: Path) -> Path:
    """A 行政处罚决定审批表 on paper with a binding margin: 装, 订 and 线 spaced down the left edge, each
    level with a row of the form (订 beside the 签名 caption of the head's opinion)."""
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(FONT, 8)
    for k, char in enumerate("装订线"):
        c.drawString(30, 468 - 40 * k, char)
    c.setFont(FONT, 16)
    c.drawString(222, 750, "行政处罚决定审批表")
    c.setFont(FONT, 10)
    c.drawString(76, 700, "案由 未取得施工许可证擅自施工案")
    c.drawString(76, 500, "承办人意见 建议按上述意见作出行政处罚决定。")
    c.drawString(338, 468, "2017年9月12日")
    c.drawString(76, 440, "机关负责人意见 同意。")
    c.setFont(FONT, 7)
    c.drawString(241, 428, "签名")
    c.drawImage(ImageReader(io.BytesIO(signature_png())), 242, 404, width=50, height=22)
    c.setFont(FONT, 10)
    c.drawString(338, 408, "2017年9月12日")
    c.showPage()
    c.save()
    return path


def test_a_binding_margins_words_are_no_part_of_the_lines(tmp_path: Path) -> None:
    path = _bound_approval(tmp_path / "approval.pdf")
    parsed = parse_pdf(path, path.name, "0" * 64)
    assert [b.text for b in parsed.blocks] == [
        "行政处罚决定审批表",
        "案由 未取得施工许可证擅自施工案",
        "承办人意见 建议按上述意见作出行政处罚决定。",
        "2017年9月12日",
        "机关负责人意见 同意。",
        "签名",
        "2017年9月12日",
    ]


def test_binding_words_out_of_order_or_uneven_are_no_band() -> None:
    reordered = [_box(char, 30.0, 300.0 + 80.0 * k, 46.0) for k, char in enumerate("订装线")]
    uneven = [_box(char, 30.0, top, 46.0) for char, top in zip("装订线", (300.0, 380.0, 520.0), strict=True)]
    title = _box("行政处罚决定审批表", 200.0, 100.0, 700.0)
    body = [title, _box("当事人：江阴市澄锋机械", 150.0, 200.0, 700.0)]
    assert find_band([*reordered, *body], lambda p: p.box, lambda p: p.text) is None
    assert find_band([*uneven, *body], lambda p: p.box, lambda p: p.text) is None
    even = [_box(char, 30.0, 300.0 + 80.0 * k, 46.0) for k, char in enumerate("装订线")]
    assert find_band([*even, *body], lambda p: p.box, lambda p: p.text) == Band(46.0, 150.0)
