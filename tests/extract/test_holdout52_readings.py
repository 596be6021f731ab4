"""Readings holdout52 showed wrong: an agency read under the seal with characters lost (上犹县农农村局), an
officer noted as recording after the names (何立新、曾慧（记录）), and a field's name before a date
(案情简介 2021年3月2日收到…) taken for an approver's signed date."""

from __future__ import annotations

import datetime as dt

import pytest

from casefile_eval.codes import DateKind, DocumentType
from casefile_eval.extract.agency_text import whole_agency
from casefile_eval.extract.dating import date_facts
from casefile_eval.extract.officers import find_officers
from casefile_eval.extract.text import DocText
from tests.extract.docs import doc_from_lines


@pytest.mark.parametrize(
    ("read", "lines", "whole"),
    [
        ("上犹县农农村局", ["询问地点：上犹县农业农村局畜牧兽医股", "上犹县农农村局"], "上犹县农业农村局"),
        ("乌县公安局交通管理大队", ["寻乌县公安局交通管理大队执法文书"], "寻乌县公安局交通管理大队"),
        ("赣州市崇生态环境", ["询问地点：赣州市崇义生态环境局三楼询问室"], "赣州市崇义生态环境局"),
        ("大宗县国土资原局", ["大余县国土资源局执法文书"], "大余县国土资源局"),
        ("石城县城管理局", ["问：我们是石城县城市管理局执法人员"], "石城县城市管理局"),
        # the name as read stands written so: kept
        (
            "某县市场监督管理局",
            ["向某县人民政府申请", "我们是某县市场监督管理局执法人员"],
            "某县市场监督管理局",
        ),
        # another agency the body names (the 复议 agency) is three characters off: kept
        ("沅陵县文化旅游广电体育局", ["向怀化市文化旅游广电体育局申请行政复议"], "沅陵县文化旅游广电体育局"),
        # only the 落款 lines, read alike under the seal: kept
        ("信丰县交运输局", ["信丰县交通运输局"], "信丰县交运输局"),
    ],
)
def test_an_agency_read_with_characters_lost_is_the_name_the_files_lines_write(
    read: str, lines: list[str], whole: str
) -> None:
    assert whole_agency(read, lines) == whole


@pytest.mark.parametrize(
    "line",
    [
        "询问人：何立新、曾慧（记录）",
        "询问人：何立新（主办）、曾慧（记录人）",
        "询问人：何立新（主办）、曾慧（协办）",
    ],
)
def test_an_officers_part_noted_in_brackets_leaves_the_name(line: str) -> None:
    doc = doc_from_lines(["询问笔录", line, "问：你好。"], DocumentType.INQUIRY_RECORD)
    assert [o.name for o in find_officers(DocText.of(doc))] == ["何立新", "曾慧"]


def test_a_fields_name_before_a_date_is_no_signers_name() -> None:
    doc = doc_from_lines(
        [
            "行政处罚立案审批表",
            "当事人 上犹县东山镇兴旺兽药店 负责人：蔡金华",
            "案件来源 赣州市兽药质量监督抽检结果通报",
            "案情简介 2021年3月2日收到抽检结果，该店经营的氟苯尼考粉经检验判定为假兽药。",
            "承办人意见 建议立案。 张卫东 李敏 2021.3.5",
            "负责人意见 2021.3.8",
        ],
        DocumentType.FILING_APPROVAL,
    )
    facts = date_facts(DocText.of(doc))
    assert [(f.kind, f.value) for f in facts if f.kind in (DateKind.APPROVED, DateKind.FILED)] == [
        (DateKind.FILED, dt.date(2021, 3, 8))
    ]
