"""A .docx 笔录 ending in a signing grid: a row of labels over a row of cells, each holding the handwriting
image and the date. Labels use the other words forms sign with: 签押 (被询问人签押), a bracketed 按手印
(被询问人签章（按手印）) and 记录员; each is a slot, filled by the image in the cell under it, or empty."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document as Docx
from docx.shared import Cm

import casefile_eval
from casefile_eval.codes import DocumentType, Role
from tests.parsers.builders import signature_png

BODY = [
    "询问时间：2019年4月3日9时10分至10时20分",
    "询问人：林志强、黄丽  记录人：黄丽",
    "问：我们是南平市市场监督管理局的执法人员，现依法向你了解情况。",
    "答：清楚。",
    "以上笔录我已看过，与我说的一致。",
]


def _record(path: Path, labels: list[str], signed: list[bool]) -> Path:
    doc = Docx()
    doc.add_paragraph("询问笔录")
    for line in BODY:
        doc.add_paragraph(line)
    table = doc.add_table(rows=2, cols=len(labels))
    for k, (label, sign) in enumerate(zip(labels, signed, strict=True)):
        table.cell(0, k).text = label
        cell = table.cell(1, k).paragraphs[0]
        if sign:
            cell.add_run().add_picture(io.BytesIO(signature_png()), width=Cm(2.5))
        cell.add_run("2019年4月3日")
    doc.save(str(path))
    return path


def _slots(path: Path) -> list[tuple[str, Role, bool | None]]:
    case = casefile_eval.read_case(path)
    record = next(d for d in case.documents if d.type is DocumentType.INQUIRY_RECORD)
    return [(s.label, s.role, s.filled) for s in record.facts.signatures if s.label != "记录人"]


@pytest.mark.parametrize(
    ("labels", "names"),
    [
        (
            ["被询问人签押", "询问人签字", "询问人签字", "记录员（签字）"],
            ["被询问人签押", "询问人签字", "询问人签字", "记录员(签字)"],
        ),
        (
            ["被询问人签章（按手印）", "执法人员签章", "执法人员签章", "记录人签章"],
            ["被询问人签章(按手印)", "执法人员签章", "执法人员签章", "记录人签章"],
        ),
    ],
)
def test_each_label_is_filled_by_the_image_under_it(
    tmp_path: Path, labels: list[str], names: list[str]
) -> None:
    roles = [Role.PARTY, Role.OFFICER, Role.OFFICER, Role.RECORDER]
    path = _record(tmp_path / "询问笔录.docx", labels, [True, True, True, True])
    assert _slots(path) == list(zip(names, roles, [True] * 4, strict=True))


def test_the_party_cell_left_without_ink_is_unsigned(tmp_path: Path) -> None:
    labels = ["被询问人签押", "询问人签字", "询问人签字", "记录员（签字）"]
    path = _record(tmp_path / "询问笔录.docx", labels, [False, True, True, True])
    assert _slots(path) == [
        ("被询问人签押", Role.PARTY, False),
        ("询问人签字", Role.OFFICER, True),
        ("询问人签字", Role.OFFICER, True),
        ("记录员(签字)", Role.RECORDER, True),
    ]
