"""Readings holdout51 showed wrong: officers listed with a note in brackets after the last name
("曹文杰、邝丽（已出示执法证件）") counted as one, so OFF-001 found a record with one officer; and an
approval form's head dating the opinion with its month and day only (同意立案： 5.4), so DAT-002/DAT-008
found no date."""

from __future__ import annotations

import re

import pytest

from casefile_eval.codes import DateKind, DocumentType, Role
from casefile_eval.extract.dating import date_facts
from casefile_eval.extract.officers import find_officers
from casefile_eval.extract.parties import find_party
from casefile_eval.extract.text import DocText
from tests.extract.docs import doc_from_lines, doc_from_rows


@pytest.mark.parametrize(
    ("line", "officers"),
    [
        ("检查人员：曹文杰、邝丽（已出示执法证件）", [("曹文杰", None), ("邝丽", None)]),
        (
            "检查人：马俊、刘卫（出示执法证件） 被检查单位现场负责人：谢正华（项目经理）",
            [("马俊", None), ("刘卫", None)],
        ),
        ("检查人员：曹文杰、邝丽（出示证件）。", [("曹文杰", None), ("邝丽", None)]),
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


@pytest.mark.parametrize(
    ("rows", "kind"),
    [
        ([["负责人意见", "同意立案： 5.4"]], DateKind.FILED),
        ([["结案意见", "同意结案： 5.25"]], DateKind.CLOSED),
        ([["负责人审批", "同意。周建国 3月6日"]], DateKind.FILED),
    ],
)
def test_an_approvers_month_and_day_after_the_opinion_dates_the_approval(
    rows: list[list[str]], kind: DateKind
) -> None:
    doc_type = DocumentType.CLOSING_REPORT if kind is DateKind.CLOSED else DocumentType.FILING_APPROVAL
    doc = doc_from_rows([["当事人", "双牌县某某农资店"], *rows], doc_type)
    facts = date_facts(DocText.of(doc))
    assert [(f.kind, f.value, f.month, f.day) for f in facts] == [
        (kind, None, *[int(n) for n in re.findall(r"[0-9]+", rows[0][1])])
    ]


def test_a_month_and_day_alone_on_a_line_dates_only_a_scanned_signature() -> None:
    lines = ["结案审批表", "承办人意见 建议结案。邓卫国", "6.12"]
    text = doc_from_lines(lines, DocumentType.CLOSING_REPORT)
    assert date_facts(DocText.of(text)) == []
    scanned = text.model_copy(
        update={"blocks": [b.model_copy(update={"confidence": 0.97}) for b in text.blocks]}
    )
    facts = date_facts(DocText.of(scanned))
    assert [(f.kind, f.month, f.day, f.role) for f in facts] == [(DateKind.SIGNED, 6, 12, Role.OFFICER)]
    # a decision's body is no signing form
    decision = doc_from_lines(["行政处罚决定书", "罚款 1.5"], DocumentType.DECISION)
    assert date_facts(DocText.of(decision)) == []


def test_a_party_value_ends_at_a_handwritten_short_date_or_the_next_signers_label() -> None:
    # (holdout51 scans: 当事人：李新华 17.3.9 勘测人：邓卫国 read as one line at a record's foot)
    for line, party in (
        ("当事人：李新华17.3.9勘测人:邓卫国", "李新华"),
        ("当事人：张三 检查人：李四", "张三"),
        ("当事人：宜章县鑫源石材加工厂", "宜章县鑫源石材加工厂"),
    ):
        doc = doc_from_lines(["现场勘测笔录", line], DocumentType.INSPECTION_RECORD)
        found = find_party(DocText.of(doc))
        assert (found[0] if found else None) == party
