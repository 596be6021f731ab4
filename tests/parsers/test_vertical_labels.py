"""Field names written one character a line down a narrow column are put back together."""

from __future__ import annotations

from casefile_eval.model import BBox, Block, BlockKind
from casefile_eval.parsers.vertical_labels import join_vertical_labels


def _lines(rows: list[tuple[str, float, float]]) -> list[Block]:
    """LINE blocks (text, x0, top), 10 pt high."""
    return [
        Block(
            kind=BlockKind.LINE,
            text=text,
            source="a.pdf",
            page=1,
            bbox=BBox(x0=x0, top=top, x1=x0 + 200, bottom=top + 10),
        )
        for text, x0, top in rows
    ]


def test_two_stacked_vertical_labels_each_head_their_cell() -> None:
    blocks = _lines(
        [
            ("立案审批表", 200, 40),
            ("承 符合立案条件，建议立案查处。", 80, 100),
            ("办", 80, 114),
            ("人 签名：　日期：2021年8月2日", 80, 128),
            ("意", 80, 142),
            ("见", 80, 156),
            ("负 同意立案。", 80, 190),
            ("责", 80, 204),
            ("人 签名：　日期：2021年8月2日", 80, 218),
            ("意", 80, 232),
            ("见", 80, 246),
        ]
    )
    assert [b.text for b in join_vertical_labels(blocks)] == [
        "立案审批表",
        "承办人意见 符合立案条件，建议立案查处。",
        "",
        "签名：　日期：2021年8月2日",
        "",
        "",
        "负责人意见 同意立案。",
        "",
        "签名：　日期：2021年8月2日",
        "",
        "",
    ]


def test_lines_that_merely_start_with_a_numeral_stay_as_they_are() -> None:
    blocks = _lines([("一 违法事实清楚", 80, 100), ("二 证据确凿", 80, 114), ("三 程序合法", 80, 128)])
    assert join_vertical_labels(blocks) == blocks


def test_stacked_cells_of_one_label_column_are_cut_at_their_edges() -> None:
    """案/由, 当/事/人, 违/法/事/实 down one column at a pitch of 15 pt, each cell 6 pt further from the
    next: three field names, each on its cell's first line."""
    rows = [("案 丹东江畔置业有限公司未组织竣工验收擅自交付使用案", 80, 100), ("由", 80, 115)]
    rows += [("当", 80, 136), ("事 丹东江畔置业有限公司", 80, 151), ("人", 80, 166)]
    rows += [("违", 80, 187), ("法 当事人开发的江畔花园3号楼未组织竣工验收", 80, 202)]
    rows += [("事", 80, 217), ("实", 80, 232)]
    assert [b.text for b in join_vertical_labels(_lines(rows))] == [
        "案由 丹东江畔置业有限公司未组织竣工验收擅自交付使用案",
        "",
        "当事人",
        "丹东江畔置业有限公司",
        "",
        "违法事实",
        "当事人开发的江畔花园3号楼未组织竣工验收",
        "",
        "",
    ]


def test_a_long_label_beside_a_tall_signing_line_stays_whole() -> None:
    """负/责/人/审/批/意/见 where the line of 人 also holds a signature (the line is taller, its top higher):
    one field name of seven characters."""
    rows = [("负", 80, 100), ("责 同意立案。", 80, 115), ("人", 80, 130), ("审", 80, 145), ("批", 80, 160)]
    blocks = _lines([*rows, ("意 2019 年 4 月 28 日", 80, 175), ("见", 80, 196)])
    blocks[2] = blocks[2].model_copy(
        update={"text": "人 签字： 立军", "bbox": BBox(x0=80, top=122, x1=280, bottom=152)}
    )
    assert [b.text for b in join_vertical_labels(blocks)] == [
        "负责人审批意见",
        "同意立案。",
        "签字： 立军",
        "",
        "",
        "2019 年 4 月 28 日",
        "",
    ]


def test_a_closing_form_of_stacked_cells_whose_last_character_stands_apart() -> None:
    """A 结案审批表 read by OCR: 处/罚/决/定 and 执/行/情/况 among the cells, and the last line's date (a box
    taller than its character, its top higher) leaving the step to the final 见 as wide as a cell's edge:
    the 见 stays with 负责人审批意见, never a cell of its own."""
    rows = [("案 东莞市长安镇恒锐电子商行销售侵犯注册商标专用权商品案", 80, 121), ("由", 80, 136)]
    rows += [("处", 80, 157), ("罚 东市监知罚〔2019〕1086号：没收侵权耳机120副", 80, 172), ("决", 80, 187)]
    rows += [("定", 80, 202), ("执", 80, 223), ("行 当事人已缴纳罚款45,000元。", 80, 238), ("情", 80, 253)]
    rows += [("况", 80, 268), ("负", 80, 289), ("责 同意结案。", 80, 304), ("人", 80, 319), ("审", 80, 334)]
    rows += [("批", 80, 349), ("意 2019年6月14日", 80, 358), ("见", 80, 380)]
    blocks = _lines(rows)
    blocks[15] = blocks[15].model_copy(update={"bbox": BBox(x0=80, top=358, x1=380, bottom=378)})
    assert [b.text for b in join_vertical_labels(blocks)] == [
        "案由 东莞市长安镇恒锐电子商行销售侵犯注册商标专用权商品案",
        "",
        "处罚决定",
        "东市监知罚〔2019〕1086号：没收侵权耳机120副",
        "",
        "",
        "执行情况",
        "当事人已缴纳罚款45,000元。",
        "",
        "",
        "负责人审批意见",
        "同意结案。",
        "",
        "",
        "",
        "2019年6月14日",
        "",
    ]


def test_the_last_two_characters_joined_by_a_tall_line_beside_them_end_the_run() -> None:
    """机/关/负 then "责人 签章：…": the signing text beside 责 and 人, as tall as both, made one line of
    the two."""
    blocks = _lines([("机 同意。", 60, 100), ("关", 60, 112), ("负", 60, 124)])
    tall = Block(
        kind=BlockKind.LINE,
        text="责人 签章： 二〇一九年六月十一日",
        source="a.pdf",
        page=1,
        bbox=BBox(x0=60, top=136, x1=300, bottom=158),
    )
    assert [b.text for b in join_vertical_labels([*blocks, tall])] == [
        "机关负责人 同意。",
        "",
        "",
        "签章： 二〇一九年六月十一日",
    ]


def test_two_characters_on_a_line_of_one_height_are_no_end_of_a_run() -> None:
    blocks = _lines([("机 同意。", 60, 100), ("关", 60, 112), ("负", 60, 124), ("责人 签章：", 60, 136)])
    assert join_vertical_labels(blocks) == blocks


def test_a_label_column_two_characters_wide_gives_its_names_back() -> None:
    """承办/人意/见 and 负责/人审/批 down a column two characters wide beside the opinion cells of a
    结案审批表 (a single character left for the last line, centred); the lines' values stay put."""
    blocks = _lines(
        [
            ("承办 处罚决定已执行完毕，建议结案。", 76, 443),
            ("人意 承办人：", 76, 464),
            ("见 2016.6.20", 82, 482),
            ("负责 同意结案。", 77, 510),
            ("人审 签名：", 76, 531),
            ("批 2016.6.20", 82, 549),
        ]
    )
    assert [b.text for b in join_vertical_labels(blocks)] == [
        "承办人意见 处罚决定已执行完毕，建议结案。",
        "承办人：",
        "2016.6.20",
        "负责人审批 同意结案。",
        "签名：",
        "2016.6.20",
    ]


def test_rows_each_headed_by_a_two_character_field_name_stay_as_they_are() -> None:
    blocks = _lines(
        [("案由 未取得许可擅自经营", 76, 100), ("地址 某市某路1号", 76, 115), ("电话 0371-1234567", 76, 130)]
    )
    assert join_vertical_labels(blocks) == blocks


def test_a_two_wide_label_column_read_by_ocr_with_a_tall_signing_line_and_a_glued_pair() -> None:
    """The same 结案审批表 scanned (holdout32): 人意's line is tall with the signature beside it (no one-wide
    column's last two characters), and OCR read 负责 on with 同意结案。 — the gap in the characters'
    positions tells them apart. A single character ends each name."""
    rows = [
        ("承办 处罚决定已执行完毕，建议结案。", 85, 443, 277, 461),
        ("人意 承办人：郭振华", 85, 454, 332, 486),
        ("见 2016.6.20", 90, 479, 391, 498),
        ("负责同意结案。", 86, 505, 173, 525),
        ("人审 签名：卫建平", 85, 517, 317, 552),
        ("批 2016.6.20", 89, 544, 391, 562),
    ]
    blocks = [
        Block(kind=BlockKind.LINE, text=t, source="a.pdf", page=1, bbox=BBox(x0=a, top=b, x1=c, bottom=d))
        for t, a, b, c, d in rows
    ]
    glued = (92.11, 102.05, 126.77, 136.8, 149.33, 159.36, 169.39)
    blocks[3] = blocks[3].model_copy(update={"char_xs": glued})
    assert [b.text for b in join_vertical_labels(blocks)] == [
        "承办人意见 处罚决定已执行完毕，建议结案。",
        "承办人：郭振华",
        "2016.6.20",
        "负责人审批 同意结案。",
        "签名：卫建平",
        "2016.6.20",
    ]
    # without a gap the pair is the opinion's own first words: the name is not put back
    evenly = (92.11, 102.05, 112.0, 122.0, 132.0, 142.0, 152.0)
    blocks[3] = blocks[3].model_copy(update={"char_xs": evenly})
    assert join_vertical_labels(blocks)[3].text == "负责同意结案。"
