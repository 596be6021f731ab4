"""Text PDFs of pre-printed forms filled in by a printer whose fill-ins carry a white screen image (a dot
screen, a mask): an image without ink is no mark, so a signing label beside a screened date stays blank;
and a row's name in the form's first column ("送达人") with its captions in the value cell ("送达人：[ink]"
twice) is no slot of its own."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from casefile_eval.codes import DocumentType, Role
from casefile_eval.parsers.imageclass import classify_image
from tests.extract.docs import only_document, pen_ink

from ..embedded_font import FONT, needs_font

pytestmark = needs_font
LEFT = 70.0


def _screen() -> Image.Image:
    """A white image with transparent round holes: laid over print, it shows the print as dots."""
    img = Image.new("RGBA", (120, 40), (255, 255, 255, 255))
    draw = ImageDraw.Draw(img)
    for x in range(2, 120, 5):
        for y in range(2, 40, 5):
            draw.ellipse((x, y, x + 2, y + 2), fill=(0, 0, 0, 0))
    return img


def _reader(img: Image.Image) -> ImageReader:
    out = io.BytesIO()
    img.save(out, "PNG")
    return ImageReader(io.BytesIO(out.getvalue()))


def test_an_image_without_ink_is_blank() -> None:
    found = classify_image(_screen(), (60.0, 20.0))
    assert (found.blank, found.kind.value) == (True, "unknown")


@pytest.mark.parametrize("signed", [True, False])
def test_a_screened_date_beside_a_signing_label_is_no_signature(tmp_path: Path, signed: bool) -> None:
    path = tmp_path / "inquiry.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(FONT, 18)
    c.drawCentredString(297, 780, "询问笔录")
    c.setFont(FONT, 11)
    c.drawString(LEFT, 740, "询问时间：2016年3月10日9时至10时")
    c.drawString(LEFT, 720, "问：以上记录请你核对，是否属实？")
    c.drawString(LEFT, 700, "答：以上笔录我看过，和我说的一样。")
    c.drawString(LEFT, 660, "被询问人签名：")
    c.drawString(LEFT + 80, 645, "2016年3月10日")
    c.drawImage(_reader(_screen()), LEFT + 76, 640, width=84, height=28, mask="auto")
    if signed:
        c.drawImage(pen_ink(0), LEFT + 80, 654, width=60, height=22)
    c.showPage()
    c.save()
    doc = only_document(path, DocumentType.INQUIRY_RECORD)
    assert [(s.role, s.label, s.filled) for s in doc.facts.signatures] == [
        (Role.PARTY, "被询问人签名", signed)
    ]


def test_a_rows_name_beside_its_captions_is_no_slot(tmp_path: Path) -> None:
    path = tmp_path / "receipt.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(FONT, 18)
    c.drawCentredString(297, 780, "文书送达回证")
    c.setFont(FONT, 11)
    c.drawString(LEFT, 740, "受送达人")
    c.drawString(LEFT + 120, 740, "定西市安定区鑫源建材经销部")
    c.drawString(LEFT, 715, "送达人")
    c.drawString(LEFT + 120, 700, "送达人：")
    c.drawImage(pen_ink(0), LEFT + 170, 696, width=60, height=22)
    c.drawString(LEFT + 120, 675, "送达人：")  # the second server did not sign
    c.showPage()
    c.save()
    doc = only_document(path, DocumentType.SERVICE_RECEIPT)
    assert [(s.role, s.label, s.filled) for s in doc.facts.signatures] == [
        (Role.SERVER, "送达人", True),
        (Role.SERVER, "送达人", False),
    ]
