from __future__ import annotations

from pathlib import Path

import pytest

from casefile_eval.model import BlockKind, ImageKind
from casefile_eval.parsers import parse_path
from casefile_eval.parsers.convert import soffice_path


def test_docx_with_table_and_footer_textbox(realworld: Path) -> None:
    [pf] = parse_path(realworld / "tax" / "4060a17dd4a3fa1c78ad.docx", ocr=False)
    texts = [b.text for b in pf.blocks]
    assert texts[:3] == ["国家税务总局河池市税务局第二稽查局", "税务处理决定书", "河市税二稽处〔2026〕12 号"]
    assert [(b.kind, b.table, b.row, b.col, b.text) for b in pf.blocks[13:17]] == [
        (BlockKind.CELL, 0, 0, 0, "增值税电子普通发票开具统计表"),  # merged over the table width: once
        (BlockKind.CELL, 0, 1, 0, "销方：广西苒炙机械设备有限公司（91451202MAK718N46N）"),
        (BlockKind.CELL, 0, 2, 0, "序号"),
        (BlockKind.CELL, 0, 2, 1, "购方名称"),
    ]
    # the footer holds only a PAGE field in a text box: its cached number is no text (one footer part
    # stands on every page), so the 落款 date is the last block
    assert (pf.blocks[-1].kind, pf.blocks[-1].text) == (BlockKind.PARAGRAPH, "二〇二六年八月七日")
    assert not any(b.kind is BlockKind.FOOTER for b in pf.blocks)
    assert [p.number for p in pf.pages] == [1]  # pageBreakBefore w:val="0" is no break


def test_docx_with_image(realworld: Path) -> None:
    [pf] = parse_path(realworld / "tax" / "7b446ef1ecff49132d35.docx", ocr=False)
    [img] = pf.images  # the anchored arrow shape is no image
    assert (img.kind, img.width, img.height, img.name) == (
        ImageKind.PHOTO,  # printed text beside a QR code
        333.75,
        103.5,
        "WXWorklocal_17255226634465",
    )
    assert pf.blocks[img.block_index - 1].text == "二○二六年一月十六日"
    assert (pf.blocks[-1].kind, pf.blocks[-1].text) == (BlockKind.FOOTER, "—  —")  # "— {PAGE} —"


def test_text_pdf(realworld: Path) -> None:
    [pf] = parse_path(realworld / "tax" / "0d5f1a60c7c880da63d7.pdf", ocr=False)
    assert [(p.number, p.needs_ocr, p.printed_number) for p in pf.pages] == [
        (1, False, 1),
        (2, False, 2),
        (3, False, 3),
        (4, False, 4),
    ]
    page1 = [b.text for b in pf.blocks if b.page == 1]
    assert page1[:4] == [
        "国家税务总局二连浩特市税务局稽查局",
        "税务处理决定书",
        "二税稽处〔2025〕1 号",
        "二连市坤益腾金属有限公司（纳税人识别号：152501396433709）：",
    ]
    assert page1[-1] == "第 1 页 共 4 页"  # printed at the bottom: last in reading order
    page4 = [b.text for b in pf.blocks if b.page == 4]
    assert page4[-3:] == ["国家税务总局二连浩特市税务局稽查局", "2025 年 1 月 9 日", "第 4 页 共 4 页"]


def test_text_pdf_tail(realworld: Path) -> None:
    [pf] = parse_path(realworld / "tax" / "87779d6b81bd2cdfd477.pdf", ocr=False)
    assert len(pf.pages) == 6
    assert [b.text for b in pf.blocks[-2:]] == ["税务机关（印章）", "二Ｏ二六年三月九日"]
    assert all(b.page == 6 for b in pf.blocks[-2:])


def test_scanned_pdf_needs_ocr(realworld: Path) -> None:
    [pf] = parse_path(realworld / "tax" / "ae008038812b2e8bf38c.pdf", ocr=False)
    assert [(p.number, p.needs_ocr, p.ocr_reason) for p in pf.pages] == [
        (1, True, "no_text"),
        (2, True, "no_text"),
    ]
    assert (pf.blocks, pf.images) == ([], [])


def test_published_text(realworld: Path) -> None:
    [pf] = parse_path(realworld / "texts" / "doc02.txt", ocr=False)
    assert pf.format == "txt"
    assert all(b.page is None and b.kind == BlockKind.LINE for b in pf.blocks)
    assert any("二○一五年十月二十二日" in b.text for b in pf.blocks)


@pytest.mark.skipif(soffice_path() is None, reason="LibreOffice (soffice) is not installed")
def test_doc_through_libreoffice(realworld: Path) -> None:
    [pf] = parse_path(realworld / "tax" / "15e48052d2422ea42494.doc", ocr=False)
    assert (pf.source, pf.format) == ("15e48052d2422ea42494.doc", "doc")
    assert [b.text for b in pf.blocks[:3]] == [
        "国家税务总局南宁市税务局第一稽查局",
        "税务处理决定书",
        "南市税一稽处〔2026〕2号",
    ]
