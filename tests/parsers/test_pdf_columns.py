"""Reading order of two-column form tables in text PDFs: a label vertically centred beside a multi-line
value is read before that value, not in the middle of it."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen import canvas

from casefile_eval.parsers import parse_path

from ..embedded_font import FONT, needs_font

pytestmark = needs_font
LABEL_X, VALUE_X, TABLE_RIGHT = 80, 190, 520


def _row(c: canvas.Canvas, label: str, values: list[str], first_baseline: float, pitch: float) -> None:
    """A table row: the value lines from `first_baseline` down, the label centred beside them."""
    for k, value in enumerate(values):
        c.drawString(VALUE_X, first_baseline - k * pitch, value)
    c.drawString(LABEL_X, first_baseline - (len(values) - 1) * pitch / 2, label)


def _rule(c: canvas.Canvas, y: float) -> None:
    c.line(LABEL_X - 8, y, TABLE_RIGHT, y)


def _texts(path: Path) -> list[str]:
    [parsed] = parse_path(path, ocr=False)
    return [b.text for b in parsed.blocks]


def test_centred_labels_come_before_their_values(tmp_path: Path) -> None:
    path = tmp_path / "form.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(FONT, 10.5)
    c.setLineWidth(0.5)
    _rule(c, 716)
    _row(c, "送达时间", ["2025年4月18日"], 700, 16)  # one line: label and value share the baseline
    _rule(c, 690)
    _row(
        c,
        "救济途径和期限",
        [
            "如不服本决定，可以自收到本决定书之日起六十日内向某某县人",
            "民政府申请行政复议，也可以在六个月内依法向某某县人民法院",
            "提起行政诉讼。",
        ],
        672,
        16,
    )  # three lines: the label sits on the middle baseline
    _rule(c, 630)
    _row(c, "负责人意见", ["同意。", "签名：王某 2025年4月10日"], 612, 16)  # two lines: label between them
    _rule(c, 586)
    _row(c, "当事人", ["某某贸易有限公司"], 568, 16)
    _rule(c, 558)
    c.showPage()
    c.save()
    assert _texts(path) == [
        "送达时间 2025年4月18日",
        "救济途径和期限",
        "如不服本决定，可以自收到本决定书之日起六十日内向某某县人",
        "民政府申请行政复议，也可以在六个月内依法向某某县人民法院",
        "提起行政诉讼。",
        "负责人意见",
        "同意。",
        "签名：王某 2025年4月10日",
        "当事人 某某贸易有限公司",
    ]


def test_label_with_five_line_value_and_no_rules(tmp_path: Path) -> None:
    """Without table lines, the wider spacing between rows tells the rows apart."""
    path = tmp_path / "plain.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(FONT, 12)
    _row(c, "案由", ["涉嫌无证经营"], 720, 17)
    _row(c, "违法事实", ["第一行事实", "第二行事实", "第三行事实", "第四行事实", "第五行事实"], 694, 17)
    _row(c, "处罚决定", ["罚款五千元"], 600, 17)
    c.showPage()
    c.save()
    assert _texts(path) == [
        "案由 涉嫌无证经营",
        "违法事实",
        "第一行事实",
        "第二行事实",
        "第三行事实",
        "第四行事实",
        "第五行事实",
        "处罚决定 罚款五千元",
    ]


def test_single_line_row_between_multiline_cells_stays(tmp_path: Path) -> None:
    """Rows packed at the line pitch: the table rules keep a one-line row where it is."""
    path = tmp_path / "packed.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(FONT, 10.5)
    c.setLineWidth(0.5)
    _rule(c, 712)
    _row(c, "违法事实", ["事实第一行", "事实第二行", "事实第三行"], 700, 16)
    _rule(c, 663)
    _row(c, "处罚决定", ["警告"], 652, 16)
    _rule(c, 647)
    _row(c, "救济途径", ["途径第一行", "途径第二行", "途径第三行"], 636, 16)
    _rule(c, 599)
    c.showPage()
    c.save()
    assert _texts(path) == [
        "违法事实",
        "事实第一行",
        "事实第二行",
        "事实第三行",
        "处罚决定 警告",
        "救济途径",
        "途径第一行",
        "途径第二行",
        "途径第三行",
    ]


def test_left_column_paragraph_lines_are_not_labels(tmp_path: Path) -> None:
    """Body text with a hanging indent and a short last line is not a table."""
    path = tmp_path / "body.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(FONT, 12)
    c.drawString(90, 700, "一、当事人应当自收到本决定书之日起十五日内缴纳罚款。")
    c.drawString(114, 684, "逾期不缴纳的，每日按罚款数额的百分之三加处罚款。")
    c.drawString(90, 668, "二、如不服本决定。")
    c.showPage()
    c.save()
    assert _texts(path) == [
        "一、当事人应当自收到本决定书之日起十五日内缴纳罚款。",
        "逾期不缴纳的，每日按罚款数额的百分之三加处罚款。",
        "二、如不服本决定。",
    ]


def test_a_side_column_of_approvals_is_read_after_the_facts(tmp_path: Path) -> None:
    # facts justified to x 343 (26 characters of 10.5 pt), the approval chain down the margin from x 364
    path = tmp_path / "review.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(FONT, 10.5)
    left = [
        "审查内容：主体资格、案件事实、证据材料、法律依据、",
        "自由裁量基准及程序是否合法。",
        "审查意见：经审查，当事人违法事实清楚，证据确实充分，",
        "适用法律正确，程序合法，建议按拟定意见作出处罚决定。",
        "送审部门：执法三中队",
    ]
    right = [
        (400, "审核流程"),
        (364, "审核人签名："),
        (364, "陈某"),
        (420, "2022年9月6日"),
        (364, "备注：无"),
    ]
    for k, text in enumerate(left):
        c.drawString(70, 760 - 16 * k, text)
    for k, (x, text) in enumerate(right):
        c.drawString(x, 760 - 16 * k, text)
    c.showPage()
    c.save()
    assert _texts(path) == left[:4] + [left[4]] + [text for _, text in right]
