"""Tolerance to OCR misreads in extraction: joined sign words, a stray character after a title, a misread
remedy route, a 文号 beside other words, clipped and wrapped dates, an approval row's date, page marks
and 受送达人 that are no officers."""

from __future__ import annotations

import datetime as dt

import pytest

from casefile_eval.codes import DateKind, Role
from casefile_eval.codes import DocumentType as T
from casefile_eval.extract.dates import find_dates, join_wrapped
from casefile_eval.extract.dating import date_facts
from casefile_eval.extract.numbers import document_numbers, find_numbers
from casefile_eval.extract.officers import find_officers
from casefile_eval.extract.remedy import parse_remedy
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from casefile_eval.model import Document
from casefile_eval.segment.titles import match_title
from tests.extract.docs import doc_from_lines


def _slots(doc: Document) -> list[tuple[str, Role, bool | None, str | None, dt.date | None]]:
    return [(s.label, s.role, s.filled, s.signer, s.date) for s in find_signatures(DocText.of(doc))]


def _officers(doc: Document) -> list[tuple[str, str | None]]:
    return [(o.name, o.named_as) for o in find_officers(DocText.of(doc))]


# 1. signatures


def test_labels_with_joined_sign_words_are_one_slot_each() -> None:
    doc = doc_from_lines(
        [
            "问：以上记录是否属实？",
            "答：属实，我没有补充。",
            "被询问人签名捺印：刘建国",
            "询问人签字并捺印：",
            "记录人签名/盖章：陈晓",
        ],
        T.INQUIRY_RECORD,
    )
    assert _slots(doc) == [
        ("被询问人签名捺印", Role.PARTY, True, "刘建国", None),
        ("询问人签字并捺印", Role.OFFICER, False, None, None),
        ("记录人签名/盖章", Role.RECORDER, True, "陈晓", None),
    ]


# 2. titles


@pytest.mark.parametrize(
    ("line", "doc_type", "core"),
    [
        ("立案审批表荣", T.FILING_APPROVAL, "立案审批表"),
        ("现场检查笔录荣", T.INSPECTION_RECORD, "现场检查笔录"),
        ("询问笔录荣", T.INQUIRY_RECORD, "询问笔录"),
    ],
)
def test_title_with_one_stray_character_after_it(line: str, doc_type: T, core: str) -> None:
    found = match_title(line)
    assert found is not None
    assert (found.type, found.method, found.confidence, found.core) == (doc_type, "fuzzy", 0.8, core)


@pytest.mark.parametrize(
    ("line", "doc_type", "core"),
    [
        ("案件调查报台", T.INVESTIGATION_REPORT, "案件调查报告"),  # a faint 告 read 台
        ("行政处罚决定节", T.DECISION, "行政处罚决定书"),
        ("现场检查笔禄", T.INSPECTION_RECORD, "现场检查笔录"),
    ],
)
def test_title_with_its_last_character_misread(line: str, doc_type: T, core: str) -> None:
    found = match_title(line)
    assert found is not None
    assert (found.type, found.method, found.confidence, found.core) == (doc_type, "fuzzy", 0.8, core)


@pytest.mark.parametrize(
    "line", ["行政处罚决定的", "询问笔灵", "行政处罚决定前", "当场行政处罚决定备案表", "行政处罚决定登记表"]
)
def test_an_opening_too_short_joined_by_a_word_or_of_another_kind_is_no_title(line: str) -> None:
    assert match_title(line) is None


@pytest.mark.parametrize("joining", list("的和及与等或并中"))
def test_title_followed_by_a_joining_word_is_a_wrapped_sentence(joining: str) -> None:
    assert match_title(f"立案审批表{joining}") is None


@pytest.mark.parametrize("line", ["催告书荣", "委托书荣", "备考表荣"])
def test_four_character_line_is_no_title_with_a_stray_character(line: str) -> None:
    assert match_title(line) is None


# 3. remedy


def test_litigation_misread_by_one_character_is_still_offered() -> None:
    clause = parse_remedy(
        "如不服本决定，可以在收到本决定书之日起六十日内向东林市人民政府申请行政复议，"
        "也可以在六个月内依法提起行题诉讼。"
    )
    assert (
        clause.review_offered,
        clause.review_bodies,
        clause.review_period_days,
        clause.litigation_offered,
        clause.litigation_period_months,
        clause.either_or,
    ) == (True, ["东林市人民政府"], 60, True, 6, True)


def test_review_named_without_its_apply_word_is_still_offered() -> None:
    clause = parse_remedy(
        "当事人对本决定不服的，可以在收到本决定书之日起六十日内依法向东林市市场监督管理局行政复议，"
        "或者在六个月内向东林市西城区人民法院提起行政诉讼。"
    )
    assert (
        clause.review_offered,
        clause.review_period_days,
        clause.litigation_offered,
        clause.litigation_court,
        clause.litigation_period_months,
    ) == (True, 60, True, "东林市西城区人民法院", 6)


def test_court_before_a_lost_full_stop_is_not_a_review_body() -> None:
    # OCR lost the 。 after 提起行政诉讼; the next sentence opens with 申请行政复议或者提起行政诉讼期间
    clause = parse_remedy(
        "当事人对本处罚决定不服的，可以自收到本决定书之日起六十日内向南溪市人民政府申请行政复议；"
        "也可以自收到本决定书之日起六个月内依法直接向南溪市东坡区人民法院提起行政诉讼"
        "申请行政复议或者提起行政诉讼期间，本处罚决定不停止执行，法律另有规定的除外。"
    )
    assert (
        clause.review_bodies,
        clause.review_period_days,
        clause.litigation_court,
        clause.litigation_period_months,
    ) == (["南溪市人民政府"], 60, "南溪市东坡区人民法院", 6)


# 4. document numbers


def test_number_right_of_other_words_after_a_gap_takes_no_words_from_before_the_gap() -> None:
    doc = doc_from_lines(["行政处罚决定书", "当事人：青禾建材有限公司      东林市监罚字（2025）第8号"])
    dt_ = DocText.of(doc)
    assert dt_.word_starts() == [7, 19]
    (match,) = find_numbers(dt_.flat, None, dt_.word_starts())
    assert (match.prefix, match.canonical) == ("东林市监罚字", "东林市监罚字〔2025〕8号")
    # without the gaps the company name runs into the agency code
    (run_on,) = find_numbers(dt_.flat)
    assert run_on.prefix == "青禾建材有限公司东林市监罚字"
    numbers = document_numbers(dt_)
    found = [n for n, _ in numbers.cited] + ([numbers.own[0]] if numbers.own else [])
    assert found == ["东林市监罚字〔2025〕8号"]


def test_gap_right_before_the_bracket_keeps_the_prefix() -> None:
    doc = doc_from_lines(["行政处罚决定书", "东林市监罚字 （2025）8号"])
    numbers = document_numbers(DocText.of(doc))
    assert numbers.own is not None
    assert (numbers.own[0], numbers.filing, numbers.cited) == ("东林市监罚字〔2025〕8号", None, [])


# 5. dates


def test_iso_date_with_its_first_year_digit_cut_off() -> None:
    (found,) = find_dates("签名：024-9-10")
    assert (found.raw, found.value) == ("024-9-10", dt.date(2024, 9, 10))


@pytest.mark.parametrize(
    "text", ["联系电话：029-85213370", "电话029-8521-3370", "3栋013-2-1", "零件编号 045-6-12", "区号031-8-21"]
)
def test_phone_numbers_are_no_dates(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("二〇二一年九\n月三日", dt.date(2021, 9, 3)), ("2024年5\n月7日", dt.date(2024, 5, 7))],
)
def test_date_wrapped_in_a_narrow_cell_is_joined(text: str, value: dt.date) -> None:
    joined = join_wrapped(text)
    assert joined == text.replace("\n", " ")
    assert [d.value for d in find_dates(joined)] == [value]


def test_line_break_after_a_whole_date_is_kept() -> None:
    text = "送达日期：2024年5月7日\n7日内缴纳罚款"
    assert join_wrapped(text) == text


# 6. dating


def test_closing_approval_row_date_is_the_closing_date() -> None:
    doc = doc_from_lines(
        [
            "结案审批表",
            "承办人意见：罚没款已全部缴清，建议结案。",
            "签名：孟凡 2020年10月20日",
            "负责人审批 同意结案。 2020年10月26日",
        ],
        T.CLOSING_REPORT,
    )
    assert [(f.kind, f.value, f.role) for f in date_facts(DocText.of(doc))] == [
        (DateKind.SIGNED, dt.date(2020, 10, 20), Role.OFFICER),
        (DateKind.CLOSED, dt.date(2020, 10, 26), Role.APPROVER),
    ]


# 7. officers


def test_page_mark_under_empty_signature_labels_names_no_officer() -> None:
    doc = doc_from_lines(
        ["现场检查笔录", "检查地点：东林市北环路18号", "执法人员签名：　　记录人签名：", "第一页 共二页"],
        T.INSPECTION_RECORD,
    )
    assert _officers(doc) == []


def test_recipient_of_a_service_receipt_is_no_server() -> None:
    doc = doc_from_lines(
        ["送达回证", "送达文书：行政处罚决定书", "受送达人 张某某", "送达人 王立 赵晨"], T.SERVICE_RECEIPT
    )
    assert _officers(doc) == [("王立", "送达人"), ("赵晨", "送达人")]


def test_remarks_field_is_no_name() -> None:
    doc = doc_from_lines(["现场检查笔录", "执法人员：周敏 备注"], T.INSPECTION_RECORD)
    assert _officers(doc) == [("周敏", "执法人员")]


@pytest.mark.parametrize(
    "misread",
    [
        "向怀远县人民政府申请行夏议",  # 政复 read as one character
        "向怀远县人民政府空请行政复议",  # 申 misread
        "向怀远县人民政府请行政复议",  # 申 lost: 府 is the body's, not a misread 申
    ],
)
def test_review_misread_still_names_its_route_and_body(misread: str) -> None:
    clause = parse_remedy(
        f"如不服本处罚决定，可以在收到本决定书之日起六十日内{misread}，"
        "也可以在收到本决定书之日起六个月内向怀远县人民法院提起行政诉讼。"
    )
    assert (
        clause.review_offered,
        clause.review_bodies,
        clause.review_period_days,
        clause.litigation_offered,
        clause.litigation_period_months,
    ) == (True, ["怀远县人民政府"], 60, True, 6)


def test_a_number_whose_year_brackets_were_read_as_ones_is_found_before_its_di() -> None:
    # a dot-matrix 送达回证: 定安国税罚〔2016〕第021号 read with 国 lost and each bracket as 1
    (match,) = find_numbers("税务行取处有决定书定安税罚120161第021号")
    assert (match.canonical, match.year, match.serial) == ("定安税罚〔2016〕21号", 2016, 21)
    # without 第 a run of digits is no number
    assert find_numbers("编号1201612号") == []
