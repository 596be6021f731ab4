"""A scanned row of signer labels on one line ("被询问人（签名）： 执法人员： 执法人员： 记录人：") with the
handwritten names OCR read as one line under it: each label gets the names standing in its column, found
from where OCR put each character; an approval form's opinion label whose own line holds only a date is
signed under its opinion by the 审批人 label; ink hanging into a line of labels under its first label is
no ink of a later label on that line."""

from __future__ import annotations

from casefile_eval.codes import DocumentType, Role
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from casefile_eval.model import BBox, Block, BlockKind, Document, ImageItem, ImageKind

LABELS = "被询问人（签名）： 执法人员： 执法人员： 记录人："


def _middles(words: list[tuple[str, float]], pitch: float) -> tuple[float, ...]:
    """Character middles of a line of words each starting at its x, characters `pitch` apart; a space
    between two words stands in the middle of the gap."""
    out: list[float] = []
    for n, (word, x0) in enumerate(words):
        if n:
            out.append((out[-1] + pitch / 2 + x0) / 2)
        out.extend(x0 + pitch * (k + 0.5) for k in range(len(word)))
    return tuple(out)


def _line(text: str, top: float, height: float, middles: tuple[float, ...] | None) -> Block:
    x1 = middles[-1] + 6 if middles else 90 + 12 * len(text)
    return Block(
        kind=BlockKind.LINE,
        text=text,
        source="scan.pdf",
        page=1,
        bbox=BBox(x0=90, top=top, x1=x1, bottom=top + height),
        confidence=0.95,
        char_xs=middles,
    )


def _record(names: str, name_middles: tuple[float, ...]) -> Document:
    # columns 94 pt wide: 被询问人 at 90, 执法人员 at 184 and 278, 记录人 at 372
    labels = LABELS.split()
    label_xs = _middles(list(zip(labels, [90, 184, 278, 372], strict=True)), 9.5)
    blocks = [
        _line("询问笔录", 60, 16, None),
        _line("答：属实。", 420, 12, None),
        _line(LABELS, 455, 18, label_xs),
        _line(names, 479, 30, name_middles),
    ]
    return Document(
        type=DocumentType.INQUIRY_RECORD,
        title="询问笔录",
        source="scan.pdf",
        pages=(1, 1),
        confidence=1.0,
        blocks=blocks,
    )


def _slots(doc: Document) -> list[tuple[Role, bool | None, str | None]]:
    return [(s.role, s.filled, s.signer) for s in find_signatures(DocText.of(doc))]


def test_each_handwritten_name_fills_the_label_above_it() -> None:
    # 走态刚 under 被询问人, 赵建军 under the first 执法人员, 田晓丽 under the second; 记录人 left blank
    middles = _middles([("走态刚", 100), ("赵建军", 196), ("田晓丽", 290)], 16)
    assert _slots(_record("走态刚 赵建军 田晓丽", middles)) == [
        (Role.PARTY, True, "走态刚"),
        (Role.OFFICER, True, "赵建军"),
        (Role.OFFICER, True, "田晓丽"),
        (Role.RECORDER, False, None),
    ]


def test_a_blank_column_stays_unsigned_however_wide_the_names_are_written() -> None:
    # the party did not sign: the officers' names written large start where the party's column ends
    middles = _middles([("赵建军", 160), ("田晓丽", 262), ("孙悦", 370)], 26)
    assert _slots(_record("赵建军 田晓丽 孙悦", middles)) == [
        (Role.PARTY, False, None),
        (Role.OFFICER, True, "赵建军"),
        (Role.OFFICER, True, "田晓丽"),
        (Role.RECORDER, True, "孙悦"),
    ]


def test_an_opinion_label_beside_a_stray_date_is_signed_by_the_approver_label_under_it() -> None:
    lines = [
        ("立案审批表", 264, 102),
        ("负责人审批意见", 84, 579),
        ("2023年3月6日", 466, 554),  # the date of the cell above, read after the label
        ("同意立案。", 105, 595),
        ("审批人：", 489, 614),
        ("伍国华", 463, 631),
        ("2023年3月6日", 467, 657),
    ]
    blocks = [
        Block(
            kind=BlockKind.LINE,
            text=text,
            source="scan.pdf",
            page=1,
            bbox=BBox(x0=x0, top=top, x1=x0 + 12 * len(text), bottom=top + 13),
            confidence=0.95,
        )
        for text, x0, top in lines
    ]
    doc = Document(
        type=DocumentType.FILING_APPROVAL,
        title="立案审批表",
        source="scan.pdf",
        pages=(1, 1),
        confidence=1.0,
        blocks=blocks,
    )
    assert [(s.label, s.filled, s.signer) for s in find_signatures(DocText.of(doc))] == [
        ("审批人", True, "伍国华")
    ]


def test_ink_dipping_into_a_line_of_labels_under_its_first_label_is_no_ink_of_the_last() -> None:
    # the party's signature on the line above hangs into the officers' line, far left of 记录人：
    officers = _middles([("执法人员（签名）：沈转", 85.5), ("蜜!", 270.6), ("记录人：", 299.5)], 10.0)
    blocks = [
        _line("询问笔录", 60, 16, None),
        _line("被询问人（签名）：顾建明", 441, 29, _middles([("被询问人（签名）：顾建明", 85.0)], 11.0)),
        _line("执法人员（签名）：沈转 蜜! 记录人：", 470, 27, officers),
    ]
    ink = [
        ImageItem(
            kind=ImageKind.SIGNATURE, source="scan.pdf", page=1, block_index=1, name="ocr:signature", bbox=b
        )
        for b in (BBox(x0=170, top=446, x1=217, bottom=479), BBox(x0=274, top=469, x1=294, bottom=473))
    ]
    doc = Document(
        type=DocumentType.INQUIRY_RECORD,
        title="询问笔录",
        source="scan.pdf",
        pages=(1, 1),
        confidence=1.0,
        blocks=blocks,
        images=ink,
    )
    assert _slots(doc)[-1] == (Role.RECORDER, False, None)
