"""Facts of typed case-file forms: dates tied to labels, signatures, officers, seals, receipts, case facts."""

from __future__ import annotations

import datetime as dt

import pytest

from casefile_eval.codes import AgencyKind, DateKind, Procedure, Role
from casefile_eval.codes import DocumentType as T
from casefile_eval.extract import extract_document_facts, reconcile_case
from casefile_eval.extract.remedy import parse_remedy
from casefile_eval.extract.served import served_type
from casefile_eval.model import Document, ImageItem, ImageKind
from tests.extract.docs import doc_from_lines, doc_from_rows

AGENCY = "长沙市芙蓉区市场监督管理局"
PARTY = "长沙市某某餐饮有限公司"


def filing() -> Document:
    return doc_from_rows(
        [
            ["立案号", "芙市监立字〔2024〕第 012 号"],
            ["当事人", PARTY],
            ["承办人意见", "建议立案。 签名：张三、李四  2024年3月3日"],
            ["执法人员", "张三 李四"],
            ["执法证号", "43010001 43010002"],
            ["负责人审批意见", "同意立案。 签名：王五 2024 年 3 月 4 日"],
        ],
        T.FILING_APPROVAL,
        before=[AGENCY, "立案审批表"],
    )


def inquiry() -> Document:
    return doc_from_lines(
        [
            "询问笔录",
            "询问时间：2024年3月5日9时30分至10时15分",
            "询问人：张三（执法证号：43010001）、李四（执法证号：43010002）",
            "被询问人：赵六，男，1980年5月6日出生",
            "问：……",
            "被询问人签名：赵六  2024年3月5日",
            "执法人员签名：           年  月  日",
        ],
        T.INQUIRY_RECORD,
    )


def notice() -> Document:
    return doc_from_lines(
        [
            AGENCY,
            "行政处罚事先告知书",
            "芙市监罚告〔2024〕8号",
            f"{PARTY}：",
            "经查，你单位……拟对你单位作出罚款人民币伍仟元整的行政处罚。",
            AGENCY,
            "（印章）",
            "2024年4月2日",
        ],
        T.PRIOR_NOTICE,
    )


def decision() -> Document:
    return doc_from_lines(
        [
            AGENCY,
            "行政处罚决定书",
            "芙市监罚决〔2024〕12号",
            f"当事人：{PARTY}",
            "……决定如下：",
            "1.警告；2.罚款5,000.00元；3.没收违法所得1200元。",
            "如不服本决定，可在收到本决定书之日起六十日内向长沙市芙蓉区人民政府申请行政复议，"
            "也可以在六个月内直接向长沙市芙蓉区人民法院提起行政诉讼。",
            AGENCY,
            "2024年4月15日",
        ],
        T.DECISION,
        images=[ImageItem(kind=ImageKind.SEAL, source="x", block_index=7)],
    )


def receipt(kind: ImageKind | None = ImageKind.SIGNATURE) -> Document:
    images = [ImageItem(kind=kind, source="x", block_index=12)] if kind else []
    return doc_from_rows(
        [
            ["送达文书名称及文号", "行政处罚决定书 芙市监罚决〔2024〕12号"],
            ["受送达人", PARTY],
            ["送达时间", "2024年4月16日10时20分"],
            ["送达地点", "某某路1号"],
            ["送达方式", "直接送达"],
            ["收件人签名或盖章", ""],
            ["送达人", "张三 李四"],
        ],
        T.SERVICE_RECEIPT,
        before=["送达回证"],
        images=images,
    )


def closing() -> Document:
    return doc_from_rows(
        [
            ["承办人意见", "建议结案 张三 2024年5月5日"],
            ["负责人意见", "同意结案。王五"],
            ["", "2024年5月6日"],
        ],
        T.CLOSING_REPORT,
        before=["结案审批表"],
    )


def kinds(doc: Document) -> list[tuple[DateKind, dt.date | None, Role | None]]:
    return [(d.kind, d.value, d.role) for d in extract_document_facts(doc).dates]


def test_filing_approval_dates_officers_and_numbers() -> None:
    facts = extract_document_facts(filing())
    assert [(d.kind, d.value, d.role) for d in facts.dates] == [
        (DateKind.SIGNED, dt.date(2024, 3, 3), Role.OFFICER),
        (DateKind.FILED, dt.date(2024, 3, 4), Role.APPROVER),
    ]
    assert facts.filing_number == "芙市监立字〔2024〕12号"
    assert facts.case_number is None
    assert [(o.name, o.cert_no) for o in facts.officers] == [("张三", "43010001"), ("李四", "43010002")]
    assert [(s.role, s.filled, s.signer) for s in facts.signatures] == [
        (Role.OFFICER, True, "张三李四"),
        (Role.APPROVER, True, "王五"),
    ]
    assert (facts.party, facts.agency, facts.agency_kind) == (PARTY, AGENCY, AgencyKind.MARKET_REGULATION)


def test_inquiry_record_start_signatures_and_blank_date() -> None:
    facts = extract_document_facts(inquiry())
    assert [(d.kind, d.value, d.role) for d in facts.dates] == [
        (DateKind.RECORD_START, dt.date(2024, 3, 5), None),
        (DateKind.OTHER, dt.date(1980, 5, 6), None),
        (DateKind.SIGNED, dt.date(2024, 3, 5), Role.PARTY),
        (DateKind.SIGNED, None, Role.OFFICER),
    ]
    assert [(s.label, s.role, s.filled, s.signer) for s in facts.signatures] == [
        ("被询问人签名", Role.PARTY, True, "赵六"),
        ("执法人员签名", Role.OFFICER, False, None),
    ]
    assert [(o.name, o.cert_no) for o in facts.officers] == [("张三", "43010001"), ("李四", "43010002")]


def test_signature_by_image_unknown_image_and_refusal() -> None:
    signed = extract_document_facts(receipt()).signatures
    assert [(s.label, s.role, s.filled, s.method) for s in signed] == [
        ("收件人签名或盖章", Role.RECIPIENT, True, "image"),
        ("送达人", Role.SERVER, True, "text"),
    ]
    # an image in the slot is the signature whatever the classifier called it, with a lower confidence
    unsure = extract_document_facts(receipt(ImageKind.UNKNOWN)).signatures[0]
    assert (unsure.filled, unsure.method, unsure.confidence) == (True, "image", 0.7)
    assert extract_document_facts(receipt(None)).signatures[0].filled is False
    refused = doc_from_lines(
        ["问：……", "被询问人签名：当事人拒绝签名", "执法人员签名：张三 李四"], T.INQUIRY_RECORD
    )
    slot = extract_document_facts(refused).signatures[0]
    assert (slot.role, slot.filled) == (Role.PARTY, False)
    assert slot.evidence is not None
    assert "拒绝签名" in slot.evidence.text


def test_service_receipt_names_the_decision_served() -> None:
    facts = extract_document_facts(receipt())
    assert facts.served_document == "行政处罚决定书（芙市监罚决〔2024〕12号）"
    assert facts.served_document_type is T.DECISION
    assert facts.case_number is None
    assert [(d.kind, d.value, d.role) for d in facts.dates] == [
        (DateKind.SERVED, dt.date(2024, 4, 16), Role.RECIPIENT)
    ]


def test_a_receipt_listing_the_notice_and_the_decision_serves_both() -> None:
    doc = doc_from_rows(
        [
            ["受送达人", "临澧县福源酒店有限公司"],
            ["送达文书名称及文号", "行政处罚告知书 临市监罚告〔2024〕27号"],
            ["送达时间", "2024年5月27日"],
            ["送达文书名称及文号", "行政处罚决定书 临市监处罚〔2024〕27号"],
            ["送达时间", "2024年6月14日"],
        ],
        T.SERVICE_RECEIPT,
        before=["送达回证"],
    )
    facts = extract_document_facts(doc)
    assert facts.served_document == "行政处罚决定书（临市监处罚〔2024〕27号）"
    assert (facts.served_document_type, facts.served_document_types) == (
        T.DECISION,
        [T.DECISION, T.PRIOR_NOTICE],
    )
    assert extract_document_facts(receipt()).served_document_types == [T.DECISION]


def test_decision_fine_penalties_seal_and_remedy() -> None:
    facts = extract_document_facts(decision())
    assert facts.case_number == "芙市监罚决〔2024〕12号"
    assert facts.fine_amount == 5000.0
    assert facts.penalties == ["警告", "罚款", "没收违法所得"]
    assert [(s.method, s.near) for s in facts.seals] == [("image", f"{AGENCY} 2024年4月15日")]
    assert facts.remedy is not None
    assert (facts.remedy.review_bodies, facts.remedy.litigation_court) == (
        ["长沙市芙蓉区人民政府"],
        "长沙市芙蓉区人民法院",
    )
    assert facts.remedy.either_or is True


def test_blank_template_has_no_seal_and_an_empty_luokuan_date() -> None:
    blank = doc_from_lines(
        ["行政处罚决定书", "罚字〔    〕第   号", "当事人：", "……", "执法机关（印章）", "    年  月  日"]
    )
    facts = extract_document_facts(blank)
    assert facts.seals == []
    assert facts.case_number is None
    assert facts.party is None
    assert [(d.kind, d.value, d.label) for d in facts.dates] == [(DateKind.DECIDED, None, "落款")]


def test_prior_notice_closing_and_extension() -> None:
    facts = extract_document_facts(notice())
    assert [(d.kind, d.value) for d in facts.dates] == [(DateKind.NOTIFIED, dt.date(2024, 4, 2))]
    assert facts.fine_amount == 5000.0
    assert [(s.method, s.confidence) for s in facts.seals] == [("text_mark", 0.5)]
    assert kinds(closing()) == [
        (DateKind.SIGNED, dt.date(2024, 5, 5), Role.OFFICER),
        # the date in the row under the head's opinion, past the empty first cell, is the head's
        (DateKind.CLOSED, dt.date(2024, 5, 6), Role.APPROVER),
    ]
    ext = doc_from_lines(
        [
            "延长办案期限审批表",
            f"当事人：{PARTY}",
            "申请理由：案情复杂，申请延长办案期限30日。",
            "负责人意见：同意延长。",
            "签名：王五",
            "2024年5月20日",
        ],
        T.OTHER,
    )
    assert extract_document_facts(ext).extension_days == 30
    assert kinds(ext) == [(DateKind.EXTENSION, dt.date(2024, 5, 20), Role.APPROVER)]


def test_remedy_review_first_and_tax_first_wording() -> None:
    first = parse_remedy(
        "如不服本决定,应当先在收到本决定书之日起六十日内向某某区人民政府申请行政复议;"
        "对复议决定不服的,可以自收到复议决定书之日起十五日内向某某区人民法院提起行政诉讼。"
    )
    assert (
        first.review_first,
        first.either_or,
        first.litigation_period_days,
        first.litigation_period_months,
    ) == (
        True,
        False,
        15,
        None,
    )
    old = parse_remedy("如不服本决定，可在十五日内向上一级机关申请复议，或者在三个月内向人民法院起诉。")
    assert (old.review_period_days, old.litigation_period_months, old.either_or) == (15, 3, True)


def test_reconcile_a_whole_case() -> None:
    docs = [filing(), inquiry(), notice(), decision(), receipt(), closing()]
    for doc in docs:
        doc.facts = extract_document_facts(doc)
    summary = reconcile_case(docs)
    assert summary.facts.case_number == "芙市监罚决〔2024〕12号"
    assert (summary.facts.party, summary.facts.agency, summary.facts.fine_amount) == (PARTY, AGENCY, 5000.0)
    dates = summary.facts.dates
    assert (dates.filed, dates.notified, dates.decided, dates.served, dates.closed) == (
        dt.date(2024, 3, 4),
        dt.date(2024, 4, 2),
        dt.date(2024, 4, 15),
        dt.date(2024, 4, 16),
        dt.date(2024, 5, 6),
    )
    assert (summary.procedure, summary.partial) == (Procedure.GENERAL, False)


def test_reconcile_a_summary_case() -> None:
    summary_decision = doc_from_lines(
        [
            "当场行政处罚决定书",
            "当事人：李某",
            "……依据……决定给予警告并处罚款200元。",
            "执法人员签名：张三（执法证号：123456） 李四（执法证号：123457）",
            "当事人签名：李某  2024年6月1日",
            "某某区城市管理和综合执法局",
            "2024年6月1日",
        ],
        T.SUMMARY_DECISION,
    )
    summary = reconcile_case([summary_decision])
    assert summary.procedure is Procedure.SUMMARY
    assert summary.facts.agency_kind is AgencyKind.URBAN_MANAGEMENT
    assert (summary.facts.dates.decided, summary.facts.dates.served) == (
        dt.date(2024, 6, 1),
        dt.date(2024, 6, 1),
    )
    assert summary.facts.fine_amount == 200.0


def test_officers_keep_the_field_that_names_them_spaced_labels_and_police_numbers() -> None:
    doc = doc_from_lines(
        [
            "询问笔录",
            "询 问 人：冉光明　执法证号：警号052217　　杨雪　执法证号：警号052243",
            "记 录 人：杨雪",
            "被询问人：何建军　身份证号：522128197805163017",
            "问：你是茶城宾馆的经营者吗？",
            "答：是的。",
        ],
        T.INQUIRY_RECORD,
    )
    officers = extract_document_facts(doc).officers
    assert [(o.name, o.cert_no, o.named_as) for o in officers] == [
        ("冉光明", "警号052217", "询问人"),
        ("杨雪", "警号052243", "询问人"),
    ]


def test_one_asker_and_a_separate_recorder_are_named_as_such() -> None:
    doc = doc_from_lines(
        [
            "询问笔录",
            "询问人：马俊，执法证号赣执字36010221033号    记录人：冯雪，执法证号赣执字36010221058号",
        ],
        T.INQUIRY_RECORD,
    )
    officers = extract_document_facts(doc).officers
    assert [(o.name, o.named_as) for o in officers] == [("马俊", "询问人"), ("冯雪", "记录人")]


@pytest.mark.parametrize(
    ("name", "served"),
    [
        ("税务行政处罚事项告知书（菏牡税罚告〔2019〕61号）", T.PRIOR_NOTICE),  # the tax service's form
        ("行政处罚事先告知书", T.PRIOR_NOTICE),
        ("不予行政处罚事项告知书", T.PRIOR_NOTICE),
        ("行政处罚事先（听证）告知书（廊环罚告〔2017〕第36号）", T.PRIOR_NOTICE),  # both rights on one form
        ("行政处罚意见告知书", T.PRIOR_NOTICE),  # the transport authorities' name
        ("陈述申辩告知书", T.PRIOR_NOTICE),
        ("税务行政处罚10售知书", T.PRIOR_NOTICE),  # 事项告 misread on a dot-matrix scan
        ("行政处罚听证告知书", T.PRIOR_NOTICE),  # the proposed penalty and the right to a hearing
        ("行政处罚听证通知书", T.HEARING_NOTICE),  # the hearing's time and place
        ("听证通知书", T.HEARING_NOTICE),
        ("责令改正通知书", T.OTHER),
        ("税务行政处罚决定书", T.DECISION),
    ],
)
def test_what_a_receipt_serves_by_the_name_of_the_document(name: str, served: T) -> None:
    assert served_type(name) is served
