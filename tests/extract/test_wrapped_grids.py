"""Grids whose cells wrap their text (a field name "送达方" over "式", a value "2022年5月20"
over "日10时20分") and rows of signature labels with the ink in the cells under them, on text PDFs
and OCR lines: a wrapped cell reads as one value, each ink goes to the label of its column, and a bare
受送达人 beside 收件人签收 is the addressee's name, not a second place to sign."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from casefile_eval.codes import DateKind, DocumentType, Role
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from casefile_eval.ocr.columns import reading_order
from casefile_eval.ocr.page import OcrBox, OcrLine
from tests.embedded_font import FONT, needs_font
from tests.extract.docs import doc_from_lines, only_document, pen_ink

pytestmark = needs_font


def _slip(path: Path, recipient_signs: bool) -> Path:
    """A one-row 送达回证 "slip": six narrow columns with horizontal rules, the field name 送达方式 wrapped
    in its cell, the document's name and number and the time wrapped over three and two lines, the
    addressee's name centred in its tall cell, ink under 收件人签收 (if the recipient signs) and two
    officers' ink under 送达人, then a spare row struck out with "／"."""
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(FONT, 16)
    c.drawCentredString(297, 740, "送达回证")
    c.setFont(FONT, 9)
    for x, text in [
        (105, "送达文书"),
        (193, "受送达人"),
        (270, "送达时间"),
        (383, "收件人签收"),
        (469, "送达人"),
    ]:
        c.drawString(x, 690, text)
    c.drawString(331, 697, "送达方")
    c.drawString(342, 683, "式")
    for x, lines in [
        (84, ["行政处罚告知书", "津河西文旅罚告（", "2022）第12号"]),
        (260, ["2022年5月20", "日10时20分"]),
    ]:
        for k, text in enumerate(lines):
            c.drawString(x, 660 - 13 * k, text)
    c.drawString(332, 660, "直接送")
    c.drawString(342, 647, "达")
    c.drawString(175, 624, "孟庆丰")
    if recipient_signs:
        c.drawImage(pen_ink(1), 385, 615, width=48, height=22)
    c.drawImage(pen_ink(2), 460, 640, width=48, height=20)
    c.drawImage(pen_ink(3), 466, 612, width=30, height=20)
    for x in (122, 210, 287, 343, 404, 481):
        c.drawString(x, 560, "／")
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("recipient_signs", [True, False])
def test_a_slip_receipt_whose_cells_wrap_reads_one_value_a_cell(
    tmp_path: Path, recipient_signs: bool
) -> None:
    doc = only_document(_slip(tmp_path / "slip.pdf", recipient_signs), DocumentType.SERVICE_RECEIPT)
    assert [b.text for b in doc.blocks] == [
        "送达回证",
        "送达文书",
        "行政处罚告知书津河西文旅罚告（2022）第12号",
        "受送达人",
        "孟庆丰",
        "送达时间",
        "2022年5月20日10时20分",
        "送达方式",
        "直接送",  # three characters are no full line of a cell: "达" stays a line of its own
        "达",
        "收件人签收",
        "送达人",
        "／ ／ ／ ／ ／ ／",
    ]
    assert doc.facts.served_document_type is DocumentType.PRIOR_NOTICE
    served = [(d.label, d.value) for d in doc.facts.dates if d.kind is DateKind.SERVED]
    assert served == [("送达时间", dt.date(2022, 5, 20))]
    assert [(s.label, s.role, s.filled) for s in doc.facts.signatures] == [
        ("收件人签收", Role.RECIPIENT, recipient_signs),
        ("送达人", Role.SERVER, True),
    ]


def _sheet(path: Path, server_signs: bool) -> Path:
    """A 送达回证 "sheet" whose two signature cells have their labels on one line
    ("受送达人签名或盖章 送达人签名"): the recipient's ink and the date under it in the left cell, the two
    officers' ink lower in the right cell, level with that date (if they sign)."""
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(FONT, 16)
    c.drawCentredString(297, 760, "送达回证")
    c.setFont(FONT, 9)
    rows = [("送达文书名称", "行政处罚告知书"), ("受送达人", "哈尔滨康泰源大药房有限公司")]
    for k, (label, value) in enumerate(rows):
        c.drawString(97, 700 - 31 * k, label)
        c.drawString(181, 700 - 31 * k, value)
    c.drawString(107, 638, "送达方式")
    c.drawString(181, 638, "直接送达")
    c.drawString(328, 638, "送达时间")
    c.drawString(402, 638, "2021年9月15日10时20分")
    c.drawString(143, 600, "受送达人签名或盖章")
    c.drawString(385, 600, "送达人签名")
    c.drawImage(pen_ink(4), 159, 556, width=61, height=30)
    c.drawString(153, 540, "2021年 9月15日")
    if server_signs:
        c.drawImage(pen_ink(5), 353, 532, width=61, height=30)
        c.drawImage(pen_ink(6), 424, 532, width=45, height=30)
    c.drawString(118, 470, "备注")
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("server_signs", [True, False])
def test_ink_under_a_row_of_two_labels_goes_to_its_column(tmp_path: Path, server_signs: bool) -> None:
    doc = only_document(_sheet(tmp_path / "sheet.pdf", server_signs), DocumentType.SERVICE_RECEIPT)
    slots = [(s.label, s.role, s.filled, s.count) for s in doc.facts.signatures]
    assert slots == [
        ("受送达人签名或盖章", Role.RECIPIENT, True, 1),
        ("送达人签名", Role.SERVER, server_signs, 2 if server_signs else None),
    ]


def _wrapped_caption_receipt(path: Path, label: tuple[str, str], recipient_signs: bool) -> Path:
    """A 送达回证 whose recipient's label cell wraps its last characters ("受送达人签名或" over "盖章",
    centred in the left column), level with the caption "签收：" of the value cell beside it: the text
    layer joins the two into one line ("盖章 签收："). The recipient's ink (if any) follows the caption;
    the date is printed lower in the cell, and the two officers sign the 送达人 row."""
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(FONT, 16)
    c.drawCentredString(297, 730, "送达回证")
    c.setFont(FONT, 10)
    c.drawString(78, 680, "受送达人")
    c.drawString(190, 680, "菏泽市牡丹区恒通建材经营部")
    c.drawString(78, 652, "送达方式")
    c.drawString(190, 652, "直接送达")
    c.drawString(78, 610, label[0])
    c.drawString(107, 593, label[1])
    c.drawString(250, 593, "签收：")
    if recipient_signs:
        c.drawImage(pen_ink(7), 285, 585, width=50, height=22)
    c.drawString(392, 580, "年    月    日")
    c.drawString(100, 500, "送达人")
    c.drawString(173, 490, "签名：")
    c.drawImage(pen_ink(8), 205, 484, width=50, height=22)
    c.drawString(300, 490, "签名：")
    c.drawImage(pen_ink(9), 332, 484, width=50, height=22)
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("recipient_signs", [True, False])
@pytest.mark.parametrize("label", [("受送达人签名或", "盖章"), ("被送达人签字或", "捺印")])
def test_a_label_wrapped_onto_the_line_of_its_value_cells_caption(
    tmp_path: Path, label: tuple[str, str], recipient_signs: bool
) -> None:
    path = _wrapped_caption_receipt(tmp_path / "receipt.pdf", label, recipient_signs)
    doc = only_document(path, DocumentType.SERVICE_RECEIPT)
    assert f"{label[1]} 签收：" in [b.text for b in doc.blocks]
    slots = [(s.label, s.role, s.filled) for s in doc.facts.signatures]
    assert slots == [("".join(label), Role.RECIPIENT, recipient_signs), ("送达人", Role.SERVER, True)]


def _line(top: float, *parts: tuple[str, float, float]) -> OcrLine:
    return OcrLine(parts=[OcrBox(text, (x0, top, x1, top + 28), 0.99) for text, x0, x1 in parts])


def test_a_field_name_wrapped_onto_a_line_of_its_own_still_heads_its_column() -> None:
    lines = [
        _line(286, ("送达文书", 223, 312), ("受送达人", 403, 491), ("送达方", 686, 753), ("签收", 793, 850)),
        _line(300, ("式", 705, 735)),
        _line(349, ("行政处罚告知书", 181, 322), ("孟庆丰", 403, 470), ("直接送达", 686, 770)),
    ]
    ordered, placements = reading_order(lines)
    assert [line.text for line in ordered] == [
        "送达文书",
        "行政处罚告知书",
        "受送达人",
        "孟庆丰",
        "送达方式",
        "直接送达",
        "签收",
    ]
    assert placements[1] == placements[0]  # the tail's line is placed as the header row's


def test_rows_repeating_a_pattern_of_digits_or_a_name_are_rows_not_wrapped_lines() -> None:
    lines = [
        _line(146, ("检查人员", 67, 112), ("执法证号", 160, 206), ("所属单位", 302, 348)),
        _line(172, ("陈浩", 66, 93), ("42058100318", 161, 228), ("宜都市交通运输局", 303, 377)),
        _line(198, ("黎晓东", 67, 102), ("42058100342", 161, 227), ("宜都市交通运输局", 304, 377)),
    ]
    ordered, _ = reading_order(lines)
    assert [line.text for line in ordered] == [
        "检查人员",
        "陈浩",
        "黎晓东",
        "执法证号",
        "42058100318",
        "42058100342",
        "所属单位",
        "宜都市交通运输局",
        "宜都市交通运输局",
    ]


def test_the_next_cells_field_name_and_number_are_no_signature() -> None:
    doc = doc_from_lines(
        [
            "审核意见：经审核，本案事实清楚，证据确实充分，同意承办机构的处理意见。",
            "法制审核人员 \u3000\u3000\u3000 法律职业资格证号 A20202130403058",
            "法制机构负责人 审核日期 2024-09-20",
        ],
        DocumentType.LEGAL_REVIEW,
    )
    slots = [(s.label, s.role, s.filled) for s in find_signatures(DocText.of(doc))]
    assert slots == [  # (the opinion row is signed under 法制审核人员)
        ("法制审核人员", Role.REVIEWER, False),
        ("负责人", Role.APPROVER, False),
    ]


def test_a_box_over_two_cells_is_cut_under_a_header_whose_field_name_wraps() -> None:
    text = "吴利市监罚【2026元商贸有限公司"
    chars = tuple(190.0 + 21 * k for k in range(10)) + tuple(420.0 + 12 * k for k in range(7))
    lines = [
        _line(
            286, ("送达文书", 224, 311), ("受送达人", 404, 490), ("送达时间", 559, 646), ("送达方", 685, 752)
        ),
        _line(300, ("式", 705, 735)),
        _line(347, ("行政处罚决定书", 180, 323), ("吴忠市利通区鑫", 369, 507), ("2026年5月15", 540, 660)),
        OcrLine(
            parts=[
                OcrBox(text, (183, 376, 508, 403), 0.96, chars),
                OcrBox("日15时40分", (540, 374, 645, 402), 1.0),
            ]
        ),
    ]
    ordered, _ = reading_order(lines)
    assert [line.text for line in ordered] == [
        "送达文书",
        "行政处罚决定书",  # narrower than the line under it: no full line of its cell
        "吴利市监罚【2026",
        "受送达人",
        "吴忠市利通区鑫元商贸有限公司",
        "送达时间",
        "2026年5月15日15时40分",
        "送达方式",
    ]
