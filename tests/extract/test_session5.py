"""Session 5 reading: transliterated names joined by a middle dot are officers' names, and 检查人员签名 /
调查人员签名 are officers' signature slots."""

from __future__ import annotations

from casefile_eval.codes import DocumentType as T
from casefile_eval.codes import Role
from casefile_eval.extract.officers import find_officers, name_shaped
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from casefile_eval.rules.checks.officers import is_person_name
from tests.extract.docs import doc_from_lines


def test_dotted_names_are_officers() -> None:
    doc = doc_from_lines(
        [
            "询问笔录",
            "询问人：陈晓东 执法证号：65010021058 记录人：艾尔肯·买买提 执法证号：65010021063",
            "执法人员：阿卜杜热合曼·买买提明（执法证号：65010021070）",
        ],
        T.INQUIRY_RECORD,
    )
    assert [(o.name, o.cert_no, o.named_as) for o in find_officers(DocText.of(doc))] == [
        ("陈晓东", "65010021058", "询问人"),
        ("艾尔肯·买买提", "65010021063", "记录人"),
        ("阿卜杜热合曼·买买提明", "65010021070", "执法人员"),
    ]


def test_name_shapes() -> None:
    assert [
        name_shaped(t) for t in ("艾尔肯·买买提", "古丽・热合曼", "王", "欧阳明月", "一二三四五六", "·买买提")
    ] == [
        True,
        True,
        False,
        True,
        False,
        False,
    ]
    assert is_person_name("艾尔肯·买买提") is True
    assert is_person_name("执法·人员") is False


def test_officer_slots_with_renyuan() -> None:
    doc = doc_from_lines(
        [
            "现场检查笔录",
            "检查情况：未发现异常。",
            "被检查人签名：杨文博",
            "检查人员签名：张宏伟 马丽    记录人签名：＿＿＿＿＿＿",
            "调查人员（签字）：",
        ],
        T.INSPECTION_RECORD,
    )
    slots = [(s.label, s.role, s.filled, s.signer) for s in find_signatures(DocText.of(doc))]
    assert slots == [
        ("被检查人签名", Role.PARTY, True, "杨文博"),
        ("检查人员签名", Role.OFFICER, True, "张宏伟马丽"),
        ("记录人签名", Role.RECORDER, False, None),
        ("调查人员(签字)", Role.OFFICER, False, None),
    ]
