"""CON-005 on scans: a 送达回证's decision number that differs from the decision's only in characters of the
agency code read unsurely (儋 read 像 on one side and 偏 on the other) is the scan's misread where they are
look-alikes, a question for a person where they sound alike; a difference read surely stays a finding."""

from __future__ import annotations

from casefile_eval.codes import DocumentType
from casefile_eval.model import Block, BlockKind, Case, Document, DocumentFacts
from casefile_eval.results import Finding
from casefile_eval.rules.engine import run_rules
from casefile_eval.rules.loader import load_rules

RULES = load_rules()
SERVED = "送达文书名称及文号：行政处罚决定书（{}）"


def _doc(kind: DocumentType, text: str, unsure: dict[int, float], facts: DocumentFacts) -> Document:
    scores = tuple(unsure.get(i, 0.99) for i in range(len(text)))
    block = Block(kind=BlockKind.LINE, text=text, source="scan.pdf", page=3, char_scores=scores)
    title = "行政处罚决定书" if kind is DocumentType.DECISION else "送达回证"
    return Document(
        type=kind, title=title, source="scan.pdf", pages=(3, 3), confidence=0.9, blocks=[block], facts=facts
    )


def _con005(served: str, served_score: float, decision: str, decision_score: float) -> list[Finding]:
    text = SERVED.format(served)
    at = text.index("（") + 1
    case = Case(
        source="scan.pdf",
        files=["scan.pdf"],
        documents=[
            _doc(
                DocumentType.DECISION,
                decision,
                {0: decision_score},
                DocumentFacts(case_number=decision.replace("（", "〔").replace("）", "〕")),
            ),
            _doc(
                DocumentType.SERVICE_RECEIPT,
                text,
                {at: served_score},
                DocumentFacts(served_document_type=DocumentType.DECISION),
            ),
        ],
    )
    return [f for f in run_rules(case, RULES) if f.rule_id == "CON-005"]


def test_look_alikes_read_unsurely_in_the_agency_code_are_the_scans_misread() -> None:
    assert _con005("像卫健罚〔2019〕12号", 0.45, "偏卫健罚〔2019〕12号", 0.40) == []


def test_an_unsure_character_that_sounds_alike_needs_review() -> None:
    (finding,) = _con005("儋卫健罚〔2019〕12号", 0.99, "担卫健罚〔2019〕12号", 0.62)
    assert finding.needs_review is True
    assert finding.message.endswith(
        "无法判断：文号“儋卫健罚〔2019〕12号”与处罚决定书“担卫健罚〔2019〕12号”不同的字“担”识别置信度低（0.62），"
        "无法确定是文书笔误还是扫描识别有误"
    )


def test_a_sound_alike_read_as_a_mere_guess_is_the_scans_misread() -> None:
    assert _con005("儋卫健罚〔2019〕12号", 0.99, "担卫健罚〔2019〕12号", 0.42) == []


def test_a_difference_read_surely_is_a_finding() -> None:
    (finding,) = _con005("像卫健罚〔2019〕12号", 0.97, "儋卫健罚〔2019〕12号", 0.98)
    assert (
        finding.message
        == "送达回证记载的文书文号“像卫健罚〔2019〕12号”与处罚决定书“儋卫健罚〔2019〕12号”不一致"
    )
    assert finding.needs_review is False


def test_a_different_serial_is_a_finding_however_unsure_the_code() -> None:
    (finding,) = _con005("像卫健罚〔2019〕13号", 0.45, "偏卫健罚〔2019〕12号", 0.40)
    assert finding.needs_review is False


def _bare_decision_case(served_line: str) -> list[Finding]:
    """A tax decision (税务行政处罚决定书, 定安国税罚〔2016〕12号) and a receipt whose line names a bare
    决定书."""
    decision = Document(
        type=DocumentType.DECISION,
        title="税务行政处罚决定书",
        source="scan.pdf",
        pages=(3, 3),
        confidence=0.9,
        blocks=[Block(kind=BlockKind.LINE, text="定安国税罚（2016）第012号", source="scan.pdf", page=3)],
        facts=DocumentFacts(case_number="定安国税罚〔2016〕12号"),
    )
    receipt = Document(
        type=DocumentType.SERVICE_RECEIPT,
        title="文书送达回证",
        source="scan.pdf",
        pages=(5, 5),
        confidence=0.9,
        blocks=[Block(kind=BlockKind.LINE, text=served_line, source="scan.pdf", page=5)],
        facts=DocumentFacts(served_document_type=DocumentType.DECISION),
    )
    case = Case(source="scan.pdf", files=["scan.pdf"], documents=[decision, receipt])
    return [f for f in run_rules(case, RULES) if f.rule_id == "CON-005"]


def test_a_bare_decision_name_with_the_agency_code_read_one_character_short_is_the_decisions() -> None:
    # the dot-matrix receipt: 处罚 misread (处有), 国 lost from the code, the brackets read as 1
    (finding,) = _bare_decision_case("送达文书名称及文号 税务行取处有决定书定安税罚120161第021号")
    assert finding.message == (
        "送达回证记载的文书文号“定安税罚〔2016〕21号”与处罚决定书“定安国税罚〔2016〕12号”不一致"
    )
    assert finding.needs_review is False


def test_a_bare_decision_name_with_another_agency_code_serves_another_decision() -> None:
    # a 税务处理决定书's number (定安国税处) beside a bare 决定书 is no number of the penalty decision
    assert _bare_decision_case("送达文书名称及文号 决定书定安国税处〔2016〕第021号") == []
