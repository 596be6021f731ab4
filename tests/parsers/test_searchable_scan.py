"""A searchable scan (双层PDF): the scanner's hidden OCR layer is not the page's text; the page is a scan."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from casefile_eval.parsers import parse_path

from .builders import FONT

LAYER = "行政处罚决定书 当事人：某某商贸有限公司 经查，当事人于2023年5月在其经营场所销售过期食品。"


def _scan_png() -> bytes:
    """A page-size grey picture (paper with a dark band where the print is)."""
    img = Image.new("L", (300, 424), 235)
    img.paste(60, (40, 40, 260, 52))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def _build(path: Path, orders: list[str]) -> Path:
    """One page per order: the picture and a line of text, drawn in that order; "invisible" text is set in
    render mode 3, as a scanner's OCR layer is."""
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    for order in orders:
        steps = order.split("_then_")
        for step in steps:
            if step == "picture":
                c.drawImage(ImageReader(io.BytesIO(_scan_png())), 0, 0, width=595, height=842)
                continue
            text = c.beginText(40, 780)
            text.setFont(FONT, 11)
            text.setTextRenderMode(3 if step == "invisible" else 0)
            text.textLine(LAYER)
            c.drawText(text)
        c.showPage()
    c.save()
    return path


def test_hidden_layers_are_read_as_scans(tmp_path: Path) -> None:
    orders = ["picture_then_invisible", "text_then_picture", "picture_then_text"]
    [pf] = parse_path(_build(tmp_path / "searchable.pdf", orders), ocr=False)
    assert [(p.number, p.needs_ocr, p.ocr_reason) for p in pf.pages] == [
        (1, True, "hidden_text"),  # the scanner's invisible layer over its picture
        (2, True, "hidden_text"),  # the layer drawn first and covered by the picture
        (3, False, None),  # a background picture with the text printed over it: the text is the page's
    ]
    assert [(b.page, b.text) for b in pf.blocks] == [(3, LAYER)]
    # the scans' pictures are their pages, not marks on them; page 3's background stays, unknown
    assert [(i.page, i.kind.value) for i in pf.images] == [(3, "unknown")]
