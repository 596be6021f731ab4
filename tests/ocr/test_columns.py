"""Two-column form rows read by OCR: a centred left label comes before its multi-line value."""

from __future__ import annotations

from casefile_eval.ocr.columns import reading_order
from casefile_eval.ocr.page import OcrBox, OcrLine
from casefile_eval.parsers.header_rows import placed


def line(*parts: tuple[str, float, float]) -> OcrLine:
    """Parts as (text, x0, top); each box is 20 px high, 18 px a character wide."""
    return OcrLine(
        parts=[OcrBox(text, (x0, top, x0 + 18 * len(text), top + 20), 0.95) for text, x0, top in parts]
    )


def test_centred_label_moves_before_the_value_it_stands_beside() -> None:
    lines = [
        line(("当事人", 40, 100), ("某某水泥制品厂", 220, 100)),
        line(("当事人不服本决定的，应当先向某某县人", 220, 140)),
        line(("救济途径和期限", 40, 170), ("民政府申请行政复议；对复议决定不服的，", 220, 170)),
        line(("可以依法提起行政诉讼。", 220, 200)),
        line(("执法人员签名", 40, 240), ("张某 李某", 220, 240)),
    ]
    ordered, where = reading_order(lines)
    assert [x.text for x in ordered] == [
        "当事人 某某水泥制品厂",
        "救济途径和期限",
        "当事人不服本决定的，应当先向某某县人",
        "民政府申请行政复议；对复议决定不服的，",
        "可以依法提起行政诉讼。",
        "执法人员签名 张某 李某",
    ]
    assert [placement[0][1] for placement in where] == [0, 2, 3, 4, 5]


def test_one_line_rows_and_plain_text_stay_as_they_are() -> None:
    lines = [
        line(("送达时间", 40, 100), ("2025年4月18日", 220, 100)),
        line(("送达地点", 40, 140), ("某某县城关镇", 220, 140)),
        line(("经查，当事人于2025年3月在某处堆放建筑垃圾。", 40, 180)),
    ]
    ordered, where = reading_order(lines)
    assert [x.text for x in ordered] == [x.text for x in lines]
    assert where == [[(float("-inf"), 0)], [(float("-inf"), 1)], [(float("-inf"), 2)]]


def test_narrow_gutter_between_label_and_value_still_two_columns() -> None:
    # the label column ends under two characters before the value column starts (1.7 line heights)
    lines = [
        line(("当事人对本决定不服的，应当自收到本决定书之日起先向桐庐县人", 170, 332)),
        line(("救济途径和期限", 10, 349), ("民政府申请行政复议；对行政复议决定不服的，可以", 170, 348)),
        line(("之日起十五日内向桐庐县人民法院提起行政诉讼。", 170, 364)),
    ]
    ordered, _ = reading_order(lines)
    assert [x.text for x in ordered] == [
        "救济途径和期限",
        "当事人对本决定不服的，应当自收到本决定书之日起先向桐庐县人",
        "民政府申请行政复议；对行政复议决定不服的，可以",
        "之日起十五日内向桐庐县人民法院提起行政诉讼。",
    ]


def test_a_prose_line_split_in_two_boxes_stays_one_line() -> None:
    lines = [
        line(("经查，当事人于2025年3月在某处堆放建筑垃圾，", 40, 100)),
        line(("影响市容", 40, 130), ("环境卫生，违反了有关规定。", 130, 130)),
        line(("以上事实有现场检查笔录为证。", 40, 160)),
    ]
    ordered, _ = reading_order(lines)
    assert [x.text for x in ordered] == [x.text for x in lines]


def test_grid_with_field_names_above_values_reads_column_by_column() -> None:
    lines = [
        line(("送达文书名称及文号", 60, 100), ("受送达人", 600, 100)),
        line(("行政处罚决定书", 80, 130), ("成都锦悦餐饮管理有限公司", 520, 130)),
        line(("武市监罚〔2023〕157号", 70, 155)),
        line(("受送达人签收", 90, 200), ("送达人", 520, 200), ("见证人", 800, 200)),
        line(("2023年10月12日", 60, 260), ("/", 820, 258)),
        line(("备注：/", 40, 300)),
    ]
    ordered, where = reading_order(lines)
    assert [x.text for x in ordered] == [
        "送达文书名称及文号",
        "行政处罚决定书",
        "武市监罚〔2023〕157号",
        "受送达人",
        "成都锦悦餐饮管理有限公司",
        "受送达人签收",
        "2023年10月12日",
        "送达人",
        "见证人",
        "/",
        "备注：/",
    ]
    # a mark found beside the signing row's labels goes to the field name of its column
    assert [placed(where[3], x) for x in (100, 500, 560, 830)] == [5, 7, 7, 8]
    assert placed(where[4], 830) == 9
    # on the value line, what stands in the 送达人 column (which holds no text there) is the 送达人 field's
    assert [placed(where[4], x) for x in (70, 560, 830)] == [6, 7, 9]


def test_a_line_of_text_across_the_grid_ends_it() -> None:
    lines = [
        line(("受送达人签收", 90, 200), ("送达人", 520, 200), ("见证人", 800, 200)),
        line(("受送达人拒绝签收的，送达人应当邀请见证人到场，并在备注栏写明", 40, 240)),
    ]
    ordered, _ = reading_order(lines)
    assert [x.text for x in ordered] == [
        "受送达人签收 送达人 见证人",
        "受送达人拒绝签收的，送达人应当邀请见证人到场，并在备注栏写明",
    ]


def test_a_label_and_its_value_side_by_side_are_no_header_row() -> None:
    lines = [
        line(("法定代表人", 60, 100), ("张三", 400, 100)),
        line(("送达地点", 60, 140), ("某某县城关镇", 400, 140)),
    ]
    ordered, _ = reading_order(lines)
    assert [x.text for x in ordered] == ["法定代表人 张三", "送达地点 某某县城关镇"]


def test_a_heading_over_its_indented_opinion_is_no_label_centred_beside_a_value() -> None:
    """Stacked approval paragraphs: "负责人审批意见" over "　同意。", the 签名 and date of the step above on
    the right just over it. The heading stays where it is (the date above is the step above's)."""
    lines = [
        line(("承办人意见", 40, 100)),
        line(("建议按上述意见作出行政处罚决定。", 80, 125)),
        line(("签名：d", 420, 150)),
        line(("2026/9/29", 480, 178)),
        line(("负责人审批意见", 40, 202)),
        line(("同意。", 80, 226)),
        line(("签名：eb", 420, 252)),
        line(("2026/9/29", 480, 278)),
    ]
    ordered, _ = reading_order(lines)
    assert [x.text for x in ordered] == [x.text for x in lines]


def test_a_label_centred_in_its_cell_still_moves_before_the_value_above_it() -> None:
    lines = [
        line(("当事人", 40, 60), ("某某公司", 220, 60)),
        line(("建议立案。", 220, 100)),
        line(("承办人意见", 40, 128)),
        line(("签名：王五 2025-6-6", 220, 150)),
        line(("负责人意见", 40, 200), ("同意。", 220, 200)),
    ]
    ordered, _ = reading_order(lines)
    assert [x.text for x in ordered] == [
        "当事人 某某公司",
        "承办人意见",
        "建议立案。",
        "签名：王五 2025-6-6",
        "负责人意见 同意。",
    ]


def test_labels_beside_their_values_are_no_header_row() -> None:
    """A row "被询问人签字（捺印） [ink] 2019年8月7日 | 记录人 [ink]" over "执法人员签字 [ink]": the second
    row's own label stands under the first label, so the first row is labels beside values, read as it
    stands; the party's date at the foot of its cell stays before the next row's label."""
    lines = [
        line(("被询问人签字（捺印）", 40, 100), ("记录人", 330, 100)),
        line(("2019年8月7日", 230, 140)),
        line(("执法人员签字", 40, 170)),
        line(("（第1页共2页）", 200, 230)),
    ]
    ordered, _ = reading_order(lines)
    assert [x.text for x in ordered] == [x.text for x in lines]


def test_a_receipts_grid_still_reads_its_records_under_the_header() -> None:
    """A row label under the first field name after a record ("备注") does not undo the grid: the records
    are read under the header (the 备注 row, two cells written, is read as a row of the grid too)."""
    lines = [
        line(("送达文书", 40, 100), ("送达时间", 200, 100), ("受送达人签收", 330, 100)),
        line(("行政处罚决定书", 40, 140), ("2024年6月14日", 200, 140), ("向某", 340, 140)),
        line(("备注", 40, 200), ("本人签收。", 200, 200)),
    ]
    ordered, _ = reading_order(lines)
    assert [x.text for x in ordered] == [
        "送达文书",
        "行政处罚决定书",
        "送达时间",
        "2024年6月14日",
        "受送达人签收",
        "向某",
        "送达文书",
        "备注",
        "送达时间",
        "本人签收。",
        "受送达人签收",
    ]


def test_a_field_name_under_the_title_stays_under_it() -> None:
    # a label set small above its value, right under the centred title: the title is no value of its cell
    title = OcrLine(parts=[OcrBox("现场勘验笔录", (520.0, 120.0, 730.0, 162.0), 0.95)])
    lines = [
        title,
        line(("勘验时间", 130, 186)),
        line(("2019年03月14日14时00分至15时10分", 130, 212)),
        line(("勘验地点", 130, 260)),
        line(("榆次区东顺城街66号", 130, 286)),
    ]
    ordered, _ = reading_order(lines)
    assert [x.text for x in ordered] == [x.text for x in lines]
