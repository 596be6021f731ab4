"""Dates written by hand in an electronic file's pictures are read by OCR into their line's text: the second
picture on a signing line, a picture after a date label, or one alone after a signing caption (a date
alone there is no signature picture); a name alone is left as it was; a second run reads from the cache."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import numpy as np
import pytest
from docx.shared import Pt
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from casefile_eval.ocr import engine as ocr_engine
from casefile_eval.ocr import handwriting
from casefile_eval.ocr.engine import Quad, RawBox, ocr_available
from casefile_eval.ocr.page import OcrBox
from casefile_eval.parsers import parse_file

UKAI = Path("/usr/share/fonts/truetype/arphic/ukai.ttc")
HEI = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
needs_fonts = pytest.mark.skipif(not (UKAI.exists() and HEI.exists()), reason="CJK fonts not installed")
needs_ocr = pytest.mark.skipif(not ocr_available(), reason="RapidOCR not installed")


def _ink(text: str) -> Image.Image:
    """Handwriting: `text` in AR PL UKai, dark blue on transparent, cropped to its ink."""
    font = ImageFont.truetype(str(UKAI), 64)
    image = Image.new("RGBA", (64 * len(text) + 40, 100), (255, 255, 255, 0))
    ImageDraw.Draw(image).text((20, 10), text, font=font, fill=(20, 30, 90, 255))
    box = image.getbbox()
    return image.crop(box) if box else image


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _pdf(path: Path, lines: list[tuple[str, list[str]]]) -> Path:
    """A one-page text PDF: each line's words, then its pictures of handwriting to the right."""
    pdfmetrics.registerFont(TTFont("Hei", str(HEI), subfontIndex=0))
    page = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    y = A4[1] - 80
    for words, inks in lines:
        page.setFont("Hei", 12)
        page.drawString(70, y, words)
        x = 260.0
        for text in inks:
            ink = _ink(text)
            width = 18 * ink.width / ink.height
            page.drawImage(ImageReader(ink), x, y - 4, width=width, height=18, mask="auto")
            x += width + 24
        y -= 40
    page.save()
    return path


@needs_fonts
@needs_ocr
def test_the_second_picture_on_a_signing_line_is_read_as_its_date(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "a.pdf",
        [("立案审批表", []), ("负责人意见 同意立案。", []), ("签名：", ["张伟", "2019.7.3"])],
    )
    texts = [b.text for b in parse_file(path, "a.pdf").blocks]
    assert texts == ["立案审批表", "负责人意见 同意立案。", "签名： 2019.7.3"]


@needs_fonts
@needs_ocr
def test_a_picture_after_a_date_label_is_read_and_a_name_alone_is_not(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "b.pdf",
        [("送达回证", []), ("受送达人签名：", ["李红"]), ("签收日期：", ["2023年5月6日"])],
    )
    texts = [b.text for b in parse_file(path, "b.pdf").blocks]
    assert texts == ["送达回证", "受送达人签名：", "签收日期： 2023年5月6日"]


@needs_fonts
@needs_ocr
def test_a_date_alone_after_a_signing_caption_is_read_and_signs_nothing(tmp_path: Path) -> None:
    """holdout47 h47-04: the head dated the 立案审批表 by hand after 签名： and did not sign; the date's
    picture is read into the line and is no signature picture. A name alone after 签名： stays a picture."""
    path = _pdf(
        tmp_path / "c.pdf",
        [("分局负责人意见 同意立案。", []), ("签名：", ["2020.5.26"]), ("承办人：", ["潘晓军"])],
    )
    parsed = parse_file(path, "c.pdf")
    assert [b.text for b in parsed.blocks] == ["分局负责人意见 同意立案。", "签名： 2020.5.26", "承办人："]
    assert [p.block_index for p in parsed.images] == [2]


@needs_fonts
@needs_ocr
def test_two_officers_names_written_in_one_picture_are_kept_as_its_reading(tmp_path: Path) -> None:
    """holdout48 h48-08: both officers signed in one picture after 执法人员签名 (read as one line, no gap);
    the read is no date, so the picture stays a signature and keeps what was read."""
    path = _pdf(tmp_path / "d.pdf", [("现场检查笔录", []), ("执法人员签名：", ["陈德兴林秀琴"])])
    parsed = parse_file(path, "d.pdf")
    assert [b.text for b in parsed.blocks] == ["现场检查笔录", "执法人员签名："]
    assert [(p.block_index, p.reading) for p in parsed.images] == [(1, "陈德兴林秀琴")]


@needs_fonts
@needs_ocr
def test_a_docx_pictures_date_is_read_from_its_package(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("结案审批表")
    signing = document.add_paragraph("签名：")
    for text in ("王芳", "2021.11.15"):
        signing.add_run().add_picture(io.BytesIO(_png(_ink(text))), height=Pt(18))
    path = tmp_path / "c.docx"
    document.save(str(path))
    texts = [b.text for b in parse_file(path, "c.docx").blocks]
    assert texts == ["结案审批表", "签名： 2021.11.15"]


@needs_fonts
@needs_ocr
def test_a_docx_picture_under_a_date_columns_head_is_read(tmp_path: Path) -> None:
    # 审批环节及意见 | 签名 | 日期 over a row of an opinion, the head's name and the date, both by hand
    document = docx.Document()
    document.add_paragraph("结案报告")
    table = document.add_table(rows=2, cols=3)
    for cell, head in zip(table.rows[0].cells, ("审批环节及意见", "签名", "日期"), strict=True):
        cell.text = head
    table.rows[1].cells[0].text = "机关负责人：同意结案。"
    for cell, text in zip(table.rows[1].cells[1:], ("王芳", "2025/5/9"), strict=True):
        cell.paragraphs[0].add_run().add_picture(io.BytesIO(_png(_ink(text))), height=Pt(18))
    path = tmp_path / "g.docx"
    document.save(str(path))
    texts = [b.text for b in parse_file(path, "g.docx").blocks]
    assert texts == ["结案报告", "审批环节及意见", "机关负责人：同意结案。", "签名", "", "日期", "2025/5/9"]


class _CountingEngine:
    """Reads every crop as a fixed date and counts the crops it was given."""

    def __init__(self) -> None:
        self.crops = 0

    def read_crops(self, quads: list[Quad], crops: list[np.ndarray]) -> list[RawBox]:
        self.crops += len(crops)
        return [RawBox(quad, "2019.7.3", 0.95, scores=(0.95,) * 8) for quad in quads]


@needs_fonts
def test_a_second_run_reads_the_dates_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _pdf(tmp_path / "d.pdf", [("行政处罚决定审批表", []), ("签名：", ["张伟", "2019.7.3"])])
    fake = _CountingEngine()
    monkeypatch.setattr(handwriting, "get_engine", lambda: fake)
    monkeypatch.setattr(handwriting, "ocr_available", lambda: True)
    monkeypatch.setattr(ocr_engine, "_engine", None)
    first = [b.text for b in parse_file(path, "d.pdf").blocks]
    second = [b.text for b in parse_file(path, "d.pdf").blocks]
    assert (first, second, fake.crops) == (["行政处罚决定审批表", "签名： 2019.7.3"],) * 2 + (1,)


@pytest.mark.parametrize(
    ("read", "closed"),
    [
        ("2024. 8. 12", "2024.8.12"),  # gaps around the separators
        ("202 4.10. 15", "2024.10.15"),  # the year written in two strokes
        ("2024 9.20", "2024.9.20"),  # a separator lost
        ("2024. 10 15", "2024.10.15"),
        ("2021.10.1 1", "2021.10.11"),  # the day written in two strokes
        ("2023年5月6日", "2023年5月6日"),
        ("2024.812", "2024.812"),  # no telling 8.12 from 81.2: left unread
    ],
)
def test_a_handwritten_dates_gaps_are_closed_up(read: str, closed: str) -> None:
    assert handwriting._closed_up(read) == closed


def test_a_read_with_a_stroke_left_over_is_no_date() -> None:
    assert [handwriting._whole_date(t) for t in ("2024.8.12", "2024.8.12 张", "2024.812")] == [
        True,
        False,
        False,
    ]


@pytest.mark.parametrize(
    ("read", "scores", "date"),
    [
        # 2025/5/9 with both slashes written upright: the two doubtful 1s are its separators
        ("20251519", (0.97, 0.99, 0.99, 0.99, 0.78, 0.99, 0.61, 0.97), "2025/5/9"),
        ("2025/519", (0.99, 1.0, 1.0, 1.0, 0.76, 1.0, 0.8, 0.99), "2025/5/9"),
        ("2025.10119", (0.99,) * 7 + (0.7, 0.99, 0.99), "2025.10.19"),  # the doubtful 1 after 10 is a dot
        ("2025/5119", (0.99,) * 6 + (0.7, 0.7, 0.99), "2025/5/19"),  # only one of two makes a date
        # 1/19 or 11/9: more than one choice makes a date, or none does
        ("2025/1119", (0.99,) * 5 + (0.7, 0.7, 0.7, 0.99), None),
        ("20251519", (0.99,) * 8, None),  # every 1 read surely: no separator there
        ("2025151", (0.99,) * 4 + (0.7, 0.99, 0.7), None),
    ],
)
def test_doubtful_ones_are_read_as_the_separators_they_may_be(
    read: str, scores: tuple[float, ...], date: str | None
) -> None:
    box = OcrBox(read, (0.0, 0.0, 100.0, 20.0), 0.9, (), scores)
    assert handwriting._ones_as_separators(box) == date


@needs_fonts
@needs_ocr
def test_a_picture_between_a_date_label_and_the_time_is_read(tmp_path: Path) -> None:
    # a PDF line 签收时间 [date] 10 时 30 分, and a .docx row 签收时间 | [date] 10时30分
    pdfmetrics.registerFont(TTFont("Hei", str(HEI), subfontIndex=0))
    path = tmp_path / "e.pdf"
    page = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    page.setFont("Hei", 12)
    page.drawString(70, 700, "送达回证")
    page.drawString(70, 660, "签收时间")
    ink = _ink("2018.9.20")
    page.drawImage(ImageReader(ink), 150, 656, width=18 * ink.width / ink.height, height=18, mask="auto")
    page.drawString(300, 660, "10 时 30 分")
    page.save()
    document = docx.Document()
    document.add_paragraph("送达回证")
    row = document.add_table(rows=1, cols=2).rows[0]
    row.cells[0].text = "签收时间"
    cell = row.cells[1].paragraphs[0]
    cell.add_run().add_picture(io.BytesIO(_png(_ink("2018.9.20"))), height=Pt(18))
    cell.add_run("10时30分")
    document.save(str(tmp_path / "f.docx"))
    pdf_texts = [b.text for b in parse_file(path, "e.pdf").blocks]
    docx_texts = [b.text for b in parse_file(tmp_path / "f.docx", "f.docx").blocks]
    assert (pdf_texts, docx_texts) == (
        ["送达回证", "签收时间 10 时 30 分 2018.9.20"],
        ["送达回证", "签收时间", "10时30分 2018.9.20"],
    )
