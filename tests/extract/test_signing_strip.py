"""A signing strip under an approval form: a row of column headings naming who signs (承办人 | 承办机构 |
负责人审批), the signatures in the row under it and the dates under those. Each heading is a signature
slot of its role; the opinion rows above (负责人审批意见 | 同意立案。) are signed in the strip."""

from __future__ import annotations

from casefile_eval.codes import DocumentType
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from casefile_eval.model import BBox, Block, BlockKind, Document, ImageItem, ImageKind
from tests.extract.docs import doc_from_lines, doc_from_rows

FORM = [
    ["案由", "未取得道路运输经营许可擅自从事道路货物运输经营案"],
    ["承办人意见", "建议立案调查。"],
    ["承办机构意见", "同意立案，由承办人负责调查。"],
    ["负责人审批意见", "同意立案。"],
]
STRIP = [["承办人", "承办机构", "负责人审批"], ["", "", ""], ["2022-04-11", "2022-04-11", "2022-04-11"]]


def _form(signed_cells: list[int]) -> list[tuple[str, str, bool | None, int | None]]:
    """The form and its strip as one docx table (the strip's cells after the form's 8); a signature
    picture in each of `signed_cells` (0, 1, 2: the strip's columns)."""
    images = [
        ImageItem(kind=ImageKind.SIGNATURE, source="form.docx", page=1, block_index=8 + 3 + column)
        for column in signed_cells
    ]
    rows = FORM + STRIP
    doc = doc_from_rows(rows, DocumentType.FILING_APPROVAL, images=images)
    for block in doc.blocks[8:]:
        block.table, block.row = 1, (block.row or 0) - len(FORM)
    return [(s.label, s.role.value, s.filled, s.count) for s in find_signatures(DocText.of(doc))]


def test_each_heading_of_the_strip_is_signed_by_the_picture_under_it() -> None:
    assert _form([0, 0, 1, 2]) == [("承办人", "officer", True, 2), ("负责人审批", "approver", True, 1)]


def test_an_empty_column_of_the_strip_is_an_unsigned_slot() -> None:
    assert _form([0, 1]) == [("承办人", "officer", True, 1), ("负责人审批", "approver", False, None)]


def test_a_strip_read_as_lines_from_a_pdf() -> None:
    doc = doc_from_lines(
        [
            "承办人意见 建议立案调查。",
            "负责人审批意见 同意立案。",
            "承办人 承办机构 负责人审批",
            "2022-04-11 2022-04-11 2022-04-11",
        ],
        DocumentType.FILING_APPROVAL,
    )
    assert [(s.label, s.role.value) for s in find_signatures(DocText.of(doc))] == [
        ("承办人", "officer"),
        ("负责人审批", "approver"),
    ]


def test_a_row_of_names_beside_role_labels_is_no_strip() -> None:
    """询问人 | 张三 | 记录人 | 李四 in a record's head: names beside labels, not a strip to sign in (the
    bare 询问人 stays no slot; 记录人 takes the name beside it as before)."""
    doc = doc_from_rows([["询问人", "张三", "记录人", "李四"]], DocumentType.INQUIRY_RECORD)
    assert [(s.label, s.filled) for s in find_signatures(DocText.of(doc))] == [("记录人", True)]


def test_a_strip_read_by_ocr_column_by_column() -> None:
    """A scanned strip read column by column (承办人, its signatures and date; 负责人, its 名章 and date):
    the two headings are lines side by side in one row, each a slot signed by the ink placed on it."""
    rows = [
        ("承办人意见 建议按上述意见作出行政处罚决定。", (170, 485, 688, 517)),
        ("负责人意见 同意。", (170, 528, 405, 561)),
        ("承办人", (363, 590, 431, 622)),
        ("朱晓峰金思远2022-05-10", (245, 644, 537, 763)),
        ("负责人", (836, 591, 903, 623)),
        ("2022-05-10", (817, 735, 922, 763)),
    ]
    blocks = [
        Block(
            kind=BlockKind.LINE, text=text, source="scan.pdf", page=11, bbox=BBox(x0=a, top=b, x1=c, bottom=d)
        )
        for text, (a, b, c, d) in rows
    ]

    def slots(sealed: bool) -> list[tuple[str, str, bool | None]]:
        images = [
            ImageItem(kind=ImageKind.SIGNATURE, source="scan.pdf", page=11, block_index=3, ink_offset=2)
        ]
        images += (
            [ImageItem(kind=ImageKind.SIGNATURE, source="scan.pdf", page=11, block_index=4)] if sealed else []
        )
        doc = Document(
            type=DocumentType.DECISION_APPROVAL,
            title="行政处罚决定审批表",
            source="scan.pdf",
            pages=(11, 11),
            confidence=1.0,
            blocks=blocks,
            images=images,
        )
        return [(s.label, s.role.value, s.filled) for s in find_signatures(DocText.of(doc))]

    assert slots(True) == [("承办人", "officer", True), ("负责人", "approver", True)]
    assert slots(False) == [("承办人", "officer", True), ("负责人", "approver", False)]


def test_a_strip_of_signers_only_is_signed_in_the_cells_under_its_headings() -> None:
    """holdout21's 现场照片 (.docx): 当事人确认 | 拍摄人, each signed by a picture in the cell under it."""
    rows = [["拍摄时间", "2018年5月2日"], ["当事人确认", "拍摄人"], ["2018年5月2日", "2018年5月2日"]]
    images = [
        ImageItem(kind=ImageKind.SIGNATURE, source="photo.docx", page=1, block_index=block, ink_offset=0)
        for block in (4, 5)
    ]
    doc = doc_from_rows(rows, DocumentType.EVIDENCE, images=images)
    for block in doc.blocks[2:]:
        block.table, block.row = 1, (block.row or 0) - 1
    slots = find_signatures(DocText.of(doc))
    assert [(s.label, s.role.value, s.filled, s.count) for s in slots] == [
        ("当事人确认", "party", True, 1),
        ("拍摄人", "officer", True, 1),
    ]


def test_a_row_of_labels_each_with_its_value_cell_is_no_strip() -> None:
    """holdout9's 听证笔录 (.docx): 当事人签名 | (empty) | 主持人签名 | [ink] over 记录员签名 | [ink] |
    日期 | …: each label's cell beside it is its slot, not the cell under it."""
    rows = [
        ["听证时间", "2026年4月29日9时30分至11时05分"],
        ["当事人签名", "", "主持人签名", ""],
        ["记录员签名", "", "日期", "2026年4月29日"],
    ]
    images = [
        ImageItem(kind=ImageKind.SIGNATURE, source="h.docx", page=1, block_index=block, ink_offset=0)
        for block in (5, 7)
    ]
    doc = doc_from_rows(rows, DocumentType.HEARING_RECORD, images=images)
    slots = find_signatures(DocText.of(doc))
    assert [(s.label, s.filled) for s in slots] == [
        ("当事人签名", False),
        ("主持人签名", True),
        ("记录员签名", True),
    ]
