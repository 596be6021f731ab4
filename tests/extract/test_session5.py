"""Session 5 reading: transliterated names joined by a middle dot are officers' names, 检查人员签名 /
调查人员签名 are officers' signature slots, dates read through OCR damage, a field name is no addressee."""

from __future__ import annotations

import datetime as dt

from casefile_eval.codes import DocumentType as T
from casefile_eval.codes import Role
from casefile_eval.extract.dates import find_dates
from casefile_eval.extract.officers import find_officers, name_shaped
from casefile_eval.extract.parties import find_party
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from casefile_eval.rules.checks.officers import is_person_name
from tests.extract.docs import doc_from_lines


def test_dotted_names_are_officers() -> None:
    doc = doc_from_lines(
        [
            "询问笔录",
            "询问人：陈晓东 执法证号：65010021058 记录人：艾尔肯·买买提 执法证号：65010021063",
            "执法人员：阿卜杜热合曼·买买提明（执法证号：65010021070）",
        ],
        T.INQUIRY_RECORD,
    )
    assert [(o.name, o.cert_no, o.named_as) for o in find_officers(DocText.of(doc))] == [
        ("陈晓东", "65010021058", "询问人"),
        ("艾尔肯·买买提", "65010021063", "记录人"),
        ("阿卜杜热合曼·买买提明", "65010021070", "执法人员"),
    ]


def test_name_shapes() -> None:
    assert [
        name_shaped(t) for t in ("艾尔肯·买买提", "古丽・热合曼", "王", "欧阳明月", "一二三四五六", "·买买提")
    ] == [
        True,
        True,
        False,
        True,
        False,
        False,
    ]
    assert is_person_name("艾尔肯·买买提") is True
    assert is_person_name("执法·人员") is False


def test_officer_slots_with_renyuan() -> None:
    doc = doc_from_lines(
        [
            "现场检查笔录",
            "检查情况：未发现异常。",
            "被检查人签名：杨文博",
            "检查人员签名：张宏伟 马丽    记录人签名：＿＿＿＿＿＿",
            "调查人员（签字）：",
        ],
        T.INSPECTION_RECORD,
    )
    slots = [(s.label, s.role, s.filled, s.signer) for s in find_signatures(DocText.of(doc))]
    assert slots == [
        ("被检查人签名", Role.PARTY, True, "杨文博"),
        ("检查人员签名", Role.OFFICER, True, "张宏伟马丽"),
        ("记录人签名", Role.RECORDER, False, None),
        ("调查人员(签字)", Role.OFFICER, False, None),
    ]


def test_dates_read_through_ocr_damage() -> None:
    found = [
        (d.raw, d.value, d.start_time)
        for text in (
            "2026.3.610时20分",
            "二。二一年六月二十四怕",
            "晚022年10月19日",
            "二〇二四年五月八日上午",
            "2024.13.5",
        )
        for d in find_dates(text)
    ]
    assert found == [
        ("2026.3.610时20分", dt.date(2026, 3, 6), (10, 20)),
        ("二。二一年六月二十四怕", dt.date(2021, 6, 24), None),
        ("022年10月19日", dt.date(2022, 10, 19), None),
        ("二〇二四年五月八日", dt.date(2024, 5, 8), None),
    ]


def test_a_field_name_with_a_colon_is_no_addressee() -> None:
    doc = doc_from_lines(
        [
            "送达回证",
            "兹收到绵阳市司法局《行政处罚决定书》（绵司罚决（2021）004号）一份。",
            "受送达人签收：　与当事人关系：本人",
            "签收时间：2021年7月16日 10时20分",
            "送达人签字：",
        ],
        T.SERVICE_RECEIPT,
    )
    assert find_party(DocText.of(doc)) is None


def test_officers_listed_a_line_each_under_the_fields_first() -> None:
    """执法人员：甲 执法证号：1 / 乙 执法证号：2 (or its number left blank): 乙 is the field's second officer;
    a line of prose naming a certificate is no officer."""
    doc = doc_from_lines(
        [
            "税务行政处罚决定书（简易）",
            "执法人员：孟庆辉　执法证号：13090324017",
            "田雪　执法证号：",
            "韩冰　执法证号：13090324020",
            "执法人员签字：",
        ],
        T.SUMMARY_DECISION,
    )
    assert [(o.name, o.cert_no, o.named_as) for o in find_officers(DocText.of(doc))] == [
        ("孟庆辉", "13090324017", "执法人员"),
        ("田雪", None, "执法人员"),
        ("韩冰", "13090324020", "执法人员"),
    ]
    far = doc_from_lines(
        [
            "现场检查笔录",
            "执法人员：孟庆辉　执法证号：13090324017",
            *["检查情况：正常。"] * 5,
            "田雪　执法证号：",
        ],
        T.INSPECTION_RECORD,
    )
    assert [o.name for o in find_officers(DocText.of(far))] == ["孟庆辉"]
