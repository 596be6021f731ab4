"""Dates on scanned pages: an archive stamp's date (已归档 2021.12.02) or a certified copy's (与原件核对无误,
the copier's ink, 2025.06.18) under the 落款 is no date of the document; a Chinese year whose flat 一 OCR
read as an arrow or a dash (二〇二→年) is still read."""

from __future__ import annotations

import datetime as dt

from casefile_eval.codes import DateKind
from casefile_eval.codes import DocumentType as T
from casefile_eval.extract import extract_document_facts
from casefile_eval.extract.dates import find_dates
from casefile_eval.model import Block, BlockKind, Document


def _notice(lines: list[str]) -> Document:
    blocks = [Block(kind=BlockKind.LINE, text=t, source="scan.pdf", page=1) for t in lines]
    return Document(
        type=T.HEARING_NOTICE,
        title="听证通知书",
        source="scan.pdf",
        pages=(1, 1),
        confidence=1.0,
        blocks=blocks,
    )


def test_the_archive_stamps_date_is_not_the_notices_date() -> None:
    doc = _notice(
        [
            "听证通知书",
            "刘长海：",
            "本机关定于2021年9月29日9时30分在本机关听证室举行听证。",
            "赤峰市松山区农牧局",
            "二〇二一年九月十六日",
            "已归档",
            "2021.12.02",
        ]
    )
    dates = [(d.kind, d.value, d.label) for d in extract_document_facts(doc).dates]
    assert dates == [
        (DateKind.OTHER, dt.date(2021, 9, 29), ""),
        (DateKind.ISSUED, dt.date(2021, 9, 16), "落款"),
        (DateKind.OTHER, dt.date(2021, 12, 2), "归档"),
    ]


def test_a_certified_copys_stamp_date_is_not_the_notices_date() -> None:
    doc = _notice(
        [
            "行政处罚告知书",
            "德宏顺达物流有限公司：",
            "你单位可在收到本告知书之日起三日内向本局进行陈述和申辩。",
            "德宏傣族景颇族自治州交通运输局",
            "2019年3月12日",
            "与原件核对无误",
            "30",
            "2025.06.18",
        ]
    )
    dates = [(d.kind, d.value, d.label) for d in extract_document_facts(doc).dates]
    assert dates == [
        (DateKind.ISSUED, dt.date(2019, 3, 12), "落款"),
        (DateKind.OTHER, dt.date(2025, 6, 18), "与原件核对无误"),
    ]


def test_a_dash_or_an_arrow_read_for_the_one_of_a_chinese_year() -> None:
    assert [(d.raw, d.value) for d in find_dates("赤峰市松山区农牧局 二〇二→年九月七日")] == [
        ("二〇二→年九月七日", dt.date(2021, 9, 7))
    ]
    assert [(d.raw, d.value) for d in find_dates("二〇→五年三月二日")] == [
        ("二〇→五年三月二日", dt.date(2015, 3, 2))
    ]
    assert find_dates("二〇二一年五月—六月") == []


def test_a_round_digit_read_for_the_zero_of_a_chinese_year() -> None:
    """A seal over the 落款 makes OCR read the 〇 of 二〇二〇 as a 6; a year of 20xx in Chinese numerals has
    only 〇 in its second place. A figure in the year's last place (二〇二6: 〇 or 六 under the red of a seal
    or its offset, holdout41 h41-08) leaves the year unknown, its month and day read (the case's other
    dates place it). An Arabic year stays as read."""
    found = find_dates("寿光市农业农村局 二6二0年六月十八日 二〇二6年六月十八日 2620年1月1日")
    assert [(d.raw, d.value, d.month, d.day) for d in found] == [
        ("二6二0年六月十八日", dt.date(2020, 6, 18), None, None),
        ("二〇二6年六月十八日", None, 6, 18),
        ("2620年1月1日", None, 1, 1),
    ]


def test_the_first_numeral_of_a_chinese_year_misread_under_a_seal() -> None:
    """A seal's ring over the 二 of 二〇二一 made OCR read 七 (holdout38 h38-05): a Chinese year with 〇 in
    its second place is 20xx. An Arabic year stays as read."""
    found = find_dates("邹城市卫生健康局 七0二一年九月十六日 三〇二五年一月三日 7021年9月16日")
    assert [(d.raw, d.value) for d in found] == [
        ("七0二一年九月十六日", dt.date(2021, 9, 16)),
        ("三〇二五年一月三日", dt.date(2025, 1, 3)),
        ("7021年9月16日", None),
    ]


def test_a_chinese_year_of_five_numerals_is_not_known() -> None:
    """OCR put a numeral into a year under a seal (二〇一一九年十月十六日, holdout35's cross-scan h35-05):
    which of the numerals is the extra one is unknown, so the date is written with its month and day only
    (it was taken as 2011年□月16日 and dated the 立案 approval eight years before the proposal)."""
    found = find_dates("负责人： 二〇一一九年十月十六日")
    assert [(d.raw, d.value, d.earliest, d.latest, d.month, d.day) for d in found] == [
        ("二〇一一九年十月十六日", None, None, None, 10, 16)
    ]
