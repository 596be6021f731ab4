"""Forms whose signing blocks put the ink on a blank line over each caption ("[ink]" over "受送达人（签字）",
"[ink]" over "送达人（签字）"): a blank line of ink between two captions is the signing of the caption under
it, not of the one above, once the form's last caption has its ink over it and none under it. Forms that
sign under their captions keep the ink with the caption above."""

from __future__ import annotations

import pytest

from casefile_eval.codes import DocumentType as T
from casefile_eval.extract import extract_document_facts
from casefile_eval.model import Block, BlockKind, Document, ImageItem, ImageKind


def _slots(texts: list[str], inked: list[int]) -> list[tuple[str, bool | None]]:
    blocks = [Block(kind=BlockKind.PARAGRAPH, text=t, source="a.docx", page=1) for t in texts]
    images = [
        ImageItem(kind=ImageKind.SIGNATURE, source="a.docx", page=1, block_index=i, width=60, height=20)
        for i in inked
    ]
    doc = Document(
        type=T.SERVICE_RECEIPT,
        title="送达回证",
        source="a.docx",
        pages=(1, 1),
        confidence=1.0,
        blocks=blocks,
        images=images,
    )
    return [(s.label, s.filled) for s in extract_document_facts(doc).signatures]


HEAD = ["送达回证", "送达文书名称及文号：《行政处罚决定书》；送达方式：直接送达；送达时间：2020-10-10。"]
OVER = [*HEAD, "", "受送达人（签字）\u30002020-10-10", "", "送达人（签字）"]
UNDER = [*HEAD, "受送达人（签字）\u30002020-10-10", "", "送达人（签字）", ""]


@pytest.mark.parametrize(
    ("texts", "inked", "expected"),
    [
        (OVER, [2, 4], [("受送达人(签字)", True), ("送达人(签字)", True)]),
        (OVER, [2], [("受送达人(签字)", True), ("送达人(签字)", False)]),
        (OVER, [4], [("受送达人(签字)", False), ("送达人(签字)", True)]),
        (UNDER, [3, 5], [("受送达人(签字)", True), ("送达人(签字)", True)]),
        (UNDER, [3], [("受送达人(签字)", True), ("送达人(签字)", False)]),
    ],
)
def test_a_line_of_ink_between_two_captions(
    texts: list[str], inked: list[int], expected: list[tuple[str, bool | None]]
) -> None:
    assert _slots(texts, inked) == expected
