"""An embedded CJK font for text PDFs whose layout tests depend on glyph boxes.

pdfium measures a non-embedded font's glyphs (reportlab's STSong-Light) in whatever CJK font the machine
has (AR PL UMing, WenQuanYi…), so lines set a fraction of a line height apart touch or not from machine to
machine. Tests of such layouts embed WenQuanYi Micro Hei and are skipped where it is missing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_FILE = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
FONT = "WenQuanYiMicroHei"
needs_font = pytest.mark.skipif(not FONT_FILE.exists(), reason="需要文泉驿微米黑字体 (fonts-wqy-microhei)")
if FONT_FILE.exists():
    pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILE), subfontIndex=0))
