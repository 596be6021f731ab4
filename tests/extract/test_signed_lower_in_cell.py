"""A label standing alone at the top of its tall row ("受送达人签名或" / "盖章", wrapped in its cell) whose
value cell is signed lower down after a caption of its own ("签收：[ink] 2016年04月06日"): the ink there is
the label's signature; with none there the label is unsigned."""

from __future__ import annotations

import pytest

from casefile_eval.codes import DocumentType as T
from casefile_eval.codes import Role
from casefile_eval.extract import extract_document_facts
from casefile_eval.model import BBox, Block, BlockKind, Document, ImageItem, ImageKind

# the lines of a 文书送达回证 page as a text PDF gives them (points, origin top-left), from a grid whose
# 受送达人 row is 70 pt tall
LINES = [
    ("文书送达回证", 242, 88, 354, 106),
    ("受送达人 李卫东", 83, 168, 179, 182),
    ("送达方式 直接送达 送达时间 2016年04月06日10时20分", 82, 214, 495, 228),
    ("受送达人签名或", 67, 242, 139, 251),
    ("盖章", 93, 257, 113, 267),
    ("签收： 2016年04月06日", 273, 286, 460, 296),
    ("送达人 送达人", 88, 321, 350, 331),
]
SIGNING_LINE = 5


def _receipt(inked: bool) -> Document:
    blocks = [
        Block(
            kind=BlockKind.LINE,
            text=text,
            source="c.pdf",
            page=1,
            bbox=BBox(x0=x0, top=top, x1=x1, bottom=bottom),
        )
        for text, x0, top, x1, bottom in LINES
    ]
    ink = ImageItem(
        kind=ImageKind.SIGNATURE,
        source="c.pdf",
        page=1,
        block_index=SIGNING_LINE,
        bbox=BBox(x0=308, top=273, x1=364, bottom=299),
        width=56,
        height=26,
    )
    return Document(
        type=T.SERVICE_RECEIPT,
        title="文书送达回证",
        source="c.pdf",
        pages=(1, 1),
        confidence=1.0,
        blocks=blocks,
        images=[ink] if inked else [],
    )


@pytest.mark.parametrize("inked", [True, False])
def test_the_caption_lower_in_the_value_cell_is_where_the_label_is_signed(inked: bool) -> None:
    slots = extract_document_facts(_receipt(inked)).signatures
    recipient = [
        (s.label, s.filled, s.evidence.text if s.evidence else None)
        for s in slots
        if s.role is Role.RECIPIENT
    ]
    assert recipient == [("受送达人签名或盖章", inked, "受送达人签名或 盖章 签收: 2016年04月06日")]


def test_a_name_read_as_a_line_of_its_own_over_the_caption_is_the_signature() -> None:
    """On a scan the recogniser read the name written after 签收： as a line of its own, standing up over
    the caption's line (its top above the label's last line): the two lines are the label's value."""
    lines = [*LINES[:SIGNING_LINE], ("林春生", 300, 266, 375, 302), *LINES[SIGNING_LINE:]]
    blocks = [
        Block(kind=BlockKind.LINE, text=t, source="c.pdf", page=1, bbox=BBox(x0=a, top=b, x1=c, bottom=d))
        for t, a, b, c, d in lines
    ]
    ink = ImageItem(
        kind=ImageKind.SIGNATURE,
        source="c.pdf",
        page=1,
        block_index=SIGNING_LINE + 1,  # tied to the caption's line
        bbox=BBox(x0=308, top=273, x1=374, bottom=297),
        width=66,
        height=24,
    )
    doc = _receipt(False).model_copy(update={"blocks": blocks, "images": [ink]})
    slots = extract_document_facts(doc).signatures
    assert [
        (s.label, s.filled, s.evidence.text if s.evidence else None)
        for s in slots
        if s.role is Role.RECIPIENT
    ] == [("受送达人签名或盖章", True, "受送达人签名或 盖章 林春生 签收: 2016年04月06日")]


def test_a_signing_line_rising_over_the_labels_foot_is_still_in_its_cell() -> None:
    """On a scan the 签收 line's box grows with the name written on it and rises a point over the foot of
    盖章 (holdout31 h31-05: 盖章 254-269, 签收：李东 2016年04月14日 268-304)."""
    lines = list(LINES)
    lines[SIGNING_LINE] = ("签收：李东 2016年04月06日", 268, 266, 463, 302)
    blocks = [
        Block(kind=BlockKind.LINE, text=t, source="c.pdf", page=1, bbox=BBox(x0=a, top=b, x1=c, bottom=d))
        for t, a, b, c, d in lines
    ]
    doc = _receipt(False).model_copy(update={"blocks": blocks})
    slots = extract_document_facts(doc).signatures
    assert [(s.label, s.filled) for s in slots if s.role is Role.RECIPIENT] == [("受送达人签名或盖章", True)]


@pytest.mark.parametrize("date", ["2021年8月17日", "年　　月　　日"])
@pytest.mark.parametrize("inked", [True, False])
def test_a_label_at_the_top_of_a_ruled_box_is_signed_below_it_and_dated_at_its_right(
    inked: bool, date: str
) -> None:
    """A text layer (holdout32's 现场检查记录): 当事人（签名） at the top left of a ruled box, the name signed
    under it and the date typed at the box's right, or its field left blank (a party who signed and did
    not date), the signature's image placed on the date's line."""
    lines = [
        ("现场检查记录", 248, 72, 348, 87),
        ("以上记录经当事人核对无误。", 89, 298, 227, 308),
        ("当事人（签名）", 75, 320, 131, 329),
        (date, 344, 353, 418, 362),
    ]
    blocks = [
        Block(kind=BlockKind.LINE, text=t, source="c.pdf", page=1, bbox=BBox(x0=a, top=b, x1=c, bottom=d))
        for t, a, b, c, d in lines
    ]
    ink = ImageItem(
        kind=ImageKind.SIGNATURE,
        source="c.pdf",
        page=1,
        block_index=3,
        bbox=BBox(x0=154, top=338, x1=206, bottom=362),
        width=52,
        height=24,
    )
    doc = Document(
        type=T.INSPECTION_RECORD,
        title="现场检查记录",
        source="c.pdf",
        pages=(1, 1),
        confidence=1.0,
        blocks=blocks,
        images=[ink] if inked else [],
    )
    slots = extract_document_facts(doc).signatures
    assert [(s.label, s.filled) for s in slots if s.role is Role.PARTY] == [("当事人(签名)", inked)]


@pytest.mark.parametrize(
    ("inked", "filled"),
    [
        ((0, 1), [True, True]),
        ((0,), [True, False]),
        ((1,), [False, True]),
        ((), [True, True]),  # typed names with no ink anywhere: an electronic form, its names are the marks
    ],
)
def test_officers_sign_at_their_printed_names(inked: tuple[int, ...], filled: list[bool]) -> None:
    """A text layer (a 当场处罚决定书 whose officers' names and numbers are printed, each to be signed at
    under its line): where one officer's signature is there, an officer whose line holds only the print
    did not sign."""
    lines = [
        ("当场行政处罚决定书", 223, 71, 373, 87),
        ("当事人：何志强　性别：男", 67, 144, 199, 154),
        ("违法事实：当事人于2024年6月3日在人民路占道经营。", 66, 184, 400, 195),
        ("当事人对本决定不服的，可以自收到本决定书之日起六十日内申请行政复议。", 67, 319, 520, 329),
        ("执法人员 郭建伟 执法证号15320117", 74, 380, 236, 388),
        ("执法人员　孙晓燕 执法证号15320142", 74, 442, 236, 450),
        ("当事人签名：", 75, 521, 139, 529),
    ]
    blocks = [
        Block(kind=BlockKind.LINE, text=t, source="c.pdf", page=1, bbox=BBox(x0=a, top=b, x1=c, bottom=d))
        for t, a, b, c, d in lines
    ]
    ink = [
        ImageItem(
            kind=ImageKind.SIGNATURE,
            source="c.pdf",
            page=1,
            block_index=4 + k,
            bbox=BBox(x0=154, top=398 + 62 * k, x1=205, bottom=422 + 62 * k),
            width=51,
            height=24,
        )
        for k in inked
    ]
    doc = Document(
        type=T.SUMMARY_DECISION,
        title="当场行政处罚决定书",
        source="c.pdf",
        pages=(1, 1),
        confidence=1.0,
        blocks=blocks,
        images=ink,
    )
    slots = extract_document_facts(doc).signatures
    assert [s.filled for s in slots if s.role is Role.OFFICER] == filled
