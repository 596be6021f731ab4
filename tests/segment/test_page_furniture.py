"""Lines that belong to the page, not to a document's text: page numbers (their numbers read or lost) and a
printer's imprint at a form's foot; a date missing from a document is never quoted from them."""

from __future__ import annotations

import pytest

from casefile_eval.codes import DocumentType
from casefile_eval.model import Block, BlockKind, Case, Document, DocumentFacts
from casefile_eval.rules.engine import run_rules
from casefile_eval.rules.loader import load_rules
from casefile_eval.segment.pagemarks import is_page_furniture


@pytest.mark.parametrize(
    "line",
    [
        "平凉印（连续打印纸）",
        "那典印（连续打印纸）",
        "湖南省财政厅监制",
        "某某印刷厂印制",
        "第页共页",
        "第2页 共3页",
        "- 3 -",
    ],
)
def test_page_numbers_and_imprints_are_page_furniture(line: str) -> None:
    assert is_page_furniture(line)


@pytest.mark.parametrize("line", ["平凉市城市管理行政执法局", "2017年6月5日", "已盖印", "（印）", "加盖印章"])
def test_a_documents_own_lines_are_not(line: str) -> None:
    assert not is_page_furniture(line)


def test_a_missing_decision_date_quotes_the_agency_foot_not_the_imprint_under_it() -> None:
    lines = [
        "平凉市城市管理行政执法局",
        "行政处罚决定书",
        "平城执罚字〔2017〕46号",
        "当事人：平凉市宏达土方工程有限公司",
        "本机关认为，当事人的上述行为违反了《城市建筑垃圾管理规定》第十四条的规定，依据《城市建筑垃圾管理规定》"
        "第二十三条的规定，决定罚款人民币伍仟元整。",
        "平凉市城市管理行政执法局",
        "第2页 共2页",
        "平凉印（连续打印纸）",
    ]
    blocks = [Block(kind=BlockKind.LINE, text=t, source="a.pdf", page=2) for t in lines]
    decision = Document(
        type=DocumentType.DECISION,
        title="行政处罚决定书",
        source="a.pdf",
        pages=(1, 2),
        confidence=0.9,
        blocks=blocks,
        facts=DocumentFacts(),
    )
    case = Case(source="a.pdf", files=["a.pdf"], documents=[decision])
    [finding] = [f for f in run_rules(case, load_rules()) if f.rule_id == "DAT-001"]
    assert finding.message == "行政处罚决定书第2页缺少作出决定的日期"
    assert finding.evidence == "平凉市城市管理行政执法局"
