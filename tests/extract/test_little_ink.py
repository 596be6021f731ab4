"""On a scan, a slot whose only ink is a mark OCR found little or small (a table rule's junction left over
the label, a speck) is undecided: it needs a person's look, neither signed nor blank."""

from __future__ import annotations

import pytest

from casefile_eval.codes import DocumentType, Role
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from casefile_eval.model import BBox, Block, BlockKind, Document, ImageItem, ImageKind

LINES = [
    ("行政处罚决定审批表", 240, 80, 380),
    ("拟处罚意见 罚款人民币捌万元", 127, 311, 297),
    ("承办人意见 建议按上述意见作出行政处罚决定。", 127, 336, 384),
    ("承办人：牛永刚 2022-06-21", 279, 356, 465),
    ("机关负责人意见 同意。", 126, 399, 248),
    ("签名： 2022-06-21", 280, 431, 455),
]


def _approval(confidence: float) -> Document:
    blocks = [
        Block(
            kind=BlockKind.LINE,
            text=text,
            source="f.pdf",
            page=12,
            bbox=BBox(x0=x0, top=top, x1=x1, bottom=top + 15),
            confidence=0.97,
        )
        for text, x0, top, x1 in LINES
    ]
    mark = ImageItem(
        kind=ImageKind.SIGNATURE,
        source="f.pdf",
        page=12,
        bbox=BBox(x0=320, top=425, x1=360, bottom=448),
        block_index=5,
        confidence=confidence,
        name="ocr:signature",
    )
    return Document(
        type=DocumentType.DECISION_APPROVAL,
        title="行政处罚决定审批表",
        source="f.pdf",
        pages=(12, 12),
        confidence=1.0,
        blocks=blocks,
        images=[mark],
    )


@pytest.mark.parametrize(("confidence", "filled"), [(0.5, None), (0.84, True)])
def test_little_ink_leaves_the_slot_undecided(confidence: float, filled: bool | None) -> None:
    slots = find_signatures(DocText.of(_approval(confidence)))
    assert [(s.role, s.label, s.filled, s.confidence) for s in slots] == [
        (Role.OFFICER, "承办人", True, 0.7),
        (Role.APPROVER, "机关负责人意见", filled, 0.5 if filled is None else 0.95),
    ]
