"""A form whose approval chain runs down the right margin beside wrapped facts, read by OCR: the side
column is read after the facts, the facts' sentences whole; tables and label grids keep their rows."""

from __future__ import annotations

from casefile_eval.ocr.columns import reading_order
from casefile_eval.ocr.page import OcrBox, OcrLine
from casefile_eval.parsers.header_rows import placed
from casefile_eval.parsers.side_column import compose, split_side_column

LEFT, SIDE = 100, 720  # x of the facts column and of the side column (px); the facts end near 700


def line(*parts: tuple[str, float, float]) -> OcrLine:
    """Parts as (text, x0, top); each box is 26 px high, 20 px a character wide."""
    return OcrLine(
        parts=[OcrBox(text, (x0, top, x0 + 20 * len(text), top + 26), 0.95) for text, x0, top in parts]
    )


def _approval_form() -> list[OcrLine]:
    return [
        line(("案件处理审批表", 300, 60)),
        line(("违法事实：当事人于2023年5月在城区主干道两侧擅自设置户外", LEFT, 120), ("审批意见", 800, 120)),
        line(
            ("广告牌三块，影响市容，经执法人员责令限期拆除后逾期仍未拆除，", LEFT, 152),
            ("承办人：同意", SIDE, 152),
        ),
        line(("违反了市容管理规定。", LEFT, 184), ("签名：", SIDE, 184)),
        line(
            ("处理依据：《城市市容和环境卫生管理条例》第三十六条第一款、", LEFT, 216),
            ("2023年6月2日", 860, 216),
        ),
        line(("第三十八条", LEFT, 248)),
        line(("拟处理意见：罚款2000元。", LEFT, 280), ("负责人签名：", SIDE, 280)),
    ]


def test_side_column_is_read_after_the_facts() -> None:
    ordered, where = reading_order(_approval_form())
    assert [x.text for x in ordered] == [
        "案件处理审批表",
        "违法事实：当事人于2023年5月在城区主干道两侧擅自设置户外",
        "广告牌三块，影响市容，经执法人员责令限期拆除后逾期仍未拆除，",
        "违反了市容管理规定。",
        "处理依据：《城市市容和环境卫生管理条例》第三十六条第一款、",
        "第三十八条",
        "拟处理意见：罚款2000元。",
        "审批意见",
        "承办人：同意",
        "签名：",
        "2023年6月2日",
        "负责人签名：",
    ]
    # ink beside 签名： (x 800 on old line 3) goes with that label's new line, ink left of the gutter with the
    # facts' line
    assert placed(where[3], 800) == 9
    assert placed(where[3], 300) == 3
    assert where[5] == [(float("-inf"), 5)]


def _unsplit(lines: list[OcrLine]) -> bool:
    out, where = split_side_column(lines, lambda ln: ln.parts, lambda p: p.box, lambda p: p.text, OcrLine)
    return out == lines and where == [[(float("-inf"), k)] for k in range(len(lines))]


def test_a_table_of_cells_keeps_its_rows() -> None:
    # a 卷内目录: number, title and page of each row stand in cells; nothing wraps
    lines = [line(("序号", 100, 100), ("文件材料名称", 300, 100), ("页号", 800, 100))] + [
        line((str(k), 110, 100 + 30 * k), (title, 200, 100 + 30 * k), (str(k + 2), 810, 100 + 30 * k))
        for k, title in enumerate(["行政处罚决定书正本", "送达回证", "行政处罚事先告知书", "现场检查笔录"], 1)
    ]
    assert _unsplit(lines)


def test_a_grid_of_labels_over_values_keeps_its_rows() -> None:
    # a label above each value, two to a row: a value reaching the gutter goes on in a label, not in prose
    lines = [
        line(("当事人名称", LEFT, 100), ("联系电话", 620, 100)),
        line(("青禾县永安镇顺达汽车修理有限公司", LEFT, 130), ("13900001111", 620, 130)),
        line(("住", LEFT, 170), ("所", 140, 170), ("法定代表人", 620, 170)),
        line(("青禾县永安镇工业园区纬二路十八号", LEFT, 200), ("何立新", 620, 200)),
        line(("违", LEFT, 240), ("法", 140, 240), ("地", 180, 240), ("点", 220, 240)),
    ]
    assert _unsplit(lines)


def test_sentences_ending_at_the_gutter_are_no_wraps() -> None:
    # an evidence list's closing sentence and a signing label under it: the right column is a table's
    lines = [
        line(("证据提供人：青禾县顺达汽车修理有限公司", LEFT, 100), ("提取地点：修理车间", 560, 100)),
        line(("经核对与原件一致，由当事人签字确认。", LEFT, 130), ("数量：3份", 560, 130)),
        line(("证据提供人签字", LEFT, 160), ("页数：5页", 560, 160)),
        line(("以上材料均由当事人提供并核对无误。", LEFT, 190), ("备注：无", 560, 190)),
        line(("执法人员签名", LEFT, 220)),
    ]
    assert _unsplit(lines)


def test_compose_follows_a_line_through_both_reorderings() -> None:
    first = [[(float("-inf"), 0), (500.0, 2)], [(float("-inf"), 1)]]
    second = [[(float("-inf"), 4)], [(float("-inf"), 0), (300.0, 1)], [(float("-inf"), 3), (600.0, 5)]]
    assert compose(first, second) == [
        [(float("-inf"), 4), (500.0, 3), (600.0, 5)],
        [(float("-inf"), 0), (300.0, 1)],
    ]


def test_a_decision_set_in_two_columns_is_read_column_by_column() -> None:
    # a bound archive's decision in two justified newspaper columns (20 characters a line), the gutter in
    # the middle of the page
    right = 540
    left_lines = [
        "经查明：当事人自2021年5月起在",  # a first line indented two characters
        "辽源市龙山区人民大街设置诊室，未取得《",
        "医疗机构执业许可证》即开展诊疗活动。",
        "依据有关规定，本机关决定：处以",
        "罚款100000元。",
    ]
    right_lines = [
        "当事人如不服本处罚决定，可以在收到本",
        "决定书之日起六十日内向辽源市人民政府申",
        "请行政复议；也可以在六个月内直接向辽源",
        "市龙山区人民法院提起行政诉讼。",
        "",
    ]
    lines = [line(("行政处罚决定书", 420, 60))]
    for k, (left_text, right_text) in enumerate(zip(left_lines, right_lines, strict=True)):
        x = LEFT + 40 if k in (0, 3) else LEFT
        parts = [(left_text, x, 120 + 32 * k)] + ([(right_text, right, 120 + 32 * k)] if right_text else [])
        lines.append(line(*parts))
    ordered, _ = reading_order(lines)
    assert [x.text for x in ordered] == ["行政处罚决定书", *left_lines, *right_lines[:4]]
