"""A date written by hand in its slot (签收时间 [ink] 10 时 30 分): the date is there but not read, so the
rule that wants it says it cannot decide; an empty slot is a missing date."""

from __future__ import annotations

from casefile_eval.codes import DocumentType
from casefile_eval.model import Block, BlockKind, Case, Document, ImageItem, ImageKind
from casefile_eval.rules.engine import run_rules
from casefile_eval.rules.loader import load_rules

RULES = load_rules()
CELLS = ["送达文书名称", "行政处罚决定书", "受送达人签名或盖章", "", "签收时间", "10 时 30 分", "送达人", ""]
LINES = ["送达文书名称 行政处罚决定书", "受送达人签名或盖章", "签收时间 10 时 30 分", "送达人"]


Inked = list[tuple[int, int | None]]  # (block index, ink offset) of each signature-like mark


def _findings(
    rule_id: str,
    doc_type: DocumentType,
    kind: BlockKind,
    texts: list[str],
    inked: Inked,
    confidence: float | None = None,
) -> list[tuple[str, bool]]:
    """The rule's findings on a one-page document (page 4) of those blocks and marks (read by OCR with
    `confidence`, else a text layer)."""
    blocks = [Block(kind=kind, text=t, source="r.pdf", page=4, confidence=confidence) for t in texts]
    images = [
        ImageItem(kind=ImageKind.SIGNATURE, source="r.pdf", page=4, block_index=index, ink_offset=offset)
        for index, offset in inked
    ]
    doc = Document(
        type=doc_type, title=None, source="r.pdf", pages=(4, 4), confidence=1.0, blocks=blocks, images=images
    )
    findings = run_rules(Case(source="r.pdf", documents=[doc]), RULES.only(rule_id))
    return [(f.message, f.needs_review) for f in findings]


def _receipt(
    kind: BlockKind, texts: list[str], inked: Inked, confidence: float | None = None
) -> list[tuple[str, bool]]:
    return _findings("DAT-003", DocumentType.SERVICE_RECEIPT, kind, texts, inked, confidence)


REVIEW = [("送达回证缺少签收日期（送达回证第4页）：无法判断：日期系手写，未能识别", True)]
MISSING = [("送达回证第4页缺少签收日期", False)]


def test_ink_in_the_cell_after_the_date_label_is_a_handwritten_date() -> None:
    assert _receipt(BlockKind.CELL, CELLS, [(3, None), (5, None)]) == REVIEW


def test_ink_on_the_date_line_right_of_its_label() -> None:
    assert _receipt(BlockKind.LINE, LINES, [(1, None), (2, None)]) == REVIEW
    assert _receipt(BlockKind.LINE, LINES, [(1, None), (2, 4)]) == REVIEW


def test_ink_left_of_the_date_label_or_under_another_label_is_no_date() -> None:
    assert _receipt(BlockKind.LINE, LINES, [(1, None), (2, 1)]) == MISSING
    assert _receipt(BlockKind.CELL, CELLS, [(3, None), (7, None)]) == MISSING
    signing = ["送达文书名称 行政处罚决定书", "受送达人签名或盖章", "日期： 年 月 日 签名："]
    assert _receipt(BlockKind.LINE, signing, [(2, None)]) == MISSING


def test_digits_ocr_made_of_a_handwritten_date_after_its_label_are_a_date_by_hand() -> None:
    scrawled = [
        "送达文书名称 行政处罚决定书",
        "受送达人签名或盖章 何月",
        "签收时间 202213/16 10时30分",
        "送达人",
    ]
    assert _receipt(BlockKind.LINE, scrawled, [(1, None)], confidence=0.8) == REVIEW
    # printed or typed, such digits are what the form says: no date
    assert _receipt(BlockKind.LINE, scrawled, [(1, None)]) == MISSING


APPROVAL = ["审批环节及意见 签名 日期", "承办人：建议按拟处意见作出处罚决定。", "机关负责人：同意。"]


def _approval(rows: list[str], inked: Inked) -> list[tuple[str, bool]]:
    return _findings("DAT-005", DocumentType.DECISION_APPROVAL, BlockKind.LINE, rows, inked)


HEAD_REVIEW = [
    ("行政处罚决定审批表缺少负责人审批日期（行政处罚决定审批表第4页）：无法判断：日期系手写，未能识别", True)
]
HEAD_MISSING = [("行政处罚决定审批表第4页缺少负责人审批日期", False)]


def test_a_head_row_under_a_date_column_with_a_second_mark_is_dated_by_hand() -> None:
    assert _approval(APPROVAL, [(1, None), (1, None), (2, None), (2, None)]) == HEAD_REVIEW
    assert _approval(APPROVAL, [(1, None), (1, None), (2, None)]) == HEAD_MISSING


def test_a_head_row_ending_in_digits_ocr_made_of_handwriting_is_dated_by_hand() -> None:
    rows = [*APPROVAL[:2], "机关负责人：同意。 202215127"]
    assert _approval(rows, []) == HEAD_REVIEW
    assert _approval([APPROVAL[1], rows[2]], []) == HEAD_MISSING


def test_an_e_signature_box_dates_its_step_below_the_signer() -> None:
    # an e-signed form: caption and signer's name on blocks of their own, the signing time under the box
    rows = [
        "承办机构意见 同意立案。",
        "签章",
        "张晓宇",
        "签署时间 2026-06-08 10:20:43",
        "机关负责人审批 同意立案。",
        "意见",
        "签章",
        "赵立华",
        "签署时间 2026-06-08 15:40:43",
    ]
    approval = _findings(
        "DAT-002", DocumentType.FILING_APPROVAL, BlockKind.LINE, rows, [(2, None), (7, None)]
    )
    assert approval == []
    unsigned_time = [*rows[:-1], "CA证书 EBFE4CFED128"]
    missing = _findings(
        "DAT-002", DocumentType.FILING_APPROVAL, BlockKind.LINE, unsigned_time, [(2, None), (7, None)]
    )
    assert missing == [("立案审批表第4页缺少负责人审批日期", False)]
