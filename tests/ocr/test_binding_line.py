"""A form meant for binding prints 装 … 订 … 线 down its left margin; OCR joins each character to the row
it stands beside ("订 签名" under an approver's opinion, holdout35 through a second scanner). Those words
are no part of the row: dropped, and a line holding nothing else goes, the marks keeping their lines. So
does a word of a seal's ring read on a line of its own between two lines of the text."""

from __future__ import annotations

from casefile_eval.model import Page, ParsedFile
from casefile_eval.ocr.merge import PageResult, merge_pages
from casefile_eval.ocr.page import OcrBox, OcrLine, OcrMark, OcrPage


def _line(top: float, *parts: tuple[str, float, float]) -> OcrLine:
    return OcrLine(parts=[OcrBox(text, (x0, top, x1, top + 25), 0.99) for text, x0, x1 in parts])


def _merged(lines: list[OcrLine], marks: list[OcrMark]) -> tuple[list[str], list[tuple[str, int | None]]]:
    page = OcrPage(width=1241, height=1754, rotation=0, skew=0.0, lines=lines, marks=marks)
    parsed = ParsedFile(
        source="s.pdf", format="pdf", sha256="", pages=[Page(source="s.pdf", number=1, needs_ocr=True)]
    )
    merged = merge_pages(parsed, {1: PageResult(page, 72 / 150)})
    texts = [b.text for b in merged.blocks]
    placed = [(im.kind.value, im.block_index) for im in merged.images]
    return texts, placed


def test_binding_words_in_the_margin_leave_the_rows_they_were_joined_to() -> None:
    lines = [
        _line(734, ("装", 63, 85), ("承办人", 160, 230), ("承伟", 498, 590), ("2017年9月12日", 702, 868)),
        _line(800, ("机关负责人意见", 160, 330), ("同意。", 498, 560)),
        _line(857, ("订", 63, 85), ("签名", 496, 539)),
        _line(905, ("顾建新", 498, 600), ("2017年9月12日", 702, 868)),
        _line(1000, ("线", 63, 85)),
        _line(1100, ("-1-", 600, 640)),
    ]
    ink = OcrMark("signature", (560, 880, 640, 930), 0.9, 3)
    seal = OcrMark("seal", (560, 1050, 700, 1190), 0.9, 5)  # placed by the line after the dropped one
    texts, placed = _merged(lines, [ink, seal])
    assert texts == [
        "承办人 承伟 2017年9月12日",
        "机关负责人意见 同意。",
        "签名",
        "顾建新 2017年9月12日",
        "-1-",
    ]
    assert placed == [("signature", 3), ("seal", 4)]


def test_the_same_characters_in_the_body_are_words() -> None:
    lines = [_line(300, ("线", 400, 425), ("路", 430, 455)), _line(340, ("订", 200, 225))]
    texts, _ = _merged(lines, [])
    assert texts == ["线路", "订"]


def test_a_vertical_strip_in_the_margin_leaves_its_row_which_takes_its_own_place() -> None:
    """A carbon form's `存档联（复写无效需加盖印章）` set vertically down the right margin (holdout42 h42-05):
    OCR joined it to the row beside its middle, which then ranked by the strip's top, before the rows above
    it; without the strip the row is read in its place."""
    strip = OcrBox("存档联（复写无效需加盖印章）", (1135, 420, 1160, 760), 0.9)
    lines = [
        OcrLine(parts=[OcrBox("审核人（签名）：", (140, 560, 330, 585), 0.99), strip]),
        _line(480, ("经审核，本案事实清楚，", 180, 700)),
        _line(520, ("证据确凿，同意。", 140, 420)),
    ]
    ink = OcrMark("signature", (400, 540, 520, 600), 0.9, 0)
    texts, placed = _merged(lines, [ink])
    assert texts == ["经审核，本案事实清楚，", "证据确凿，同意。", "审核人（签名）："]
    assert placed == [("signature", 2)]


def test_a_word_of_a_seals_ring_read_between_two_lines_is_dropped() -> None:
    """国家 of the seal's 国家税务局 read on its own, unsurely, between two lines of the remedy clause it
    overlaps (holdout50 h50-10): it split 申请行政|复议; the 落款's date under the seal stays."""
    ring = OcrLine(parts=[OcrBox("国家", (865, 640, 947, 664), 0.71)])
    first = "如对本决定不服，可以自收到本决定书之日起六十日内依法向邵阳市国家税务局申请行政"
    lines = [
        _line(617, (first, 196, 1093)),
        ring,
        _line(657, ("复议，或者自收到本决定书之日起六个月内依法向人民法院起诉", 151, 796)),
        _line(707, ("新宁县国家税务局", 802, 1008)),
        OcrLine(parts=[OcrBox("一五年九月", (814, 763, 993, 804), 0.72)]),
    ]
    seal = OcrMark("seal", (793, 622, 1007, 836), 0.85, 3)
    texts, placed = _merged(lines, [seal])
    assert texts == [
        first,
        "复议，或者自收到本决定书之日起六个月内依法向人民法院起诉",
        "新宁县国家税务局",
        "一五年九月",
    ]
    assert placed == [("seal", 2)]
