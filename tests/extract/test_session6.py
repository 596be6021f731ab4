"""Session 6 reading: a 回执 slip names what it serves in a sentence, a cut line is nobody's signature,
监督员 / 记录员 are officers' and recorders' slots, and a second officer's name on the next line signs too."""

from __future__ import annotations

from casefile_eval.codes import DocumentType as T
from casefile_eval.codes import Role
from casefile_eval.extract.served import find_served
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from tests.extract.docs import doc_from_lines

SLIP = [
    "送达回证",
    "兹收到三明市三元区林业局《行政处罚决定书》（明林罚字【2024】31号）一份。",
    "受送达人签名：黄德旺 与当事人关系：本人",
    "签收时间：2024.10.25 10时20分",
    "送达人签名：",
    "- - - - - - - - - - 沿此线剪开，上联存档 - - - - - - - - - -",
    "存根：黄德旺 《行政处罚决定书》 明林罚字【2024】31号",
]


def _slots(lines: list[str], doc_type: T) -> list[tuple[str, Role, bool | None, int | None]]:
    return [
        (s.label, s.role, s.filled, s.count)
        for s in find_signatures(DocText.of(doc_from_lines(lines, doc_type)))
    ]


def test_a_slip_names_the_document_it_acknowledges() -> None:
    doc = doc_from_lines(SLIP, T.SERVICE_RECEIPT)
    assert find_served(DocText.of(doc)) == (
        "行政处罚决定书（明林罚字〔2024〕31号）",
        T.DECISION,
        (T.DECISION,),
    )
    other = doc_from_lines(["送达回证", "今收到《责令限期改正通知书》二份。"], T.SERVICE_RECEIPT)
    assert find_served(DocText.of(other)) == ("责令限期改正通知书", T.OTHER, (T.OTHER,))


def test_a_cut_line_below_an_empty_slot_is_no_signature() -> None:
    assert _slots(SLIP, T.SERVICE_RECEIPT) == [
        ("受送达人签名", Role.RECIPIENT, True, 1),
        ("送达人签名", Role.SERVER, False, None),
    ]


def test_supervisors_and_clerks_sign_as_officers_and_recorders() -> None:
    lines = ["现场笔录", "检查情况：营业中。", "监督员签名：任志刚 郝婷", "记录员：郝婷"]
    assert _slots(lines, T.INSPECTION_RECORD) == [
        ("监督员签名", Role.OFFICER, True, 2),
        ("记录员", Role.RECORDER, True, 1),
    ]


def test_a_second_officer_on_the_next_line_signs_the_same_slot() -> None:
    lines = [
        "现场笔录",
        "当事人签名或盖章：陆婷婷    二〇二三年五月六日",
        "执法人员签名或盖章：薛刚桂",
        "宋波强    二〇二三年五月六日",
    ]
    assert _slots(lines, T.INSPECTION_RECORD) == [
        ("当事人签名或盖章", Role.PARTY, True, 1),
        ("执法人员签名或盖章", Role.OFFICER, True, 2),
    ]
    # a sentence on the next line is no second name
    lines[-1] = "以上笔录经核对无误。"
    assert _slots(lines, T.INSPECTION_RECORD)[-1] == ("执法人员签名或盖章", Role.OFFICER, True, 1)


def test_ink_run_into_a_receipt_date_on_a_scan_is_a_signature() -> None:
    def slots(line: str) -> list[tuple[str, bool | None, str]]:
        doc = doc_from_lines(["送达回证", "送达文书名称：行政处罚决定书", line], T.SERVICE_RECEIPT)
        ocr = [b.model_copy(update={"confidence": 0.97}) for b in doc.blocks]
        found = find_signatures(DocText.of(doc.model_copy(update={"blocks": ocr})))
        return [(s.label, s.filled, s.method) for s in found]

    assert slots("受送达人签收 22026年04月10日10时20分") == [("受送达人签收", True, "ocr")]
    assert slots("受送达人签收 2026年04月10日10时20分") == [("受送达人签收", False, "text")]


def test_given_names_with_yue_and_ri_are_officers() -> None:
    from casefile_eval.extract.officers import find_officers

    doc = doc_from_lines(
        [
            "现场检查笔录",
            "检查人员：乌日娜（执法证号：15020019033）、张月（执法证号：15020019057）",
            "记录人：吴静",
        ],
        T.INSPECTION_RECORD,
    )
    assert [(o.name, o.cert_no, o.named_as) for o in find_officers(DocText.of(doc))] == [
        ("乌日娜", "15020019033", "检查人"),
        ("张月", "15020019057", "检查人"),
        ("吴静", None, "记录人"),
    ]


def test_a_receipt_listing_several_documents_serves_the_decision_on_its_row() -> None:
    from casefile_eval.codes import DateKind
    from casefile_eval.extract.document import extract_document_facts

    record = ["送达文书名称及文号", "", "送达时间", "", "送达方式", "直接送达", "受送达人签收", "送达人"]
    lines = ["送达回证", "受送达人 临澧县福源酒店有限公司"]
    for name, date in (
        ("行政处罚告知书 临市监罚告〔2024〕27号", "2024 年 05 月 27 日"),
        ("行政处罚决定书 临市监处罚〔2024〕27号", "2024 年 06 月 14 日"),
    ):
        lines += [record[0], name, record[2], date, *record[4:]]
    facts = extract_document_facts(doc_from_lines(lines, T.SERVICE_RECEIPT))
    assert (facts.served_document, facts.served_document_type) == (
        "行政处罚决定书（临市监处罚〔2024〕27号）",
        T.DECISION,
    )
    assert [(d.kind, d.value.isoformat() if d.value else None) for d in facts.dates] == [
        (DateKind.OTHER, "2024-05-27"),
        (DateKind.SERVED, "2024-06-14"),
    ]


def test_handwriting_read_on_a_scanned_signature_row_names_no_officer() -> None:
    from casefile_eval.extract.officers import find_officers
    from casefile_eval.model import ImageItem, ImageKind

    lines = [
        "询问笔录",
        "询问人：乌日娜（执法证号：15020019033）、张月（执法证号：15020019057）",
        "问：你好。",
    ]
    lines.append("询问人签名：扎西平玉海 记录人签名：德声理")
    doc = doc_from_lines(lines, T.INQUIRY_RECORD)
    doc = doc.model_copy(
        update={
            "blocks": [b.model_copy(update={"confidence": 0.95}) for b in doc.blocks],
            "images": [
                ImageItem(
                    kind=ImageKind.SIGNATURE, source="doc.txt", page=1, block_index=3, name="ocr:signature"
                )
            ],
        }
    )
    assert [o.name for o in find_officers(DocText.of(doc))] == ["乌日娜", "张月"]


def test_a_stroke_read_as_a_numeral_before_a_chinese_year_is_not_part_of_it() -> None:
    from casefile_eval.extract.dates import find_dates

    assert [
        (d.raw, d.value and d.value.isoformat()) for d in find_dates("审核人： 八二〇二三年十二月十二日")
    ] == [("二〇二三年十二月十二日", "2023-12-12")]
