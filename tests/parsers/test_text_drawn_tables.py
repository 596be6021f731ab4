"""A table drawn in text characters (a 办案系统's needle-printer printout: ┌─┬─┐ │ ├─┼─┤): its rules are no
words, a line of rules only is no line, and a cell's │ is a gap between its words."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from casefile_eval.parsers.pdf_parser import parse_pdf

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def test_a_table_drawn_in_text_reads_as_its_cells(tmp_path: Path) -> None:
    path = tmp_path / "review.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont(FONT, 16)
    c.drawString(230, 780, "法制审核意见书")
    c.setFont(FONT, 10)
    rows = [
        "┌────────┬──────────────────────┐",
        "│案由    │经营假兽药案          │",
        "├────────┼──────────────────────┤",
        "│审核人员│龙宏伟                │",
        "└────────┴──────────────────────┘",
    ]
    for k, row in enumerate(rows):
        c.drawString(60, 740 - 14 * k, row)
    c.showPage()
    c.save()
    parsed = parse_pdf(path, path.name, "0" * 64)
    assert [b.text.split() for b in parsed.blocks] == [
        ["法制审核意见书"],
        ["案由", "经营假兽药案"],
        ["审核人员", "龙宏伟"],
    ]
