"""Documents of a few printed lines for the rule tests, each line a block of one page (with the recogniser's
confidence in each character, as on a scan, where given), and the findings one rule makes over them."""

from __future__ import annotations

from casefile_eval.codes import DocumentType
from casefile_eval.model import Block, BlockKind, Case, Document
from casefile_eval.results import Finding
from casefile_eval.rules.engine import run_rules
from casefile_eval.rules.loader import load_rules

RULES = load_rules()
TITLES = {
    DocumentType.INSPECTION_RECORD: "现场检查笔录",
    DocumentType.INQUIRY_RECORD: "询问笔录",
    DocumentType.INVESTIGATION_REPORT: "案件调查终结报告",
    DocumentType.PRIOR_NOTICE: "行政处罚事先告知书",
    DocumentType.DECISION: "行政处罚决定书",
}


def line_doc(
    kind: DocumentType, page: int, lines: list[str], scores: dict[int, float] | None = None
) -> Document:
    """A one-page document of `kind` whose blocks are `lines`; `scores` gives the confidence of characters
    read unsurely (by their offset in each line; the others 0.99), else the page is a text layer's."""
    blocks = [
        Block(
            kind=BlockKind.LINE,
            text=line,
            source="case.pdf",
            page=page,
            char_scores=None if scores is None else tuple(scores.get(i, 0.99) for i in range(len(line))),
        )
        for line in lines
    ]
    return Document(
        type=kind, title=TITLES[kind], source="case.pdf", pages=(page, page), confidence=0.9, blocks=blocks
    )


def rule_findings(rule_id: str, *docs: Document) -> list[Finding]:
    """The findings of the built-in rule `rule_id` over a case of `docs`."""
    case = Case(source="case.pdf", files=["case.pdf"], documents=list(docs))
    return [f for f in run_rules(case, RULES) if f.rule_id == rule_id]
