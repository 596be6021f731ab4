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
from casefile_eval.model import BBox, Block, BlockKind, Document

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
