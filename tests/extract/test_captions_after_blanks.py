"""Signature captions printed in brackets after the blank they name ("＿＿＿（被询问人签名）"): the ink on the
rule LEFT of a caption is that caption's, also where the ink sits beside a date written under the caption
of the row above."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

import casefile_eval
from casefile_eval.codes import DocumentType, Role
from tests.embedded_font import FONT, needs_font
from tests.extract.docs import pen_ink

pytestmark = needs_font

RULE = "＿＿＿＿＿＿＿＿"


def _record(path: Path, party_signs: bool) -> Path:
    """The foot of a 询问笔录 page: two rows of two captions after rules; the party's date written under its
    caption; the second officer's ink beside that date, over the second row's rule."""
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(FONT, 18)
    c.drawCentredString(297, 780, "询问笔录")
    c.setFont(FONT, 11)
    c.drawString(70, 740, "询问时间：2016年5月10日14时30分至15时40分")
    c.drawString(70, 716, "询问人：贾志刚、任晓燕　　记录人：乔丽")
    c.drawString(70, 692, "问：请介绍一下你的身份。")
    c.drawString(70, 668, "答：我叫张富贵，是公司的法定代表人。")
    c.drawString(70, 600, f"{RULE}（被询问人签名）")
    c.drawString(310, 600, f"{RULE}（询问人签名）")
    c.drawString(160, 582, "2016年5月10日")
    c.drawString(70, 560, f"{RULE}（询问人签名）")
    c.drawString(310, 560, f"{RULE}（记录人签名）")
    if party_signs:
        c.drawImage(pen_ink(1), 80, 606, width=52, height=26)
    c.drawImage(pen_ink(2), 318, 606, width=52, height=26)
    c.drawImage(pen_ink(3), 80, 570, width=52, height=22)  # nearest to the date line
    c.drawImage(pen_ink(4), 318, 566, width=52, height=26)
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("party_signs", [True, False])
def test_ink_left_of_a_caption_signs_it(tmp_path: Path, party_signs: bool) -> None:
    (doc,) = [
        d
        for d in casefile_eval.read_case(_record(tmp_path / "record.pdf", party_signs)).documents
        if d.type is DocumentType.INQUIRY_RECORD
    ]
    slots = [(s.label, s.role, s.filled) for s in doc.facts.signatures if s.label.endswith("签名")]
    assert slots == [
        ("被询问人签名", Role.PARTY, party_signs),
        ("询问人签名", Role.OFFICER, True),
        ("询问人签名", Role.OFFICER, True),
        ("记录人签名", Role.RECORDER, True),
    ]
