"""Signature slots read from real text PDFs (built with reportlab): several labels on one signature row
with a handwriting image after each, and opinion or receipt cells left without a name."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from casefile_eval.codes import DocumentType, Role
from casefile_eval.model import Document
from tests.extract.docs import only_document

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
ROW = ("被询问人签名：", "询问人：", "记录人：")


def _strokes(seed: int) -> ImageReader:
    """A small PNG of dark pen strokes on white (a handwritten name)."""
    img = Image.new("RGB", (240, 90), "white")
    points = [(15 + i * 30, 20 + (i * 37 + seed * 11) % 50) for i in range(8)]
    ImageDraw.Draw(img).line(points, fill=(15, 15, 25), width=4)
    out = io.BytesIO()
    img.save(out, "PNG")
    return ImageReader(io.BytesIO(out.getvalue()))


def _inquiry(path: Path, one_string: bool) -> Path:
    """Two pages of 询问笔录, each ending with the three-label row and an image right of each label."""
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    for page in (1, 2):
        if page == 1:
            c.setFont(FONT, 18)
            c.drawString(250, 780, "询问笔录")
            c.setFont(FONT, 12)
            c.drawString(72, 740, "询问时间：2024年5月6日9时至10时")
            c.drawString(72, 720, "询问人：李明 王强  记录人：王强")
            c.drawString(72, 700, "被询问人：张三，男，身份证号码：110101199001011234")
        c.setFont(FONT, 12)
        for i in range(24):
            c.drawString(
                72, 650 - 18 * i, ("问：这一问是第{}问？" if i % 2 == 0 else "答：这一答是第{}答。").format(i)
            )
        ends = _row(c, 150, one_string)
        for j, x in enumerate(ends):
            c.drawImage(_strokes(page * 3 + j), x + 4, 144, width=60, height=22)
        c.drawString(270, 60, f"第{page}页 共2页")
        c.showPage()
    c.save()
    return path


def _row(c: canvas.Canvas, y: float, one_string: bool) -> list[float]:
    """Draw the signature row; the x where each label ends."""
    if one_string:
        gap = " " * 16
        text = gap.join(ROW)
        c.drawString(72, y, text)
        return [72 + pdfmetrics.stringWidth(text[: text.index(lab) + len(lab)], FONT, 12) for lab in ROW]
    ends = []
    for x, label in zip((72, 250, 400), ROW, strict=True):
        c.drawString(x, y, label)
        ends.append(x + pdfmetrics.stringWidth(label, FONT, 12))
    return ends


def _form(
    path: Path, title: str, rows: list[tuple[str, list[tuple[str, float]], float]], foot: str = ""
) -> Path:
    """A one-page form: a two-column ruled table, label cell left, value lines right (text, x offset),
    and a line printed below the table."""
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(FONT, 18)
    c.drawString(240, 770, title)
    c.setFont(FONT, 12)
    y = 720.0
    for label, values, height in rows:
        c.rect(60, y - height, 475, height)
        c.line(180, y, 180, y - height)
        c.drawString(66, y - 18, label)
        for n, (text, dx) in enumerate(values):
            c.drawString(186 + dx, y - 18 - 16 * n, text)
        y -= height
    c.drawString(66, y - 40, foot)
    c.showPage()
    c.save()
    return path


def _slots(doc: Document) -> list[tuple[str, Role, int | None, bool | None, str]]:
    return [
        (s.label, s.role, s.evidence.page if s.evidence else None, s.filled, s.method)
        for s in doc.facts.signatures
    ]


@pytest.mark.parametrize("one_string", [True, False])
def test_each_image_on_a_signature_row_fills_the_label_left_of_it(tmp_path: Path, one_string: bool) -> None:
    doc = only_document(_inquiry(tmp_path / "record.pdf", one_string), DocumentType.INQUIRY_RECORD)
    assert doc.title == "询问笔录"
    assert [(im.page, im.kind.value) for im in doc.images] == [(1, "signature")] * 3 + [(2, "signature")] * 3
    # page 1's bare 询问人 is a slot because it stands on the signature row, beside 被询问人签名
    assert _slots(doc) == [
        ("记录人", Role.RECORDER, 1, True, "text"),
        ("被询问人签名", Role.PARTY, 1, True, "image"),
        ("询问人", Role.OFFICER, 1, True, "image"),
        ("记录人", Role.RECORDER, 1, True, "image"),
        ("被询问人签名", Role.PARTY, 2, True, "image"),
        ("询问人", Role.OFFICER, 2, True, "image"),
        ("记录人", Role.RECORDER, 2, True, "image"),
    ]


FILING_HEAD = [
    ("当事人", [("某某超市有限公司", 0)], 30.0),
    ("案情摘要", [("2024年3月1日检查发现销售过期食品。", 0)], 40.0),
    ("承办人意见", [("建议立案。", 0), ("承办人：李强 王芳   2024年3月1日", 100)], 50.0),
]


@pytest.mark.parametrize(
    "opinion",
    [
        [("同意立案。", 0), ("2024年3月2日", 230)],
        [("同意立案。                    2024年3月2日", 0)],
        [("经审查，符合立案条件，同意立案。", 0), ("2024年3月2日", 230)],
    ],
)
def test_opinion_and_date_without_a_name_leave_the_approver_unsigned(
    tmp_path: Path, opinion: list[tuple[str, float]]
) -> None:
    rows = [*FILING_HEAD, ("负责人审批意见", opinion, 60.0), ("备注", [], 30.0)]
    doc = only_document(_form(tmp_path / "filing.pdf", "立案审批表", rows), DocumentType.FILING_APPROVAL)
    approver = [s for s in doc.facts.signatures if s.role is Role.APPROVER]
    assert [(s.label, s.filled, s.signer) for s in approver] == [("负责人审批意见", False, None)]


@pytest.mark.parametrize(
    ("opinion", "signer"),
    [
        ([("同意立案。 赵刚", 0), ("2024年3月2日", 230)], "赵刚"),
        ([("同意。", 0), ("签名：赵刚", 0), ("2024年3月2日", 230)], "赵刚"),
    ],
)
def test_approver_name_beside_or_below_the_opinion_signs(
    tmp_path: Path, opinion: list[tuple[str, float]], signer: str
) -> None:
    rows = [*FILING_HEAD, ("负责人审批意见", opinion, 70.0), ("备注", [], 30.0)]
    doc = only_document(_form(tmp_path / "filing.pdf", "立案审批表", rows), DocumentType.FILING_APPROVAL)
    approver = [s for s in doc.facts.signatures if s.role is Role.APPROVER]
    assert [(s.label, s.filled, s.signer) for s in approver] == [("负责人审批意见", True, signer)]


@pytest.mark.parametrize(
    "value",
    [[], [("年    月    日", 230)], [("2024年3月9日", 230)], [("", 0), ("年    月    日", 230)]],
)
def test_empty_recipient_cell_of_a_receipt_is_unsigned(
    tmp_path: Path, value: list[tuple[str, float]]
) -> None:
    rows = [
        ("送达文书名称", [("行政处罚决定书（某市监罚〔2024〕12号）", 0)], 30.0),
        ("受送达人", [("某某超市有限公司", 0)], 30.0),
        ("送达方式", [("直接送达", 0)], 30.0),
        ("受送达人签名或盖章", value, 60.0),
        ("送达人", [("赵强 钱立", 0)], 30.0),
        ("备注", [], 30.0),
    ]
    doc = only_document(_form(tmp_path / "receipt.pdf", "送达回证", rows), DocumentType.SERVICE_RECEIPT)
    assert [(s.label, s.role, s.filled) for s in doc.facts.signatures] == [
        ("受送达人签名或盖章", Role.RECIPIENT, False),
        ("送达人", Role.SERVER, True),
    ]


@pytest.mark.parametrize("foot", ["说明：本回证由送达人填写后交回存档。", "第1页 共1页"])
def test_line_printed_below_an_empty_last_row_is_not_its_signature(tmp_path: Path, foot: str) -> None:
    rows = [
        ("送达文书名称", [("行政处罚决定书（某市监罚〔2024〕12号）", 0)], 30.0),
        ("送达人", [("赵强 钱立", 0)], 30.0),
        ("受送达人签名或盖章", [], 60.0),
    ]
    doc = only_document(_form(tmp_path / "receipt.pdf", "送达回证", rows, foot), DocumentType.SERVICE_RECEIPT)
    assert [(s.label, s.role, s.filled) for s in doc.facts.signatures] == [
        ("送达人", Role.SERVER, True),
        ("受送达人签名或盖章", Role.RECIPIENT, False),
    ]
