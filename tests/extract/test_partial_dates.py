"""Dates read only in part (a digit under a seal, marked □ by the OCR reader): the days they can be, and a
date in a sentence ("本机关于2025年5月12日…立案") is never a document's 落款."""

from __future__ import annotations

import datetime as dt

import pytest

from casefile_eval.codes import DateKind
from casefile_eval.codes import DocumentType as T
from casefile_eval.extract.dates import find_dates
from casefile_eval.extract.dating import date_facts
from casefile_eval.extract.text import DocText
from tests.extract.docs import doc_from_lines

D = dt.date


@pytest.mark.parametrize(
    ("raw", "earliest", "latest"),
    [
        ("二〇二四年八月二十□日", D(2024, 8, 21), D(2024, 8, 29)),
        ("022年10月1□日", D(2022, 10, 10), D(2022, 10, 19)),
        ("2025年12月2□日", D(2025, 12, 20), D(2025, 12, 29)),
        # two Arabic digits are as wide as the one □ OCR put for them
        ("2024年5月□日", D(2024, 5, 1), D(2024, 5, 31)),
        # a seal hid 十 with the digit after it: 二□ is 二十 or 二十一…二十九
        ("二0二三年□二月二□日", D(2023, 12, 20), D(2023, 12, 29)),
        ("二〇二六年二月二十□日", D(2026, 2, 21), D(2026, 2, 28)),
        # the □ set after the place of the lost character
        ("二二二年六月二七□日", D(2022, 6, 27), D(2022, 6, 27)),
        # a month read in part: 十一 or 十二
        ("二〇二三年十□月五日", D(2023, 11, 5), D(2023, 12, 5)),
        # month and day lost: only the year
        ("2025年月14日", D(2025, 1, 14), D(2025, 12, 14)),  # the 14th of some month
        # a day misread past reading (苏 for the numerals under a seal), or past the calendar: its month
        ("二二六年二月苏日", D(2026, 2, 1), D(2026, 2, 28)),
        ("2025年3月85日", D(2025, 3, 1), D(2025, 3, 31)),
        ("二〇二四年四月卅日", D(2024, 4, 1), D(2024, 4, 30)),
        # 〇 read as a full stop, 二 lost, and a character misread inside the day: 十一, 二十一 or 三十一
        ("。二一年十月十如一日", D(2021, 10, 11), D(2021, 10, 31)),
        ("二。二二年三月如五日", D(2022, 3, 5), D(2022, 3, 25)),  # 五, 十五 or 二十五
        # 年 itself doubtful (□): 〇 lost from the year as in 二二二年 above
        ("二二四□九月九日", D(2024, 9, 9), D(2024, 9, 9)),
        # a seal's star over 年, read as a digit: 二〇二〇 with its first 二 lost, 年 read 1; 年 read 4
        ("0二01六月八日", D(2020, 6, 8), D(2020, 6, 8)),
        ("二〇二三4七月四日", D(2023, 7, 4), D(2023, 7, 4)),
    ],
)
def test_a_partly_read_date_spans_the_days_it_can_be(raw: str, earliest: D, latest: D) -> None:
    (match,) = find_dates(raw)
    assert (match.raw, match.value, match.earliest, match.latest) == (raw, None, earliest, latest)


@pytest.mark.parametrize(
    ("raw", "month", "day"),
    [
        ("二二年九月二□七日", 9, 27),  # 二〇二四: 〇 and 四 lost; 十 under the seal
        ("一二二年六月六日", 6, 6),  # which numerals of the year were lost is unknown
        ("二一年七月十四白", 7, 14),  # 白 read for 日
        ("二0二年七月□日", 7, None),  # 二〇二二 or 二〇〇二: the day lost too
        ("一。二三年一月每日", 1, None),  # 二〇二三 with 二 read as 一 and 〇 as a full stop; 二十 as 每
        ("二五□九月八日", 9, 8),  # 二〇二五: 〇 and 二 lost, 年 doubtful
        ("201日年6月22日", 6, 22),  # the year's last digit read as 日 before 年 (a faint dot-matrix 8)
        ("二一年子一月四日", 11, 4),  # 十 of the month read as 子 under a seal's star: 十一
        ("二一年子一月□日", 11, None),
    ],
)
def test_a_year_read_in_part_gives_no_span_but_its_month_and_day(
    raw: str, month: int, day: int | None
) -> None:
    (match,) = find_dates(raw)
    assert (match.raw, match.value, match.earliest, match.latest, match.month, match.day) == (
        raw,
        None,
        None,
        None,
        month,
        day,
    )


def test_an_ordinal_year_in_a_sentence_is_no_date() -> None:
    assert find_dates("自第二年六月三日起") == []


def test_a_line_that_is_only_the_start_of_a_date_is_a_date_read_in_part() -> None:
    assert [(m.raw, m.value, m.earliest, m.latest) for m in find_dates("某局\n2023年8\n")] == [
        ("2023年8", None, D(2023, 1, 1), D(2023, 12, 31))
    ]
    assert [(m.raw, m.earliest, m.month) for m in find_dates("遵义市汇川区教育局\n二〇五年六月")] == [
        ("二〇五年六月", None, 6)
    ]
    assert [(m.raw, m.earliest, m.latest) for m in find_dates("某局\n2023年8月\n")] == [
        ("2023年8月", D(2023, 8, 1), D(2023, 8, 31))
    ]
    assert find_dates("〇五年") == []
    assert find_dates("共2023年8月") == []


def test_a_whole_date_has_no_span() -> None:
    (match,) = find_dates("2024年8月26日")
    assert (match.value, match.earliest, match.latest) == (D(2024, 8, 26), None, None)


def test_a_date_in_a_sentence_is_not_the_luokuan_when_the_real_one_was_lost() -> None:
    doc = doc_from_lines(
        [
            "行政处罚决定书",
            "本机关于2025年5月12日对当事人涉嫌未经审批举办学科类校外培训立",
            "案调查。本机关于2025年6月9日向当事人送达了行政处罚听证告知书",
            "遵义市汇川区教育局",
            "二〇五年六月",
        ],
        T.DECISION,
    )
    facts = date_facts(DocText.of(doc))
    assert [(f.kind, f.value) for f in facts] == [
        (DateKind.OTHER, D(2025, 5, 12)),
        (DateKind.OTHER, D(2025, 6, 9)),
        (DateKind.DECIDED, None),  # the 落款, written, read in part (二〇_五: no year)
    ]


def test_a_partly_read_luokuan_keeps_its_span() -> None:
    doc = doc_from_lines(["行政处罚决定书", "某某市某某局", "二〇二四年八月二十□日"], T.DECISION)
    (fact,) = date_facts(DocText.of(doc))
    assert (fact.kind, fact.value, fact.label, fact.earliest, fact.latest) == (
        DateKind.DECIDED,
        None,
        "落款",
        D(2024, 8, 21),
        D(2024, 8, 29),
    )


@pytest.mark.parametrize(
    ("text", "raws"),
    [
        ("负责人（签名）：王强 日期：", ["日期："]),  # a date field left empty at the end of its line
        ("审批日期：＿＿＿", ["审批日期：＿＿＿"]),
        ("日期：2021.9.13", ["2021.9.13"]),  # filled: the date alone
        ("日期：\n2021.9.13", ["日期：", "2021.9.13"]),  # a label cell before its value cell
        ("出生日期：1980年", []),
    ],
)
def test_an_empty_date_field_is_a_blank_date(text: str, raws: list[str]) -> None:
    found = find_dates(text)
    assert [m.raw for m in found] == raws
    assert [m.blank for m in found] == [m.value is None for m in found]


@pytest.mark.parametrize(
    ("raw", "value"),
    [("二〇二四年四□二十三日", D(2024, 4, 23)), ("2024年12□3日", D(2024, 12, 3))],
)
def test_doubt_on_the_month_unit_alone_reads_the_date_and_quotes_it_as_written(raw: str, value: D) -> None:
    # only 月 can stand between a month's number and a day's (a seal's rim across the 落款)
    (found,) = find_dates(f"落款 {raw}")
    assert (found.value, found.raw, found.earliest, found.latest) == (value, raw, None, None)


@pytest.mark.parametrize(
    ("text", "raw", "earliest", "latest", "day"),
    [
        # a seal's star over 年六: the year and the day kept, the month lost
        ("兴义市交通运输局\n0一七每本月十九日", "0一七每本月十九日", D(2017, 1, 19), D(2017, 12, 19), 19),
        # the month misread, 日 lost at the line's end
        ("O二一年次月二十七", "O二一年次月二十七", D(2021, 1, 27), D(2021, 12, 27), 27),
        # nothing of the date read for sure: written, unreadable
        ("一九年天月十临日", "一九年天月十临日", None, None, None),
        # a faint 7 read as a closing bracket; the time after the date stays apart
        ("检查时间：2019年）月9日14时20分至15时30分", "2019年）月9日", D(2019, 1, 9), D(2019, 12, 9), 9),
        # the month lost under a seal's star, 日 lost at the line's end
        ("乌兰浩特市农牧局\n0二三年月二十四", "0二三年月二十四", D(2023, 1, 24), D(2023, 12, 24), 24),
    ],
)
def test_a_date_whose_month_or_year_unit_was_misread_is_written_not_missing(
    text: str, raw: str, earliest: D | None, latest: D | None, day: int | None
) -> None:
    [found] = find_dates(text)
    read = (found.raw, found.value, found.earliest, found.latest, found.day)
    assert read == (raw, None, earliest, latest, day)


def test_words_around_a_month_are_no_misread_date() -> None:
    assert find_dates("三年每月五日到场") == []
    assert find_dates("他今年十月十五日说") == []
    # a year with its month and day left blank is no date read in part
    assert find_dates("二〇二三年月日") == []
    assert find_dates("二〇二三年  月  日") == []


def test_a_day_whose_last_digit_wrapped_in_a_narrow_cell_is_read_whole() -> None:
    # a bank's stamp date in a 缴款书's narrow cell: 2024-04-3 over 0
    [found] = find_dates("缴款日期 收款银行（盖章） 业务专用章　2024-04-3\n0\n景洪市市场监督管理局")
    assert (found.raw, found.value) == ("2024-04-3\n0", D(2024, 4, 30))
    # a digit that makes no day stays apart
    assert [(d.raw, d.value) for d in find_dates("2024-02-3\n5")] == [("2024-02-3", D(2024, 2, 3))]


@pytest.mark.parametrize("raw", ["一九年五月八月", "一九年六月春月"])
def test_a_luokuan_whose_ri_was_read_as_yue_is_written(raw: str) -> None:
    [found] = find_dates(f"格尔木市交通运输局\n{raw}")
    assert (found.raw, found.value) == (raw, None)


@pytest.mark.parametrize(
    ("line", "month", "day"),
    [
        ("一六六月三日", 6, 3),  # 二〇一六年六月三日 with 二〇 and 年 lost under the seal
        ("三一九六月五日", 6, 5),
        ("六月三日", 6, 3),
        ("16年12月3日", 12, 3),  # 年 tells the year's numerals from the month's
        ("12月3日", 12, 3),
        ("四年四月", 4, None),  # 二〇二四年四月十八日: the year's last numeral and the month
    ],
)
def test_a_luokuan_read_without_its_year_keeps_its_month_and_day(
    line: str, month: int, day: int | None
) -> None:
    doc = doc_from_lines(["行政处罚决定书", "阿里地区国土资源局", line], T.DECISION)
    (fact,) = date_facts(DocText.of(doc))
    assert (fact.kind, fact.value, fact.label, fact.raw, fact.earliest) == (
        DateKind.DECIDED,
        None,
        "落款",
        line,
        None,
    )
    assert (fact.month, fact.day) == (month, day)


@pytest.mark.parametrize(
    "line",
    [
        "一六十一月三日",  # 一月 or 十一月: which numerals are the year's is unknown
        "一六六月三十二日",  # no such day
        "于六月三日送达",  # words round it: a date in a sentence, not a 落款
        "四月",  # a month alone, no year before it
        "一六六月",  # ...nor a 年 to tell the year's numerals from the month's
    ],
)
def test_a_line_that_cannot_be_a_yearless_luokuan_gives_no_date(line: str) -> None:
    doc = doc_from_lines(["行政处罚决定书", "阿里地区国土资源局", line], T.DECISION)
    assert date_facts(DocText.of(doc)) == []


@pytest.mark.parametrize(
    ("text", "raw", "earliest", "latest"),
    [
        # a 1-bit 落款 under a dithered seal: the agency's name, a speck read as 7, then 2022年6月13日 without
        # its 月 (and the 1 of its day)
        ("东营72022年3日", "72022年3日", D(2022, 1, 1), D(2022, 12, 31)),
        ("神农2023年41日", "2023年41日", D(2023, 1, 1), D(2023, 12, 31)),
        # 月 read as another character: the month before it is kept, not the day after it (a numeral of
        # it may be lost: 5期1日 for 5月11日)
        ("神农2023年5期1日", "2023年5期1日", D(2023, 5, 1), D(2023, 5, 31)),
    ],
)
def test_a_luokuan_date_whose_month_unit_a_seal_hid_keeps_its_year(
    text: str, raw: str, earliest: D, latest: D
) -> None:
    [found] = find_dates(text)
    assert (found.raw, found.value, found.earliest, found.latest, found.day) == (
        raw,
        None,
        earliest,
        latest,
        None,
    )


def test_a_luokuan_date_whose_month_unit_was_misread_before_a_two_numeral_day_is_read() -> None:
    # a day has two numerals at most: none was lost beside the misread 月
    [found] = find_dates("听证通知书\n2023年4第14日")
    assert (found.raw, found.value) == ("2023年4第14日", D(2023, 4, 14))
    [found] = find_dates("2023年2第31日")  # no such day: the month alone
    assert (found.value, found.earliest, found.latest) == (None, D(2023, 2, 1), D(2023, 2, 28))


def test_words_with_a_year_and_a_day_are_no_date() -> None:
    assert find_dates("于2022年度3日内") == []
    assert find_dates("2023年第5期1日") == []


@pytest.mark.parametrize(
    ("text", "raw", "month", "day"),
    [
        # a short year written by hand (20年6月11日, 20年7月6日, 26年2月12日), read in part
        ("审核人：李文静1年月1日", "1年月1日", None, None),
        ("签名：郝建军2年月6日", "2年月6日", None, None),
        ("审核人：石慧26年2月日", "26年2月日", 2, None),
    ],
)
def test_a_handwritten_date_read_in_part_is_written(
    text: str, raw: str, month: int | None, day: int | None
) -> None:
    [found] = find_dates(text)
    assert (found.raw, found.value, found.blank, found.earliest, found.month, found.day) == (
        raw,
        None,
        False,
        None,
        month,
        day,
    )


def test_a_short_year_with_its_month_and_day_blank_is_a_blank_date() -> None:
    assert [(m.raw, m.blank) for m in find_dates("签名：20年 月 日")] == [("20年 月 日", True)]
    assert find_dates("电话 1 2 3 4 年 5 月 6 日") == []


def test_a_record_time_read_down_to_the_years_last_numeral_is_written_not_missing() -> None:
    # 二〇二六年三月十三日 read 六年□月十□日 on a dotted copy: the doubt marks make it a date read in part
    doc = doc_from_lines(
        ["询问笔录", "询问时间 六年□月十□日：4时03分至15时20分", "询问地点 许昌市农业农村局询问室"],
        T.INQUIRY_RECORD,
    )
    facts = date_facts(DocText.of(doc))
    assert [(f.kind, f.value, f.raw, f.earliest, f.month) for f in facts] == [
        (DateKind.RECORD_START, None, "六年□月十□日", None, None)
    ]
    # without a doubt mark one numeral before 年 is no year: a term, a count of years
    assert find_dates("判处有期徒刑六年三月十日执行") == []


def test_a_luokuan_date_whose_units_a_seal_hid_is_read_whole() -> None:
    # 2022年04月26日 under a seal: 年 and 日 hidden, 月 read as a dash
    assert [(m.raw, m.value) for m in find_dates("新乡市应急管理局\n202204-26\n")] == [
        ("202204-26", D(2022, 4, 26))
    ]
    # not inside a line of other words (a number, an account)
    assert find_dates("编号 202204-26") == []
    assert find_dates("账号 2022041-26") == []


def test_a_dotted_luokuan_date_whose_first_dot_a_seal_hid_is_read_whole() -> None:
    # 2026.2.6 under a seal read as 20262.6 (holdout38 h38-10): the dot left ends the month
    found = find_dates("禹州市交通运输局\n20262.6\n20261.12\n202611.2\n")
    assert [(m.raw, m.value) for m in found] == [
        ("20262.6", D(2026, 2, 6)),
        ("20261.12", D(2026, 1, 12)),
        ("202611.2", D(2026, 11, 2)),
    ]
    assert find_dates("面积 20262.6") == []
    assert find_dates("20262.6平方米") == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("曹晓磊 年月 日", [("年月 日", True)]),  # OCR closed up one gap of the template after a name
        ("签名： 年 月日", [("年 月日", True)]),
        ("年月日", [("年月日", True)]),  # a line of its own
        ("出生年月日：1990年3月5日", [("1990年3月5日", False)]),  # a field's name, no blank
    ],
)
def test_a_template_blank_with_a_gap_closed_by_ocr_is_still_blank(
    text: str, found: list[tuple[str, bool]]
) -> None:
    assert [(d.raw, d.blank) for d in find_dates(text)] == found
