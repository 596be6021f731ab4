"""CIT-005 on a scan: the notice's basis read 第八十二条第（二）项 where the decision applies
第八十三条第（三）项, the 二s read at 0.60 (三 with a stroke lost, holdout52 h52-03's scan): the difference
may be the scan's misread, so it needs review; read surely, it is a finding."""

from __future__ import annotations

import pytest

from casefile_eval.codes import DocumentType as T
from casefile_eval.extract import extract_document_facts
from casefile_eval.model import Block, BlockKind, Case, Document
from casefile_eval.rules.engine import run_rules
from casefile_eval.rules.loader import load_rules

RULES = load_rules()
LAW = "《中华人民共和国水污染防治法》"


def _doc(doc_type: T, title: str, line: str, low: str | None) -> Document:
    """A one-line document read by OCR, every character at 0.99 but those in `low` at 0.60."""
    scores = tuple(0.60 if low and char in low else 0.99 for char in line)
    blocks = [
        Block(kind=BlockKind.LINE, text=title, source="a.pdf", page=1, confidence=0.99),
        Block(kind=BlockKind.LINE, text=line, source="a.pdf", page=1, confidence=0.9, char_scores=scores),
    ]
    doc = Document(type=doc_type, title=title, source="a.pdf", pages=(1, 1), confidence=1.0, blocks=blocks)
    return doc.model_copy(update={"facts": extract_document_facts(doc)})


@pytest.mark.parametrize(
    ("low", "expected"),
    [
        (
            "二",
            [
                (
                    "决定书的处罚依据与事先告知的依据不一致（行政处罚决定书第1页）：无法判断：决定书依据第八十三条、告知的"
                    "依据为第八十二条，但扫描件上条款数字识别置信度低（0.60），无法确定是文书写错还是识别有误",
                    True,
                )
            ],
        ),
        (
            None,
            [
                (
                    "行政处罚决定书依据《中华人民共和国水污染防治法》第八十三条作出处罚，而事先告知的依据为该法第八十二条",
                    False,
                )
            ],
        ),
    ],
)
def test_a_basis_differing_by_an_unsure_numeral_needs_review(
    low: str | None, expected: list[tuple[str, bool]]
) -> None:
    notice = _doc(
        T.PRIOR_NOTICE, "行政处罚事先告知书", f"依据{LAW}第八十二条第（二）项，我局拟对你公司处罚款。", low
    )
    decision = _doc(
        T.DECISION, "行政处罚决定书", f"依据{LAW}第八十三条第（三）项，我局决定对你公司处罚款。", None
    )
    case = Case(source="a.pdf", documents=[notice, decision])
    findings = run_rules(case, RULES.only("CIT-005"))
    assert [(f.message, f.needs_review) for f in findings] == expected
