"""Signing captions worded otherwise: 被询问人确认：[ink] (a confirmation is a signature), 承办人员：[ink],
a bare 记录：[ink] on the officers' row; a record's dialogue ("当事人：没有异议。") is no place to sign; names
typed each with its officer's number count one by one."""

from __future__ import annotations

from casefile_eval.codes import DocumentType as T
from casefile_eval.codes import Role
from casefile_eval.extract.document import extract_document_facts
from casefile_eval.model import Document
from tests.extract.docs import doc_from_lines

HEAD = [
    "询问笔录",
    "询问时间：2019年4月19日14时30分至15时50分",
    "询问人：索南旦周（执法证号：63260019031）、王海军（执法证号：63260019035）　记录人：李措毛",
    "被询问人：才让多杰　性别：男",
]


def _signatures(doc: Document) -> list[tuple[Role, str, bool | None, str | None]]:
    return [(s.role, s.label, s.filled, s.signer) for s in extract_document_facts(doc).signatures]


def test_a_confirmation_an_officers_caption_and_a_bare_record_caption_are_slots() -> None:
    lines = [
        *HEAD,
        "问：你驾驶的车辆是否取得出租汽车经营许可？",
        "答：没有。",
        "以上记录经本人核对无误。",
        "被询问人确认：　　　　2019年4月19日　承办人员：索南旦周　王海军　记录：",
    ]
    assert _signatures(doc_from_lines(lines, T.INQUIRY_RECORD)) == [
        (Role.RECORDER, "记录人", True, "李措毛"),  # the head's 记录人 is a slot of its own
        (Role.PARTY, "被询问人确认", False, None),
        (Role.OFFICER, "承办人员", True, "索南旦周王海军"),
        (Role.RECORDER, "记录", False, None),
    ]


def test_a_record_named_in_a_field_is_no_recorders_caption() -> None:
    lines = [*HEAD, "问：有无执行记录？", "答：有。", "执行记录：", "被询问人签名：才让多杰"]
    assert _signatures(doc_from_lines(lines, T.INQUIRY_RECORD)) == [
        (Role.RECORDER, "记录人", True, "李措毛"),
        (Role.PARTY, "被询问人签名", True, "才让多杰"),
    ]


def test_the_turns_of_a_hearing_are_no_signing_slots() -> None:
    lines = [
        "听证笔录",
        "主持人：马秀英　书记员：李措毛　案件调查人员：索南旦周、王海军",
        "当事人：才让多杰",
        "主持人：当事人对证据有无异议？",
        "当事人：没有异议。",
        "调查人员王海军：建议维持拟处罚意见。",
        "当事人：最后陈述：请求从轻处罚。",
        "主持人：听证结束。请当事人核对笔录。",
        "以上记录经本人核对无误。",
        "当事人或代理人：才让多杰　主持人：马秀英",
        "书记员：李措毛",
    ]
    assert _signatures(doc_from_lines(lines, T.HEARING_RECORD)) == [
        (Role.PARTY, "当事人或代理人", True, "才让多杰"),
        (Role.OFFICER, "主持人", True, "马秀英"),
        (Role.RECORDER, "书记员", True, "李措毛"),
    ]


def test_names_typed_each_with_its_number_count_as_two() -> None:
    lines = [
        "当场行政处罚决定书",
        "执法人员：石磊（执法证号：36102124015）　龚平（执法证号：36102124022）",
        "当事人签名：周建",
        "执法人员签名：石磊（执法证号：36102124015）　龚平（执法证号：36102124022）",
    ]
    slots = extract_document_facts(doc_from_lines(lines, T.SUMMARY_DECISION)).signatures
    assert [(s.label, s.signer, s.count) for s in slots] == [
        ("当事人签名", "周建", 1),
        ("执法人员签名", "石磊龚平", 2),
    ]


def test_a_scanned_record_head_with_a_certificate_number_names_its_officer_in_print() -> None:
    """Ink taken for a signature beside the head's field names (询问人 | 韩永军（执法证号：…） | 记录人 |
    韩永军) does not make the printed officer handwriting; on a signing line it does."""
    from casefile_eval.extract.officers import find_officers
    from casefile_eval.extract.text import DocText
    from casefile_eval.model import Block, BlockKind, ImageItem, ImageKind

    texts = [
        "询问笔录",
        "询问人 韩永军（执法证号：QH2217012） 记录人 韩永军",
        "问：你的诊所是否取得执业许可？",
        "执法证号：65280125011 执法人员签字：地丽努尔",
    ]
    blocks = [Block(kind=BlockKind.LINE, text=t, source="s.pdf", page=1, confidence=0.9) for t in texts]
    ink = [
        ImageItem(kind=ImageKind.SIGNATURE, source="s.pdf", page=1, block_index=i, name="ocr:signature")
        for i in (1, 3)
    ]
    doc = doc_from_lines(texts, T.INQUIRY_RECORD).model_copy(update={"blocks": blocks, "images": ink})
    assert [(o.name, o.named_as) for o in find_officers(DocText.of(doc))] == [("韩永军", "询问人")]
