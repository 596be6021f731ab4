"""Small inputs built in the tests: docx with python-docx, PDFs with reportlab, seal images with Pillow."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.shared import Pt
from PIL import Image, ImageDraw
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def seal_png(size: int = 160) -> bytes:
    """A red round agency seal with a star, transparent around it."""
    img = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    draw = ImageDraw.Draw(img)
    draw.ellipse((4, 4, size - 4, size - 4), outline=(220, 20, 30, 255), width=size // 16)
    c = size // 2
    draw.polygon(
        [(c, c - 20), (c + 6, c - 4), (c + 20, c - 4), (c + 9, c + 6), (c, c + 20), (c - 9, c + 6)],
        fill=(220, 20, 30, 255),
    )
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def signature_png() -> bytes:
    """Thin dark handwriting-like strokes on white."""
    img = Image.new("RGB", (300, 100), "white")
    draw = ImageDraw.Draw(img)
    draw.line(
        [(20, 70), (60, 20), (90, 75), (130, 25), (170, 70), (210, 30), (260, 60)], fill=(20, 20, 30), width=3
    )
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def photo_png() -> bytes:
    """A colourful scene with no white background."""
    img = Image.new("RGB", (200, 150), (40, 120, 60))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 0, 200, 60), fill=(90, 150, 220))
    draw.ellipse((120, 10, 170, 50), fill=(250, 210, 40))
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def textbox_run_xml(text: str) -> str:
    """A run holding an anchored text box (mc:Choice) and its VML copy (mc:Fallback) with the same text."""
    para = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
    return (
        f'<w:r {_NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" '
        'locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="1270000" cy="381000"/><wp:wrapNone/><wp:docPr id="90" name="文本框 1"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:txbx><w:txbxContent>{para}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f'<mc:Fallback><w:pict><v:shape style="width:100pt;height:30pt"><v:textbox><w:txbxContent>{para}'
        "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def build_docx(path: Path) -> Path:
    """A decision-like docx: header, footer, paragraphs, a merged and a nested table, a text box,
    a page break, a section break and an inline seal image."""
    doc = Document()
    section = doc.sections[0]
    section.header.paragraphs[0].text = "某某市市场监督管理局"
    section.footer.paragraphs[0].text = "第 1 页"
    doc.add_paragraph("行政处罚决定书")
    p = doc.add_paragraph("市监罚〔2024〕12号")
    p._p.append(parse_xml(textbox_run_xml("（印章）")))
    doc.add_paragraph("")
    table = doc.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "当事人"
    merged.add_paragraph("张三")
    table.cell(0, 2).text = "统一社会信用代码"
    table.cell(1, 0).text = "住所"
    inner = table.cell(1, 2).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "甲"
    inner.cell(0, 1).text = "乙"
    doc.add_paragraph("第一页末尾").add_run().add_break(WD_BREAK.PAGE)
    doc.add_paragraph("第二页开头")
    seal_para = doc.add_paragraph("落款：")
    seal_para.add_run().add_picture(io.BytesIO(seal_png()), width=Pt(120))
    doc.add_section()
    doc.add_paragraph("第三页")
    doc.save(path)
    return path


def build_pdf(path: Path, *, blank_page: bool = False, encrypt: str | None = None) -> Path:
    """A two-page text PDF with printed page numbers and a seal image beside the date line."""
    c = canvas.Canvas(str(path), pagesize=(595, 842), encrypt=encrypt)
    c.setFont(FONT, 16)
    c.drawString(220, 780, "行政处罚决定书")
    c.setFont(FONT, 12)
    c.drawString(240, 750, "市监罚〔2024〕12号")
    c.drawString(72, 700, "当事人：张三")
    c.drawString(300, 700, "性别：男")
    c.drawString(270, 40, "第1页 共2页")
    c.showPage()
    c.setFont(FONT, 12)
    c.drawString(72, 700, "如不服本决定，可以申请行政复议。")
    c.drawString(380, 600, "二〇二四年三月五日")
    c.drawImage(ImageReader(io.BytesIO(seal_png())), 380, 560, width=120, height=120, mask="auto")
    c.drawString(290, 40, "- 2 -")
    c.showPage()
    if blank_page:
        c.drawImage(ImageReader(io.BytesIO(photo_png())), 0, 0, width=595, height=842)
        c.showPage()
    c.save()
    return path
