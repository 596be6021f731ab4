"""Readings holdout51 showed wrong: officers listed with a note in brackets after the last name
("曹文杰、邝丽（已出示执法证件）") counted as one, so OFF-001 found a record with one officer."""

from __future__ import annotations

import pytest

from casefile_eval.codes import DocumentType
from casefile_eval.extract.officers import find_officers
from casefile_eval.extract.text import DocText
from tests.extract.docs import doc_from_lines


@pytest.mark.parametrize(
    ("line", "officers"),
    [
        ("检查人员：曹文杰、邝丽（已出示执法证件）", [("曹文杰", None), ("邝丽", None)]),
        (
            "检查人：马俊、刘卫（出示执法证件） 被检查单位现场负责人：谢正华（项目经理）",
            [("马俊", None), ("刘卫", None)],
        ),
        ("询问人：张三（组长）、李四", [("张三", None), ("李四", None)]),
        (
            "执法人员：石磊（执法证号：36100001）、龚平（执法证号：36100002）",
            [("石磊", "36100001"), ("龚平", "36100002")],
        ),
    ],
)
def test_a_note_in_brackets_after_the_names_leaves_every_name(
    line: str, officers: list[tuple[str, str]]
) -> None:
    doc = doc_from_lines(["现场检查笔录", line, "检查情况：正常。"], DocumentType.INSPECTION_RECORD)
    assert [(o.name, o.cert_no) for o in find_officers(DocText.of(doc))] == officers
