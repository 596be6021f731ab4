"""A decision whose remedy sentence OCR read only in part (the rest lost under an archive stamp) is a
question for a person (REM-001 undecided, needs review); the same words from a text layer, or a sentence
read to its end that offers nothing, stay a finding."""

from __future__ import annotations

from casefile_eval.codes import DocumentType
from casefile_eval.extract import extract_document_facts
from casefile_eval.model import Block, BlockKind, Case, Document
from casefile_eval.results import Finding
from casefile_eval.rules.engine import run_rules
from casefile_eval.rules.loader import load_rules

RULES = load_rules()
BODY = [
    "锦州市古塔区市场监督管理局",
    "行政处罚决定书",
    "锦古市监罚〔2026〕7号",
    "当事人：锦州市古塔区福顺超市",
    "本机关认为，你单位的上述行为违反了《中华人民共和国价格法》第十三条第一款的规定。依据《中华人民共和国价格法》",
    "第四十二条的规定，本机关决定对你单位作出如下行政处罚：罚款人民币叁仟元整。",
]


def _rem001(tail: list[str], ocr: bool) -> list[Finding]:
    blocks = [
        Block(kind=BlockKind.LINE, text=t, source="d.pdf", page=11, confidence=0.97 if ocr else None)
        for t in [*BODY, *tail, "锦州市古塔区市场监督管理局", "2026年2月25日"]
    ]
    doc = Document(
        type=DocumentType.DECISION,
        title="行政处罚决定书",
        source="d.pdf",
        pages=(11, 11),
        confidence=0.9,
        blocks=blocks,
    )
    doc.facts = extract_document_facts(doc)
    case = Case(source="d.pdf", files=["d.pdf"], documents=[doc])
    return [f for f in run_rules(case, RULES) if f.rule_id == "REM-001"]


CUT = ["如不服本处罚决定，可以在收到本决定书之日起六十日内向锦州市古塔区人民政府申请行政复", "2026.04.23"]


def test_a_remedy_sentence_read_in_part_on_a_scan_needs_review() -> None:
    (finding,) = _rem001(CUT, ocr=True)
    assert finding.message == (
        "未告知复议诉讼途径（行政处罚决定书第11页）：无法判断：扫描件上的救济途径告知未读完整，"
        "无法确定是否告知了复议、诉讼的途径和期限"
    )
    assert (finding.needs_review, finding.evidence) == (True, CUT[0])


def test_the_same_words_in_a_text_layer_are_a_finding() -> None:
    (finding,) = _rem001(CUT, ocr=False)
    assert finding.message == "行政处罚决定书救济途径告知错误：未告知申请行政复议、提起行政诉讼的途径和期限"
    assert finding.needs_review is False


def test_a_scan_read_to_the_sentences_end_that_offers_nothing_is_a_finding() -> None:
    (finding,) = _rem001(["如不服本处罚决定，可以向本机关反映。"], ocr=True)
    assert finding.message == "行政处罚决定书救济途径告知错误：未告知申请行政复议、提起行政诉讼的途径和期限"
    assert finding.needs_review is False


def _rem004(remedy: str, ocr: bool) -> list[Finding]:
    blocks = [
        Block(kind=BlockKind.LINE, text=t, source="d.pdf", page=11, confidence=0.97 if ocr else None)
        for t in [*BODY, remedy, "锦州市古塔区市场监督管理局", "2026年2月25日"]
    ]
    doc = Document(
        type=DocumentType.DECISION,
        title="行政处罚决定书",
        source="d.pdf",
        pages=(11, 11),
        confidence=0.9,
        blocks=blocks,
    )
    doc.facts = extract_document_facts(doc)
    case = Case(source="d.pdf", files=["d.pdf"], documents=[doc])
    return [f for f in run_rules(case, RULES) if f.rule_id == "REM-004"]


# 起六 read as one character: the period is written, its number lost in reading
NUMBER_LOST = (
    "如不服本处罚决定，可以在收到本决定书之日起六十日内向锦州市古塔区人民政府申请行政复议；"
    "也可以在收到本决定书之日超个月内向锦州市古塔区人民法院提起行政诉讼。"
)


def test_a_litigation_period_whose_number_was_lost_on_a_scan_needs_review() -> None:
    (finding,) = _rem004(NUMBER_LOST, ocr=True)
    assert finding.message == (
        "起诉期限错误（行政处罚决定书第11页）：无法判断：扫描件上救济途径告知的期限数字未能识别，"
        "无法判断期限是否正确"
    )
    assert (finding.needs_review, finding.evidence) == (True, NUMBER_LOST)


def test_the_same_words_in_a_text_layer_are_a_missing_period() -> None:
    (finding,) = _rem004(NUMBER_LOST, ocr=False)
    assert finding.message == "行政处罚决定书救济途径告知错误：未写明提起行政诉讼的期限"
    assert finding.needs_review is False


def test_a_scan_that_names_no_litigation_period_at_all_is_a_finding() -> None:
    remedy = NUMBER_LOST.replace("在收到本决定书之日超个月内", "")
    (finding,) = _rem004(remedy, ocr=True)
    assert finding.message == "行政处罚决定书救济途径告知错误：未写明提起行政诉讼的期限"
    assert finding.needs_review is False


def _remedy(remedy: str, scores: tuple[float, ...] | None, rule: str) -> list[Finding]:
    """The findings of `rule` on a decision whose remedy line was read with these character scores (None:
    a text layer)."""
    line = Block(
        kind=BlockKind.LINE,
        text=remedy,
        source="d.pdf",
        page=11,
        confidence=0.9 if scores else None,
        char_scores=scores,
    )
    blocks = [
        Block(kind=BlockKind.LINE, text=t, source="d.pdf", page=11, confidence=0.97 if scores else None)
        for t in BODY
    ]
    tail = [
        Block(kind=BlockKind.LINE, text=t, source="d.pdf", page=11, confidence=0.97 if scores else None)
        for t in ("锦州市古塔区市场监督管理局", "2026年2月25日")
    ]
    doc = Document(
        type=DocumentType.DECISION,
        title="行政处罚决定书",
        source="d.pdf",
        pages=(11, 11),
        confidence=0.9,
        blocks=[*blocks, line, *tail],
    )
    doc.facts = extract_document_facts(doc)
    case = Case(source="d.pdf", files=["d.pdf"], documents=[doc])
    return [f for f in run_rules(case, RULES) if f.rule_id == rule]


# 六十日 read 六一日 (一 at 0.56), 六个月 read 六全月 (全 at 0.29) on a dotted copy
MISREAD = (
    "如不服本处罚决定，可在收到本决定书之日起六一日内向锦州市古塔区人民政府申请行政复议，"
    "也可以在六全月内直接向锦州市古塔区人民法院提起行政诉讼。"
)


def _scores(unsure: dict[str, float]) -> tuple[float, ...]:
    at = {MISREAD.index(word) + len(word) - 1: score for word, score in unsure.items()}
    return tuple(at.get(k, 0.99) for k in range(len(MISREAD)))


def test_a_wrong_period_read_unsurely_on_a_scan_needs_review() -> None:
    (finding,) = _remedy(MISREAD, _scores({"六一": 0.56, "六全": 0.29}), "REM-003")
    assert finding.message == (
        "复议期限错误（行政处罚决定书第11页）：无法判断：申请行政复议的期限应为六十日，写为“六一日内”，"
        "但扫描件上该期限的数字识别置信度低（0.56），无法确定是文书写错还是识别有误"
    )
    assert (finding.needs_review, finding.confidence) == (True, 0.56)


def test_a_wrong_period_read_surely_is_a_finding() -> None:
    (finding,) = _remedy(MISREAD, _scores({}), "REM-003")
    assert finding.message == "行政处罚决定书救济途径告知错误：申请行政复议的期限应为六十日，写为“六一日内”"
    assert finding.needs_review is False
    (text_layer,) = _remedy(MISREAD, None, "REM-003")
    assert text_layer.message == finding.message


def test_a_months_unit_whose_character_was_misread_on_a_scan_needs_review() -> None:
    (finding,) = _remedy(MISREAD, _scores({"六一": 0.56, "六全": 0.29}), "REM-004")
    assert finding.message == (
        "起诉期限错误（行政处罚决定书第11页）：无法判断：扫描件上救济途径告知的期限数字未能识别，"
        "无法判断期限是否正确"
    )
    (text_layer,) = _remedy(MISREAD, None, "REM-004")
    assert text_layer.message == "行政处罚决定书救济途径告知错误：未写明提起行政诉讼的期限"
