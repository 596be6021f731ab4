"""Officers named in records. What OCR reads in the officers' cells of a signature row is
handwriting, not officers named in print: a scanned 询问笔录 whose foot row is "被询问人签名 | 执法人员 |
执法人员 | 记录人" names only the officers of its printed header, however the ink was read ("韩水" for
韩冰, "曲海" for 曲长海). A name listed after an officer with a number has none of its own; one whose
number field wrapped onto the next line is a pair."""

from __future__ import annotations

import pytest

from casefile_eval.codes import DocumentType
from casefile_eval.extract.officers import find_officers
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from casefile_eval.model import BBox, Block, BlockKind, Document, ImageItem, ImageKind
from tests.extract.docs import doc_from_lines, doc_from_rows

# (text, x0, top): the header lines, then the signature row read column by column (each field name, then
# what stands under it)
LINES = [
    ("询问笔录", 250, 60),
    ("询问人：韩冰（执法证号：22020023005）、曲长海（执法证号：22020023011）", 78, 140),
    ("记录人：孙悦", 78, 160),
    ("问：以上记录是否属实？", 78, 200),
    ("答：属实。", 78, 220),
    ("被询问人签名", 90, 450),
    ("于德顺", 95, 475),
    ("执法人员", 220, 450),
    ("韩水", 225, 475),
    ("执法人员", 330, 450),
    ("曲海", 335, 475),
    ("记录人", 440, 450),
    ("孙悦", 445, 475),
]


def _record(confidence: float | None) -> Document:
    blocks = [
        Block(
            kind=BlockKind.LINE,
            text=text,
            source="scan.pdf",
            page=1,
            bbox=BBox(x0=x0, top=top, x1=x0 + 12.0 * len(text), bottom=top + 12.0),
            confidence=confidence,
        )
        for text, x0, top in LINES
    ]
    return Document(
        type=DocumentType.INQUIRY_RECORD,
        title="询问笔录",
        source="scan.pdf",
        pages=(1, 1),
        confidence=1.0,
        blocks=blocks,
    )


@pytest.mark.parametrize(
    ("confidence", "names"),
    [
        (0.95, ["韩冰", "曲长海", "孙悦"]),  # read by OCR: the signature row names nobody
        (None, ["韩冰", "曲长海", "孙悦", "韩水", "曲海"]),  # a text layer: typed names are names
    ],
)
def test_names_in_a_scanned_signature_row_are_no_officers(confidence: float | None, names: list[str]) -> None:
    text = DocText.of(_record(confidence))
    officers = find_officers(text, find_signatures(text))
    assert [o.name for o in officers] == names
    assert [o.cert_no for o in officers[:2]] == ["22020023005", "22020023011"]


@pytest.mark.parametrize(
    "doc",
    [
        doc_from_lines(["执法人员 何俊峰（执法证号：62050023008）、杨婷"], DocumentType.INSPECTION_RECORD),
        doc_from_rows(
            [["执法人员", "何俊峰（执法证号：62050023008）、杨婷"]], DocumentType.INSPECTION_RECORD
        ),
    ],
)
def test_a_name_listed_after_an_officer_with_a_number_is_an_officer_without_one(doc: Document) -> None:
    officers = find_officers(DocText.of(doc))
    assert [(o.name, o.named_as) for o in officers] == [("何俊峰", "执法人员"), ("杨婷", "执法人员")]
    assert officers[1].cert_no is None


def test_a_pair_whose_number_wrapped_onto_the_next_line_is_read_with_its_number() -> None:
    doc = doc_from_lines(
        ["询问人：张磊（执法证号：65020022011）、阿依古丽·热合曼（执法证号：", "65020022019）　记录人：李娜"],
        DocumentType.INQUIRY_RECORD,
    )
    assert [(o.name, o.cert_no) for o in find_officers(DocText.of(doc))] == [
        ("张磊", "65020022011"),
        ("阿依古丽·热合曼", "65020022019"),
        ("李娜", None),
    ]


def test_a_short_field_name_beside_a_blank_slot_is_no_signer() -> None:
    # read by OCR "记录人签名    日期   2023年5月16日": the recorder did not sign; 日期 names the next cell
    block = Block(
        kind=BlockKind.LINE,
        text="记录人签名        日期   2023年5月16日",
        source="scan.pdf",
        page=1,
        bbox=BBox(x0=94.0, top=599.0, x1=487.0, bottom=616.0),
        confidence=0.95,
    )
    doc = Document(
        type=DocumentType.INSPECTION_RECORD,
        title="现场检查笔录",
        source="scan.pdf",
        pages=(1, 1),
        confidence=1.0,
        blocks=[block],
    )
    (slot,) = find_signatures(DocText.of(doc))
    assert (slot.label, slot.filled, slot.signer) == ("记录人签名", False, None)


FOOT = [
    ("现场检查笔录", 250, 60),
    ("检查人员", 78, 120),
    ("罗志刚（执法证号：51130021044）、唐晓燕（执法证号：51130021052）", 78, 140),
    ("检查情况：现场存放未登记的危险化学品12桶。", 78, 180),
    ("以上笔录我已看过，与我说的相符。", 78, 400),
    ("被检查人（签字捺印）：何某", 78, 425),
    ("询问人：罗志则/唐晓艳 记录人：唐晓艳", 78, 450),
]


@pytest.mark.parametrize(
    ("confidence", "names"),
    [
        (0.95, ["罗志刚", "唐晓燕"]),  # read by OCR: under the reading note is handwriting
        (None, ["罗志刚", "唐晓燕", "罗志则", "唐晓艳"]),  # a text layer: typed names are names
    ],
)
def test_names_under_the_reading_note_of_a_scan_are_no_officers(
    confidence: float | None, names: list[str]
) -> None:
    blocks = [
        Block(
            kind=BlockKind.LINE,
            text=text,
            source="scan.pdf",
            page=1,
            bbox=BBox(x0=x0, top=top, x1=x0 + 12.0 * len(text), bottom=top + 12.0),
            confidence=confidence,
        )
        for text, x0, top in FOOT
    ]
    doc = Document(
        type=DocumentType.INSPECTION_RECORD,
        title="现场检查笔录",
        source="scan.pdf",
        pages=(1, 1),
        confidence=1.0,
        blocks=blocks,
    )
    text = DocText.of(doc)
    assert [o.name for o in find_officers(text, find_signatures(text))] == names


def _scanned(lines: list[str], ink_on: int) -> Document:
    """A record read by OCR whose line `ink_on` has a mark OCR took for handwriting."""
    doc = doc_from_lines(lines, DocumentType.INSPECTION_RECORD, source="scan.pdf")
    mark = ImageItem(
        kind=ImageKind.SIGNATURE, source="scan.pdf", page=1, block_index=ink_on, name="ocr:signature"
    )
    blocks = [b.model_copy(update={"confidence": 0.95}) for b in doc.blocks]
    return doc.model_copy(update={"blocks": blocks, "images": [mark]})


def test_a_head_naming_an_officer_with_a_bracketed_code_is_print_whatever_ink_is_beside_it() -> None:
    # the head's 记录人 beside the name was taken for a signing slot with ink (holdout46 h46-05's scan);
    # the field's words run into the name once OCR lost the space
    doc = _scanned(["现场笔录", "执法人员及证号黄志斌（ZJ330726-0217） 记录人 黄志斌", "见证人（签名）："], 1)
    officers = find_officers(DocText.of(doc))
    assert [(o.name, o.cert_no) for o in officers] == [("黄志斌", "ZJ330726-0217")]


def test_a_date_after_a_signers_name_is_no_certificate_number() -> None:
    doc = doc_from_lines(["行政处罚决定审批表", "承办人：黄志斌 2018-08-24"], DocumentType.DECISION_APPROVAL)
    officers = find_officers(DocText.of(doc))
    assert [(o.name, o.cert_no) for o in officers] == [("黄志斌", None)]
