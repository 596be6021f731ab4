"""A 笔录 page's signing rows may run over two lines: 被询问人（签名）：[ink] 日期 询问人：[ink], then
under it 询问人：[ink] 记录人：[ink] (or bracketed captions under the ink: （被询问人签名或盖章） （询问人）,
then （询问人） （记录人）; or the labels stacked, each with its ink under it). The bare labels of the
lines under the signing row are slots on every page, so two officers who both signed are counted as two;
ink standing over a line of captions goes to the caption under it."""

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
from tests.extract.docs import only_document

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def _ink(seed: int) -> ImageReader:
    img = Image.new("RGB", (200, 80), "white")
    points = [(12 + i * 24, 18 + (i * 29 + seed * 13) % 44) for i in range(8)]
    ImageDraw.Draw(img).line(points, fill=(20, 20, 40), width=4)
    out = io.BytesIO()
    img.save(out, "PNG")
    return ImageReader(io.BytesIO(out.getvalue()))


def _after_colons(c: canvas.Canvas, y: float, page: int, second_officer: bool) -> None:
    """被询问人（签名）：[ink] 2024年5月6日 询问人：[ink]; 询问人：[ink] 记录人：[ink] 40 pt under it."""
    c.drawString(72, y, "被询问人（签名）：")
    c.drawImage(_ink(page), 170, y - 4, width=50, height=20)
    c.drawString(230, y, "2024年5月6日")
    c.drawString(330, y, "询问人：")
    c.drawImage(_ink(page + 1), 378, y - 4, width=50, height=20)
    c.drawString(72, y - 40, "询问人：")
    if second_officer:
        c.drawImage(_ink(page + 2), 120, y - 44, width=50, height=20)
    c.drawString(330, y - 40, "记录人：")
    c.drawImage(_ink(page + 3), 378, y - 44, width=50, height=20)


def _captions_under(c: canvas.Canvas, y: float, page: int, second_officer: bool) -> None:
    """Ink over （被询问人签名或盖章） （询问人）, and ink over （询问人） （记录人） 48 pt under it."""
    c.drawImage(_ink(page), 80, y + 12, width=50, height=22)
    c.drawImage(_ink(page + 1), 300, y + 12, width=50, height=22)
    c.drawString(80, y, "（被询问人签名或盖章）")
    c.drawString(300, y, "（询问人）")
    if second_officer:
        c.drawImage(_ink(page + 2), 80, y - 36, width=50, height=22)
    c.drawImage(_ink(page + 3), 300, y - 36, width=50, height=22)
    c.drawString(80, y - 48, "（询问人）")
    c.drawString(300, y - 48, "（记录人）")


def _stacked(c: canvas.Canvas, y: float, page: int, second_officer: bool) -> None:
    """被询问人签名（捺印）, 询问人, 询问人, 记录人 stacked on the right, each with its ink under it."""
    for k, label in enumerate(["被询问人签名（捺印）", "询问人", "询问人", "记录人"]):
        top = y - 45 * k
        c.drawString(400, top, label)
        if k != 2 or second_officer:
            c.drawImage(_ink(page + k), 405, top - 22, width=55, height=20)


def _record(path: Path, style: str, second_officer: tuple[bool, bool]) -> Path:
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    for page in (1, 2):
        c.setFont(FONT, 12)
        if page == 1:
            c.setFont(FONT, 18)
            c.drawString(250, 780, "询问笔录")
            c.setFont(FONT, 12)
            c.drawString(72, 740, "询问时间：2024年5月6日9时至10时")
            c.drawString(72, 720, "询问人：李明（执法证号：A001）、王强（执法证号：A002） 记录人：王强")
            c.drawString(72, 700, "被询问人：张三，男，身份证号码：110101199001011234")
        for i in range(14):
            c.drawString(72, 660 - 18 * i, f"问：第{page}页第{i}问？" if i % 2 == 0 else f"答：第{i}答。")
        draw = {"colons": _after_colons, "captions": _captions_under, "stacked": _stacked}[style]
        draw(c, 380, page * 4, second_officer[page - 1])
        c.drawString(270, 60, f"第{page}页 共2页")
        c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("style", ["colons", "captions", "stacked"])
def test_second_line_of_a_signing_row_holds_the_second_officer(tmp_path: Path, style: str) -> None:
    doc = only_document(_record(tmp_path / "r.pdf", style, (True, False)), DocumentType.INQUIRY_RECORD)
    officers = [
        (s.evidence.page if s.evidence else None, s.filled, s.count)
        for s in doc.facts.signatures
        if s.role is Role.OFFICER
    ]
    assert officers == [(1, True, 1), (1, True, 1), (2, True, 1), (2, False, None)]
    recorders = [
        (s.evidence.page if s.evidence else None, s.filled, s.method)
        for s in doc.facts.signatures
        if s.role is Role.RECORDER and s.evidence and "（" not in s.evidence.text[:1]
    ]
    assert recorders[-2:] == [(1, True, "image"), (2, True, "image")]
