"""Layouts that other agencies print: the 文号 on the title's line, a receipt serving several documents
whose cell wraps around its label, an addressee wrapped over two lines, a published body that names its
agency only in its own forms, and a 听证告知书 that stands in for the 事先告知书."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from casefile_eval.codes import DocumentType as T
from casefile_eval.codes import Role
from casefile_eval.extract import extract_document_facts, reconcile_case
from casefile_eval.model import Block, BlockKind, Document, ImageItem, ImageKind, Page, ParsedFile
from casefile_eval.segment import split_documents


def lines_doc(lines: list[str], doc_type: T, title: str | None = None) -> Document:
    blocks = [Block(kind=BlockKind.LINE, text=t, source="c.pdf", page=1) for t in lines]
    return Document(type=doc_type, title=title, source="c.pdf", pages=(1, 1), confidence=1.0, blocks=blocks)


def test_number_printed_on_the_title_line_is_the_documents_own() -> None:
    lines = ["梧桐县水利局", "行政处罚决定书    梧水罚字 （2024） 第 3 号", "当事人：梧桐县清泉砂石场", "……"]
    file = ParsedFile(
        source="c.pdf",
        format="pdf",
        sha256="0",
        pages=[Page(source="c.pdf", number=1)],
        blocks=[Block(kind=BlockKind.LINE, text=t, source="c.pdf", page=1) for t in lines],
    )
    [doc] = split_documents([file])
    assert (doc.type, doc.title) == (T.DECISION, "行政处罚决定书")
    assert extract_document_facts(doc).case_number == "梧水罚字〔2024〕3号"


def test_receipt_listing_two_documents_around_its_label() -> None:
    doc = lines_doc(
        [
            "梧桐县水利局",
            "送达回证",
            "责令停止违法行为通知书（梧水责〔2024〕3号）；行政处罚决定书（",
            "送达文书名称及文号",
            "梧水罚字〔2024〕3号）",
            "受送达人 梧桐县清泉砂石场",
            "送达时间 2024年6月3日",
        ],
        T.SERVICE_RECEIPT,
    )
    facts = extract_document_facts(doc)
    assert (facts.served_document, facts.served_document_type) == (
        "行政处罚决定书（梧水罚字〔2024〕3号）",
        T.DECISION,
    )


def test_addressee_with_its_credit_code_wrapped_onto_the_next_line() -> None:
    doc = lines_doc(
        [
            "梧桐县水利局",
            "行政处罚决定书",
            "梧桐县清泉砂石场（统一社会信用代码：",
            "92330000MA2B3C4D5E）：",
            "经查，你单位于2024年4月在河道管理范围内采砂……",
        ],
        T.DECISION,
    )
    assert extract_document_facts(doc).party == "梧桐县清泉砂石场"


def test_published_body_names_its_agency_in_its_own_forms() -> None:
    doc = lines_doc(
        [
            "梧桐县清泉砂石场：",
            "我局于2024年4月12日对你单位进行了检查，有《梧桐县水利局现场检查笔录》"
            "及《梧桐县水利局调查询问笔录》为证，另有《梧水局询问笔录》一份。",
            "我局决定对你单位处以罚款人民币叁万元整。",
        ],
        T.DECISION,
    )
    assert extract_document_facts(doc).agency == "梧桐县水利局"


def test_hearing_notice_dates_the_notification_when_there_is_no_other_notice() -> None:
    notice = lines_doc(
        [
            "行政处罚听证告知书",
            "梧桐县清泉砂石场：",
            "本局拟对你单位作出罚款人民币叁万元的行政处罚。你单位有权进行陈述和申辩，有权要求举行听证。",
            "梧桐县水利局",
            "2024年5月20日",
        ],
        T.HEARING_NOTICE,
    )
    decision = lines_doc(
        [
            "行政处罚决定书",
            "梧水罚字〔2024〕3号",
            "当事人：梧桐县清泉砂石场",
            "你单位在法定期限内未要求听证。本局决定对你单位处以罚款人民币叁万元整。",
            "梧桐县水利局",
            "2024年6月1日",
        ],
        T.DECISION,
    )
    for doc in (notice, decision):
        doc.facts = extract_document_facts(doc)
    dates = reconcile_case([notice, decision]).facts.dates
    assert (dates.notified, dates.decided) == (dt.date(2024, 5, 20), dt.date(2024, 6, 1))


def test_a_hearing_notice_does_not_date_a_prior_notice_whose_own_date_is_unread() -> None:
    """The 事先告知书's 落款 lies under its seal and was not read: the later 听证通知书's date is not the
    case's notification date."""
    prior = lines_doc(
        [
            "行政处罚事先告知书",
            "梧桐县清泉砂石场：",
            "本局拟对你单位作出罚款人民币叁万元的行政处罚。你单位有权进行陈述和申辩，有权要求举行听证。",
            "梧桐县水利局",
            "二二年□月十四日",
        ],
        T.PRIOR_NOTICE,
    )
    hearing = lines_doc(
        ["听证通知书", "梧桐县清泉砂石场：", "本局定于2024年5月30日在本局会议室举行听证。", "2024年5月21日"],
        T.HEARING_NOTICE,
    )
    for doc in (prior, hearing):
        doc.facts = extract_document_facts(doc)
    assert reconcile_case([prior, hearing]).facts.dates.notified is None


def test_ocr_read_handwriting_in_a_signature_zone_counts_as_a_mark() -> None:
    blocks = [
        Block(kind=BlockKind.LINE, text=t, source="scan.pdf", page=2, confidence=0.93)
        for t in (
            "询问笔录",
            "答：没有异议。",
            "以上笔录我已看过，与我说的一致。",
            "被询问人签名：V",
            "执法人员签名：",
        )
    ]
    doc = Document(
        type=T.INQUIRY_RECORD,
        title="询问笔录",
        source="scan.pdf",
        pages=(2, 2),
        confidence=1.0,
        blocks=blocks,
    )
    slots = [(s.label, s.filled, s.method, s.confidence) for s in extract_document_facts(doc).signatures]
    assert slots == [("被询问人签名", True, "ocr", 0.7), ("执法人员签名", False, "text", 1.0)]


def test_a_blank_in_brackets_read_as_c_is_no_signature() -> None:
    blocks = [
        Block(kind=BlockKind.LINE, text=t, source="scan.pdf", page=5, confidence=0.9)
        for t in ("送达回证", "受送达人：某某公司", "受送达人签名：C )", "送达人签名：C )")
    ]
    doc = Document(
        type=T.SERVICE_RECEIPT,
        title="送达回证",
        source="scan.pdf",
        pages=(5, 5),
        confidence=1.0,
        blocks=blocks,
    )
    slots = [(s.label, s.filled, s.method) for s in extract_document_facts(doc).signatures]
    assert slots == [("受送达人签名", False, "text"), ("送达人签名", False, "text")]


def test_date_with_a_part_lost_is_unreadable_not_missing() -> None:
    doc = lines_doc(
        [
            "行政处罚决定书",
            "当事人：梧桐县清泉砂石场",
            "本局决定处以罚款人民币叁万元整。",
            "梧桐县水利局",
            "2024月1日",
        ],
        T.DECISION,
    )
    [date] = [d for d in extract_document_facts(doc).dates if d.label == "落款"]
    assert (date.value, date.raw) == (None, "2024月1日")


def _approval_form(sign_cell: str, images_at: list[int]) -> Document:
    cells = [
        ("立案审批表", 0, 0),
        ("承办人意见", 1, 0),
        ("建议立案调查。", 1, 1),
        ("签名：  日期：2024年3月1日", 2, 1),
        ("负责人审批意见", 3, 0),
        ("同意立案。", 3, 1),
        (sign_cell, 4, 1),
    ]
    blocks = [
        Block(kind=BlockKind.CELL, text=t, source="a.docx", page=1, table=0, row=r, col=c)
        for t, r, c in cells
    ]
    images = [
        ImageItem(kind=ImageKind.SIGNATURE, source="a.docx", page=1, block_index=i, width=40, height=20)
        for i in images_at
    ]
    return Document(
        type=T.FILING_APPROVAL,
        title="立案审批表",
        source="a.docx",
        pages=(1, 1),
        confidence=1.0,
        blocks=blocks,
        images=images,
    )


def test_approver_signs_in_the_cell_below_the_opinion() -> None:
    slots = extract_document_facts(_approval_form("签名：  日期：2024年3月2日", [3, 6])).signatures
    assert [(s.label, s.filled, s.method) for s in slots if s.role is Role.APPROVER] == [
        ("负责人审批意见", True, "image")
    ]


def test_opinion_without_a_signature_below_is_unsigned() -> None:
    slots = extract_document_facts(_approval_form("签名：  日期：2024年3月2日", [3])).signatures
    assert [(s.label, s.filled) for s in slots if s.role is Role.APPROVER] == [("负责人审批意见", False)]


def test_handwriting_run_into_a_date_does_not_hide_it() -> None:
    from casefile_eval.extract.dates import find_dates

    assert [(m.raw, m.value) for m in find_dates("签名：72025年04月21日")] == [
        ("2025年04月21日", dt.date(2025, 4, 21))
    ]
    assert [(m.raw, m.value) for m in find_dates("签名：172025-07-03")] == [
        ("2025-07-03", dt.date(2025, 7, 3))
    ]
    assert find_dates("编号1232025年4月1日") == []


def test_chinese_year_whose_zero_ocr_dropped() -> None:
    from casefile_eval.extract.dates import find_dates

    assert [(m.raw, m.value) for m in find_dates("二二二年六月六日")] == [
        ("二二二年六月六日", dt.date(2022, 6, 6))
    ]
    assert find_dates("十二月二十二日") == []


def test_chinese_year_whose_zero_ocr_read_as_a_dot_or_whose_first_digit_a_seal_hid() -> None:
    from casefile_eval.extract.dates import find_dates

    assert [(m.raw, m.value) for m in find_dates("同意。周敏二。二二年六月二十日")] == [
        ("二。二二年六月二十日", dt.date(2022, 6, 20))
    ]
    assert [(m.raw, m.value) for m in find_dates("二.一五年三月一日")] == [
        ("二.一五年三月一日", dt.date(2015, 3, 1))
    ]
    assert [(m.raw, m.value) for m in find_dates("O二五年九月二十九日")] == [
        ("O二五年九月二十九日", dt.date(2025, 9, 29))
    ]
    assert [(m.raw, m.value) for m in find_dates("正0二三年九月二十六日")] == [
        ("0二三年九月二十六日", dt.date(2023, 9, 26))
    ]
    # a sentence's full stop before a date stays a full stop
    assert [(m.raw, m.value) for m in find_dates("同意。2022年6月3日")] == [
        ("2022年6月3日", dt.date(2022, 6, 3))
    ]
    assert find_dates("第二。二三年") == []
    assert find_dates("〇五年") == []


def test_a_credit_code_in_the_party_cell_is_not_the_party() -> None:
    doc = lines_doc(["立案审批表", "当事人 92330000MA2B3C4D5E", "案由 擅自采砂"], T.FILING_APPROVAL)
    assert extract_document_facts(doc).party is None


def test_officer_names_run_together_by_ocr_are_not_a_third_officer() -> None:
    doc = lines_doc(
        [
            "现场检查笔录",
            "执法人员：王立（执法证号：ZJ1001）、陈芳（执法证号：ZJ1002）",
            "检查情况：仓库内存放未申报货物。",
            "执法人员签名：王立陈芳",
        ],
        T.INSPECTION_RECORD,
    )
    assert [(o.name, o.cert_no) for o in extract_document_facts(doc).officers] == [
        ("王立", "ZJ1001"),
        ("陈芳", "ZJ1002"),
    ]


def test_a_name_run_together_with_the_recorders_is_the_other_officer() -> None:
    doc = lines_doc(
        ["询问笔录", "询问人：孙宏马骏记录人：马骏", "被询问人：王建业", "问：你是否取得许可？"],
        T.INQUIRY_RECORD,
    )
    assert [o.name for o in extract_document_facts(doc).officers] == ["孙宏", "马骏"]


def test_a_numbered_certificate_ending_in_hao_is_the_officers_number() -> None:
    doc = lines_doc(
        ["调查询问笔录", "询问人：鲁建军（陕环执证第06114号）、孟庆丰（陕环执证第06121号） 记录人：孟庆丰"],
        T.INQUIRY_RECORD,
    )
    assert [(o.name, o.cert_no) for o in extract_document_facts(doc).officers] == [
        ("鲁建军", "陕环执证第06114号"),
        ("孟庆丰", "陕环执证第06121号"),
    ]


def test_a_pair_whose_bracket_closes_on_the_next_line_is_read_whole() -> None:
    doc = lines_doc(
        [
            "询 问 笔 录",
            "询问人：季晓明（浙卫监证字第331125003号）　记录人：王芳（浙卫监证字第331125008",
            "号）",
            "被询问人：柳志坚 职务：法定代表人",
        ],
        T.INQUIRY_RECORD,
    )
    assert [(o.name, o.cert_no) for o in extract_document_facts(doc).officers] == [
        ("季晓明", "浙卫监证字第331125003号"),
        ("王芳", "浙卫监证字第331125008号"),
    ]


def test_a_compound_surname_before_a_known_name_stays_one_name() -> None:
    doc = lines_doc(
        ["询问笔录", "询问人：欧阳马骏、马骏 记录人：马骏", "被询问人：王建业", "问：你是否取得许可？"],
        T.INQUIRY_RECORD,
    )
    assert [o.name for o in extract_document_facts(doc).officers] == ["欧阳马骏", "马骏"]


def _boxed(rows: Sequence[tuple[str, float, float, float]], kind: T, title: str, h: float) -> Document:
    """A one-page text PDF document of lines (text, x0, top, x1), each `h` points high."""
    from casefile_eval.model import BBox

    blocks = [
        Block(kind=BlockKind.LINE, text=t, source="s.pdf", page=1, bbox=BBox(x0=x, top=y, x1=r, bottom=y + h))
        for t, x, y, r in rows
    ]
    return Document(type=kind, title=title, source="s.pdf", pages=(1, 1), confidence=1.0, blocks=blocks)


def test_receipt_label_wrapped_onto_a_centred_second_line() -> None:
    rows = [
        ("送达回证", 260, 70, 336),
        ("受送达人 某某置业有限公司", 95, 150, 286),
        ("送达时间 2025年5月29日10时20分", 95, 216, 289),
        ("受送达人签名或盖 年 月 日", 76, 239, 208),
        ("章", 109, 253, 124),
        ("送达人签名 王某", 90, 273, 275),
    ]
    doc = _boxed(rows, T.SERVICE_RECEIPT, "送达回证", 12)
    slots = [(s.label, s.role, s.filled) for s in extract_document_facts(doc).signatures]
    assert slots == [("受送达人签名或盖章", Role.RECIPIENT, False), ("送达人签名", Role.SERVER, True)]


def test_a_receipt_field_whose_value_cell_holds_the_recipients_label_is_one_slot() -> None:
    # h55-03's 税务文书送达回证: "受送达人签名或盖 / 章" | "受送达人：[signature] 2016年3月29日" a line lower
    rows = [
        ("税务文书送达回证", 178, 73, 416),
        ("受送达人 商南县金丝峡农家乐有限公司", 77, 144, 341),
        ("受送达人签名或盖", 77, 196, 172),
        ("章", 77, 213, 88),
        ("受送达人： 2016年3月29日", 245, 237, 340),
        ("送达人 王某", 77, 264, 200),
    ]
    doc = _boxed(rows, T.SERVICE_RECEIPT, "送达回证", 11)
    slots = [(s.label, s.role) for s in extract_document_facts(doc).signatures]
    assert slots == [("受送达人", Role.RECIPIENT), ("送达人", Role.SERVER)]


def test_two_officers_signing_fields_side_by_side_are_two_slots() -> None:
    rows = [
        ("询问笔录", 260, 70, 336),
        ("被询问人签章（按手印）", 178, 223, 268),
        ("执法人员签章", 274, 223, 324),
        ("2018-5-2", 321, 279, 352),
        ("执法人员签章", 370, 223, 420),
        ("记录人签章", 466, 223, 507),
    ]
    doc = _boxed(rows, T.INQUIRY_RECORD, "询问笔录", 8)
    labels = [s.label for s in extract_document_facts(doc).signatures]
    assert labels == ["被询问人签章(按手印)", "执法人员签章", "执法人员签章", "记录人签章"]


def test_template_blank_closed_up_by_ocr_is_a_blank_date() -> None:
    doc = lines_doc(
        [
            "行政处罚决定书",
            "当事人：某某公司",
            "我局于二〇二五年四月九日向你单位送达了告知书。本局决定处以罚款人民币伍仟元。",
            "某某市人民防空办公室",
            "年月日",
        ],
        T.DECISION,
    )
    [decided] = [d for d in extract_document_facts(doc).dates if d.kind.value == "decided"]
    assert (decided.value, decided.raw, decided.label) == (None, "年月日", "落款")


def test_the_next_rows_field_name_is_no_signer() -> None:
    doc = lines_doc(
        ["送达回证", "受送达人：某某旅游咨询有限公司", "受送达人签收", "送达人签名 张三", "见证人", "备注"],
        T.SERVICE_RECEIPT,
    )
    slots = {(s.role, s.filled, s.signer) for s in extract_document_facts(doc).signatures}
    assert (Role.WITNESS, False, None) in slots
    assert (Role.RECIPIENT, False, None) in slots


def test_a_name_run_into_the_officers_number_field_still_signs() -> None:
    from casefile_eval.extract.signatures import _text_fill

    assert _text_fill(" 钱晓燕执法证号：33050219015") == (True, "钱晓燕", False, 1, False)
    assert _text_fill("（法律职业资格证书编号：A20181101****）") == (False, None, False, None, False)


def test_names_written_apart_are_counted_and_names_run_together_are_not() -> None:
    from casefile_eval.extract.signatures import _text_fill

    assert _text_fill("：李明、王芳  2024年5月6日") == (True, "李明王芳", False, 2, False)
    assert _text_fill("：李明 2024年5月6日") == (True, "李明", False, 1, False)
    assert _text_fill("：李明王芳张强") == (True, "李明王芳张强", False, None, False)


def test_a_scan_read_holding_book_title_marks_is_print_not_a_signature() -> None:
    from casefile_eval.extract.signatures import _text_fill

    # h55-06's scan: "负责人意见 二策《同意:" — the next sheet's print showing through before the opinion
    assert _text_fill("二策《同意:", 1, opinion=True).filled is False
    assert _text_fill("王建军 同意:", 1, opinion=True).filled is True


def test_a_name_read_unsurely_after_its_label_is_handwriting() -> None:
    from casefile_eval.extract.officers import _read_unsurely_after_label
    from casefile_eval.model import Block, BlockKind

    def line(text: str, scores: tuple[float, ...]) -> Block:
        return Block(kind=BlockKind.PARAGRAPH, text=text, source="a.pdf", confidence=0.9, char_scores=scores)

    # h55-10's 现场勘验笔录: "勘验人：" then the two officers' signatures, read 请测黎伟
    assert _read_unsurely_after_label(line("勘验人：请测黎伟", (1.0, 1.0, 1.0, 1.0, 0.3, 0.5, 1.0, 0.7)))
    assert not _read_unsurely_after_label(line("勘验人：谭永刚", (1.0, 1.0, 1.0, 1.0, 0.99, 0.98, 1.0)))
    assert not _read_unsurely_after_label(line("勘验人：请测黎伟", ()))
