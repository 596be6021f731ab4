"""A law named again by reference to the one named last ("违反了《…法》第十六条，依据该法第六十条第一款
第（一）项"): the article cites that law (holdout54 h54-10's 税务行政处罚事项告知书, whose basis was not read
at all). A reference before any law was named cites nothing."""

from __future__ import annotations

from casefile_eval.codes import DocumentType
from casefile_eval.extract.citations import find_citations
from casefile_eval.extract.text import DocText
from tests.extract.docs import doc_from_lines

LAW = "中华人民共和国税收征收管理法"


def _cited(line: str) -> list[tuple[str, int, int | None, int | None]]:
    doc = doc_from_lines(["税务行政处罚事项告知书", line], DocumentType.PRIOR_NOTICE)
    return [(c.law, c.article, c.paragraph, c.item) for c in find_citations(DocText.of(doc))]


def test_the_law_named_again_as_gai_fa() -> None:
    line = f"你户违反了《{LAW}》第十六条，依据该法第六十条第一款第（一）项，我局拟对你户处以罚款500元。"
    assert _cited(line) == [(LAW, 16, None, None), (LAW, 60, 1, 1)]


def test_a_list_after_the_law_named_again() -> None:
    line = f"违反了《{LAW}》第十五条，依据同法第六十条、第六十二条，拟处罚款。"
    assert _cited(line) == [(LAW, 15, None, None), (LAW, 60, None, None), (LAW, 62, None, None)]


def test_no_law_named_before_cites_nothing() -> None:
    assert _cited("依据该法第六十条，拟处罚款。") == []
