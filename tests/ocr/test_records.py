"""A scanned 送达回证 listing one document served per row is read record by record (every field name
again before each row's values); an approval form's steps side by side stay one record."""

from __future__ import annotations

from casefile_eval.ocr.columns import reading_order
from casefile_eval.ocr.page import OcrBox, OcrLine

HEADER = [
    ("送达文书名称及文号", 68, 157),
    ("送达时间", 210, 248),
    ("送达方式", 290, 329),
    ("受送达人签收", 352, 410),
]


def _line(top: float, *parts: tuple[str, float, float]) -> OcrLine:
    return OcrLine(parts=[OcrBox(text, (x0, top, x1, top + 10), 0.99) for text, x0, x1 in parts])


def test_rows_of_a_receipt_are_records() -> None:
    lines = [
        _line(188, *HEADER),
        _line(222, ("行政处罚告知书", 68, 137), ("2024年05月27日", 210, 280), ("直接送达", 290, 329)),
        _line(238, ("临市监罚告〔2024〕27号", 69, 169)),
        _line(270, ("行政处罚决定书", 68, 137), ("2024年06月14日", 210, 280), ("直接送达", 290, 329)),
        _line(286, ("临市监处罚〔2024〕27号", 69, 169)),
    ]
    ordered, _ = reading_order(lines)
    assert [line.text for line in ordered] == [
        "送达文书名称及文号",
        "行政处罚告知书",
        "临市监罚告〔2024〕27号",
        "送达时间",
        "2024年05月27日",
        "送达方式",
        "直接送达",
        "受送达人签收",
        "送达文书名称及文号",
        "行政处罚决定书",
        "临市监处罚〔2024〕27号",
        "送达时间",
        "2024年06月14日",
        "送达方式",
        "直接送达",
        "受送达人签收",
    ]


def test_a_wrapped_row_close_below_is_no_new_record() -> None:
    lines = [
        _line(188, *HEADER),
        _line(222, ("《行政处罚事先告知", 68, 146), ("2023-06-19", 210, 255), ("广州市番禺区", 290, 350)),
        _line(234, ("书》番水罚告[2023]", 68, 145), ("时20分", 210, 240), ("直接送达", 290, 329)),
    ]
    ordered, _ = reading_order(lines)
    assert [line.text for line in ordered] == [  # one record, each cell's wrapped lines one value
        "送达文书名称及文号",
        "《行政处罚事先告知书》番水罚告[2023]",
        "送达时间",
        "2023-06-19时20分",
        "送达方式",
        "广州市番禺区直接送达",
        "受送达人签收",
    ]


# h8-08's scanned 送达回证: cells wrap their lines (a pitch of 16), rows start 25 below the line above.
WRAPPING = [
    _line(186, *HEADER),
    _line(220, ("行政处罚听证告知书", 68, 158), ("2023.7.10", 210, 255), ("直接送达", 290, 329)),
    _line(236, ("日体听告（2023）第3号", 68, 166)),
    _line(261, ("听证通知书", 68, 120), ("2023.7.14", 210, 255), ("直接送达", 290, 329)),
    _line(278, ("日体听通（2023）第3号", 68, 166)),
]


def test_rows_closer_than_a_line_height_are_records_where_cells_wrap_closer_still() -> None:
    ordered, _ = reading_order(WRAPPING)
    assert [line.text for line in ordered] == [
        "送达文书名称及文号",
        "行政处罚听证告知书日体听告（2023）第3号",  # a cell's wrapped lines are one value
        "送达时间",
        "2023.7.10",
        "送达方式",
        "直接送达",
        "受送达人签收",
        "送达文书名称及文号",
        "听证通知书",  # not a full line of its cell: the number is a line of its own
        "日体听通（2023）第3号",
        "送达时间",
        "2023.7.14",
        "送达方式",
        "直接送达",
        "受送达人签收",
    ]


def test_each_records_field_names_stand_right_above_it() -> None:
    ordered, _ = reading_order(WRAPPING)
    tops = {(line.text, line.box[1]) for line in ordered if line.text in ("送达时间", "受送达人签收")}
    assert tops == {("送达时间", 186), ("受送达人签收", 186), ("送达时间", 251), ("受送达人签收", 251)}


def test_a_row_of_step_dates_with_a_page_mark_in_it_is_no_record() -> None:
    steps = [("承办人意见", 65, 120), ("执法监察支队意见", 222, 307), ("负责人审批意见", 380, 454)]
    lines = [
        _line(303, *steps),
        _line(329, ("涉嫌违法，建议立案。", 65, 214), ("同意立案调查。", 220, 289), ("同意立案。", 379, 426)),
        _line(386, ("签名：", 63, 209), ("签名：", 219, 309), ("签名：", 377, 468)),
        _line(419, ("p.2 2024.02.07", 8, 216), ("2024.02.07", 319, 373), ("2024.02.08", 476, 531)),
    ]
    ordered, _ = reading_order(lines)
    assert [line.text for line in ordered].count("负责人审批意见") == 1
