"""A 询问笔录 over two pages with the signing rows at the foot of each page ("被询问人：　日期：…",
"询问人：", "记录人：" before "共 2 页 第 1 页"): the rows of the first page are slots as the last page's are,
so a blank 询问人 on page 1 is found (holdout38 h38-10)."""

from __future__ import annotations

from casefile_eval.codes import DocumentType, Role
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from casefile_eval.model import Block, BlockKind, Document

PAGE_ONE = [
    "询 问 笔 录",
    "询问时间 2025.11.5 14时30分至15时40分",
    "询问地点 禹州市交通运输局询问室",
    "询问人 郭俊峰（执法证号：41108110247）",
    "记录人 李冰（执法证号：41108110263）",
    "被询问人 马国强，当事人，身份证号码：411081198607155634",
    "问：我们是禹州市交通运输局的执法人员，这是我们的执法证件，请过目。",
    "答：看清楚了，不申请回避。",
    "问：车辆是谁的？",
    "答：是我自己的车。",
    "问：检查时车上4名乘客是什么情况？",
    "答：都是在高铁站拉的，每人60元。",
    "被询问人： 日期：2025.11.5",
    "询问人：",
    "记录人：",
    "共 2 页 第 1 页",
]
PAGE_TWO = [
    "（续页）",
    "问：你对以上事实有无异议？",
    "答：没有异议。",
    "被询问人： 日期：2025.11.5",
    "询问人：",
    "记录人：",
    "共 2 页 第 2 页",
]


def _record() -> DocText:
    blocks = [
        Block(kind=BlockKind.LINE, text=text, source="r.pdf", page=page)
        for page, lines in ((3, PAGE_ONE), (4, PAGE_TWO))
        for text in lines
    ]
    doc = Document(
        type=DocumentType.INQUIRY_RECORD,
        title="询问笔录",
        source="r.pdf",
        pages=(3, 4),
        confidence=1.0,
        blocks=blocks,
    )
    return DocText.of(doc)


def test_the_signing_rows_at_the_foot_of_each_page_are_slots() -> None:
    found = [
        (s.role, s.evidence.page, s.filled)
        for s in find_signatures(_record())
        if s.evidence and s.evidence.text in ("被询问人: 日期:2025.11.5", "询问人:", "记录人:")
    ]
    assert found == [
        (role, page, False) for page in (3, 4) for role in (Role.PARTY, Role.OFFICER, Role.RECORDER)
    ]


def test_the_recorder_named_in_the_head_is_no_slot() -> None:
    """记录人 李冰（执法证号：…） in the record's head lists the recorder, as the 询问人 row above it
    lists the officer: the slots are the foot rows' only, so a recorder who signed neither page is not
    taken as signed by the head."""
    assert [
        (s.role, s.evidence.page if s.evidence else None, s.filled) for s in find_signatures(_record())
    ] == [(role, page, False) for page in (3, 4) for role in (Role.PARTY, Role.OFFICER, Role.RECORDER)]
