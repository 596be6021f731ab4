"""Readings holdout50 showed wrong: the party's attestation written before the name with a colon
("以上情况属实：龙建华 2016.8.12") taken for a field's name, so the record seemed unsigned; and a form's
approval row named for the approval alone (局领导审批) with its 签名： under it in the value column, read as
no place to sign, so a blank approval went unseen."""

from __future__ import annotations

from casefile_eval.codes import DocumentType, Role
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from casefile_eval.model import BBox, Block, BlockKind, Document


def _page(
    lines: list[tuple[str, float, float]], doc_type: DocumentType, confidence: float | None
) -> Document:
    """One page of lines (text, x0, top); read by OCR when `confidence` is given, else a text layer."""
    blocks = [
        Block(
            kind=BlockKind.LINE,
            text=text,
            source="case.pdf",
            page=1,
            bbox=BBox(x0=x0, top=top, x1=x0 + 9.0 * len(text), bottom=top + 9.0),
            confidence=confidence,
        )
        for text, x0, top in lines
    ]
    return Document(
        type=doc_type, title=lines[0][0], source="case.pdf", pages=(1, 1), confidence=1.0, blocks=blocks
    )


def test_an_attestation_with_its_colon_before_the_name_signs_the_record() -> None:
    doc = _page(
        [
            ("现场检查笔录", 250, 80),
            ("检查时间：2016年8月12日9时30分", 76, 120),
            ("现场情况：厂区东侧设有暗管一根，直通漳江支流。", 76, 140),
            ("被检查人签字 以上情况属实：龙建华 2016.8.12", 76, 300),
        ],
        DocumentType.INSPECTION_RECORD,
        0.96,
    )
    slots = find_signatures(DocText.of(doc))
    assert [(s.label, s.role, s.filled, s.signer) for s in slots] == [
        ("被检查人签字", Role.PARTY, True, "龙建华")
    ]


def test_an_approval_row_with_its_signing_caption_under_it_is_a_place_to_sign() -> None:
    lines = [
        ("结案审批表", 248, 87),
        ("案件名称 桃源县某某石材加工厂私设暗管排放水污染物案", 76, 122),
        ("执行情况 2016年11月28日缴纳罚款", 76, 170),
        ("局领导审批", 76, 194),
        ("签名:", 175, 204),
        ("日期 2016年12月20日", 78, 228),
    ]
    slots = find_signatures(DocText.of(_page(lines, DocumentType.CLOSING_REPORT, None)))
    assert [(s.label, s.role, s.filled) for s in slots] == [("领导审批", Role.APPROVER, False)]


def test_a_recipient_label_with_its_signing_caption_under_it_is_a_place_to_sign() -> None:
    lines = [
        ("送达回证", 268, 84),
        ("送达文书 行政处罚决定书 沅文旅罚决〔2024〕5号", 76, 111),
        ("受送达人 沅陵县某某户外拓展有限公司", 77, 134),
        ("送达时间 2024-04-12", 76, 183),
        ("受送达人", 77, 206),
        ("签名(盖章):", 174, 216),
        ("送达人", 76, 241),
        ("签名:欧阳", 174, 250),
    ]
    slots = find_signatures(DocText.of(_page(lines, DocumentType.SERVICE_RECEIPT, None)))
    assert [(s.label, s.role, s.filled) for s in slots] == [
        ("受送达人", Role.RECIPIENT, False),
        ("送达人", Role.SERVER, True),
    ]
