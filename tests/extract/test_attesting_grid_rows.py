"""A .docx 集体讨论记录 ending in a grid `审批环节及意见 | 签名 | 日期` whose rows only attest
(主持人：同意。, 记录人：记录属实。): each row is signed by the handwriting image in its own 签名 cell,
or left unsigned."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document as Docx
from docx.shared import Cm

import casefile_eval
from casefile_eval.codes import DocumentType
from tests.parsers.builders import signature_png

HEAD = [
    ("讨论时间：2024年9月10日", "地点：本局会议室"),
    ("主持人：方志成", "出席人员：方志成、余国庆、吴婉清"),
    ("讨论内容：承办人汇报案情，与会人员认为事实清楚、证据充分。", "讨论结论：同意罚款人民币伍万元。"),
]


def _record(path: Path, recorder_signs: bool) -> Path:
    doc = Docx()
    doc.add_paragraph("案件集体讨论记录")
    head = doc.add_table(rows=len(HEAD), cols=2)
    for r, (left, right) in enumerate(HEAD):
        head.cell(r, 0).text, head.cell(r, 1).text = left, right
    grid = doc.add_table(rows=3, cols=3)
    for k, word in enumerate(["审批环节及意见", "签名", "日期"]):
        grid.cell(0, k).text = word
    for r, (row, signs) in enumerate([("主持人：同意。", True), ("记录人：记录属实。", recorder_signs)], 1):
        grid.cell(r, 0).text = row
        if signs:
            grid.cell(r, 1).paragraphs[0].add_run().add_picture(io.BytesIO(signature_png()), width=Cm(2.5))
        grid.cell(r, 2).text = "2024年9月10日"
    doc.save(str(path))
    return path


@pytest.mark.parametrize("recorder_signs", [True, False])
def test_an_attesting_row_is_signed_in_its_signing_cell(tmp_path: Path, recorder_signs: bool) -> None:
    case = casefile_eval.read_case(_record(tmp_path / "集体讨论记录.docx", recorder_signs))
    (record,) = [d for d in case.documents if d.type is DocumentType.COLLECTIVE_DISCUSSION]
    recorder = [(s.evidence.text, s.filled) for s in record.facts.signatures if s.label == "记录人"]
    assert recorder == [("记录人:记录属实。", recorder_signs)]
