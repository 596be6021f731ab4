"""The sentence around a date that a date reference's `clause_any` / `clause_none` patterns read."""

from casefile_eval.rules.checks.common import date_clauses


def test_each_place_a_date_is_written_gives_its_sentence() -> None:
    text = (
        "经查，你于2016年5月6日驾驶甘E·37B15小型轿车在秦安县汽车站门口招揽乘客，载客3人。"
        "本机关于2016年5月6日对你进行了询问；你当场承认。"
    )
    assert date_clauses(text, "2016年5月6日") == [
        "经查，你于@驾驶甘E·37B15小型轿车在秦安县汽车站门口招揽乘客，载客3人",
        "本机关于@对你进行了询问",
    ]


def test_a_date_written_with_spaces_is_found_in_the_compacted_text() -> None:
    assert date_clauses("2023年5月18日，你公司在中滩镇测量。", "2023年 5月18日") == ["@，你公司在中滩镇测量"]


def test_a_long_sentence_is_cut_sixty_characters_from_the_date() -> None:
    text = "甲" * 70 + "2024年1月2日" + "乙" * 70
    assert date_clauses(text, "2024年1月2日") == ["甲" * 60 + "@" + "乙" * 60]


def test_a_date_not_in_the_text_has_no_clause() -> None:
    assert date_clauses("经查，你于2016年5月6日载客。", "2016年5月7日") == []
