"""Forms signed on a blank with the role's caption after it: "[ink]（签收人） 二○一九年十一月五日"
under the row "受送达人签名或盖章", "[ink]（签名） date" under an opinion, "签收人：[name]" inside the
row's value, and on a scan the same captions with their brackets lost ("韩冬梅 记录人签名 二〇二〇年四月
二十八日")."""

from __future__ import annotations

from casefile_eval.codes import DocumentType, Role
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from casefile_eval.model import BBox, Block, BlockKind, Document, ImageItem, ImageKind

Line = tuple[str, float, float, float]  # text, x0, top, x1


def _doc(
    lines: list[Line], doc_type: DocumentType, inks: list[tuple[int, BBox]], confidence: float | None = None
) -> Document:
    blocks = [
        Block(
            kind=BlockKind.LINE,
            text=text,
            source="f.pdf",
            page=7,
            bbox=BBox(x0=x0, top=top, x1=x1, bottom=top + 10),
            confidence=confidence,
        )
        for text, x0, top, x1 in lines
    ]
    images = [
        ImageItem(kind=ImageKind.SIGNATURE, source="f.pdf", page=7, bbox=box, block_index=index)
        for index, box in inks
    ]
    return Document(
        type=doc_type, title=None, source="f.pdf", pages=(7, 7), confidence=1.0, blocks=blocks, images=images
    )


def _slots(doc: Document) -> list[tuple[Role, str, bool | None]]:
    return [(s.role, s.label, s.filled) for s in find_signatures(DocText.of(doc))]


RECEIPT: list[Line] = [
    ("送达回证", 267, 81, 338),
    ("送达文书名称 行政处罚事先告知书", 76, 112, 271),
    ("受送达人 周玉兰", 77, 161, 208),
    ("受送达人签名或", 77, 235, 152),
    ("盖章", 77, 250, 98),
    ("（签收人） 二○一九年十一月五日", 325, 262, 488),
    ("送达人", 76, 291, 109),
    ("（送达人） 二○一九年十一月五日", 325, 318, 488),
    ("备注", 77, 402, 97),
]


def test_ink_before_the_recipients_caption_signs_the_row_above_it() -> None:
    ink = BBox(x0=238, top=244, x1=301, bottom=268)
    server = BBox(x0=238, top=300, x1=277, bottom=324)
    signed = _doc(RECEIPT, DocumentType.SERVICE_RECEIPT, [(5, ink), (7, server)])
    assert _slots(signed) == [(Role.RECIPIENT, "受送达人签名或盖章", True), (Role.SERVER, "送达人", True)]
    blank = _doc(RECEIPT, DocumentType.SERVICE_RECEIPT, [(7, server)])
    assert _slots(blank) == [(Role.RECIPIENT, "受送达人签名或盖章", False), (Role.SERVER, "送达人", True)]


APPROVAL: list[Line] = [
    ("行政处罚决定审批表", 222, 81, 383),
    ("承办人意见 建议按上述意见作出行政处罚决定。", 76, 309, 342),
    ("（承办人） 二○一九年十一月十一日", 325, 342, 499),
    ("机关负责人意见 同意。", 76, 371, 199),
    ("（签名） 二○一九年十一月十一日", 325, 404, 489),
]


def test_ink_before_a_bracketed_signing_caption_under_an_opinion_signs_the_opinion() -> None:
    officer = BBox(x0=238, top=324, x1=277, bottom=348)
    head = BBox(x0=238, top=386, x1=289, bottom=410)
    signed = _doc(APPROVAL, DocumentType.DECISION_APPROVAL, [(2, officer), (4, head)])
    assert _slots(signed) == [(Role.OFFICER, "承办人", True), (Role.APPROVER, "机关负责人意见", True)]
    unsigned = _doc(APPROVAL, DocumentType.DECISION_APPROVAL, [(2, officer)])
    assert _slots(unsigned) == [(Role.OFFICER, "承办人", True), (Role.APPROVER, "机关负责人意见", False)]


def _scanned_receipt(signee: str) -> Document:
    lines: list[Line] = [
        ("送达回证", 300, 115, 370),
        ("受送达人签名或", 127, 264, 202),
        (f"盖章 签收人：{signee} 2024年04月29日", 124, 278, 484),
        ("送达人：覃丽娟 2024年04月29日", 277, 331, 484),
    ]
    return _doc(lines, DocumentType.SERVICE_RECEIPT, [], confidence=0.97)


def test_a_name_after_the_rows_own_signing_caption_signs_the_row() -> None:
    assert _slots(_scanned_receipt("刘桂英")) == [
        (Role.RECIPIENT, "受送达人签名或盖章", True),
        (Role.RECIPIENT, "签收人", True),
        (Role.SERVER, "送达人", True),
    ]
    # 签收人： with only the date after it: the 人 of its caption is no name
    assert _slots(_scanned_receipt("")) == [
        (Role.RECIPIENT, "受送达人签名或盖章", False),
        (Role.RECIPIENT, "签收人", False),
        (Role.SERVER, "送达人", True),
    ]


def _scanned_record(recorder: str) -> Document:
    lines: list[Line] = [
        ("询问笔录", 250, 60, 330),
        ("答：2019年度已经在系统里申报了。", 72, 440, 244),
        ("魏长河 被询问人签名 二0二0年四月二十八日", 70, 478, 363),
        ("曲志强 询问人签名 二0二0年四月二十八日", 70, 514, 353),
        (f"{recorder} 记录人签名 二0二0年四月二十八日", 70, 550, 353),
    ]
    return _doc(lines, DocumentType.INQUIRY_RECORD, [], confidence=0.95)


def test_on_a_scan_a_name_before_a_caption_whose_brackets_were_lost_is_its_signature() -> None:
    assert _slots(_scanned_record("韩冬梅")) == [
        (Role.PARTY, "被询问人签名", True),
        (Role.OFFICER, "询问人签名", True),
        (Role.RECORDER, "记录人签名", True),
    ]
    assert _slots(_scanned_record("")) == [
        (Role.PARTY, "被询问人签名", True),
        (Role.OFFICER, "询问人签名", True),
        (Role.RECORDER, "记录人签名", False),
    ]


def test_on_a_scan_a_caption_whose_brackets_were_read_as_square_ones_is_still_a_caption() -> None:
    lines: list[Line] = [
        ("询问笔录", 250, 60, 330),
        ("答：2019年度已经在系统里申报了", 72, 440, 244),
        ("魏长河 【被询问人签名】 二0二〇年四月二十八日", 70, 478, 363),
        ("曲志强 [询问人签名] 二〇二〇年四月二十八日", 70, 514, 353),
        ("韩冬梅 记录人签名 二〇二〇年四月二十八日", 70, 550, 353),
    ]
    assert _slots(_doc(lines, DocumentType.INQUIRY_RECORD, [], confidence=0.95)) == [
        (Role.PARTY, "被询问人签名", True),  # (was: False, the name before 【 not taken as its ink)
        (Role.OFFICER, "询问人签名", True),
        (Role.RECORDER, "记录人签名", True),
    ]


def _scanned_hearing_tail(recorder: str) -> Document:
    lines: list[Line] = [
        ("听证笔录", 250, 60, 330),
        ("当事人核对意见：以上笔录已核对，记录无误。", 72, 120, 300),
        ("魏长河当事人签名） 二0二0年六月九日", 70, 140, 330),
        ("付延平 （主持人） 二0二0年六月九日", 70, 176, 330),
        (f"{recorder}记录员二0二0年六月九日", 160, 212, 330),  # "（记录员）", its brackets lost
    ]
    return _doc(lines, DocumentType.HEARING_RECORD, [], confidence=0.9)


def test_on_a_scan_a_caption_run_into_its_date_is_a_slot() -> None:
    assert _slots(_scanned_hearing_tail("")) == [
        (Role.PARTY, "当事人签名", True),
        (Role.OFFICER, "主持人", True),
        (Role.RECORDER, "记录员", False),  # (was: no slot, the blank not found)
    ]
    assert _slots(_scanned_hearing_tail("孟晓雪 ")) == [
        (Role.PARTY, "当事人签名", True),
        (Role.OFFICER, "主持人", True),
        (Role.RECORDER, "记录员", True),
    ]


def test_on_a_scan_a_role_named_before_a_date_in_a_sentence_is_no_caption() -> None:
    lines: list[Line] = [
        ("听证笔录", 250, 60, 330),
        ("调查人员陈述：当事人2021年12月至2022年2月新招的9名叉车作业人员未经培训。", 72, 120, 500),
        ("付延平 （主持人） 二0二二年三月九日", 70, 176, 330),
    ]
    assert _slots(_doc(lines, DocumentType.HEARING_RECORD, [], confidence=0.9)) == [
        (Role.OFFICER, "主持人", True),
    ]


BOXED: list[Line] = [
    ("送达回证", 267, 81, 338),
    ("受送达人 罗建军", 77, 162, 210),
    ("受送达人签名或 签收人", 77, 238, 265),  # the row's label and the caption atop its signing box
    ("盖章", 77, 253, 98),
    ("2018年05月31日", 339, 264, 421),
    ("备注", 77, 405, 97),
]


def test_ink_under_a_box_caption_on_the_rows_first_line_signs_the_row() -> None:
    # the ink hangs under 签收人 (x 241–265), not under the wrapped 盖章 left of it; nearest to the date
    ink = BBox(x0=242, top=253, x1=296, bottom=277)
    assert _slots(_doc(BOXED, DocumentType.SERVICE_RECEIPT, [(4, ink)])) == [
        (Role.RECIPIENT, "受送达人签名或盖章", True)
    ]
    assert _slots(_doc(BOXED, DocumentType.SERVICE_RECEIPT, [])) == [
        (Role.RECIPIENT, "受送达人签名或盖章", False)
    ]


def test_on_a_scan_a_caption_that_lost_its_opening_bracket_is_still_a_caption() -> None:
    def record(party: str) -> Document:
        lines: list[Line] = [
            ("询问笔录", 265, 77, 340),
            ("答：我马上补建台账，请从轻处罚", 72, 474, 238),
            ("以上笔录我看过，和我说的一样", 72, 492, 231),
            (f"{party} 被询问人签名） 二〇二六年三月十三日", 69, 513, 353),
            ("侯亚楠 （询问人签名） 二〇二六年三月十三日", 69, 547, 344),
        ]
        return _doc(lines, DocumentType.INQUIRY_RECORD, [], confidence=0.95)

    assert _slots(record("杜金海")) == [
        (Role.PARTY, "被询问人签名", True),
        (Role.OFFICER, "询问人签名", True),
    ]
    assert _slots(record("")) == [(Role.PARTY, "被询问人签名", False), (Role.OFFICER, "询问人签名", True)]


WRAPPED_ROW: list[Line] = [
    ("送达回证", 267, 77, 338),
    ("受送达人 许昌市建安区丰收农资经营部", 74, 157, 314),
    ("受送达人签名或", 74, 232, 154),
    # the row's label wrapped onto the caption's line
    ("盖章 （签收人）二〇二六年三月三十一日", 74, 249, 501),
    ("送达人：侯亚楠 二〇二六年三月三十一日", 73, 288, 501),
]


def test_a_caption_on_the_line_its_rows_label_wrapped_onto_is_no_slot_of_its_own() -> None:
    ink = BBox(x0=238, top=240, x1=296, bottom=266)
    signed = _doc(WRAPPED_ROW, DocumentType.SERVICE_RECEIPT, [(3, ink)], confidence=0.95)
    assert _slots(signed) == [(Role.RECIPIENT, "受送达人签名或盖章", True), (Role.SERVER, "送达人", True)]
    blank = _doc(WRAPPED_ROW, DocumentType.SERVICE_RECEIPT, [], confidence=0.95)
    assert _slots(blank) == [(Role.RECIPIENT, "受送达人签名或盖章", False), (Role.SERVER, "送达人", True)]


def test_on_a_scan_a_name_before_a_bare_signer_role_whose_brackets_were_lost_signs_it() -> None:
    def review(reviewer: str) -> Document:
        lines: list[Line] = [
            ("法制审核意见书", 240, 79, 367),
            ("拟处理意见 罚款人民币捌万元", 74, 159, 252),
            ("审核意见 经审核，本案执法主体合法、案件事实清楚，证据确实充分，适用法律正", 74, 184, 523),
            ("确，程序合法，处罚幅度适当，同意承办机构意见", 168, 202, 419),
            (f"{reviewer} 审核人 年月", 240, 221, 449),  # "[ink]（审核人） 年 月 日", brackets and 日 lost
        ]
        return _doc(lines, DocumentType.LEGAL_REVIEW, [], confidence=0.95)

    assert _slots(review("姜涛")) == [(Role.REVIEWER, "审核人", True)]
    assert _slots(review("")) == [(Role.REVIEWER, "审核人", False)]
