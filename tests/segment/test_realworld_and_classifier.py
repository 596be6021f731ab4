from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from docx import Document as DocxDocument

from casefile_eval.codes import DocumentType as T
from casefile_eval.model import Block, BlockKind, Page, ParsedFile
from casefile_eval.segment import split_documents
from casefile_eval.segment.classify import classify_text

TAX_DECISIONS = [
    "4060a17dd4a3fa1c78ad.docx",
    "ae03e7931046b2a89bb9.docx",
    "7b446ef1ecff49132d35.docx",
    "0d5f1a60c7c880da63d7.pdf",
    "78ea0c2f117a55b86c4a.pdf",
    "87779d6b81bd2cdfd477.pdf",
]


def read_real(path: Path) -> ParsedFile:
    """A ParsedFile built the simple way: docx paragraphs on page 1, pdf text lines per page."""
    blocks: list[Block] = []
    pages: list[Page] = []
    if path.suffix == ".docx":
        pages.append(Page(source=path.name, number=1))
        paragraphs = DocxDocument(str(path)).paragraphs
        blocks += [Block(kind=BlockKind.PARAGRAPH, text=p.text, source=path.name, page=1) for p in paragraphs]
    else:
        with pdfplumber.open(path) as document:
            for number, page in enumerate(document.pages, start=1):
                pages.append(Page(source=path.name, number=number))
                lines = (page.extract_text() or "").splitlines()
                blocks += [Block(kind=BlockKind.LINE, text=t, source=path.name, page=number) for t in lines]
    return ParsedFile(source=path.name, format=path.suffix[1:], sha256="0", pages=pages, blocks=blocks)


@pytest.mark.parametrize("name", TAX_DECISIONS)
def test_real_tax_decisions_are_one_decision(realworld: Path, name: str) -> None:
    file = read_real(realworld / "tax" / name)
    docs = split_documents([file])
    assert [(d.type, d.type_method, d.pages) for d in docs] == [(T.DECISION, "title", (1, len(file.pages)))]
    assert docs[0].title is not None
    assert docs[0].title.strip() in ("税务处理决定书", "税务行政处罚决定书")
    assert len(docs[0].blocks) == len(file.blocks)


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("doc01.txt", "行政处罚决定书"),
        ("doc02.txt", "税务行政处罚决定书"),
        ("doc06.txt", "中国银行保险监督管理委员会行政处罚决定书"),
    ],
)
def test_real_text_decisions(realworld: Path, name: str, title: str) -> None:
    lines = (realworld / "texts" / name).read_text(encoding="utf-8").splitlines()
    blocks = [Block(kind=BlockKind.LINE, text=t, source=name) for t in lines if t.strip()]
    docs = split_documents([ParsedFile(source=name, format="txt", sha256="0", blocks=blocks)])
    assert [(d.type, d.title, d.pages) for d in docs] == [(T.DECISION, title, None)]


def test_untitled_inquiry_record_is_typed_by_the_classifier() -> None:
    texts = [
        "时间：2024年5月7日9时至10时 地点：本局办公室",
        "调查人：刘某、陈某 记录人：陈某",
        "问：我们是区城市管理执法局的执法人员，现依法向你了解有关情况，你有如实陈述的义务，是否申请回避？",
        "答：不申请回避。",
        "问：门店外摆放的货架是谁放的，放了多久了？",
        "答：是我放的，大概放了一个星期。",
        "问：以上所说是否属实？答：属实。",
        "被询问人签名：以上笔录我已看过，记录属实。",
    ]
    file = ParsedFile(
        source="scan.pdf",
        format="pdf",
        sha256="0",
        pages=[Page(source="scan.pdf", number=1)],
        blocks=[Block(kind=BlockKind.LINE, text=t, source="scan.pdf", page=1) for t in texts],
    )
    docs = split_documents([file])
    assert [(d.type, d.title, d.type_method) for d in docs] == [(T.INQUIRY_RECORD, None, "classifier")]
    assert 0.3 <= docs[0].confidence <= 0.9


def test_classifier_reads_untitled_real_decision_bodies(realworld: Path) -> None:
    for name in ("doc04.txt", "doc07.txt"):
        found = classify_text((realworld / "texts" / name).read_text(encoding="utf-8"))
        assert found is not None
        assert found[0] is T.DECISION, name


def test_thirty_titled_documents_split_by_titles() -> None:
    """30 documents on 60 pages, the usual shapes: one-page forms, multi-page records and decisions."""
    shapes = [("立案审批表", 2), ("询问笔录", 3), ("现场笔录", 2), ("行政处罚事先告知书", 1), ("送达回证", 1)]
    body = "经查，当事人于2024年1月至3月期间销售超过保质期的食品，货值金额三百六十元。"
    blocks: list[Block] = []
    page = 0
    for title, length in shapes * 6:
        for index in range(length):
            page += 1
            texts = ([title] if index == 0 else []) + [body] * 20
            blocks += [Block(kind=BlockKind.LINE, text=t, source="c.pdf", page=page) for t in texts]
    pages = [Page(source="c.pdf", number=n) for n in range(1, page + 1)]
    file = ParsedFile(source="c.pdf", format="pdf", sha256="0", pages=pages, blocks=blocks)
    docs = split_documents([file])
    assert [d.pages for d in docs[:5]] == [(1, 2), (3, 5), (6, 7), (8, 8), (9, 9)]
    assert len(docs) == 30
    assert all(d.type_method == "title" for d in docs)
