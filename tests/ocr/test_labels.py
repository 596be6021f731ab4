from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from casefile_eval.ocr.engine import char_centres
from casefile_eval.ocr.labels import char_middles, char_spans, labels_in, printed_spans
from casefile_eval.ocr.marks import _blank_wrapped_tail, find_signatures
from casefile_eval.ocr.page import OcrBox, OcrLine, OcrPage

W, H = 1240, 1754
PITCH = 24  # pixels per printed full-width character
INK = (20, 30, 110)


def glyphs(draw: ImageDraw.ImageDraw, x: int, top: int, count: int) -> list[float]:
    """`count` printed full-width character-like squares from x; their centres."""
    return typeset(draw, x, top, "字" * count)


def typeset(draw: ImageDraw.ImageDraw, x: float, top: int, text: str) -> list[float]:
    """Character-like marks for `text` from x (full-width ones a pitch wide, others half); their centres."""
    centres = []
    for char in text:
        width = PITCH if ord(char) > 0x2E80 else PITCH // 2
        draw.rectangle([x + 2, top + 4, x + width - 3, top + 26], outline=(20, 20, 20), width=3)
        centres.append(x + width / 2)
        x += width
    return centres


def scrawl(draw: ImageDraw.ImageDraw, x: int, top: int) -> None:
    """A handwritten-looking zigzag about 90 px wide."""
    points = [(x + 15 * k, top + (2 if k % 2 else 28)) for k in range(7)]
    draw.line(points, fill=INK, width=4)


def row(inked: tuple[bool, bool, bool], with_chars: bool) -> tuple[np.ndarray, list[OcrLine]]:
    """'被询问人签名：[ ] ... 询问人：[ ] 记录人：[ ]' with the second and third label in one OCR box that
    does not hold the handwriting between them (labels start at x 150, 620 and 840)."""
    image = Image.new("RGB", (W, H), (250, 250, 246))
    draw = ImageDraw.Draw(image)
    top = 600
    first = glyphs(draw, 150, top, 7)
    second = glyphs(draw, 620, top, 4)
    third = glyphs(draw, 840, top, 4)  # 120 px of handwriting room after 询问人：
    for on, x in zip(inked, (330, 725, 945), strict=True):
        if on:
            scrawl(draw, x, top)
    box1 = (146.0, top + 0.0, 150.0 + 7 * PITCH + 4, top + 30.0)
    box2 = (616.0, top + 0.0, 840.0 + 4 * PITCH + 110, top + 30.0)  # the box swallowed the last scrawl
    parts = [
        OcrBox("被询问人签名：", box1, 0.98, tuple(first) if with_chars else ()),
        OcrBox("询问人：记录人：", box2, 0.97, tuple(second + third) if with_chars else ()),
    ]
    above = OcrBox("以上笔录我看过，属实。", (146.0, 500.0, 420.0, 536.0), 0.99)
    glyphs(draw, 150, 503, 11)
    return np.asarray(image), [OcrLine([above]), OcrLine(parts)]


def test_each_label_on_a_shared_line_gets_its_own_zone() -> None:
    rgb, lines = row((True, True, True), with_chars=True)
    marks = find_signatures(rgb, lines)
    assert [m.line for m in marks] == [1, 1, 1]
    xs = sorted((m.box[0], m.box[2]) for m in marks)
    # each mark lies in its own zone: after its label, before the next label (at 620 and 840)
    assert xs == [
        pytest.approx((330, 421), abs=4),
        pytest.approx((725, 816), abs=4),
        pytest.approx((945, 1036), abs=4),
    ]


def test_a_blank_slot_between_two_signed_ones_stays_blank() -> None:
    rgb, lines = row((True, False, True), with_chars=True)
    marks = find_signatures(rgb, lines)
    boxes = sorted(m.box[0] for m in marks)
    assert boxes == [pytest.approx(330, abs=4), pytest.approx(945, abs=4)]


def test_without_character_positions_label_extents_are_estimated() -> None:
    image = Image.new("RGB", (W, H), (250, 250, 246))
    draw = ImageDraw.Draw(image)
    glyphs(draw, 150, 600, 7)
    glyphs(draw, 620, 600, 4)
    scrawl(draw, 330, 600)
    scrawl(draw, 735, 600)
    parts = [
        OcrBox("被询问人签名：", (148.0, 600.0, 150.0 + 7 * PITCH + 100, 630.0), 0.98),  # swallowed ink
        OcrBox("记录人：", (618.0, 600.0, 620.0 + 4 * PITCH + 2, 630.0), 0.98),
    ]
    marks = find_signatures(np.asarray(image), [OcrLine(parts)])
    assert [(m.line, round(m.box[0]), round(m.box[2])) for m in marks] == [(0, 328, 423), (0, 733, 828)]


def test_handwriting_read_as_a_digit_before_a_date_is_still_ink() -> None:
    image = Image.new("RGB", (W, H), (250, 250, 246))
    draw = ImageDraw.Draw(image)
    label = glyphs(draw, 150, 600, 3)  # 签名：
    scrawl(draw, 230, 600)
    date = typeset(draw, 340, 600, "2025年04月21日")
    text = "签名：72025年04月21日"
    chars = (*label, 270.0, *date)
    part = OcrBox(text, (146.0, 600.0, date[-1] + PITCH, 630.0), 0.9, chars)
    marks = find_signatures(np.asarray(image), [OcrLine([part])])
    assert len(marks) == 1
    assert marks[0].box[0] == pytest.approx(230, abs=4)
    assert marks[0].box[2] < 340


def test_a_date_after_a_blank_signature_label_is_not_ink() -> None:
    image = Image.new("RGB", (W, H), (250, 250, 246))
    draw = ImageDraw.Draw(image)
    text = "签名：2025年04月21日"
    chars = (*glyphs(draw, 150, 600, 3), *typeset(draw, 300, 600, "2025年04月21日"))
    part = OcrBox(text, (146.0, 600.0, chars[-1] + PITCH, 630.0), 0.9, chars)
    assert find_signatures(np.asarray(image), [OcrLine([part])]) == []


@pytest.mark.parametrize("signed", [False, True])
def test_ink_between_a_role_label_and_a_date_in_chinese_numerals(signed: bool) -> None:
    """负责人审批：同意。批准人：[ink]二〇二六年四月十三日 — one box read over the ink."""
    image = Image.new("RGB", (W, H), (250, 250, 246))
    draw = ImageDraw.Draw(image)
    head = typeset(draw, 150, 600, "负责人审批：同意。批准人：")
    date = typeset(draw, 600, 600, "二〇二六年四月十三日")
    if signed:
        scrawl(draw, 480, 600)
    part = OcrBox(
        "负责人审批：同意。批准人：二O二六年四月十三日", (146.0, 600.0, date[-1] + PITCH, 630.0), 0.97
    )
    part = OcrBox(part.text, part.box, part.confidence, (*head, *date))
    marks = find_signatures(np.asarray(image), [OcrLine([part])])
    assert [(m.line, round(m.box[0]), round(m.box[2])) for m in marks] == ([(0, 478, 573)] if signed else [])


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("被询问人签名： 询问人：记录人：", [(0, 7, False), (8, 12, False), (12, 16, False)]),
        ("询问人：xB记录人：", [(0, 4, False), (6, 10, False)]),
        ("询问人：张三 记录人：李四", []),
        ("当事人（签名）：", [(0, 8, False)]),
        ("负责人审批意见：", [(0, 8, True)]),
        ("负责人审批意见：同意。", [(0, 11, True)]),  # the printed opinion is the label's: signed after it
        ("负责人审批意见同意立案", [(0, 11, True)]),
        ("承办机构负责人意见拟同意立案，由顾立新、孙婷承办", [(0, 24, True)]),
        ("农业局负责人审批同意", [(0, 10, True)]),
        ("负责人意见：张三", []),  # a name printed after the opinion's label: no opinion words
        ("法制审核人员：法律职业资格证号：A20185101070362", [(0, 7, False)]),
        ("被询问人：张明性别：男", []),
        ("送达人", [(0, 3, False)]),
        ("见证人（签名）", [(0, 7, False)]),
        ("负责人签批：", [(0, 6, False)]),
        ("审核人: (法律职业资格证书编号:A20181101****)", [(0, 4, False)]),
        ("负责人审批：同意。批准人：二O二六年四月十三日", [(9, 13, False)]),
        ("审批人：2024年3月11日", [(0, 4, False)]),
        ("调查人：、记录人：", [(0, 4, False), (5, 9, False)]),  # 调查人：[ink]、[ink]  记录人：[ink]
        ("询间人：", [(0, 4, False)]),  # 询问人 misread
        ("负责人A(签字)", [(0, 8, False)]),  # the ink before the signing word read as "A"
        ("：eb)", [(0, 1, False)]),  # 签名：[ink] with the words lost and the ink read as "eb)"
        ("经办人：张三", []),
    ],
)
def test_labels_in_a_box(text: str, labels: list[tuple[int, int, bool]]) -> None:
    assert labels_in(OcrBox(text, (0.0, 0.0, 500.0, 30.0), 0.9)) == labels


def test_character_spans_from_centres_and_estimated() -> None:
    measured = OcrBox("询问人：", (0.0, 0.0, 200.0, 30.0), 0.9, (12.0, 36.0, 60.0, 84.0))
    assert char_spans(measured, 30.0) == [(0.0, 24.0), (24.0, 48.0), (48.0, 72.0), (72.0, 96.0)]
    estimated = OcrBox("签名:A", (10.0, 0.0, 80.0, 30.0), 0.9)
    assert char_spans(estimated, 20.0) == pytest.approx([(10, 27), (27, 44), (44, 52.5), (52.5, 61)])


def test_character_centres_from_recogniser_columns() -> None:
    quad = ((100.0, 0.0), (300.0, 0.0), (300.0, 30.0), (100.0, 30.0))
    info = [40, [["签", "名"], [":"]], [[3, 13], [23]], ["cn", "en&num"], [0.9, 0.9, 0.9]]
    assert char_centres(quad, "签名:", info, turned=False) == (117.5, 167.5, 217.5)
    assert char_centres(quad, "签名:", info, turned=True) == (282.5, 232.5, 182.5)
    assert char_centres(quad, "签名", info, turned=False) == ()
    assert char_centres(quad, "签名:", None, turned=False) == ()


def test_character_positions_survive_the_cache_format() -> None:
    part = OcrBox("签名：", (1.0, 2.0, 3.0, 4.0), 0.9, (1.5, 2.0, 2.5))
    page = OcrPage(10, 20, 0, 0.0, [OcrLine([part])])
    assert OcrPage.from_json(page.to_json()).lines[0].parts == [part]
    old = {
        "width": 10,
        "height": 20,
        "rotation": 0,
        "skew": 0.0,
        "lines": [[["签名：", [1, 2, 3, 4], 0.9]]],
        "marks": [],
    }
    assert OcrPage.from_json(old).lines[0].parts == [OcrBox("签名：", (1.0, 2.0, 3.0, 4.0), 0.9)]


def test_character_middles_follow_the_engines_centres_and_put_a_space_in_the_gap() -> None:
    line = OcrLine(
        parts=[
            OcrBox("记录人：", (100, 10, 200, 40), 0.99, chars=(112.0, 136.0, 160.0, 184.0)),
            OcrBox("孙悦", (400, 5, 470, 45), 0.8),  # no centres: laid out from the box's left edge
        ]
    )
    assert line.text == "记录人： 孙悦"
    assert char_middles(line, 30.0) == (112.0, 136.0, 160.0, 184.0, 300.0, 412.75, 438.25)


@pytest.mark.parametrize("with_chars", [True, False])
def test_ink_swallowed_by_the_box_of_the_date_after_a_label(with_chars: bool) -> None:
    """审核人：  [ink]二〇二三年十二月十二日 — the date's box begins at the ink. With the recogniser's
    character positions only the date's characters are print; without them the whole box is print."""
    image = Image.new("RGB", (W, H), (250, 250, 246))
    draw = ImageDraw.Draw(image)
    label = typeset(draw, 150, 600, "审核人：")
    scrawl(draw, 280, 600)
    date = typeset(draw, 400, 600, "二〇二三年十二月十二日")
    parts = [
        OcrBox("审核人：", (146.0, 600.0, label[-1] + PITCH / 2, 630.0), 0.99, tuple(label)),
        OcrBox(
            "二〇二三年十二月十二日",
            (276.0, 600.0, date[-1] + PITCH / 2, 630.0),
            0.95,
            tuple(date) if with_chars else (),
        ),
    ]
    marks = find_signatures(np.asarray(image), [OcrLine(parts)])
    assert [(m.line, round(m.box[0]), round(m.box[2])) for m in marks] == (
        [(0, 278, 373)] if with_chars else []
    )


@pytest.mark.parametrize("signed", [False, True])
def test_ink_on_the_blank_between_a_role_and_its_bracketed_signing_word(signed: bool) -> None:
    """负责人 [ink] （签字）  日期：2024.12.9 — the engine's box reads "负责人（签字）" over the ink."""
    image = Image.new("RGB", (W, H), (250, 250, 246))
    draw = ImageDraw.Draw(image)
    role = typeset(draw, 150, 600, "负责人")
    sign = typeset(draw, 400, 600, "（签字）")
    date = typeset(draw, 560, 600, "日期：2024.12.9")
    if signed:
        scrawl(draw, 250, 600)
    parts = [
        OcrBox("负责人（签字）", (146.0, 600.0, sign[-1] + PITCH / 2, 630.0), 0.97, (*role, *sign)),
        OcrBox("日期：2024.12.9", (556.0, 600.0, date[-1] + PITCH / 2, 630.0), 1.0, tuple(date)),
    ]
    marks = find_signatures(np.asarray(image), [OcrLine(parts)])
    assert [(m.line, round(m.box[0]), round(m.box[2])) for m in marks] == ([(0, 248, 343)] if signed else [])


@pytest.mark.parametrize("signed", [False, True])
def test_ink_read_as_a_stray_letter_before_the_bracketed_signing_word(signed: bool) -> None:
    """负责人 [ink] （签字） where the engine read the ink as "A" inside the label's box."""
    image = Image.new("RGB", (W, H), (250, 250, 246))
    draw = ImageDraw.Draw(image)
    role = typeset(draw, 150, 600, "负责人")
    sign = typeset(draw, 400, 600, "（签字）")
    if signed:
        scrawl(draw, 250, 600)
    text = "负责人A（签字）" if signed else "负责人（签字）"
    chars = (*role, 300.0, *sign) if signed else (*role, *sign)
    parts = [OcrBox(text, (146.0, 600.0, sign[-1] + PITCH / 2, 630.0), 0.85, chars)]
    marks = find_signatures(np.asarray(image), [OcrLine(parts)])
    assert [(m.line, round(m.box[0]), round(m.box[2])) for m in marks] == ([(0, 248, 343)] if signed else [])


@pytest.mark.parametrize("signed", [False, True])
def test_a_label_whose_words_were_lost_is_signed_after_its_colon(signed: bool) -> None:
    """ "签名：[ink]" read as "：eb)": the colon stands for the label, the ink after it is a signature."""
    image = Image.new("RGB", (W, H), (250, 250, 246))
    draw = ImageDraw.Draw(image)
    colon = typeset(draw, 820, 600, "：")
    if signed:
        scrawl(draw, 860, 600)
    text = "：eb)" if signed else "："
    chars = (*colon, 880.0, 920.0, 950.0) if signed else tuple(colon)
    parts = [OcrBox(text, (816.0, 600.0, 960.0 if signed else 846.0, 630.0), 0.62, chars)]
    marks = find_signatures(np.asarray(image), [OcrLine(parts)])
    assert [(m.line, round(m.box[0]), round(m.box[2])) for m in marks] == ([(0, 858, 953)] if signed else [])


@pytest.mark.parametrize("signed", [False, True])
def test_a_field_printed_after_the_label_in_its_box_ends_the_slot_and_is_print(signed: bool) -> None:
    """ "见证人（签名）：[ink]　身份：村委会工作人员" read as one box: 身份… is print, not the witness's
    ink."""
    image = Image.new("RGB", (W, H), (250, 250, 246))
    draw = ImageDraw.Draw(image)
    label = typeset(draw, 150, 600, "见证人（签名）：")
    field = typeset(draw, 470, 600, "身份：村委会工作人员")
    if signed:
        scrawl(draw, 350, 600)
    text = "见证人（签名）：身份：村委会工作人员"
    parts = [OcrBox(text, (146.0, 600.0, field[-1] + PITCH / 2, 630.0), 0.99, (*label, *field))]
    marks = find_signatures(np.asarray(image), [OcrLine(parts)])
    assert [(m.line, round(m.box[0]), round(m.box[2])) for m in marks] == ([(0, 348, 443)] if signed else [])


def test_ink_in_a_column_headed_for_signing_goes_with_its_row() -> None:
    """环节 | 意见 | 签章/日期 over three steps; the second step's approver did not sign."""
    image = Image.new("RGB", (W, H), (250, 250, 246))
    draw = ImageDraw.Draw(image)
    rows = [("环节", "意见", "签章/日期", 400)]
    rows += [
        (step, opinion, "2022-8-15", top)
        for step, opinion, top in (
            ("承办人意见", "符合立案条件，建议立案调查。", 480),
            ("承办机构意见", "同意立案，由承办人负责调查。", 600),
            ("负责人审批意见", "同意立案，由承办人负责调查。", 720),
        )
    ]
    lines = []
    for step, opinion, right, top in rows:
        parts = []
        for text, x in ((step, 150), (opinion, 420), (right, 930)):
            centres = typeset(draw, x, top, text)
            parts.append(
                OcrBox(text, (x - 4.0, float(top), centres[-1] + PITCH / 2, top + 30.0), 0.99, tuple(centres))
            )
        lines.append(OcrLine(parts))
    for top in (480, 720):
        scrawl(draw, 940, top - 32)  # over the date, in the step's own cell
    marks = find_signatures(np.asarray(image), lines)
    assert [(m.line, round(m.box[0]), round(m.box[2])) for m in marks] == [(1, 938, 1033), (3, 938, 1033)]


@pytest.mark.parametrize("where", ["under", "blank", "next_row"])
def test_a_label_at_the_top_of_a_tall_cell_is_signed_under_it(where: str) -> None:
    """ "被询问人签章：" top left of its cell, "调查人员：" further along the line, the party's ink under the
    label. Ink of the next row's label (its top reaching up into the band) is not the party's."""
    image = Image.new("RGB", (W, H), (250, 250, 246))
    draw = ImageDraw.Draw(image)
    party = typeset(draw, 150, 600, "被询问人签章：")
    officer = typeset(draw, 640, 600, "调查人员：")
    lines = [
        OcrLine(
            [
                OcrBox("被询问人签章：", (146.0, 600.0, party[-1] + PITCH / 2, 630.0), 0.99, tuple(party)),
                OcrBox("调查人员：", (636.0, 600.0, officer[-1] + PITCH / 2, 630.0), 0.99, tuple(officer)),
            ]
        )
    ]
    if where == "under":
        scrawl(draw, 280, 642)
    elif where == "next_row":
        row = typeset(draw, 150, 680, "记录人：")
        lines.append(
            OcrLine([OcrBox("记录人：", (146.0, 680.0, row[-1] + PITCH / 2, 710.0), 0.99, tuple(row))])
        )
        draw.line(
            [(280, 700), (300, 660), (320, 705), (340, 662)], fill=INK, width=4
        )  # tall ink beside 记录人
    marks = find_signatures(np.asarray(image), lines)
    assert [(m.line, round(m.box[0]), round(m.box[2])) for m in marks if m.line == 0] == (
        [(0, 278, 373)] if where == "under" else []
    )


@pytest.mark.parametrize("sealed", [True, False])
def test_the_heading_row_of_a_signing_strip_gives_each_heading_its_column(sealed: bool) -> None:
    """承办人 | 负责人 over a signing strip, in two boxes of one line: the officers signed under 承办人; the
    负责人's column holds a square red 名章 or nothing. A bare 负责人 elsewhere names a person (the party's
    负责人), so only a row of such headings makes it a label."""
    image = Image.new("RGB", (W, H), (250, 250, 246))
    draw = ImageDraw.Draw(image)
    officer = typeset(draw, 360, 590, "承办人")
    head = typeset(draw, 840, 590, "负责人")
    scrawl(draw, 250, 650)
    if sealed:
        draw.rectangle([842, 642, 904, 704], outline=(205, 40, 40), width=4)
        for x, y in ((850, 650), (878, 650), (850, 676), (878, 676)):
            draw.rectangle([x, y, x + 18, y + 20], fill=(205, 40, 40))
    lines = [
        OcrLine(
            [
                OcrBox("承办人", (356.0, 590.0, officer[-1] + PITCH / 2, 620.0), 0.99, tuple(officer)),
                OcrBox("负责人", (836.0, 590.0, head[-1] + PITCH / 2, 620.0), 0.99, tuple(head)),
            ]
        )
    ]
    marks = find_signatures(np.asarray(image), lines)
    expected = [(0, 248, 343)] + ([(0, 842, 905)] if sealed else [])
    assert [(m.line, round(m.box[0]), round(m.box[2])) for m in marks] == expected


def test_handwriting_read_as_unsure_characters_after_a_role_label_leaves_the_label() -> None:
    # a docket's "date, then caption, then ink": the ink read as 号号号 at about 0.4
    text = "2023.11.20审批人：号号号"
    scores = (1.0,) * 14 + (0.44, 0.45, 0.38)
    part = OcrBox(text, (0, 0, 400, 30), 0.9, (), scores)
    assert labels_in(part) == [(10, 14, False)]


def test_a_name_printed_after_a_role_label_is_no_slot() -> None:
    text = "审批人：王立军"
    part = OcrBox(text, (0, 0, 300, 30), 0.98, (), (0.99,) * len(text))
    assert labels_in(part) == []


@pytest.mark.parametrize("comma", ["，", ","])
def test_a_printed_opinion_with_a_comma_beside_its_label_is_print(comma: str) -> None:
    """The printed opinion 负责人意见 同意，按程序办理。 (OCR gives its comma as ","): its seven characters
    are a printed sentence, not ink beside the label."""
    image = Image.new("RGB", (W, H), (250, 250, 246))
    draw = ImageDraw.Draw(image)
    label = typeset(draw, 150, 600, "负责人意见")
    opinion = typeset(draw, 300, 600, f"同意{comma}按程序办理。")
    parts = [
        OcrBox("负责人意见", (146.0, 600.0, label[-1] + PITCH, 630.0), 0.97, tuple(label)),
        OcrBox(f"同意{comma}按程序办理。", (296.0, 600.0, opinion[-1] + PITCH, 630.0), 0.97, tuple(opinion)),
    ]
    assert find_signatures(np.asarray(image), [OcrLine(parts)]) == []


def test_the_word_a_wrapped_label_breaks_after_is_print() -> None:
    """受送达人签名或 / 盖章 wrapped in its cell: 或 ends the first line's box, past the label's words; it is
    print, not ink in the zone beside the label (positions of a 150 dpi scan, holdout31)."""
    chars = (147.9, 169.7, 191.5, 213.3, 235.1, 256.9, 278.7)
    part = OcrBox("受送达人签名或", (137.0, 502.0, 292.0, 528.0), 0.999, chars=chars)
    assert printed_spans(part, 30.0)[-1][1] >= 289.0
    part = OcrBox("受送达人签名张", (137.0, 502.0, 292.0, 528.0), 0.9, chars=chars)  # a name read there
    assert printed_spans(part, 30.0)[-1][1] < 268.0


@pytest.mark.parametrize(("above", "blanked"), [("受送达人签名或盖", True), ("受送达人签名或", False)])
def test_a_labels_last_character_wrapped_onto_the_next_line_is_print(above: str, blanked: bool) -> None:
    """受送达人签名或盖 / 章 （签收） in a narrow label cell (positions of a 150 dpi scan, holdout30): the 章
    opening the second line under a box ending in 盖 is the label's, not ink; a 章 under anything else may be
    handwriting read as 章 (a surname)."""
    ink = np.full((700, 800), 2, dtype=np.uint8)  # inked everywhere: what is blanked shows
    lines = [
        OcrLine([OcrBox(above, (123.0, 492.0, 299.0, 519.0), 1.0)]),
        OcrLine(
            [
                OcrBox("章", (122.0, 528.0, 146.0, 556.0), 1.0),
                OcrBox("（签收）", (348.0, 543.0, 399.0, 569.0), 0.9),
            ]
        ),
    ]
    _blank_wrapped_tail(ink, lines, 1, 26.0)
    assert bool((ink[530:550, 126:142] == 0).all()) is blanked
    assert (ink[530:550, 160:340] == 2).all()  # the blank beside it stays as it was


@pytest.mark.parametrize("label", ["书记员：", "勘验人：", "勘查人员："])
def test_a_hearing_clerk_and_a_surveyor_are_signing_labels(label: str) -> None:
    # h55-05's 听证笔录 (书记员：[ink]) and h55-10's 现场勘验笔录 (勘验人：[ink])
    assert labels_in(OcrBox(label, (0.0, 0.0, 96.0, 30.0), 0.99)) == [(0, len(label), False)]
