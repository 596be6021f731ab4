"""Signature zones, wrapped PDF labels, officers' numbers, clock times after dates, record parties and
agency kinds: cases the rule engine misread before (each in wording of its own)."""

from __future__ import annotations

import datetime as dt

from casefile_eval.codes import AgencyKind, Role
from casefile_eval.codes import DocumentType as T
from casefile_eval.extract.dates import find_dates
from casefile_eval.extract.document import extract_document_facts
from casefile_eval.extract.parties import agency_kind
from casefile_eval.model import BBox, Block, BlockKind, Document, ImageItem, ImageKind
from tests.extract.docs import doc_from_lines


def _pdf(lines: list[tuple[str, float, float]], images: list[ImageItem], doc_type: T) -> Document:
    """A one-page PDF document: (text, x0, top) per line, each line 10 pt high and 200 pt wide."""
    blocks = [
        Block(
            kind=BlockKind.LINE,
            text=t,
            source="p.pdf",
            page=1,
            bbox=BBox(x0=x, top=y, x1=x + 200, bottom=y + 10),
        )
        for t, x, y in lines
    ]
    return Document(
        type=doc_type, title=None, source="p.pdf", pages=(1, 1), confidence=1.0, blocks=blocks, images=images
    )


def _image(kind: ImageKind, block: int, box: BBox | None = None, size: float = 50.0) -> ImageItem:
    return ImageItem(kind=kind, source="x", page=1, block_index=block, bbox=box, width=size, height=size / 3)


def _slots(doc: Document) -> list[tuple[str, Role, bool | None, str, float]]:
    return [
        (s.label, s.role, s.filled, s.method, s.confidence) for s in extract_document_facts(doc).signatures
    ]


def test_any_image_in_the_value_paragraph_signs_with_confidence_by_kind() -> None:
    lines = ["问：还有补充吗？", "答：没有。", "被检查人签字：", "", "检查人员签名：周平 吴越"]
    for kind, confidence in ((ImageKind.PHOTO, 0.7), (ImageKind.SIGNATURE, 0.95), (ImageKind.UNKNOWN, 0.7)):
        doc = doc_from_lines(lines, T.INSPECTION_RECORD, images=[_image(kind, 2)])
        assert _slots(doc)[0] == ("被检查人签字", Role.PARTY, True, "image", confidence)


def test_image_of_the_next_label_does_not_fill_an_empty_slot_above() -> None:
    lines = [
        "决定如下：罚款伍拾元。",
        "执法人员签字：",
        "被处罚人签收：     2025年7月2日",
        "某县综合行政执法局",
        "2025年7月2日",
    ]
    doc = doc_from_lines(
        lines,
        T.SUMMARY_DECISION,
        images=[_image(ImageKind.SIGNATURE, 2), _image(ImageKind.SEAL, 3, size=110)],
    )
    slots = _slots(doc)
    assert slots[0] == ("执法人员签字", Role.OFFICER, False, "text", 1.0)
    assert slots[1][:4] == ("被处罚人签收", Role.PARTY, True, "image")


def test_labels_sharing_a_paragraph_take_images_in_order() -> None:
    doc = doc_from_lines(
        ["答：以上属实。", "被询问人签字：    调查人：    记录员："],
        T.INQUIRY_RECORD,
        images=[_image(ImageKind.SIGNATURE, 1), _image(ImageKind.PHOTO, 1)],
    )
    assert [(s.label, s.filled) for s in extract_document_facts(doc).signatures] == [
        ("被询问人签字", True),
        ("调查人", True),
        ("记录员", False),  # two images for three labels: the last one is left unsigned
    ]


def test_labels_sharing_a_pdf_line_take_the_image_by_x() -> None:
    line = "被询问人签字：          调查人签名：        "
    doc = _pdf([("答：属实。", 60, 100), (line, 60, 120)], [], T.INQUIRY_RECORD)
    # the image stands right of the second label only
    doc.images = [_image(ImageKind.SIGNATURE, 1, BBox(x0=190, top=115, x1=240, bottom=132))]
    assert [(s.label, s.filled) for s in extract_document_facts(doc).signatures] == [
        ("被询问人签字", False),
        ("调查人签名", True),
    ]


def test_label_cell_wrapped_over_two_pdf_lines() -> None:
    rows = [
        ("送 达 回 证", 250, 60),
        ("受送达人签字或捺", 70, 200),
        ("印 2025年3月1日", 70, 215),
        ("送达人 赵强 钱立", 70, 240),
    ]
    slot = extract_document_facts(_pdf(rows, [], T.SERVICE_RECEIPT)).signatures[0]
    assert (slot.label, slot.role, slot.filled, slot.date) == (
        "受送达人签字或捺印",
        Role.RECIPIENT,
        False,
        dt.date(2025, 3, 1),
    )
    rows[1] = ("受送达人签字或捺 孙小红", 70, 200)
    slot = extract_document_facts(_pdf(rows, [], T.SERVICE_RECEIPT)).signatures[0]
    assert (slot.filled, slot.signer) == (True, "孙小红")


def test_wrapped_opinion_label_with_the_value_line_between_its_pieces() -> None:
    rows = [
        ("承办人意见 拟立案。 签名：钟敏", 80, 300),
        ("分管负责人审批", 80, 330),
        ("同意。 签名： 2024.10.8", 150, 338),
        ("意见", 80, 346),
    ]
    slot = extract_document_facts(_pdf(rows, [], T.FILING_APPROVAL)).signatures[-1]
    assert (slot.label, slot.role, slot.filled) == ("分管负责人审批意见", Role.APPROVER, False)


def test_a_seal_word_or_the_next_label_is_not_a_signature() -> None:
    doc = doc_from_lines(
        ["送达回证", "受送达人签名：（单位公章） 送达时间：2024年1月2日", "送达人：马骁 牛犇"],
        T.SERVICE_RECEIPT,
    )
    assert extract_document_facts(doc).signatures[0].filled is False


def test_officers_each_keep_their_own_number() -> None:
    doc = doc_from_lines(
        [
            "调查人：蒋文，执法证号：ZJ2211 记录人：沈冰，执法证号：ZJ2230",
            "执法人员：袁一（证件号：粤B30211）、邓二（证件号：粤B30212）",
        ],
        T.INQUIRY_RECORD,
    )
    officers = extract_document_facts(doc).officers
    assert [(o.name, o.cert_no) for o in officers] == [
        ("蒋文", "ZJ2211"),
        ("沈冰", "ZJ2230"),
        ("袁一", "粤B30211"),
        ("邓二", "粤B30212"),
    ]


def test_officer_codes_in_brackets_and_no_labels_as_names() -> None:
    doc = doc_from_lines(
        ["经办人：罗青（GD-2018-07）、韦红（GD-2019-11）", "执法人员签名：", "当事人签收：2024年2月2日"],
        T.OTHER,
    )
    assert [(o.name, o.cert_no) for o in extract_document_facts(doc).officers] == [
        ("罗青", "GD-2018-07"),
        ("韦红", "GD-2019-11"),
    ]


def test_date_run_into_a_clock_time() -> None:
    for raw, day, clock in (
        ("2023.11.79:45", dt.date(2023, 11, 7), (9, 45)),
        ("2023.11.7 9:45", dt.date(2023, 11, 7), (9, 45)),
        ("2023-11-0716:05", dt.date(2023, 11, 7), (16, 5)),
        ("2023/11/2716时05分", dt.date(2023, 11, 27), (16, 5)),
        ("2023年11月7日8时", dt.date(2023, 11, 7), (8, 0)),
    ):
        found = find_dates(raw)
        assert [(d.value, d.start_time) for d in found] == [(day, clock)], raw


def test_record_party_is_the_unit_and_stops_at_the_next_label() -> None:
    doc = doc_from_lines(
        ["现场检查笔录", "被检查单位：临川县顺达物流有限公司现场负责人：卢勇"], T.INSPECTION_RECORD
    )
    assert extract_document_facts(doc).party == "临川县顺达物流有限公司"
    doc = doc_from_lines(
        ["询问笔录", "被询问人：卢勇  单位：临川县顺达物流有限公司  职务：经理"], T.INQUIRY_RECORD
    )
    assert extract_document_facts(doc).party == "临川县顺达物流有限公司"


def test_sector_word_decides_over_comprehensive_enforcement() -> None:
    assert [
        agency_kind(n)
        for n in (
            "临川县交通运输综合行政执法大队",
            "临川县农业综合行政执法大队",
            "临川县文化市场综合行政执法大队",
            "临川县生态环境保护综合行政执法大队",
            "临川县市场监管综合行政执法队",
            "临川县某镇综合行政执法办公室",
        )
    ] == [
        AgencyKind.TRANSPORT,
        AgencyKind.AGRICULTURE,
        AgencyKind.CULTURE_TOURISM,
        AgencyKind.ECOLOGY_ENVIRONMENT,
        AgencyKind.MARKET_REGULATION,
        AgencyKind.URBAN_MANAGEMENT,
    ]


def test_value_row_under_an_opinion_label_may_open_with_a_sign_word() -> None:
    doc = doc_from_lines(
        ["结案审批表", "负责人意见：", "签字：丁一 2024年6月1日", "结案日期：2024年6月1日"], T.CLOSING_REPORT
    )
    slot = extract_document_facts(doc).signatures[0]
    assert (slot.label, slot.filled, slot.signer) == ("负责人意见", True, "丁一")
