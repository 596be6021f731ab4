"""An agency is named by a line that is a name, not by a narrative line ending in 办 or a form's row of
labels; a party the other documents agree on stands for an OCR misread of one character in the decision's; a
role and its colon, then the opinion a date closes, date the row."""

from __future__ import annotations

from casefile_eval.codes import DocumentType
from casefile_eval.extract import extract_document_facts, reconcile_case
from casefile_eval.model import Document
from tests.extract.docs import doc_from_lines

_T = DocumentType


def _agency(lines: list[str], doc_type: DocumentType) -> str | None:
    return extract_document_facts(doc_from_lines(lines, doc_type)).agency


def test_a_narrative_line_ending_in_ban_names_no_agency() -> None:
    lines = [
        "昌邑市住房和城乡建设局",
        "立案审批表",
        "当事人 昌邑市鸿泰置业有限公司",
        "简要案情 2017年4月13日巡查发现当事人开发的鸿泰·御景苑3#、4#楼未办",
        "理施工许可证擅自施工。",
        "负责人意见 同意立案。",
    ]
    assert _agency(lines, _T.FILING_APPROVAL) == "昌邑市住房和城乡建设局"


def test_a_payment_forms_row_names_the_collecting_agency_last() -> None:
    lines = [
        "山东省非税收入一般缴款书",
        "缴款人 昌邑市鸿泰置业有限公司 执收单位 昌邑市住房和城乡建设局",
        "项目 罚没收入 金额 103,200.00",
        "二〇一七年六月二十八日",
    ]
    assert _agency(lines, _T.PAYMENT_RECEIPT) == "昌邑市住房和城乡建设局"


def test_a_spaced_agency_header_is_one_name() -> None:
    lines = ["中华人民共和国 江阴海关", "行政处罚决定书", "当事人：江阴市某某贸易有限公司"]
    assert _agency(lines, _T.DECISION) == "中华人民共和国江阴海关"


def _scanned(doc: Document) -> Document:
    return doc.model_copy(update={"blocks": [b.model_copy(update={"confidence": 0.9}) for b in doc.blocks]})


def _party_doc(party: str, doc_type: DocumentType, *, scanned: bool = False) -> Document:
    doc = doc_from_lines([f"当事人：{party}", "经查，你单位未取得施工许可证擅自施工。"], doc_type)
    return _scanned(doc) if scanned else doc


def _case_party(decision_party: str, *, scanned: bool, others: int = 2) -> str | None:
    docs = [_party_doc("昌邑市鸿泰置业有限公司", _T.FILING_APPROVAL) for _ in range(others)]
    docs.append(_party_doc(decision_party, _T.DECISION, scanned=scanned))
    return reconcile_case(docs).facts.party


def test_a_one_character_misread_in_a_scanned_decisions_party_takes_the_name_the_others_agree_on() -> None:
    assert _case_party("昌邑市鸿泰量业有限公司", scanned=True) == "昌邑市鸿泰置业有限公司"


def test_an_electronic_decisions_party_stands_as_written() -> None:
    assert _case_party("昌邑市鸿泰量业有限公司", scanned=False) == "昌邑市鸿泰量业有限公司"


def test_one_other_document_does_not_outvote_the_decision() -> None:
    assert _case_party("昌邑市鸿泰量业有限公司", scanned=True, others=1) == "昌邑市鸿泰量业有限公司"


def test_another_party_altogether_is_no_misread() -> None:
    assert _case_party("昌邑市恒远建筑有限公司", scanned=True) == "昌邑市恒远建筑有限公司"


def test_a_role_and_its_opinion_date_the_row() -> None:
    review = extract_document_facts(
        doc_from_lines(
            ["法制审核表", "审批环节及意见 签名 日期", "法制审核人员：同意。 2025/3/20"], _T.LEGAL_REVIEW
        )
    )
    head = extract_document_facts(
        doc_from_lines(["询问笔录", "被询问人：赵六，男，1980年5月6日出生"], _T.INQUIRY_RECORD)
    )
    assert [(d.kind.value, d.label) for d in review.dates + head.dates] == [
        ("reviewed", "审核人员"),
        ("other", ""),
    ]


def _case_agency(decision_agency: str, *, scanned: bool) -> str | None:
    def doc(agency: str, doc_type: DocumentType) -> Document:
        return doc_from_lines([agency, "行政处罚决定书", "当事人：涟水县安骑电动车商行"], doc_type)

    docs = [doc("涟水县市场监督管理局", _T.FILING_APPROVAL) for _ in range(2)]
    decision = doc(decision_agency, _T.DECISION)
    docs.append(_scanned(decision) if scanned else decision)
    return reconcile_case(docs).facts.agency


def test_a_misread_character_in_a_scanned_decisions_agency_takes_the_name_the_others_agree_on() -> None:
    # holdout48 h48-01: 涟 read 连 on the decision alone
    assert _case_agency("连水县市场监督管理局", scanned=True) == "涟水县市场监督管理局"
    assert _case_agency("连水县市场监督管理局", scanned=False) == "连水县市场监督管理局"


def test_a_party_line_under_the_title_names_no_agency() -> None:
    # (holdout50 scans: the 落款's name cut short under the seal, the header's third line the party's)
    lines = [
        "行政处罚决定书",
        "安农（种）罚〔2020〕第3号",
        "当事人：安乡县丰裕农资经营部",
        "经查，当事人销售未经审定的种子。",
    ]
    assert _agency(lines, _T.DECISION) is None
    lines = ["现场检查笔录", "检查地点安乡县深柳镇书院路丰裕农资经营部", "检查情况：店内有种子60包。"]
    assert _agency(lines, _T.INSPECTION_RECORD) is None


def test_a_scanned_luokuan_name_cut_short_under_the_seal_is_the_name_as_read() -> None:
    lines = [
        "行政处罚决定书",
        "经查，当事人销售未经审定的种子，本局决定罚款5000元。",
        "安乡县农业农村",
        "2020年9月8日",
    ]
    assert _agency(lines, _T.DECISION) is None  # (a text layer prints the whole name)
    doc = _scanned(doc_from_lines(lines, _T.DECISION))
    assert extract_document_facts(doc).agency == "安乡县农业农村"
    # a line naming no kind of agency is no name
    cut = _scanned(doc_from_lines([*lines[:2], "安乡县深柳镇书院路", "2020年9月8日"], _T.DECISION))
    assert extract_document_facts(cut).agency is None
