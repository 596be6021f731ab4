"""Tables whose field names stand right of their values are read label first."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.shared import Pt

from casefile_eval.api import read_case
from casefile_eval.codes import DocumentType, Role
from casefile_eval.model import Block, BlockKind, ImageItem, ImageKind
from casefile_eval.parsers.labels_right import labels_first

from .builders import signature_png


def _cells(rows: list[list[str]], table: int = 0) -> list[Block]:
    return [
        Block(kind=BlockKind.CELL, text=text, source="a.docx", table=table, row=r, col=c)
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
    ]


def test_rows_of_values_then_labels_are_mirrored() -> None:
    blocks = _cells(
        [["伊宁市仁和口腔诊所", "当事人"], ["马晓东", "负责人"], ["同意立案。\n签名：", "机关负责人意见"]]
    )
    image = ImageItem(kind=ImageKind.SIGNATURE, source="a.docx", block_index=5)
    out, images = labels_first(blocks, [image])
    assert [(b.text, b.row, b.col) for b in out] == [
        ("当事人", 0, 0),
        ("伊宁市仁和口腔诊所", 0, 1),
        ("负责人", 1, 0),
        ("马晓东", 1, 1),
        ("机关负责人意见", 2, 0),
        ("同意立案。\n签名：", 2, 1),
    ]
    assert [im.block_index for im in images] == [4]


def test_ordinary_and_header_tables_are_kept() -> None:
    ordinary = _cells([["当事人", "张三"], ["地址", "某市某路1号"]])
    header = _cells([["受送达人签收", "送达人"], ["张三", "李四"]], table=1)
    mixed = _cells([["张三", "当事人"], ["李四", "负责人"], ["住所", "某市某路1号"]], table=2)
    blocks = ordinary + header + mixed
    assert labels_first(blocks, []) == (blocks, [])


def test_a_filing_form_with_labels_right_gives_its_party_and_the_approver_signature(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("某某县卫生健康委员会")
    doc.add_paragraph("立案审批表")
    facts = doc.add_table(rows=3, cols=2)
    for row, (value, label) in enumerate(
        [("某某县康宁口腔诊所", "当事人"), ("王某某", "负责人"), ("某某县人民路12号", "地址")]
    ):
        facts.cell(row, 0).text = value
        facts.cell(row, 1).text = label
    steps = doc.add_table(rows=2, cols=2)
    opinions = [("建议立案调查。", "承办人意见"), ("同意立案。", "机关负责人意见")]
    for row, (opinion, label) in enumerate(opinions):
        cell = steps.cell(row, 0)
        cell.text = opinion
        sign = cell.add_paragraph("签名：")
        sign.add_run().add_picture(io.BytesIO(signature_png()), width=Pt(60))
        sign.add_run("　2021年8月2日")
        steps.cell(row, 1).text = label
    path = tmp_path / "立案审批表.docx"
    doc.save(path)
    (document,) = read_case(path).documents
    assert document.type is DocumentType.FILING_APPROVAL
    assert document.facts.party == "某某县康宁口腔诊所"
    assert [(s.role, s.label, s.filled, s.method) for s in document.facts.signatures] == [
        (Role.OFFICER, "承办人意见", True, "image"),
        (Role.APPROVER, "机关负责人意见", True, "image"),
    ]
