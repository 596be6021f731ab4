"""An officer's number with the issuing service's words before 执法证号 in the brackets (税务执法证号,
行政执法证号, 交通运输执法证号): each officer keeps the number alone, and a recorder named after a label of
their own with a bare number on the same line ("询问人：甲（税务执法证号：1）记录人：乙（2）") is an
officer too (holdout53 h53-10's 询问（调查）笔录, where the 询问人 was not named at all)."""

from __future__ import annotations

from casefile_eval.codes import DocumentType as T
from casefile_eval.extract.officers import find_officers
from casefile_eval.extract.text import DocText
from tests.extract.docs import doc_from_lines


def _officers(line: str) -> list[tuple[str, str | None, str | None]]:
    doc = doc_from_lines(["询问笔录", line, "问：你公司为什么没有按期申报？"], T.INQUIRY_RECORD)
    return [(o.name, o.named_as, o.cert_no) for o in find_officers(DocText.of(doc))]


def test_a_tax_officer_and_a_recorder_on_one_line() -> None:
    assert _officers("询问人：周海燕（税务执法证号：15228250031）记录人：龙建波（15228250046）") == [
        ("周海燕", "询问人", "15228250031"),
        ("龙建波", "记录人", "15228250046"),
    ]


def test_numbers_of_the_administrative_enforcement_certificate() -> None:
    assert _officers("执法人员：张伟（行政执法证号：13090324017）、李娜（行政执法证号：13090324018）") == [
        ("张伟", "执法人员", "13090324017"),
        ("李娜", "执法人员", "13090324018"),
    ]


def test_the_services_words_are_not_the_number() -> None:
    assert _officers("执法人员：王强（交通运输执法证号ZJ330726-0217）") == [
        ("王强", "执法人员", "ZJ330726-0217")
    ]


def test_the_partys_identity_card_names_no_officer() -> None:
    assert _officers("被询问人：吴建新（居民身份证号：33252919790815053X）") == []


def test_a_pages_foot_under_the_last_signing_label_names_no_officer() -> None:
    # holdout54 h54-09's text PDF: the agency's name and the page mark at the foot under 执法人员签名：
    doc = doc_from_lines(
        [
            "现场检查笔录",
            "执法人员：丁浩（甘文旅执0524003）、李思琪（甘文旅执0524009）",
            "检查情况：现场有2名未成年人上网。",
            "当事人签名： 执法人员签名： 2026·2.27",
            "执法人员签名：",
            "武山县文化和旅游局 共6页　第2页",
        ],
        T.INSPECTION_RECORD,
    )
    assert [(o.name, o.named_as, o.cert_no) for o in find_officers(DocText.of(doc))] == [
        ("丁浩", "执法人员", "甘文旅执0524003"),
        ("李思琪", "执法人员", "甘文旅执0524009"),
    ]
