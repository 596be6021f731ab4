"""A 落款 date whose agency name lay under the seal and was not read: the date stands alone on its line
under a signing row; the agency's seal found on it makes it the 落款's date, not the row's."""

from __future__ import annotations

import datetime as dt

import pytest

from casefile_eval.codes import DateKind
from casefile_eval.codes import DocumentType as T
from casefile_eval.extract import extract_document_facts
from casefile_eval.model import BBox, Block, BlockKind, Document, ImageItem, ImageKind

LINES = [
    ("当场行政处罚决定书", 220, 60, 380, 76),
    ("当事人：冯建军　身份证号：412801198807150038", 60, 120, 400, 131),
    ("违法事实：当事人在解放路张贴小广告，违反了《城市市容和环境卫生管理条例》的规定。", 60, 140, 531, 151),
    ("执法人员签字：郭振华 执法人员签字：", 58, 375, 296, 401),
    ("2024年6月12", 432, 453, 490, 462),
    ("本决定书已当场交付当事人。", 60, 470, 181, 482),
]


def _decision(doc_type: T, sealed: bool) -> Document:
    blocks = [
        Block(kind=BlockKind.LINE, text=t, source="s.pdf", page=1, bbox=BBox(x0=a, top=b, x1=c, bottom=d))
        for t, a, b, c, d in LINES
    ]
    seal = ImageItem(
        kind=ImageKind.SEAL,
        source="s.pdf",
        page=1,
        block_index=4,
        bbox=BBox(x0=413, top=387, x1=516, bottom=490),
        width=103,
        height=103,
    )
    return Document(
        type=doc_type,
        title=LINES[0][0],
        source="s.pdf",
        pages=(1, 1),
        confidence=1.0,
        blocks=blocks,
        images=[seal] if sealed else [],
    )


@pytest.mark.parametrize(
    ("doc_type", "sealed", "kind"),
    [
        (T.SUMMARY_DECISION, True, DateKind.DECIDED),
        (T.SUMMARY_DECISION, False, DateKind.SIGNED),  # no seal found: the signing row's date, as before
        (T.INSPECTION_RECORD, True, DateKind.SIGNED),  # a record's seal is the party's
    ],
)
def test_a_sealed_date_alone_on_its_line_is_the_luokuan(doc_type: T, sealed: bool, kind: DateKind) -> None:
    dates = extract_document_facts(_decision(doc_type, sealed)).dates
    last = dates[-1]
    assert (last.kind, last.raw) == (kind, "2024年6月12")
    assert last.value is None  # its 日 lost under the seal: read in part, the day known
    assert (last.earliest, last.latest) == (dt.date(2024, 6, 12), dt.date(2024, 6, 12))
