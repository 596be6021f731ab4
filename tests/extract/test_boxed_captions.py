"""Forms whose value boxes carry a small caption in their corner over the ink: the row "送达人" with a
box captioned "送达人" (two servers, a box each), the row "机关负责人审批意见" with its 签名 box. The caption
is the slot, the row's name is none; on a scan the row's name may be read into one line with its opinion
and its last word wrapped under it."""

from __future__ import annotations

from casefile_eval.codes import DocumentType, Role
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from casefile_eval.model import BBox, Block, BlockKind, Document, ImageItem, ImageKind

Line = tuple[str, float, float, float, float]  # text, x0, top, x1, bottom


def _block(line: Line, confidence: float | None, char_xs: tuple[float, ...] | None = None) -> Block:
    text, x0, top, x1, bottom = line
    bbox = BBox(x0=x0, top=top, x1=x1, bottom=bottom)
    line = Block(kind=BlockKind.LINE, text=text, source="f.pdf", page=8, bbox=bbox, confidence=confidence)
    return line.model_copy(update={"char_xs": char_xs})


def _doc(blocks: list[Block], doc_type: DocumentType, inks: list[tuple[int, BBox]]) -> Document:
    images = [
        ImageItem(kind=ImageKind.SIGNATURE, source="f.pdf", page=8, bbox=box, block_index=index)
        for index, box in inks
    ]
    return Document(
        type=doc_type, title=None, source="f.pdf", pages=(8, 8), confidence=1.0, blocks=blocks, images=images
    )


def _slots(doc: Document) -> list[tuple[Role, str, bool | None]]:
    return [(s.role, s.label, s.filled) for s in find_signatures(DocText.of(doc))]


HEAD: list[Line] = [
    ("送达回证", 267, 81, 337, 97),
    ("送达文书名称 行政处罚决定书", 76, 112, 275, 121),
    ("受送达人 江阴市澄锋机械科技有限公司", 76, 162, 300, 172),
    ("受送达人签名或盖章 缪志刚 2017年9月14日", 76, 240, 420, 252),
]
FIRST: list[Line] = [
    ("送达人", 76, 293, 110, 304),  # the row's name
    ("送达人", 241, 300, 264, 307),  # the first box's caption, in smaller print, lower in the row
    ("2017年9月14日", 338, 320, 408, 330),
]
FIRST_INK = (5, BBox(x0=242, top=309, x1=281, bottom=333))
SECOND_INK = BBox(x0=242, top=365, x1=281, bottom=389)
FOOT: list[Line] = [("2017年9月14日", 338, 376, 408, 386), ("备注", 76, 405, 97, 415)]


def _receipt(second_signed: bool) -> Document:
    # the second box's caption read into one line with the row's name: its characters are narrower
    xs = (81.75, 93.25, 104.75, 110.5, 245.0, 253.0, 261.0)
    merged = _block(("送达人 送达人", 76, 349, 264, 363), None, xs)
    blocks = [_block(line, None) for line in [*HEAD, *FIRST]] + [merged]
    blocks += [_block(line, None) for line in FOOT]
    inks = [FIRST_INK] + ([(7, SECOND_INK)] if second_signed else [])
    return _doc(blocks, DocumentType.SERVICE_RECEIPT, inks)


def test_a_rows_name_beside_its_boxes_captions_is_no_slot() -> None:
    assert _slots(_receipt(True)) == [
        (Role.RECIPIENT, "受送达人签名或盖章", True),
        (Role.SERVER, "送达人", True),
        (Role.SERVER, "送达人", True),
    ]
    assert _slots(_receipt(False)) == [
        (Role.RECIPIENT, "受送达人签名或盖章", True),
        (Role.SERVER, "送达人", True),
        (Role.SERVER, "送达人", False),
    ]


def test_two_captions_of_one_printed_line_stay_two_slots() -> None:
    footer: list[Line] = [
        ("询问笔录", 267, 81, 337, 97),
        ("问：以上记录是否属实？", 76, 600, 300, 611),
        ("答：属实。", 76, 620, 140, 631),
        ("被询问人签名 王立新", 76, 700, 240, 711),
        ("执法人员 执法人员", 76, 730, 300, 741),
    ]
    xs = (81.5, 92.5, 103.5, 114.5, 120.0, 261.5, 272.5, 283.5, 294.5)
    blocks = [_block(line, None) for line in footer[:-1]] + [_block(footer[-1], None, xs)]
    one = _doc(blocks, DocumentType.INQUIRY_RECORD, [(4, BBox(x0=256, top=745, x1=300, bottom=765))])
    assert _slots(one) == [
        (Role.PARTY, "被询问人签名", True),
        (Role.OFFICER, "执法人员", False),
        (Role.OFFICER, "执法人员", True),
    ]


SCANNED_APPROVAL: list[Line] = [
    ("立案审批表", 257, 79, 348, 99),
    ("案由 未取得施工许可证擅自施工案", 73, 108, 312, 125),
    ("案件来源 建筑市场巡查", 74, 134, 235, 149),
    ("当事人 江阴市澄锋机械科技有限公司", 73, 159, 400, 174),
    ("简要案情 当事人厂区北侧在建2号钢结构厂房一幢，建筑面积约4600平方米，已完成", 74, 243, 529, 258),
    ("基础及钢柱吊装，现场有施工人员12人作业。", 168, 263, 522, 274),
    ("承办人意见 经初步核查，当事人涉嫌未取得施工许可证擅自施工，建议立案调查。", 74, 304, 519, 321),
    ("承办人", 239, 340, 267, 351),
    ("承伟 2017年8月9日", 239, 348, 410, 377),
    ("承办机构意见 同意立案，由承伟、夏静承办。", 75, 390, 323, 407),
    ("负责人", 238, 406, 267, 417),
    ("脚晓峰 2017年8月9日", 239, 415, 410, 441),
    ("机关负责人审批同意立案。", 75, 455, 221, 473),  # the row's name read into one with the opinion
    ("意见", 74, 470, 100, 485),  # the name's last word, wrapped
    ("签名", 238, 470, 259, 483),
]


def test_a_scanned_opinion_goes_on_past_its_names_wrapped_last_word() -> None:
    signed = [*SCANNED_APPROVAL, ("顾建新 2017年8月9日", 240, 482, 410, 505)]
    blank = [*SCANNED_APPROVAL, ("2017年8月9日", 338, 482, 410, 505)]
    for lines, filled in ((signed, True), (blank, False)):
        doc = _doc([_block(line, 0.95) for line in lines], DocumentType.FILING_APPROVAL, [])
        assert _slots(doc) == [
            (Role.OFFICER, "承办人", True),
            (Role.APPROVER, "负责人", True),
            (Role.APPROVER, "机关负责人审批", filled),
        ]


def test_the_wrapped_word_read_into_one_line_with_the_signing_label() -> None:
    """holdout30 h30-03's 结案审批表 on a scan: the row name's last word and the 签名 beside it (with the
    approver's name, in blue ink, read as print) make one OCR line: "意见 签名韩立国2023-04-17"."""
    head = [
        ("结案审批表", 257, 79, 348, 99),
        ("承办人意见 处罚决定已执行完毕，建议结案。", 74, 180, 400, 197),
        ("承办人：刘洪斌2023-04-17", 183, 205, 380, 230),
        ("机关负责人审批同意结案。", 75, 260, 221, 278),
    ]
    signed = [*head, ("意见 签名韩立国2023-04-17", 74, 276, 420, 300)]
    blank = [*head, ("意见 签名 2023-04-17", 74, 276, 420, 300)]
    for lines, filled in ((signed, True), (blank, False)):
        doc = _doc([_block(line, 0.95) for line in lines], DocumentType.CLOSING_REPORT, [])
        assert _slots(doc) == [
            (Role.OFFICER, "承办人", True),
            (Role.APPROVER, "机关负责人审批", filled),
        ]
