"""A signing caption closed by its bracket is a label even with nothing between it and the name: on a scan
the colon after 检查人员（签名） is often lost."""

from __future__ import annotations

import pytest

from casefile_eval.codes import DocumentType as T
from casefile_eval.codes import Role
from casefile_eval.extract.document import extract_document_facts
from tests.extract.docs import doc_from_lines


@pytest.mark.parametrize(
    ("line", "filled"),
    [
        ("检查人员（签名）郑宏伟2025年12月2日", True),
        ("检查人员（签名）：郑宏伟2025年12月2日", True),
        ("检查人员（签字）郑宏伟", True),
        ("检查人员（签名）2025年12月2日", False),
    ],
)
def test_a_closed_caption_takes_the_name_after_it(line: str, filled: bool) -> None:
    doc = doc_from_lines(["现场检查笔录", "见证人（签名）： 年 月 日", line], T.INSPECTION_RECORD)
    slots = extract_document_facts(doc).signatures
    assert [(s.role, s.filled) for s in slots] == [(Role.WITNESS, False), (Role.OFFICER, filled)]


def test_a_role_in_brackets_without_a_signing_word_is_no_caption() -> None:
    doc = doc_from_lines(["询问笔录", "被询问人：张三（当事人）李四在场"], T.INQUIRY_RECORD)
    slots = extract_document_facts(doc).signatures
    assert [(s.role, s.label, s.filled) for s in slots] == [(Role.PARTY, "被询问人", True)]
