"""Approval forms and records whose marks stand apart from their labels (session 19):

- an opinion row `label | opinion | [ink] date` signs in the date cell further along the row, for the
  approver, the 承办人 and the 法制审核 alike; the opinion (建议立案调查。) is no name;
- a signing cell or line holding two marks and no printed date (同意。 签名 [ink] [ink]) holds the name and a
  date written by hand: the approval date needs review, it is not missing;
- a record naming 询问人：甲、乙 and 记录人：乙, signed once under 询问人 and once under 记录人: whether 乙's
  signature as 记录人 suffices is read both ways by evaluators, so SIG-020 needs review; with the 记录人
  slot blank one officer's signature is missing.
"""

from __future__ import annotations

import pytest

from casefile_eval.codes import DocumentType as T
from casefile_eval.codes import Role
from casefile_eval.extract import extract_document_facts
from casefile_eval.model import Block, BlockKind, Case, Document, ImageItem, ImageKind
from casefile_eval.rules.engine import run_rules
from casefile_eval.rules.loader import load_rules

RULES = load_rules()


def _doc(doc_type: T, blocks: list[Block], inked: list[int], source: str = "a.docx") -> Document:
    images = [
        ImageItem(kind=ImageKind.SIGNATURE, source=source, page=1, block_index=i, width=60, height=20)
        for i in inked
    ]
    return Document(
        type=doc_type, title=None, source=source, pages=(1, 1), confidence=1.0, blocks=blocks, images=images
    )


def _grid(title: str, rows: list[tuple[str, ...]]) -> list[Block]:
    blocks = [Block(kind=BlockKind.PARAGRAPH, text=title, source="a.docx", page=1)]
    for r, row in enumerate(rows):
        blocks += [
            Block(kind=BlockKind.CELL, text=t, source="a.docx", page=1, table=0, row=r, col=c)
            for c, t in enumerate(row)
        ]
    return blocks


FILING = _grid(
    "立案审批表",
    [
        ("承办人意见", "建议立案调查。", "\u3000二〇一九年四月九日"),
        ("承办机构负责人意见", "同意立案，由张建军、白玉梅承办。", "\u3000二〇一九年四月九日"),
        ("机关负责人意见", "同意立案。", "\u3000二〇一九年四月九日"),
    ],
)


def _approvers(inked: list[int]) -> list[tuple[str, bool | None, str | None]]:
    facts = extract_document_facts(_doc(T.FILING_APPROVAL, FILING, inked))
    return [(s.label, s.filled, s.method) for s in facts.signatures if s.role is Role.APPROVER]


def test_each_opinion_row_signs_in_its_date_cell() -> None:
    assert _approvers([3, 6, 9]) == [("负责人意见", True, "image"), ("机关负责人意见", True, "image")]


def test_an_opinion_row_without_ink_is_unsigned_and_its_opinion_is_no_name() -> None:
    assert _approvers([3, 9]) == [("负责人意见", False, "text"), ("机关负责人意见", True, "image")]


def _findings(rule_id: str, doc: Document) -> list[tuple[str, bool]]:
    doc = doc.model_copy(update={"facts": extract_document_facts(doc)})
    findings = run_rules(Case(source=doc.source, documents=[doc]), RULES.only(rule_id))
    return [(f.message, f.needs_review) for f in findings]


APPROVAL_CELLS = _grid(
    "行政处罚决定审批表",
    [("承办人意见", "拟罚款20000元。", ""), ("机关负责人意见", "同意。", "")],
)
APPROVAL_LINES = [
    Block(kind=BlockKind.LINE, text=t, source="a.pdf", page=1)
    for t in ("行政处罚决定审批表", "承办人意见 拟罚款20000元。 签名", "机关负责人意见 同意。 签名")
]
REVIEW = [
    ("行政处罚决定审批表缺少负责人审批日期（行政处罚决定审批表第1页）：无法判断：日期系手写，未能识别", True)
]
MISSING = [("行政处罚决定审批表第1页缺少负责人审批日期", False)]


@pytest.mark.parametrize(
    ("blocks", "inked", "source", "expected"),
    [
        (APPROVAL_CELLS, [3, 3, 6, 6], "a.docx", REVIEW),
        (APPROVAL_CELLS, [3, 3, 6], "a.docx", MISSING),
        (APPROVAL_LINES, [1, 1, 2, 2], "a.pdf", REVIEW),
        (APPROVAL_LINES, [1, 1, 2], "a.pdf", MISSING),
    ],
)
def test_a_second_mark_in_the_signing_cell_is_a_date_by_hand(
    blocks: list[Block], inked: list[int], source: str, expected: list[tuple[str, bool]]
) -> None:
    assert _findings("DAT-005", _doc(T.DECISION_APPROVAL, blocks, inked, source)) == expected


INQUIRY = _grid(
    "询问笔录",
    [
        ("询问时间", "2019年4月16日14时30分至15时40分"),
        ("被询问人", "乌日娜"),
        ("询问人", "张建军、白玉梅"),
        ("记录人", "白玉梅"),
    ],
) + [
    Block(kind=BlockKind.PARAGRAPH, text=t, source="a.docx", page=1)
    for t in (
        "问：我们是执法人员张建军、白玉梅，执法证号分别为15060019012、15060019027，现向你出示证件。",
        "答：以上记录我看过，和我说的一样。",
    )
]
SIGNING = [
    Block(kind=BlockKind.CELL, text=t, source="a.docx", page=1, table=1, row=0, col=c)
    for c, t in enumerate(("被询问人（签名捺印）", "", "询问人", "", "记录人", ""))
]
PARTY, OFFICER, CLERK = (len(INQUIRY) + i for i in (1, 3, 5))


@pytest.mark.parametrize(
    ("inked", "expected"),
    [
        # the clerk, one of the two 询问人, signed as 记录人: every officer signed the record
        ([PARTY, OFFICER, CLERK], []),
        # the clerk signed nowhere: the blank 记录人 slot says so (SIG-004), the 询问人 slot not again
        ([PARTY, OFFICER], []),
    ],
)
def test_an_officer_who_is_also_the_clerk_signs_in_the_clerk_slot(
    inked: list[int], expected: list[tuple[str, bool]]
) -> None:
    assert _findings("SIG-020", _doc(T.INQUIRY_RECORD, INQUIRY + SIGNING, inked)) == expected


def test_a_clerk_who_signed_nowhere_is_reported_once_by_the_clerks_slot() -> None:
    doc = _doc(T.INQUIRY_RECORD, INQUIRY + SIGNING, [PARTY, OFFICER])
    assert _findings("SIG-004", doc) == [("询问笔录第1页缺少记录人", False)]


HEAD_AFTER_DATED_STEP = [
    Block(kind=BlockKind.LINE, text=t, source="a.pdf", page=1)
    for t in (
        "立案审批表",
        "审批环节及意见 签名 日期",
        "承办机构负责人：同意立案。 2022/8/15",
        "机关负责人：同意立案，由方晓东、戴俊杰承办。",
    )
]


@pytest.mark.parametrize(
    ("inked", "expected"),
    [
        # the head's row holds a name and a date in ink, the date unread: it needs review
        (
            [2, 2, 3, 3],
            [("立案审批表缺少负责人审批日期（立案审批表第1页）：无法判断：日期系手写，未能识别", True)],
        ),
        # the head signed and left the date blank
        ([2, 2, 3], [("立案审批表第1页缺少负责人审批日期", False)]),
    ],
)
def test_the_heads_row_signed_after_a_dated_step(inked: list[int], expected: list[tuple[str, bool]]) -> None:
    assert _findings("DAT-002", _doc(T.FILING_APPROVAL, HEAD_AFTER_DATED_STEP, inked, "a.pdf")) == expected


RECEIPT = [
    Block(kind=BlockKind.LINE, text=t, source="a.pdf", page=1)
    for t in (
        "安全生产行政执法文书送达回执",
        "送达文书名称 行政处罚决定书",
        "文书编号 （漳）应急罚〔2019〕7号",
        "送达方式 直接送达",
        "收件人",
        "送达人",
    )
]


@pytest.mark.parametrize(
    ("inked", "expected"),
    [
        # (holdout54 h54-05: the recipient's name and the date by hand beside a bare 收件人)
        ([4, 4, 5], [("送达回证缺少签收日期（送达回证第1页）：无法判断：日期系手写，未能识别", True)]),
        ([4, 5], [("送达回证第1页缺少签收日期", False)]),
    ],
)
def test_a_second_mark_beside_a_bare_recipients_label_is_the_date_by_hand(
    inked: list[int], expected: list[tuple[str, bool]]
) -> None:
    assert _findings("DAT-003", _doc(T.SERVICE_RECEIPT, RECEIPT, inked, "a.pdf")) == expected


HEAD_OPINION_ROW = [
    Block(kind=BlockKind.LINE, text=t, source="a.pdf", page=1, confidence=0.99)
    for t in (
        "立案审批表",
        "当事人 紫阳县汉江置业有限公司",
        "案由 未取得施工许可证擅自施工",
        "局负责人意见",
        "同意立案：",
        "紫阳县住房和城乡建设局",
    )
]


@pytest.mark.parametrize(
    ("inked", "expected"),
    [
        # (holdout55 h55-09: the head's name and his date by hand beside 局负责人意见, the date unread)
        ([3, 3], [("立案审批表缺少负责人审批日期（立案审批表第1页）：无法判断：日期系手写，未能识别", True)]),
        ([3], [("立案审批表第1页缺少负责人审批日期", False)]),
    ],
)
def test_a_second_mark_beside_a_label_its_line_ends_with_is_the_date_by_hand(
    inked: list[int], expected: list[tuple[str, bool]]
) -> None:
    assert _findings("DAT-002", _doc(T.FILING_APPROVAL, HEAD_OPINION_ROW, inked, "a.pdf")) == expected


CLOSING_LINES = [
    Block(kind=BlockKind.LINE, text=t, source="a.pdf", page=1)
    for t in ("结案报告", "执行情况 2017年8月9日缴纳罚款，收据附卷。", "承办人：", "负责人：")
]


@pytest.mark.parametrize(
    ("inked", "expected"),
    [
        # (holdout56 h56-06: the head's name and date drawn by hand after a bare "负责人：")
        (
            [2, 2, 3, 3],
            [("结案审批表缺少结案审批日期（结案审批表第1页）：无法判断：日期系手写，未能识别", True)],
        ),
        ([2, 2, 3], [("结案审批表第1页缺少结案审批日期", False)]),
    ],
)
def test_two_marks_after_a_bare_signing_label_and_its_colon_are_a_name_and_a_date(
    inked: list[int], expected: list[tuple[str, bool]]
) -> None:
    assert _findings("DAT-008", _doc(T.CLOSING_REPORT, CLOSING_LINES, inked, "a.pdf")) == expected
