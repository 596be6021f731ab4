"""A 当场处罚决定书 that prints each officer with a certificate number under its remedy notice, for the
officer to sign there, read by OCR (holdout32 h32-06 scan): the gaps OCR drops run the role, the name and
the number together ("执法人员牛振江执法证号豫C0412086"), the first officer's handwriting is read as a line
of its own under the listing ("牛振工"), the second officer's place has nothing under it; the party signed
and left the template date "年 月 日" blank, read "曹晓磊 年月 日"."""

from __future__ import annotations

from casefile_eval.codes import DocumentType, Role
from casefile_eval.extract.document import extract_document_facts
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from casefile_eval.model import BBox, Block, BlockKind, Document

# (text, x0, top, x1, bottom) as read on the scan
LINES = [
    ("当场行政处罚决定书", 210, 60, 380, 78),
    ("当事人：曹晓磊性别：男", 66, 120, 230, 133),
    (
        "违法事实：当事人于2025年4月16日上午在胜利路与京开大道交叉口的公交站亭、配电箱上张贴",
        66,
        140,
        529,
        153,
    ),
    ("疏通管道小广告23张。", 66, 160, 180, 173),
    (
        "当事人对本决定不服的，应当自收到本决定书之日起六十日内向濮阳市人民政府申请行政复议；",
        66,
        317,
        522,
        331,
    ),
    (
        "对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向人民法院提起行政诉",
        66,
        336,
        528,
        349,
    ),
    ("讼。", 65, 356, 88, 369),
    ("执法人员牛振江执法证号豫C0412086", 72, 378, 238, 390),
    ("牛振工", 152, 394, 209, 424),
    ("执法人员申红梅执法证号豫C0412093", 73, 441, 237, 452),
    (
        "处罚时间：2025年4月16日上午10时15分 处罚地点：濮阳市华龙区胜利路与京开大道交叉口东北角",
        66,
        498,
        490,
        511,
    ),
    ("当事人签收", 73, 518, 121, 531),
    ("曹晓磊 年月 日", 151, 534, 442, 566),
    ("濮阳市城市管理局", 409, 592, 506, 607),
    ("2025年4月16日", 416, 615, 498, 631),
]


def _decision(lines: list[tuple[str, int, int, int, int]]) -> Document:
    blocks = [
        Block(
            kind=BlockKind.LINE,
            text=text,
            source="scan.pdf",
            page=1,
            bbox=BBox(x0=x0, top=top, x1=x1, bottom=bottom),
            confidence=0.95,
        )
        for text, x0, top, x1, bottom in lines
    ]
    return Document(
        type=DocumentType.SUMMARY_DECISION,
        title="当场行政处罚决定书",
        source="scan.pdf",
        pages=(1, 1),
        confidence=1.0,
        blocks=blocks,
    )


def test_the_officer_with_nothing_under_the_printed_name_did_not_sign() -> None:
    slots = find_signatures(DocText.of(_decision(LINES)))
    assert [(s.label, s.role, s.filled) for s in slots] == [
        ("执法人员", Role.OFFICER, True),
        ("执法人员", Role.OFFICER, False),
        ("当事人签收", Role.PARTY, True),
    ]
    assert slots[1].evidence is not None
    assert slots[1].evidence.text.startswith("执法人员申红梅")


def test_both_officers_signed_when_each_has_handwriting_under_the_name() -> None:
    signed = [*LINES[:10], ("申红梅", 150, 456, 205, 486), *LINES[10:]]
    slots = find_signatures(DocText.of(_decision(signed)))
    assert [(s.role, s.filled) for s in slots] == [
        (Role.OFFICER, True),
        (Role.OFFICER, True),
        (Role.PARTY, True),
    ]


def test_a_listing_before_the_body_is_no_place_to_sign() -> None:
    # the same listing at the head of the decision, the facts and the remedy notice after it
    head = [LINES[0], LINES[7], LINES[9], *LINES[1:7], *LINES[10:]]
    slots = find_signatures(DocText.of(_decision(head)))
    assert [(s.label, s.role) for s in slots] == [("当事人签收", Role.PARTY)]


def test_the_party_signed_and_left_the_date_blank() -> None:
    facts = extract_document_facts(_decision(LINES))
    party = [(d.raw, d.value) for d in facts.dates if d.role is Role.PARTY]
    assert party == [("年月 日", None)]
