"""A table whose first row names the signers and whose second row holds their signatures, column by column
("被检查人签字： | 执法人员： | 执法人员： | 记录人：" over four cells signed in)."""

from __future__ import annotations

from casefile_eval.codes import DocumentType as T
from casefile_eval.codes import Role
from casefile_eval.extract import extract_document_facts
from casefile_eval.model import ImageItem, ImageKind
from tests.extract.docs import doc_from_rows

_LABELS = ["被检查人签字：", "执法人员：", "执法人员：", "记录人："]


def _signed(cells: list[int]) -> list[tuple[str, Role, bool | None]]:
    """The slots of the grid with its second-row cells (0-based columns) each holding a signature image."""
    images = [
        ImageItem(
            kind=ImageKind.SIGNATURE, source="form.docx", page=1, block_index=1 + 4 + col, width=70, height=23
        )
        for col in cells
    ]
    doc = doc_from_rows(
        [_LABELS, ["", "", "", ""]], T.INSPECTION_RECORD, images=images, before=["现场检查笔录"]
    )
    return [(s.label, s.role, s.filled) for s in extract_document_facts(doc).signatures]


def test_each_signature_fills_the_label_above_it() -> None:
    assert _signed([0, 1, 2, 3]) == [
        ("被检查人签字", Role.PARTY, True),
        ("执法人员", Role.OFFICER, True),
        ("执法人员", Role.OFFICER, True),
        ("记录人", Role.RECORDER, True),
    ]


def test_an_empty_cell_leaves_the_label_above_it_unsigned() -> None:
    assert _signed([1, 2, 3]) == [
        ("被检查人签字", Role.PARTY, False),
        ("执法人员", Role.OFFICER, True),
        ("执法人员", Role.OFFICER, True),
        ("记录人", Role.RECORDER, True),
    ]
