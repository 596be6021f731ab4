"""A document's own 文号 printed on the agency's header line (舟山市交通运输局　　　舟交执罚〔2022〕118号) is
its own number; a number after a longer text on that line is cited."""

from __future__ import annotations

from casefile_eval.codes import DocumentType
from casefile_eval.extract.numbers import document_numbers
from casefile_eval.extract.text import DocText
from tests.extract.docs import doc_from_lines


def _own(header: str) -> tuple[str | None, list[str]]:
    doc = doc_from_lines(
        ["行政处罚决定书", header, "舟山市顺远货运有限公司：", "经查，你单位未取得道路运输经营许可。"],
        DocumentType.DECISION,
        title="行政处罚决定书",
    )
    numbers = document_numbers(DocText.of(doc))
    return (numbers.own[0] if numbers.own else None), [n for n, _ in numbers.cited]


def test_the_number_beside_the_agency_name_is_the_documents() -> None:
    assert _own("舟山市交通运输局\u3000\u3000\u3000舟交执罚[2022]118号") == ("舟交执罚〔2022〕118号", [])
    assert _own("德阳市生态环境局 德环罚〔2022〕9号") == ("德环罚〔2022〕9号", [])


def test_a_number_after_a_sentence_on_the_header_line_is_cited() -> None:
    assert _own("根据舟交执立[2022]307号立案审批表") == (None, ["舟交执立〔2022〕307号"])
