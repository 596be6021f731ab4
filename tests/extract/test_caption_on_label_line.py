"""A scanned 送达回证 whose signing row reads "受送达人签名或 | 盖章" in its label cell and
"[ink] （签收人） date" in its value cell: the caption may be read onto the label's first line, the ink onto
the line below it with the label's wrapped "盖章"; or the caption may lose its opening bracket
("签收人）date"). Either way the row is signed once by the ink that fills the label, and the date after the
caption is the date of service. A caption first in a label's value is the label's slot: a row is one slot,
signed or not."""

from __future__ import annotations

from casefile_eval.codes import DateKind, DocumentType, Role
from casefile_eval.extract.dating import date_facts
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from casefile_eval.model import BBox, Block, BlockKind, Document, ImageItem, ImageKind

Line = tuple[str, float, float, float, float]  # text, x0, top, x1, bottom

HEAD: list[Line] = [
    ("送达回证", 265, 78, 340, 99),
    ("送达文书名称 行政处罚事先告知书", 74, 109, 273, 123),
    ("受送达人 周玉兰", 73, 157, 211, 173),
]
FOOT: list[Line] = [("备注", 74, 399, 99, 415)]


def _receipt(rows: list[Line]) -> DocText:
    blocks = [
        Block(
            kind=BlockKind.LINE,
            text=text,
            source="f.pdf",
            page=7,
            bbox=BBox(x0=x0, top=top, x1=x1, bottom=bottom),
            confidence=0.93,
        )
        for text, x0, top, x1, bottom in [*HEAD, *rows, *FOOT]
    ]
    doc = Document(
        type=DocumentType.SERVICE_RECEIPT,
        title=None,
        source="f.pdf",
        pages=(7, 7),
        confidence=1.0,
        blocks=blocks,
        images=[],
    )
    return DocText.of(doc)


def test_caption_read_onto_the_labels_first_line() -> None:
    dt = _receipt(
        [
            ("受送达人签名或 （签收人） 二〇一九年十一月五日", 75, 233, 491, 274),
            ("盖章 周玉兰", 73, 239, 301, 269),  # the label's wrapped word and the ink, read below
            ("送达人", 73, 287, 111, 304),
            ("陶俊 （送达人） 二〇一九年十一月五日", 237, 300, 491, 330),
        ]
    )
    assert [(s.role, s.label, s.filled) for s in find_signatures(dt)] == [
        # one slot a row, signed by the ink that fills the label (was: the caption 签收人 a second slot,
        # unsigned; the server's caption a second slot of its row)
        (Role.RECIPIENT, "受送达人签名或盖章", True),
        (Role.SERVER, "送达人", True),
    ]


def test_caption_first_in_an_unsigned_row_is_one_blank_slot() -> None:
    dt = _receipt(
        [
            ("受送达人签名或 （签收人） 二〇一九年十一月五日", 75, 233, 491, 274),
            ("盖章", 73, 239, 110, 269),
            ("送达人 陶俊 （送达人） 二〇一九年十一月五日", 73, 287, 491, 330),
        ]
    )
    assert [(s.role, s.label, s.filled) for s in find_signatures(dt)] == [
        (Role.RECIPIENT, "受送达人签名或盖章", False),
        (Role.SERVER, "送达人", True),
    ]


def test_date_after_a_caption_that_lost_its_opening_bracket() -> None:
    dt = _receipt(
        [
            ("受送达人签名或", 74, 233, 154, 248),
            ("盖章 周玉兰 签收人）二〇一九年十一月五日", 74, 241, 490, 273),
            ("送达人", 73, 287, 111, 304),
            ("陶俊 送达人）二〇一九年十一月五日", 241, 300, 490, 329),
        ]
    )
    assert [(s.role, s.label, s.filled) for s in find_signatures(dt)] == [
        (Role.RECIPIENT, "受送达人签名或盖章", True),
        (Role.SERVER, "送达人", True),
    ]
    assert [(f.kind, str(f.value), f.role) for f in date_facts(dt)] == [
        (DateKind.SERVED, "2019-11-05", Role.RECIPIENT),  # (was: other, no role)
        (DateKind.SIGNED, "2019-11-05", Role.SERVER),  # (was: issued)
    ]


def test_two_captions_of_one_role_side_by_side_stay_two_slots() -> None:
    """A record's foot "[ink] date [ink] date" over "（检查人员） （检查人员）": the second caption is the
    second officer's, not a part of the first's slot."""
    lines: list[Line] = [
        ("检查情况：当事人不能出示《旅行社业务经营许可证》。", 80, 290, 400, 300),
        ("2019年07月09日", 348, 322, 424, 330),
        ("（确认人）", 80, 336, 114, 345),
        ("2019年07月09日 2019年07月09日", 209, 373, 517, 381),
        ("（检查人员） （检查人员）", 80, 387, 354, 396),
    ]
    blocks = [
        Block(
            kind=BlockKind.LINE,
            text=text,
            source="f.pdf",
            page=4,
            bbox=BBox(x0=x0, top=top, x1=x1, bottom=bottom),
        )
        for text, x0, top, x1, bottom in lines
    ]
    # where the PDF prints each character: the second caption right of the first ink, under the second
    dates = (211.3, 217, 222.8, 228.5, 237.1, 245.8, 251.5, 259.2, 268.8, 274.5, 283.1, 362.9)
    dates += (442.3, 448, 453.8, 459.5, 468.1, 476.8, 482.5, 490.3, 499.8, 505.5, 514.1)
    captions = (80.6, 87.2, 96.7, 106.1, 115.4, 122.1, 216.9, 311.7, 318.2, 327.7, 337.1, 346.4, 353.1)
    blocks[3] = blocks[3].model_copy(update={"char_xs": dates})
    blocks[4] = blocks[4].model_copy(update={"char_xs": captions})
    inks = [
        (1, BBox(x0=71, top=301, x1=213, bottom=330)),
        (1, BBox(x0=207, top=307, x1=227, bottom=333)),
        (3, BBox(x0=71, top=352, x1=124, bottom=381)),
        (3, BBox(x0=302, top=352, x1=419, bottom=381)),
    ]
    images = [
        ImageItem(kind=ImageKind.SIGNATURE, source="f.pdf", page=4, bbox=box, block_index=index)
        for index, box in inks
    ]
    doc = Document(
        type=DocumentType.INSPECTION_RECORD,
        title=None,
        source="f.pdf",
        pages=(4, 4),
        confidence=1.0,
        blocks=blocks,
        images=images,
    )
    assert [(s.role, s.label, s.filled) for s in find_signatures(DocText.of(doc))] == [
        (Role.OFFICER, "检查人员", True),
        (Role.OFFICER, "检查人员", True),
    ]
