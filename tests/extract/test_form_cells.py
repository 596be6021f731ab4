"""Forms laid out in table cells: the signature row at the foot of every page of a 笔录 (被询问人签名 |
执法人员 | 执法人员 | 记录人, labels above the ink), and an approval step whose signature and date sit in
cells of their own (签名 | <ink> | 日期 | 2022-05-31)."""

from __future__ import annotations

import datetime as dt

from casefile_eval.codes import DateKind, Role
from casefile_eval.codes import DocumentType as T
from casefile_eval.extract import extract_document_facts
from casefile_eval.model import Block, BlockKind, Document, ImageItem, ImageKind


def _cells(rows: list[tuple[int, int, list[str]]]) -> list[Block]:
    """Cells of (page, table, texts) rows, numbered row by row within each table."""
    blocks: list[Block] = []
    seen: dict[int, int] = {}
    for page, table, texts in rows:
        row = seen.get(table, -1) + 1
        seen[table] = row
        blocks += [
            Block(kind=BlockKind.CELL, text=t, source="a.docx", page=page, table=table, row=row, col=c)
            for c, t in enumerate(texts)
        ]
    return blocks


def _signed(blocks: list[Block], empty_cells: list[int]) -> list[ImageItem]:
    return [
        ImageItem(
            kind=ImageKind.SIGNATURE, source="a.docx", page=blocks[i].page, block_index=i, width=50, height=20
        )
        for i in empty_cells
    ]


def test_the_signature_row_at_the_foot_of_each_page_is_a_row_of_slots() -> None:
    """On page 1 of 2 the bare 执法人员 and 记录人 cells stand in the row of 被询问人签名: slots, though the
    page is not the record's last third."""
    head = [
        Block(kind=BlockKind.PARAGRAPH, text=t, source="a.docx", page=1)
        for t in ("询问笔录", "问：…", "答：…")
    ]
    footer = ["被询问人签名", "执法人员", "执法人员", "记录人"]
    cells = _cells([(1, 0, footer), (1, 0, ["", "", "", ""]), (2, 1, footer), (2, 1, ["", "", "", ""])])
    # as the .docx reader gives a grid whose field names stand above their values: each label, its value
    body = [cells[k] for start in (0, 8) for col in range(4) for k in (start + col, start + 4 + col)]
    pages = [
        Block(kind=BlockKind.PARAGRAPH, text=f"问：第{n}问", source="a.docx", page=2) for n in (1, 2, 3, 4)
    ]
    blocks = head + body[:8] + pages + body[8:]
    ink = [i for i, b in enumerate(blocks) if b.kind is BlockKind.CELL and not b.text]
    doc = Document(
        type=T.INQUIRY_RECORD,
        title="询问笔录",
        source="a.docx",
        pages=(1, 2),
        confidence=1.0,
        blocks=blocks,
        images=_signed(blocks, ink),
    )
    slots = [(s.role, s.label, s.filled, s.count) for s in extract_document_facts(doc).signatures]
    row = [
        (Role.PARTY, "被询问人签名", True, 1),
        (Role.OFFICER, "执法人员", True, 1),
        (Role.OFFICER, "执法人员", True, 1),
        (Role.RECORDER, "记录人", True, 1),
    ]
    assert slots == row + row


def test_an_approval_date_in_its_own_cell_after_the_signature_cell_is_the_approval_date() -> None:
    blocks = [Block(kind=BlockKind.PARAGRAPH, text="行政处罚决定审批表", source="a.docx", page=1)]
    blocks += _cells(
        [
            (1, 0, ["当事人", "孟庆丰"]),
            (1, 0, ["负责人审批意见", "同意，按拟处理意见作出处罚决定。"]),
            (1, 0, ["签名", "", "日期", "2022-05-31"]),
        ]
    )
    doc = Document(
        type=T.DECISION_APPROVAL,
        title="行政处罚决定审批表",
        source="a.docx",
        pages=(1, 1),
        confidence=1.0,
        blocks=blocks,
        images=_signed(blocks, [6]),
    )
    facts = extract_document_facts(doc)
    assert [(d.kind, d.value, d.role) for d in facts.dates] == [
        (DateKind.APPROVED, dt.date(2022, 5, 31), Role.APPROVER)
    ]


def _form(doc_type: T, blocks: list[Block], signed: list[int]) -> Document:
    return Document(
        type=doc_type,
        title=None,
        source="a.docx",
        pages=(1, 1),
        confidence=1.0,
        blocks=blocks,
        images=_signed(blocks, signed),
    )


def test_each_step_is_signed_in_the_column_headed_for_signing() -> None:
    """环节 | 意见 | 签章/日期: each step's ink and date stand in its row's third cell."""
    blocks = _cells(
        [
            (1, 0, ["环节", "意见", "签章/日期"]),
            (1, 0, ["承办人意见", "建议立案调查。", "2022-8-15"]),
            (1, 0, ["负责人审批意见", "同意立案。", "2022-8-15"]),
        ]
    )
    for signed in ([5, 8], [5]):
        facts = extract_document_facts(_form(T.FILING_APPROVAL, blocks, signed))
        assert [(s.role, s.filled) for s in facts.signatures] == [
            (Role.OFFICER, True),
            (Role.APPROVER, 8 in signed),
        ]


def test_signing_words_in_brackets_belong_to_the_label() -> None:
    """In "被询问人签字（捺印） | [ink] 2019年8月7日" the bracketed 捺印 is part of the label, so the cell
    beside it is where the party signs."""
    blocks = _cells(
        [
            (1, 0, ["被询问人签字（捺印）", "2019年8月7日", "记录人", ""]),
            (1, 0, ["执法人员签字", ""]),
        ]
    )
    for signed in ([1, 3, 5], [3, 5]):
        facts = extract_document_facts(_form(T.INQUIRY_RECORD, blocks, signed))
        assert [(s.label, s.role, s.filled) for s in facts.signatures] == [
            ("被询问人签字(捺印)", Role.PARTY, 1 in signed),
            ("记录人", Role.RECORDER, True),
            ("执法人员签字", Role.OFFICER, True),
        ]
