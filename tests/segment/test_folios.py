"""A document that numbers its own pages without a total ("（第2页）", "- 2 -") and prints its title again
atop its second page: one document, not two."""

from __future__ import annotations

from casefile_eval.codes import DocumentType as T
from casefile_eval.segment import split_documents
from casefile_eval.segment.pagemarks import find_folio
from tests.segment.test_split import BODY, pdf

DECISION_1 = ["某市农业农村局", "行 政 处 罚 决 定 书", "某农罚字〔2020〕第17号", "当事人：某经营部", BODY]
DECISION_2 = ["某市农业农村局", "行 政 处 罚 决 定 书", "（第2页）", "如不服本决定，可以申请行政复议。"]
RECEIPT = ["某市农业农村局", "送 达 回 证", "送达文书名称 行政处罚决定书"]


def test_folio_forms() -> None:
    folios = ["（第2页）", "第 3 页", "- 2 -", "— 12 —", "第二页"]
    assert [find_folio([t]) for t in folios] == [2, 3, 2, 12, 2]
    assert [find_folio([t]) for t in ["8", "第2页共3页", "第2页 共3页", "罚款2页"]] == [None] * 4


def test_a_folio_under_the_repeated_title_continues_the_document() -> None:
    docs = split_documents([pdf([["立案审批表", "- 1 -"], DECISION_1, DECISION_2, RECEIPT])])
    assert [(d.type, d.pages) for d in docs] == [
        (T.FILING_APPROVAL, (1, 1)),
        (T.DECISION, (2, 3)),
        (T.SERVICE_RECEIPT, (4, 4)),
    ]


def test_footer_folios_restarting_for_each_document_continue_it() -> None:
    second = ["某市应急管理局", "行 政 处 罚 决 定 书", "如不服本决定，可以申请行政复议。", "- 2 -"]
    pages = [["立案审批表", "- 1 -"], [*DECISION_1, "- 1 -"], second, [*RECEIPT, "- 1 -"]]
    docs = split_documents([pdf(pages)])
    assert [(d.type, d.pages) for d in docs] == [
        (T.FILING_APPROVAL, (1, 1)),
        (T.DECISION, (2, 3)),
        (T.SERVICE_RECEIPT, (4, 4)),
    ]


def test_folios_rising_through_the_file_are_the_archives() -> None:
    """Page numbers of the whole volume: the second receipt on page 4 is a document of its own."""
    pages = [["立案审批表", "- 1 -"], [*DECISION_1, "- 2 -"], [*RECEIPT, "- 3 -"], [*RECEIPT, "- 4 -"]]
    docs = split_documents([pdf(pages)])
    assert [(d.type, d.pages) for d in docs] == [
        (T.FILING_APPROVAL, (1, 1)),
        (T.DECISION, (2, 2)),
        (T.SERVICE_RECEIPT, (3, 3)),
        (T.SERVICE_RECEIPT, (4, 4)),
    ]


def test_two_receipts_each_numbered_first_stay_apart() -> None:
    pages = [["（第1页）", *DECISION_1], ["（第1页）", *RECEIPT], ["（第1页）", *RECEIPT]]
    docs = split_documents([pdf(pages)])
    assert [(d.type, d.pages) for d in docs] == [
        (T.DECISION, (1, 1)),
        (T.SERVICE_RECEIPT, (2, 2)),
        (T.SERVICE_RECEIPT, (3, 3)),
    ]
