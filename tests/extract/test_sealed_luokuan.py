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


def test_a_date_under_the_seals_ring_below_the_misread_name_it_sits_on_is_the_luokuan() -> None:
    # (holdout50 scans: 汉寿县交通运输局 read 牧寿县交通运输蒿 under the seal, the 日 of its date lost; the
    # party's receipt row above it)
    lines = [
        ("违法行为通知书", 220, 60, 380, 76),
        ("根据《中华人民共和国行政处罚法》第四十四条的规定，你有权进行陈述和申辩。", 60, 140, 531, 151),
        ("当事人签收：龚海波 20236.1", 232, 306, 418, 321),
        ("牧寿县交通运输蒿", 384, 332, 484, 361),
        ("2023年6月16", 393, 358, 475, 379),
    ]
    blocks = [
        Block(
            kind=BlockKind.LINE,
            text=t,
            source="s.pdf",
            page=1,
            bbox=BBox(x0=a, top=b, x1=c, bottom=d),
            confidence=0.95,
        )
        for t, a, b, c, d in lines
    ]
    seal = ImageItem(
        kind=ImageKind.SEAL,
        source="s.pdf",
        page=1,
        block_index=3,
        bbox=BBox(x0=383, top=291, x1=487, bottom=395),
        width=104,
        height=104,
    )
    doc = Document(
        type=T.PRIOR_NOTICE,
        title=lines[0][0],
        source="s.pdf",
        pages=(1, 1),
        confidence=1.0,
        blocks=blocks,
        images=[seal],
    )
    last = extract_document_facts(doc).dates[-1]
    assert (last.kind, last.raw, last.label) == (DateKind.NOTIFIED, "2023年6月16", "落款")
