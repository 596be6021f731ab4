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
    assert [line.text for line in ordered] == [
        "送达文书名称及文号",
        "《行政处罚事先告知",
        "书》番水罚告[2023]",
        "送达时间",
        "2023-06-19",
        "时20分",
        "送达方式",
        "广州市番禺区",
        "直接送达",
        "受送达人签收",
    ]
