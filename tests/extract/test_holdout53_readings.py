"""Readings holdout53 showed wrong: the clause after the officers' listing taken for a third officer
("…龙秀英（执法证号：52260019047），已向 / 当事人出示执法证件。": 已向 is no name); a date written by hand
with a dot at mid height ("罗文斌 24·7.15") not read as a date; a 送达回证 whose recipient wrote only the
month and day ("收件人签名（ 7月22日") judged undated; the approver's name after the opinion and its colon
("负责人意见：同意结案：陈志刚") not read as a signature; a law's name whose 》 a scan lost at the line's end
not cited; a 落款 date whose year lost a figure under the seal (205:07.06) not read at all."""

from __future__ import annotations

import datetime as dt

import pytest

from casefile_eval.codes import DateKind, DocumentType, Role
from casefile_eval.extract.citations import find_citations
from casefile_eval.extract.dates import find_dates, lost_figure_date
from casefile_eval.extract.dating import date_facts
from casefile_eval.extract.officers import find_officers
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from tests.extract.docs import doc_from_lines


@pytest.mark.parametrize(
    ("lines", "officers"),
    [
        (
            [
                "执法人员：杨再兴（执法证号：52260019031）、龙秀英（执法证号：52260019047），已向",
                "当事人出示执法证件。",
            ],
            [("杨再兴", "52260019031"), ("龙秀英", "52260019047")],
        ),
        # a name listed with 、 after the last pair is an officer without a number
        (
            ["执法人员：何俊峰（执法证号：62050023008）、杨婷，已出示证件"],
            [("何俊峰", "62050023008"), ("杨婷", None)],
        ),
    ],
)
def test_the_clause_after_the_listing_names_no_officer(
    lines: list[str], officers: list[tuple[str, str | None]]
) -> None:
    doc = doc_from_lines(
        ["现场检查笔录", *lines, "现场情况：货架上摆放过期食品。"], DocumentType.INSPECTION_RECORD
    )
    assert [(o.name, o.cert_no) for o in find_officers(DocText.of(doc))] == officers


@pytest.mark.parametrize(
    ("text", "date", "raw"),
    [
        ("负责人审批：罗文斌24·7.15", dt.date(2024, 7, 15), "24·7.15"),
        ("罗文斌 2024·7·15", dt.date(2024, 7, 15), "2024·7·15"),
    ],
)
def test_a_dot_written_at_mid_height_separates_a_dates_figures(text: str, date: dt.date, raw: str) -> None:
    assert [(d.value, d.raw) for d in find_dates(text)] == [(date, raw)]


def test_a_middle_dot_between_names_is_no_date() -> None:
    assert find_dates("执法人员：阿依古丽·买买提 1·2号") == []


def test_a_recipient_dating_the_signing_without_the_year_dates_the_service() -> None:
    doc = doc_from_lines(
        [
            "送达回证",
            "送达文件 行政处罚决定书 天住建罚字（2015）第07号",
            "受送达人 贵州天柱鸿盛房地产开发有限公司",
            "送达地点 天柱县凤城镇民主街128号",
            "收件人签名（ 7月22日",
            "盖章）",
            "送达人",
        ],
        DocumentType.SERVICE_RECEIPT,
    )
    facts = date_facts(DocText.of(doc))
    assert [(f.kind, f.value, f.month, f.day, f.raw) for f in facts] == [
        (DateKind.SERVED, None, 7, 22, "7月22日")
    ]


def test_the_name_after_an_opinion_and_its_colon_signs_the_row() -> None:
    # as OCR reads a closing report's row with the approver's name and date written in it
    doc = doc_from_lines(
        [
            "结案报告",
            "当事人于2022年4月2日缴纳罚款3000元，案件执行完毕。",
            "负责人意见：同意结案：陈志刚2022.4.12",
        ],
        DocumentType.CLOSING_REPORT,
    )
    slots = find_signatures(DocText.of(doc))
    assert [(s.label, s.role, s.filled, s.signer) for s in slots] == [
        ("负责人意见", Role.APPROVER, True, "陈志刚")
    ]


def test_a_comma_before_another_name_and_its_bracket_goes_on_with_the_list() -> None:
    lines = ["执法人员 王海涛（32072426008），李梦（", "32072426015）", "现场情况：车辆未密闭运输建筑垃圾。"]
    doc = doc_from_lines(["现场检查笔录", *lines], DocumentType.INSPECTION_RECORD)
    assert [o.name for o in find_officers(DocText.of(doc))] == ["王海涛", "李梦"]


def test_a_laws_name_whose_closing_bracket_the_scan_lost_at_the_lines_end_is_cited() -> None:
    lines = [
        "对你单位未按规定期限办理纳税申报的违法行为，拟依据《中华人民共和国税收征收管理法",
        "第六十二条的规定，处罚款1000元。",
    ]
    doc = doc_from_lines(["税务行政处罚事项告知书", *lines], DocumentType.PRIOR_NOTICE)
    assert [(c.law, c.article) for c in find_citations(DocText.of(doc))] == [
        ("中华人民共和国税收征收管理法", 62)
    ]


@pytest.mark.parametrize(
    ("text", "month_day"),
    [("205:07.06 建设局", (7, 6)), ("202.3.14", (3, 14)), ("第205.1.2条", None), ("2015.07.06", None)],
)
def test_a_date_whose_year_lost_a_figure_under_the_seal_keeps_its_month_and_day(
    text: str, month_day: tuple[int, int] | None
) -> None:
    found = lost_figure_date(text)
    assert ((found.month, found.day) if found else None) == month_day
    if found:
        assert found.value is None


def test_a_years_unit_read_twice_still_closes_the_year() -> None:
    # (holdout43's h43-07 scan read under the lighting step: "2024年年3月15日" on the 听证通知书's 落款)
    assert [(d.value, d.raw) for d in find_dates("临清市自然资源和规划局 2024年年3月15日")] == [
        (dt.date(2024, 3, 15), "2024年年3月15日")
    ]
