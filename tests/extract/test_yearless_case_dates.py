"""A case date written with its month and day alone (the head's 8.21 beside his name on the 立案审批表, a
receipt's 7月22日) is placed in the one year that sets it within three months of the dates its document reads
whole — or, for a receipt reading none, of the decision's date (holdout53 h53-03's and h53-09's scans, whose
filed and served dates were not given). Where no date is around, or two years fit, it stays unknown."""

from __future__ import annotations

import datetime as dt

from casefile_eval.codes import DateKind
from casefile_eval.codes import DocumentType as T
from casefile_eval.extract import extract_document_facts
from casefile_eval.extract.reconcile import reconcile_case
from casefile_eval.model import CaseDates, Document
from tests.extract.docs import doc_from_lines


def _doc(lines: list[str], doc_type: T) -> Document:
    doc = doc_from_lines(lines, doc_type)
    return doc.model_copy(update={"facts": extract_document_facts(doc)})


FILING = [
    "立案审批表",
    "经办人意见 符合立案条件，建议立案。　陆光辉　2023-08-18",
    "分局负责人意见 同意 杨文涛 8.21",
]


def test_the_heads_month_and_day_takes_the_year_of_the_forms_other_dates() -> None:
    assert reconcile_case([_doc(FILING, T.FILING_APPROVAL)]).facts.dates == CaseDates(
        filed=dt.date(2023, 8, 21)
    )


def test_without_a_date_around_it_the_month_and_day_stay_unplaced() -> None:
    lines = ["立案审批表", "经办人意见 符合立案条件，建议立案。　陆光辉", "分局负责人意见 同意 杨文涛 8.21"]
    assert reconcile_case([_doc(lines, T.FILING_APPROVAL)]).facts.dates == CaseDates()


def test_a_receipts_month_and_day_takes_the_year_of_the_decision() -> None:
    decision = _doc(
        ["行政处罚决定书", "天住建罚〔2015〕9号", "天柱县住房和城乡建设局", "2015年7月20日"], T.DECISION
    )
    receipt = _doc(
        ["送达回证", "送达文书 行政处罚决定书 天住建罚〔2015〕9号", "收件人签名（ 7月22日"], T.SERVICE_RECEIPT
    )
    dates = reconcile_case([decision, receipt]).facts.dates
    assert (dates.decided, dates.served) == (dt.date(2015, 7, 20), dt.date(2015, 7, 22))


def test_a_print_stamp_does_not_place_the_month_and_day() -> None:
    # (x35s h35-05's scan: a notice's 十一月四日, its year lost, under a platform's download stamp)
    lines = [
        "行政执法监督平台下载：2026-11-22 16:22 账号：pc534",
        "立案审批表",
        "经办人意见 符合立案条件，建议立案。　陆光辉",
        "分局负责人意见 同意 杨文涛 11.4",
    ]
    doc = _doc(lines, T.FILING_APPROVAL)
    stamped = [(f.kind, f.value) for f in doc.facts.dates if f.value]
    assert stamped == [(DateKind.OTHER, dt.date(2026, 11, 22))]
    assert reconcile_case([doc]).facts.dates == CaseDates()
