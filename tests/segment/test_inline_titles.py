"""A register of short forms packs several 文书 on one sheet: a document starts in mid-page where a lexicon
title stands alone on its row with the agency's name or its own 文号 on a line next to it. Titles named
inside a document (a 送达回证's 送达文书名称, a 卷内目录's rows) start nothing."""

from __future__ import annotations

from casefile_eval.codes import DocumentType as T
from casefile_eval.model import BBox, Block, BlockKind, Page, ParsedFile
from casefile_eval.segment import split_documents

AGENCY = "本溪市市场监督管理局"


def line(text: str, page: int, box: tuple[float, float, float, float] | None = None) -> Block:
    bbox = BBox(x0=box[0], top=box[1], x1=box[2], bottom=box[3]) if box else None
    return Block(kind=BlockKind.LINE, text=text, source="case.pdf", page=page, bbox=bbox)


def scan(blocks: list[Block], pages: int) -> ParsedFile:
    return ParsedFile(
        source="case.pdf",
        format="pdf",
        sha256="0",
        pages=[Page(source="case.pdf", number=n) for n in range(1, pages + 1)],
        blocks=blocks,
    )


def summary(file: ParsedFile) -> list[tuple[T, str | None, tuple[int, int] | None]]:
    return [(d.type, d.title, d.pages) for d in split_documents([file])]


FILING = [
    "№01 案件立案审批表 立案编号：本市监立〔2020〕0112号",
    AGENCY,
    "案由 经营超过保质期的食品案",
    "当事人 本溪市平山区惠邻生鲜超市",
    "经办人意见 当事人涉嫌违反《中华人民共和国食品安全法》第三十四条第（十）项的规定，建议立案调查。",
    "局领导审批 同意立案。 签字： 20-04-07",
]
INSPECTION = [
    "Ne02 现场勘验笔录",  # OCR's reading of the index tab №02
    AGENCY,
    "检查时间 2020年4月7日9时10分至10时25分",
    "执法人员向被检查人出示执法证件，告知被检查人有申请回避的权利，被检查人不申请回避。",
    "被勘验人签章： 20-04-07 ｜ 勘验人： ｜ 记录员：",
]


def test_two_forms_on_one_sheet_are_two_documents() -> None:
    file = scan([line(t, 1) for t in FILING + INSPECTION], pages=1)
    assert summary(file) == [
        (T.FILING_APPROVAL, "№01 案件立案审批表", (1, 1)),
        (T.INSPECTION_RECORD, "Ne02 现场勘验笔录", (1, 1)),
    ]


def test_a_form_after_the_end_of_a_record_from_the_page_before() -> None:
    record = ["№03 调查询问笔录", AGENCY, "询问时间 2020年4月9日", "1．问：你是否申请回避？", "答：不申请。"]
    tail = ["5．问：以上记录是否属实？", "答：属实。", "当事人签章： 20-04-09", "（本笔录第2页 共2页）"]
    report = ["№05 调查终结报告", AGENCY, "经调查查明：当事人销售超过保质期的食品。", "经办人意见 建议处罚。"]
    file = scan([line(t, 1) for t in record] + [line(t, 2) for t in tail + report], pages=2)
    assert summary(file) == [
        (T.INQUIRY_RECORD, "№03 调查询问笔录", (1, 2)),
        (T.INVESTIGATION_REPORT, "№05 调查终结报告", (2, 2)),
    ]


def test_the_document_a_receipt_serves_starts_nothing() -> None:
    receipt = [
        "送达回证",
        AGENCY,
        "受送达人 本溪市平山区惠邻生鲜超市",
        "送达地点 本溪市平山区北地街道站前路27号",
        "送达方式 直接送达",
        "行政处罚决定书",  # the served document, its number under it
        "本市监罚〔2020〕86号",
        "受送达人签收： 2020年5月9日",
        "送达人： 赵晓东 于丽娜",
    ]
    file = scan([line(t, 1) for t in receipt], pages=1)
    assert summary(file) == [(T.SERVICE_RECEIPT, "送达回证", (1, 1))]


def test_a_title_under_a_field_name_starts_nothing() -> None:
    approval = [
        "行政处罚决定审批表",
        AGENCY,
        "当事人 本溪市平山区惠邻生鲜超市",
        "案由 经营超过保质期的食品案",
        "拟作出的文书名称",
        "行政处罚决定书",
        AGENCY,
        "审批意见 同意。",
    ]
    file = scan([line(t, 1) for t in approval], pages=1)
    assert summary(file) == [(T.DECISION_APPROVAL, "行政处罚决定审批表", (1, 1))]


def test_a_title_beside_a_field_name_on_its_row_starts_nothing() -> None:
    receipt = [
        line("文书送达回证", 1, (200, 40, 400, 60)),
        line(AGENCY, 1, (220, 64, 380, 76)),
        line("受送达人 本溪市平山区惠邻生鲜超市", 1, (40, 90, 400, 102)),
        line("送达地点 本溪市平山区北地街道站前路27号", 1, (40, 110, 400, 122)),
        line("送达方式 直接送达", 1, (40, 130, 200, 142)),
        line("送达文书", 1, (40, 150, 100, 162)),  # OCR read the field name and its value as two boxes
        line("行政处罚告知书", 1, (120, 149, 260, 163)),
        line(AGENCY, 1, (120, 168, 280, 180)),
    ]
    assert summary(scan(receipt, pages=1)) == [(T.SERVICE_RECEIPT, "文书送达回证", (1, 1))]


def test_the_rows_of_a_table_of_contents_start_nothing() -> None:
    toc = [
        "卷内文件目录",
        "序号",
        "责任者",
        "题名",
        "1",
        AGENCY,
        "案件立案审批表",
        "1",
        "2",
        AGENCY,
        "询问笔录",
    ]
    file = scan([line(t, 1) for t in toc], pages=1)
    assert [d.type for d in split_documents([file])] == [T.TOC]
