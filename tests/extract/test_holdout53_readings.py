"""Readings holdout53 showed wrong: the clause after the officers' listing taken for a third officer
("…龙秀英（执法证号：52260019047），已向 / 当事人出示执法证件。": 已向 is no name)."""

from __future__ import annotations

import pytest

from casefile_eval.codes import DocumentType
from casefile_eval.extract.officers import find_officers
from casefile_eval.extract.text import DocText
from tests.extract.docs import doc_from_lines


@pytest.mark.parametrize(
    ("lines", "officers"),
    [
        (
            [
                "执法人员：杨再兴（执法证号：52260019031）、龙秀英（执法证号：52260019047），已向",
                "当事人出示执法证件。",
            ],
            [("杨再兴", "52260019031"), ("龙秀英", "52260019047")],
        ),
        # a name listed with 、 after the last pair is an officer without a number
        (
            ["执法人员：何俊峰（执法证号：62050023008）、杨婷，已出示证件"],
            [("何俊峰", "62050023008"), ("杨婷", None)],
        ),
    ],
)
def test_the_clause_after_the_listing_names_no_officer(
    lines: list[str], officers: list[tuple[str, str | None]]
) -> None:
    doc = doc_from_lines(
        ["现场检查笔录", *lines, "现场情况：货架上摆放过期食品。"], DocumentType.INSPECTION_RECORD
    )
    assert [(o.name, o.cert_no) for o in find_officers(DocText.of(doc))] == officers
