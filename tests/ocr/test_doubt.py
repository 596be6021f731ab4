"""Dates read through a seal's ring: a digit read with a low confidence, or a character dropped where the
ring crosses it, is marked □, and the date is then written but unreadable (never a wrong date).

The positions and scores are those RapidOCR gave on scanned 落款 under red seals (holdout7 scans)."""

from __future__ import annotations

import datetime as dt

from casefile_eval.extract.dates import find_dates
from casefile_eval.ocr.doubt import mark_unreadable
from casefile_eval.ocr.engine import char_scores
from casefile_eval.ocr.page import OcrBox, OcrLine, OcrPage

SEAL = (932.0, 1218.0, 1130.0, 1404.0)
# 二〇二六年二月二十六日 read as 二〇二六年二月二十日: 六 under the seal's ring was dropped.
DROPPED = OcrBox(
    "二〇二六年二月二十日",
    (866.0, 1317.0, 1138.0, 1355.0),
    0.9538,
    (880.0, 902.0, 930.0, 952.0, 974.0, 1002.0, 1024.0, 1052.0, 1074.0, 1124.0),
    (1.0, 0.74, 1.0, 0.95, 1.0, 1.0, 1.0, 1.0, 0.95, 0.87),
)
# 2024年5月8日 read as 2024年5月3日, the 3 with a score of 0.31.
MISREAD = OcrBox(
    "2024年5月3日",
    (902.0, 1376.0, 1109.0, 1408.0),
    0.9209,
    (910.0, 930.0, 955.0, 980.0, 1005.0, 1026.0, 1051.0, 1071.0, 1096.0),
    (1.0, 0.98, 1.0, 1.0, 1.0, 1.0, 1.0, 0.31, 0.98),
)


def _text(part: OcrBox, seals: list[tuple[float, float, float, float]]) -> str:
    return mark_unreadable(OcrLine([part]), seals).text


def test_a_character_dropped_under_a_seal_is_marked_and_the_date_is_unreadable() -> None:
    text = _text(DROPPED, [SEAL])
    assert text == "二〇二六年二月二十□日"
    [date] = find_dates(text)
    assert (date.raw, date.value, date.blank) == ("二〇二六年二月二十□日", None, False)


def test_the_same_gap_away_from_any_seal_is_left_alone() -> None:
    assert _text(DROPPED, []) == "二〇二六年二月二十日"


def test_a_digit_read_with_a_low_score_is_marked() -> None:
    text = _text(MISREAD, [])
    assert text == "2024年5月□日"
    [date] = find_dates(text)
    assert (date.raw, date.value) == ("2024年5月□日", None)


def test_sure_dates_and_other_words_keep_what_was_read() -> None:
    sure = OcrBox("2023年6月28日", (922.0, 1315.0, 1110.0, 1342.0), 0.9857, (), (0.98,) + (1.0,) * 9)
    assert _text(sure, [SEAL]) == "2023年6月28日"
    # a low score outside a date (a name) is no business of this step
    name = OcrBox("当事人：王3", (0.0, 0.0, 200.0, 30.0), 0.8, (), (1.0, 1.0, 1.0, 1.0, 0.2))
    assert _text(name, []) == "当事人：王3"


def test_a_date_spaced_out_under_a_seal_is_not_taken_for_dropped_characters() -> None:
    # 落款 二〇二五年 三 月 五 日 with the spaces lost: four gaps twice the pitch, none a dropped character
    chars = (*(10.0 + 25 * k for k in range(12)), 335.0, 385.0, 435.0, 485.0)
    spaced = OcrBox("市场监督管理局二〇二五年三月五日", (0.0, 0.0, 500.0, 30.0), 0.95, chars)
    assert _text(spaced, [(0.0, -50.0, 500.0, 80.0)]) == "市场监督管理局二〇二五年三月五日"


def test_char_scores_come_from_rapidocr_word_info() -> None:
    info = [40, [["2"], ["0"]], [[3], [9]], ["en&num", "en&num"], [0.99, 0.31]]
    assert char_scores("20", info) == (0.99, 0.31)
    assert char_scores("202", info) == ()
    assert char_scores("20", None) == ()


def test_scores_survive_the_cache_and_old_entries_still_load() -> None:
    page = OcrPage(1240, 1754, 0, 0.0, [OcrLine([MISREAD])])
    again = OcrPage.from_json(page.to_json())
    assert again.lines[0].parts[0] == MISREAD
    old = page.to_json()
    old["lines"][0][0] = old["lines"][0][0][:4]
    assert OcrPage.from_json(old).lines[0].parts[0].scores == ()


def test_a_digit_under_a_seals_star_read_fairly_surely_is_marked() -> None:
    # 2022年3月1日 under a seal's star read as 2022年5月1日, the 5 at 0.54 (holdout29 scans): under a seal a
    # digit needs SEAL_LOW_SCORE (0.6); away from any seal the same read stands
    star = OcrBox(
        "2022年5月1日",
        (849.0, 790.0, 1013.0, 825.0),
        0.94,
        (858.0, 873.0, 888.0, 903.0, 921.0, 941.0, 958.0, 976.0, 996.0),
        (0.99, 1.0, 1.0, 1.0, 1.0, 0.54, 1.0, 1.0, 0.99),
    )
    assert _text(star, [(830.0, 690.0, 1060.0, 900.0)]) == "2022年□月1日"
    assert _text(star, []) == "2022年5月1日"


# 2021年09月10日 under a seal's star (holdout37 scans), read as 2021年0月10日: the 9 under the star dropped
ARABIC_DROPPED = OcrBox(
    "2021年0月10日",
    (895.0, 462.0, 1070.0, 490.0),
    0.96,
    (915.0, 928.0, 941.0, 954.0, 967.0, 984.0, 1010.0, 1028.0, 1041.0, 1058.0),
    (0.76, 0.97, 1.0, 0.99, 1.0, 1.0, 0.99, 0.88, 1.0, 0.98),
)
ARABIC_SEAL = (882.0, 348.0, 1102.0, 570.0)


def test_a_digit_dropped_beside_the_month_under_a_seal_is_marked() -> None:
    text = _text(ARABIC_DROPPED, [ARABIC_SEAL])
    assert text == "2021年0□月10日"
    [date] = find_dates(text)
    assert (date.value, date.earliest, date.latest) == (None, dt.date(2021, 1, 10), dt.date(2021, 9, 10))
    assert _text(ARABIC_DROPPED, []) == "2021年0月10日"


def test_an_arabic_date_read_whole_under_a_seal_keeps_what_was_read() -> None:
    # 2024年5月8日 (MISREAD's positions): the steps beside 年, 月 and 日 are alike
    whole = OcrBox("2024年5月8日", MISREAD.box, 0.98, MISREAD.chars, (1.0,) * 9)
    assert _text(whole, [(890.0, 1300.0, 1120.0, 1450.0)]) == "2024年5月8日"


def test_a_month_lost_with_its_unit_is_marked_and_the_day_kept() -> None:
    # a 落款 under a seal read 2022年3日 (holdout31 scans): the wide step after 年 (3.3 of the year's digit
    # pitches) is the lost month with its 月, not a digit dropped; the day read is kept
    lost = OcrBox(
        "2022年3日", ARABIC_DROPPED.box, 0.9, (915.0, 928.0, 941.0, 954.0, 967.0, 1010.0, 1028.0), ()
    )
    text = _text(lost, [ARABIC_SEAL])
    assert text == "2022年□月3日"
    [date] = find_dates(text)
    assert (date.value, date.earliest, date.latest, date.day) == (
        None,
        dt.date(2022, 1, 3),
        dt.date(2022, 12, 3),
        3,
    )
    assert _text(lost, []) == "2022年3日"
    # a stray digit read before the year (72022年3日): no year of four digits, left as read
    stray = OcrBox(
        "72022年3日",
        ARABIC_DROPPED.box,
        0.9,
        (902.0, 915.0, 928.0, 941.0, 954.0, 967.0, 1010.0, 1028.0),
        (),
    )
    assert _text(stray, [ARABIC_SEAL]) == "72022年3日"


def test_a_month_and_its_unit_lost_under_a_seals_star() -> None:
    # 2024年4月19日 under a seal's star read 2024年19日 (holdout49 scans, suoyin): 5.6 digit pitches after 年
    lost = OcrBox(
        "2024年19日",
        (836.0, 933.0, 981.0, 965.0),
        0.99,
        (844.0, 854.0, 864.0, 874.0, 888.0, 944.0, 954.0, 968.0),
        (0.997, 0.999, 1.0, 0.999, 1.0, 0.998, 0.998, 0.993),
    )
    assert _text(lost, [(808.0, 820.0, 1026.0, 1038.0)]) == "2024年□月19日"
    # where the day follows 年 at the usual step, nothing was lost: 2024年1月9日 read without its 月 is no
    # month lost before the day
    close = OcrBox("2024年19日", lost.box, 0.99, (844.0, 854.0, 864.0, 874.0, 888.0, 903.0, 913.0, 927.0), ())
    assert _text(close, [(808.0, 820.0, 1026.0, 1038.0)]) == "2024年19日"


def test_a_numeral_dropped_where_its_neighbours_read_wide_is_marked() -> None:
    # 二〇一九年十一月十二日 read 二0一九年一月十二日, 十 under the seal's rim lost (holdout35 scans through a
    # second scanner): 一 and 十 read wide lift the median step to the gap's edge; the others tell the pitch
    lost = OcrBox(
        "二0一九年一月十二日",
        (828.0, 527.0, 1089.0, 554.0),
        0.92,
        (839.0, 862.0, 884.0, 911.0, 933.0, 978.0, 1005.0, 1027.0, 1050.0, 1077.0),
        (0.98, 0.54, 0.99, 1.0, 1.0, 0.95, 1.0, 1.0, 0.76, 0.99),
    )
    text = _text(lost, [(815.0, 460.0, 1040.0, 680.0)])
    assert text == "二0一九年□一月十二日"
    [date] = find_dates(text)
    # a two-numeral month ending in 一 is 十一: the only date it can be
    assert (date.value, date.earliest, date.latest) == (None, dt.date(2019, 11, 12), dt.date(2019, 11, 12))
    assert _text(lost, []) == "二0一九年一月十二日"
