"""Text PDFs whose forms put the field names in a row above their values (送达回证 grids), and approval or
signature labels whose ink is written on the line below them: values read under their field names, ink
tied to the slot whose column or label line it stands in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from casefile_eval.codes import DateKind, DocumentType, Role
from tests.extract.docs import only_document, pen_ink

from ..embedded_font import FONT, needs_font

pytestmark = needs_font
LEFT, RIGHT = 70.0, 525.0


def _centred(c: canvas.Canvas, texts: list[str], y: float) -> list[float]:
    """Field names centred in equal columns across the table; the columns' left edges."""
    width = (RIGHT - LEFT) / len(texts)
    for k, text in enumerate(texts):
        c.drawCentredString(LEFT + width * (k + 0.5), y, text)
    return [LEFT + width * k for k in range(len(texts))]


def _receipt(path: Path, recipient_signs: bool) -> Path:
    """A 送达回证 laid out as header grids; the signature row holds ink under 受送达人签收 (if it signs)
    with the date written flush left below, two officers' ink under 送达人, and "/" under 见证人."""
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(FONT, 18)
    c.drawCentredString(297, 780, "送达回证")
    c.setFont(FONT, 11)
    _centred(c, ["送达文书名称及文号", "受送达人"], 740)
    c.drawString(LEFT + 4, 716, "行政处罚决定书 某市监罚〔2024〕12号")
    c.drawString(LEFT + 232, 716, "某某商贸有限公司")
    _centred(c, ["送达地点", "送达时间", "送达方式"], 690)
    c.drawString(LEFT + 4, 666, "某市某区某路8号")
    c.drawString(LEFT + 156, 666, "2024年3月20日10时")
    c.drawString(LEFT + 308, 666, "直接送达")
    cols = _centred(c, ["受送达人签收", "送达人", "见证人"], 640)
    if recipient_signs:
        c.drawImage(pen_ink(1), cols[0] + 4, 600, width=60, height=24)
    c.drawString(cols[0] + 4, 588, "2024年3月20日")
    c.drawImage(pen_ink(2), cols[1] + 40, 610, width=60, height=24)
    c.drawImage(pen_ink(3), cols[1] + 40, 584, width=60, height=24)
    c.drawString(cols[2] + 70, 612, "/")
    c.drawString(LEFT + 4, 556, "备注：无")
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("recipient_signs", [True, False])
def test_a_receipt_grid_is_read_under_its_field_names(tmp_path: Path, recipient_signs: bool) -> None:
    doc = only_document(_receipt(tmp_path / "receipt.pdf", recipient_signs), DocumentType.SERVICE_RECEIPT)
    assert [b.text for b in doc.blocks] == [
        "送达回证",
        "送达文书名称及文号",
        "行政处罚决定书 某市监罚〔2024〕12号",
        "受送达人",
        "某某商贸有限公司",
        "送达地点",
        "某市某区某路8号",
        "送达时间",
        "2024年3月20日10时",
        "送达方式",
        "直接送达",
        "受送达人签收",
        "2024年3月20日",
        "送达人",
        "见证人",
        "/",
        "备注：无",
    ]
    served = [(d.label, d.value) for d in doc.facts.dates if d.kind is DateKind.SERVED]
    assert served == [("送达时间", dt.date(2024, 3, 20)), ("受送达人", dt.date(2024, 3, 20))]
    assert doc.facts.served_document == "行政处罚决定书（某市监罚〔2024〕12号）"
    assert [(s.label, s.role, s.filled) for s in doc.facts.signatures] == [
        ("受送达人签收", Role.RECIPIENT, recipient_signs),
        ("送达人", Role.SERVER, True),
        ("见证人", Role.WITNESS, False),  # "/": no witness was needed (SIG-019 asks only after a refusal)
    ]


def _approval(path: Path, signed: bool) -> Path:
    """A 立案审批表 whose opinion rows read "label  opinion  签名：" with the ink under 签名： and the date
    under the ink."""
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(FONT, 18)
    c.drawCentredString(297, 780, "立案审批表")
    c.setFont(FONT, 11)
    c.drawString(LEFT, 740, "当事人：某某商贸有限公司")
    c.drawString(LEFT, 720, "简要案情：2024年3月1日检查发现该公司销售过期食品，涉嫌违反《食品安全法》。")
    y = 680.0
    for label, opinion, ink in (("承办人意见", "建议立案。", True), ("负责人审批意见", "同意立案。", signed)):
        c.drawString(LEFT, y, label)
        c.drawString(LEFT + 110, y, opinion)
        c.drawString(LEFT + 320, y, "签名：")
        if ink:
            c.drawImage(pen_ink(len(label)), LEFT + 320, y - 34, width=62, height=26)
        c.drawString(LEFT + 320, y - 48, "2024年3月2日")
        y -= 80
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("signed", [True, False])
def test_ink_under_a_sign_here_label_ending_an_opinion_row_signs_it(tmp_path: Path, signed: bool) -> None:
    doc = only_document(_approval(tmp_path / "filing.pdf", signed), DocumentType.FILING_APPROVAL)
    slots = [(s.label, s.role, s.filled, s.method) for s in doc.facts.signatures]
    assert slots == [
        ("承办人意见", Role.OFFICER, True, "image"),
        ("负责人审批意见", Role.APPROVER, signed, "image" if signed else "text"),
    ]


def _review(path: Path, signed: bool) -> Path:
    """A 法制审核意见书 with "法制审核人员" alone on its line, the ink below it and the reviewer's 证号 beside
    the ink."""
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(FONT, 18)
    c.drawCentredString(297, 780, "法制审核意见书")
    c.setFont(FONT, 11)
    c.drawString(LEFT, 740, "送审案件：某某商贸有限公司销售过期食品案")
    c.drawString(LEFT, 720, "审核意见：事实清楚，证据确凿，适用依据正确，程序合法，同意承办机构的处理意见。")
    c.drawString(LEFT, 690, "法制审核人员")
    if signed:
        c.drawImage(pen_ink(5), LEFT + 20, 652, width=60, height=26)
    c.drawString(LEFT + 100, 660, "法律职业资格证号：A20183202101234")
    c.drawString(LEFT + 320, 620, "2024年3月8日")
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("signed", [True, False])
def test_ink_below_a_label_alone_on_its_line_signs_it(tmp_path: Path, signed: bool) -> None:
    doc = only_document(_review(tmp_path / "review.pdf", signed), DocumentType.LEGAL_REVIEW)
    slots = [(s.label, s.role, s.filled, s.method) for s in doc.facts.signatures]
    # the opinion row holds the opinion only: the reviewer signs under the label below it
    assert slots == [("法制审核人员", Role.REVIEWER, signed, "image" if signed else "text")]


def _landscape_receipt(path: Path) -> Path:
    """A landscape 送达回证 of eight narrow columns (gaps under two line heights), values one row below,
    the date wrapped in its cell ("2023年06月08" over "日"), the recipient's ink under 受送达人签收."""
    c = canvas.Canvas(str(path), pagesize=(842, 595))
    c.setFont(FONT, 18)
    c.drawCentredString(421, 520, "送达回证")
    c.setFont(FONT, 10)
    heads = ["送达文书名称", "文号", "送达时间", "送达地点", "送达方式", "受送达人签收", "送达人签字", "备注"]
    xs = [66.0, 180.0, 288.0, 367.0, 481.0, 546.0, 632.0, 725.0]
    for x, text in zip(xs, heads, strict=True):
        c.drawString(x, 450, text)
    values = ["行政处罚事先告知书", "浦城管告字〔2023〕", "2023年06月08", "上海市浦东新区川沙", "直接送达"]
    for x, text in zip(xs[:5], values, strict=True):
        c.drawString(x, 426, text)
    for x, text in zip(xs[1:4], ["第1506号", "日", "路5128弄12号"], strict=True):
        c.drawString(x, 410, text)
    c.drawImage(pen_ink(4), 548, 400, width=56, height=24)
    c.drawImage(pen_ink(5), 634, 400, width=56, height=24)
    c.showPage()
    c.save()
    return path


def test_a_landscape_receipt_grid_of_narrow_columns_is_read_by_words(tmp_path: Path) -> None:
    doc = only_document(_landscape_receipt(tmp_path / "receipt.pdf"), DocumentType.SERVICE_RECEIPT)
    assert [b.text for b in doc.blocks] == [
        "送达回证",
        "送达文书名称",
        "行政处罚事先告知书",
        "文号",
        "浦城管告字〔2023〕第1506号",  # a cell's wrapped lines are one value
        "送达时间",
        "2023年06月08日",
        "送达地点",
        "上海市浦东新区川沙路5128弄12号",
        "送达方式",
        "直接送达",
        "受送达人签收",
        "送达人签字",
        "备注",
    ]
    served = [(d.label, d.value) for d in doc.facts.dates if d.kind is DateKind.SERVED]
    assert served == [("送达时间", dt.date(2023, 6, 8))]
    assert [(s.label, s.role, s.filled) for s in doc.facts.signatures] == [
        ("受送达人签收", Role.RECIPIENT, True),
        ("送达人签字", Role.SERVER, True),
    ]


def _side_by_side_approval(path: Path) -> Path:
    """A 立案审批表 whose three steps stand side by side: field names flush left in their cells, opinions
    under them, a "签名：" row with the ink beside it, and the dates set flush right in each cell."""
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(FONT, 18)
    c.drawCentredString(297, 780, "立案审批表")
    c.setFont(FONT, 10)
    c.drawString(66, 740, "当事人：青海瑞丰物流有限公司")
    steps = [("承办人意见", "建议立案。", "2024.02.07"), ("执法监察支队意见", "同意立案调查。", "2024.02.07")]
    steps.append(("负责人审批意见", "同意立案。", "2024.02.08"))
    for k, (label, opinion, date) in enumerate(steps):
        x = 66.0 + 157 * k
        c.drawString(x, 700, label)
        c.drawString(x, 675, opinion)
        c.drawString(x, 620, "签名：")
        c.drawImage(pen_ink(k), x + 32, 612, width=56, height=22)
        c.drawRightString(x + 150, 598, date)
    c.showPage()
    c.save()
    return path


def test_side_by_side_approval_steps_are_read_column_by_column(tmp_path: Path) -> None:
    doc = only_document(_side_by_side_approval(tmp_path / "filing.pdf"), DocumentType.FILING_APPROVAL)
    assert [b.text for b in doc.blocks][2:] == [
        "承办人意见",
        "建议立案。",
        "签名：",
        "2024.02.07",
        "执法监察支队意见",
        "同意立案调查。",
        "签名：",
        "2024.02.07",
        "负责人审批意见",
        "同意立案。",
        "签名：",
        "2024.02.08",
    ]
    assert [(s.label, s.role, s.filled) for s in doc.facts.signatures] == [
        ("承办人意见", Role.OFFICER, True),
        ("负责人审批意见", Role.APPROVER, True),
    ]
    filed = [d.value for d in doc.facts.dates if d.kind is DateKind.FILED]
    assert filed == [dt.date(2024, 2, 8)]


def _tall_row_receipt(path: Path, recipient_signs: bool) -> Path:
    """A landscape 送达回证 whose header row and record row are tall cells, text centred: the record stands
    about five line heights under the field names, the ink in its cells under 受送达人（签名或盖章） and
    送达人."""
    c = canvas.Canvas(str(path), pagesize=(842, 595))
    c.setFont(FONT, 18)
    c.drawCentredString(421, 520, "送达回证")
    c.setFont(FONT, 9)
    c.drawString(72, 490, "受送达人：某某物流有限公司")
    heads = [
        "送达文书名称及文号",
        "送达地点",
        "送达方式",
        "受送达人（签名或盖章）",
        "送达时间",
        "送达人",
        "备注",
    ]
    xs = [97.0, 250.0, 338.0, 396.0, 533.0, 637.0, 735.0]
    for x, text in zip(xs, heads, strict=True):
        c.drawString(x, 447, text)
    c.drawString(75, 394, "行政处罚决定书　某交执罚〔2023〕108号")
    c.drawString(250, 394, "某市某路56号")
    c.drawString(338, 394, "直接送达")
    c.drawString(520, 394, "2023年10月25日")
    if recipient_signs:
        c.drawImage(pen_ink(6), 400, 380, width=60, height=24)
    c.drawImage(pen_ink(7), 600, 392, width=60, height=24)
    c.drawImage(pen_ink(8), 600, 366, width=60, height=24)
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("recipient_signs", [True, False])
def test_a_record_well_under_a_tall_header_row_is_read_in_its_columns(
    tmp_path: Path, recipient_signs: bool
) -> None:
    path = _tall_row_receipt(tmp_path / "receipt.pdf", recipient_signs)
    doc = only_document(path, DocumentType.SERVICE_RECEIPT)
    served = [(d.label, d.value) for d in doc.facts.dates if d.kind is DateKind.SERVED]
    assert served == [("送达时间", dt.date(2023, 10, 25))]
    assert doc.facts.served_document == "行政处罚决定书（某交执罚〔2023〕108号）"
    assert [(s.label, s.role, s.filled) for s in doc.facts.signatures] == [
        ("受送达人(签名或盖章)", Role.RECIPIENT, recipient_signs),
        ("送达人", Role.SERVER, True),
    ]
