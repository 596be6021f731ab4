from __future__ import annotations

from pathlib import Path

import pytest

from casefile_eval.codes import ErrorCode
from casefile_eval.errors import CaseReadError
from casefile_eval.model import BlockKind, ImageKind
from casefile_eval.parsers import parse_path
from casefile_eval.parsers.pdf_lines import Line
from casefile_eval.parsers.pdf_text import ocr_reason, printed_number

from .builders import build_pdf


@pytest.fixture(scope="module")
def parsed(tmp_path_factory: pytest.TempPathFactory):
    [pf] = parse_path(build_pdf(tmp_path_factory.mktemp("pdf") / "case.pdf", blank_page=True), ocr=False)
    return pf


def test_lines_in_reading_order(parsed) -> None:
    assert [(b.page, b.text) for b in parsed.blocks] == [
        (1, "行政处罚决定书"),
        (1, "市监罚〔2024〕12号"),
        (1, "当事人：张三 性别：男"),  # two pieces on one baseline joined, with the gap kept as a space
        (1, "第1页 共2页"),
        (2, "如不服本决定，可以申请行政复议。"),
        (2, "二〇二四年三月五日"),
        (2, "- 2 -"),
    ]
    assert {b.kind for b in parsed.blocks} == {BlockKind.LINE}
    first = parsed.blocks[0].bbox
    assert first is not None
    assert first.x0 == pytest.approx(220, abs=2)
    assert first.bottom == pytest.approx(842 - 780, abs=3)  # origin top-left


def test_pages(parsed) -> None:
    got = [(p.number, p.width, p.height, p.needs_ocr, p.ocr_reason, p.printed_number) for p in parsed.pages]
    assert got == [
        (1, 595.0, 842.0, False, None, 1),
        (2, 595.0, 842.0, False, None, 2),
        (3, 595.0, 842.0, True, "no_text", None),  # a full-page picture: waits for OCR
    ]


def test_seal_image(parsed) -> None:
    [img] = parsed.images  # the page-3 scan is the page itself, not a mark on it
    assert img.kind == ImageKind.SEAL
    assert img.page == 2
    assert img.bbox is not None
    assert (img.bbox.x0, img.bbox.top, img.bbox.x1, img.bbox.bottom) == (380.0, 162.0, 500.0, 282.0)
    assert parsed.blocks[img.block_index].text == "二〇二四年三月五日"


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = build_pdf(tmp_path / "locked.pdf", encrypt="secret")
    with pytest.raises(CaseReadError) as err:
        parse_path(path, ocr=False)
    assert err.value.code == ErrorCode.ENCRYPTED


def test_html_saved_as_pdf(tmp_path: Path) -> None:
    path = tmp_path / "page.pdf"
    path.write_text("<!DOCTYPE html><html><body>404</body></html>", encoding="utf-8")
    with pytest.raises(CaseReadError) as err:
        parse_path(path, ocr=False)
    assert err.value.code == ErrorCode.UNREADABLE


def test_truncated_pdf(tmp_path: Path) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n")
    with pytest.raises(CaseReadError) as err:
        parse_path(path, ocr=False)
    assert err.value.code == ErrorCode.UNREADABLE


def _line(text: str, top: float) -> Line:
    return Line(text, 100.0, top, 200.0, top + 10)


@pytest.mark.parametrize(
    ("text", "top", "expected"),
    [
        ("第 3 页 共 5 页", 800.0, 3),
        ("共8页第8页", 20.0, 8),
        ("— 12 —", 800.0, 12),
        ("-3-", 800.0, 3),
        ("7", 800.0, 7),
        ("4/9", 805.0, 4),
        ("7", 400.0, None),  # a number in the body is not a page number
        ("2024年", 800.0, None),
    ],
)
def test_printed_number(text: str, top: float, expected: int | None) -> None:
    assert printed_number([_line("正文", 300.0), _line(text, top)], 842.0) == expected


@pytest.mark.parametrize(
    ("text", "share", "expected"),
    [
        ("", 0.0, "no_text"),
        ("(cid:123)(cid:456)(cid:789)", 0.0, "cid_glyphs"),
        ("\ue001\ue002\ue003正", 0.0, "unmapped_glyphs"),
        ("ÃÂ¼Ã¦Â³Â¢ÃÂ", 0.0, "unmapped_glyphs"),
        ("附件", 0.9, "sparse_text"),
        ("附件", 0.0, None),
        ("行政处罚决定书", 0.0, None),
    ],
)
def test_ocr_reason(text: str, share: float, expected: str | None) -> None:
    assert ocr_reason([_line(text, 100.0)] if text else [], share) == expected
