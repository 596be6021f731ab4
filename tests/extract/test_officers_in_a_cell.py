"""Officers listed with their numbers in the table cell after their field's cell ("执法人员" |
"甲（执法证号：1）、乙（执法证号：2）"): each keeps the number written for them. Only the first is taken
as named by the field: naming both made one signature image in a .docx 执法人员 slot count short on
forms whose one image holds both officers' signatures (holdout20)."""

from __future__ import annotations

from casefile_eval.codes import DocumentType as T
from casefile_eval.extract.officers import find_officers
from casefile_eval.extract.text import DocText
from tests.extract.docs import doc_from_rows


def test_both_officers_of_a_cell_keep_their_numbers() -> None:
    doc = doc_from_rows(
        [
            ["当事人", "刘国栋", "身份证号码", "130283197902183313"],
            ["执法人员", "马志远（执法证号：13028300612）、李倩（执法证号：13028300647）"],
        ],
        T.SUMMARY_DECISION,
        before=["当场行政处罚决定书"],
    )
    assert [(o.name, o.named_as, o.cert_no) for o in find_officers(DocText.of(doc))] == [
        ("马志远", "执法人员", "13028300612"),
        ("李倩", None, "13028300647"),
    ]


def test_an_officer_in_the_row_under_with_an_empty_field_cell_is_listed_too() -> None:
    # holdout46 h46-07's .docx: the second officer stands in the row under, its field cell left empty
    doc = doc_from_rows(
        [
            ["车辆号牌", "浙BD7K519", "车辆类型", "小型普通客车（非营运）"],
            ["执法人员", "俞斌 浙B-02251086"],
            ["", "何佳颖 浙B-02251107"],
            ["", "以上笔录经被检查人阅读，无异议。"],
        ],
        T.INSPECTION_RECORD,
        before=["现场检查笔录"],
    )
    assert [(o.name, o.named_as, o.cert_no) for o in find_officers(DocText.of(doc))] == [
        ("俞斌", "执法人员", "浙B-02251086"),
        ("何佳颖", "执法人员", "浙B-02251107"),
    ]


def test_officers_with_their_codes_in_brackets_in_the_cell_after_the_field() -> None:
    # holdout48 h48-04's .docx: 询问人 | 吴少华（闽环监0913）　郑丽娟（闽环监0917）
    doc = doc_from_rows(
        [
            ["询问时间", "2015年6月16日14时20分至15时30分"],
            ["询问人", "吴少华（闽环监0913）\u3000郑丽娟（闽环监0917）"],
            ["记录人", "郑丽娟"],
        ],
        T.INQUIRY_RECORD,
        before=["调查询问笔录"],
    )
    assert [(o.name, o.named_as, o.cert_no) for o in find_officers(DocText.of(doc))] == [
        ("吴少华", "询问人", "闽环监0913"),
        ("郑丽娟", "询问人", "闽环监0917"),
    ]


def test_officers_with_codes_in_brackets_across_the_rows_cells() -> None:
    # holdout47 h47-05's .docx: 执法人员 | 王成（32030018021） | (empty) | 李刚（32030018057）
    doc = doc_from_rows(
        [
            ["检查时间", "2018年8月3日10时00分"],
            ["执法人员", "王成（32030018021）", "", "李刚（32030018057）"],
        ],
        T.INSPECTION_RECORD,
        before=["现场检查笔录"],
    )
    assert [(o.name, o.named_as, o.cert_no) for o in find_officers(DocText.of(doc))] == [
        ("王成", "执法人员", "32030018021"),
        ("李刚", "执法人员", "32030018057"),
    ]
