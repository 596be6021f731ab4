from __future__ import annotations

from pathlib import Path

import pytest

from casefile_eval.model import BlockKind, ImageKind
from casefile_eval.parsers import parse_path

from .builders import build_docx


@pytest.fixture(scope="module")
def parsed(tmp_path_factory: pytest.TempPathFactory):
    path = build_docx(tmp_path_factory.mktemp("docx") / "决定书.docx")
    [pf] = parse_path(path, ocr=False)
    return pf


def test_blocks_in_document_order(parsed) -> None:
    got = [(b.kind, b.text, b.page, b.table, b.row, b.col) for b in parsed.blocks]
    assert got == [
        (BlockKind.HEADER, "某某市市场监督管理局", None, None, None, None),
        (BlockKind.PARAGRAPH, "行政处罚决定书", 1, None, None, None),
        (BlockKind.PARAGRAPH, "市监罚〔2024〕12号", 1, None, None, None),
        (BlockKind.TEXTBOX, "（印章）", 1, None, None, None),  # once: the mc:Fallback copy is skipped
        (BlockKind.CELL, "当事人\n张三", 1, 0, 0, 0),  # merged over two grid columns, read once
        (BlockKind.CELL, "统一社会信用代码", 1, 0, 0, 2),
        (BlockKind.CELL, "住所", 1, 0, 1, 0),
        (BlockKind.CELL, "", 1, 0, 1, 1),
        (BlockKind.CELL, "", 1, 0, 1, 2),
        (BlockKind.CELL, "甲", 1, 1, 0, 0),  # the nested table follows the cell holding it
        (BlockKind.CELL, "乙", 1, 1, 0, 1),
        (BlockKind.PARAGRAPH, "第一页末尾", 1, None, None, None),
        (BlockKind.PARAGRAPH, "第二页开头", 2, None, None, None),
        (BlockKind.PARAGRAPH, "落款：", 2, None, None, None),
        (BlockKind.PARAGRAPH, "第三页", 3, None, None, None),  # after a next-page section break
        (BlockKind.FOOTER, "第 1 页", None, None, None, None),
    ]
    assert {b.source for b in parsed.blocks} == {"决定书.docx"}


def test_pages_and_format(parsed) -> None:
    assert parsed.format == "docx"
    assert [(p.number, p.width, p.height, p.needs_ocr) for p in parsed.pages] == [
        (1, 612.0, 792.0, False),
        (2, 612.0, 792.0, False),
        (3, 612.0, 792.0, False),
    ]
    assert len(parsed.sha256) == 64


def test_inline_seal_image(parsed) -> None:
    [img] = parsed.images
    assert img.kind == ImageKind.SEAL
    assert img.confidence >= 0.8
    assert (img.width, img.height, img.page, img.block_index) == (120.0, 120.0, 2, 13)
    assert parsed.blocks[img.block_index].text == "落款："


def test_rendered_break_after_explicit_break_counts_once(tmp_path: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.oxml import parse_xml

    doc = Document()
    doc.add_paragraph("一").add_run().add_break(WD_BREAK.PAGE)
    p = doc.add_paragraph()
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    p._p.append(parse_xml(f"<w:r {ns}><w:lastRenderedPageBreak/><w:t>二</w:t></w:r>"))
    p2 = doc.add_paragraph()
    p2._p.append(parse_xml(f"<w:r {ns}><w:t>二续</w:t><w:lastRenderedPageBreak/><w:t>三</w:t></w:r>"))
    doc.add_paragraph("三续")
    path = tmp_path / "breaks.docx"
    doc.save(path)
    [pf] = parse_path(path, ocr=False)
    assert [(b.text, b.page) for b in pf.blocks] == [("一", 1), ("二", 2), ("二续三", 2), ("三续", 3)]
    assert [p.number for p in pf.pages] == [1, 2, 3]


def test_page_break_before_off_is_ignored(tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.add_paragraph("甲")
    doc.add_paragraph("乙").paragraph_format.page_break_before = False
    doc.add_paragraph("丙").paragraph_format.page_break_before = True
    path = tmp_path / "pbb.docx"
    doc.save(path)
    [pf] = parse_path(path, ocr=False)
    assert [(b.text, b.page) for b in pf.blocks] == [("甲", 1), ("乙", 1), ("丙", 2)]


def test_page_number_fields_in_a_footer_are_not_read_as_text(tmp_path: Path) -> None:
    """A footer "第{PAGE}页（共{NUMPAGES}页）" is one part shown on every page: the numbers Word cached in it
    are stale (here 1 of 1 on a two-page record) and would end the document after its first page."""
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.oxml import parse_xml

    doc = Document()
    doc.add_paragraph("询问笔录").add_run().add_break(WD_BREAK.PAGE)
    doc.add_paragraph("问：还有补充吗？")
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def field(instr: str, cached: str) -> list[str]:
        return [
            f'<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>',
            f'<w:r {ns}><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>',
            f'<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>',
            f"<w:r {ns}><w:t>{cached}</w:t></w:r>",
            f'<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>',
        ]

    footer = doc.sections[0].footer.paragraphs[0]
    for xml in [
        f"<w:r {ns}><w:t>第</w:t></w:r>",
        *field("PAGE", "1"),
        f"<w:r {ns}><w:t>页（共</w:t></w:r>",
        f'<w:fldSimple {ns} w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>',
        f"<w:r {ns}><w:t>页）</w:t></w:r>",
        *field("DATE", "2024年5月6日"),
    ]:
        footer._p.append(parse_xml(xml))
    path = tmp_path / "fields.docx"
    doc.save(path)
    [pf] = parse_path(path, ocr=False)
    assert [(b.kind, b.text) for b in pf.blocks if b.kind is BlockKind.FOOTER] == [
        (BlockKind.FOOTER, "第页（共页）2024年5月6日")
    ]
