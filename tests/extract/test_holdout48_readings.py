"""Readings holdout48 showed wrong: the party signing every page of a record (a bare 被询问人： alone at a
page's foot), 户籍所在地 taken for an organisation, 勘测人员 as officers, titles of 公安 forms, and a
citation naming the version of the law it cites."""

from __future__ import annotations

import datetime as dt

from casefile_eval.codes import DocumentType as T
from casefile_eval.codes import Role
from casefile_eval.extract.citations import find_citations
from casefile_eval.extract.officers import find_officers
from casefile_eval.extract.parties import find_party
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from casefile_eval.model import BBox, Block, BlockKind, Document
from casefile_eval.segment.titles import match_title
from tests.extract.docs import doc_from_lines, doc_from_rows


def _record(pages: list[list[str]]) -> Document:
    blocks = [
        Block(kind=BlockKind.PARAGRAPH, text=text, source="d.pdf", page=number)
        for number, lines in enumerate(pages, start=1)
        for text in lines
    ]
    return Document(
        type=T.INQUIRY_RECORD,
        title="询问笔录",
        source="d.pdf",
        pages=(1, len(pages)),
        confidence=1.0,
        blocks=blocks,
    )


def test_a_bare_label_alone_at_a_pages_foot_is_where_the_party_signs_that_page() -> None:
    doc = _record(
        [
            [
                "询问笔录",
                "被询问人：李静怡　性别：女",
                "问：你在哪里工作？",
                "答：前台。",
                "被询问人：",
                "共2页　第1页",
            ],
            [
                "问：还有吗？",
                "答：没有了。",
                "以上笔录我看过，和我说的相符。",
                "被询问人：李静怡　2019.6.3",
                "共2页　第2页",
            ],
        ]
    )
    slots = find_signatures(DocText.of(doc))
    assert [(s.label, s.role, s.filled, s.evidence.page if s.evidence else None) for s in slots] == [
        ("被询问人", Role.PARTY, False, 1),
        ("被询问人", Role.PARTY, True, 2),
    ]


def test_a_bare_label_last_on_a_page_of_a_docx_is_where_the_party_signs_that_page() -> None:
    doc = _record(
        [
            [
                "询问笔录",
                "被询问人：李静怡　性别：女",
                "问：你在哪里工作？",
                "答：前台。",
                "被询问人：＿＿＿＿＿＿",
            ],
            ["问：还有吗？", "答：没有了。", "以上笔录我看过，和我说的相符。", "被询问人：李静怡　2019.6.3"],
        ]
    )
    slots = find_signatures(DocText.of(doc))
    assert [(s.label, s.filled, s.evidence.page if s.evidence else None) for s in slots] == [
        ("被询问人", False, 1),
        ("被询问人", True, 2),
    ]


def test_the_place_of_household_registration_is_no_organisation() -> None:
    doc = doc_from_lines(
        ["询问笔录", "被询问人：李静怡　性别：女", "户籍所在地：江苏省金湖县戴楼镇　现住址：金湖县黎城镇"],
        T.INQUIRY_RECORD,
    )
    assert find_party(DocText.of(doc)) is None


def test_survey_officers_listed_in_one_cell_with_their_numbers() -> None:
    doc = doc_from_rows(
        [
            ["勘测时间", "2018-06-12　9:30—11:10", "天气", "晴"],
            ["勘测人员", "张立斌　闽国土执0521\n黄志勇　闽国土执0533", "记录人", "黄志勇"],
        ],
        T.INSPECTION_RECORD,
        before=["现场勘测笔录"],
    )
    assert [(o.name, o.named_as, o.cert_no) for o in find_officers(DocText.of(doc))] == [
        ("张立斌", "勘测人", "闽国土执0521"),
        ("黄志勇", "勘测人", "闽国土执0533"),
    ]


def test_titles_of_public_security_forms() -> None:
    assert [
        (m.type, m.method) for m in map(match_title, ["行政处罚告知笔录", "呈请公安行政处罚审批报告"]) if m
    ] == [
        (T.PRIOR_NOTICE, "title"),
        (T.DECISION_APPROVAL, "title"),
    ]


def test_a_citation_naming_its_version_by_the_day_it_was_adopted() -> None:
    doc = doc_from_lines(
        [
            "你公司上述行为违反了《中华人民共和国环境保护法》（1989年12月26日）第二十六条的规定。",
            "依据《中华人民共和国环境保护法》（1989年12月26日第七届全国人民代表大会常务委员会第十一次会议通过"
            "　2014年4月24日第十二届全国人民代表大会常务委员会第八次会议修订）第六十条的规定。",
        ]
    )
    assert [(c.article, c.version_hint) for c in find_citations(DocText.of(doc))] == [
        (26, "1989年12月26日"),
        (60, "2014年4月24日"),
    ]


def test_the_second_line_of_an_officers_cell_in_a_flattened_row_is_named_by_that_cell() -> None:
    """h48-05's text PDF: the row 勘测人员 | 张立斌 闽国土执0521 / 黄志勇 闽国土执0533 | 记录人 | 黄志勇 comes
    out as two lines; the second stands under 张立斌 (its first character where his is)."""
    row = "勘测人员 张立斌　闽国土执0521 记录人 黄志勇"
    under = "黄志勇　闽国土执0533"
    row_xs = (
        71.8,
        81.7,
        91.9,
        101.8,
        106.9,
        142.6,
        152.5,
        162.5,
        172.5,
        182.5,
        192.5,
        202.5,
        212.4,
        220.2,
        225.8,
        231.2,
        236.2,
        293.6,
        354.3,
        364.3,
        374.2,
        379.2,
        424.8,
        434.8,
        444.7,
    )
    under_xs = (142.5, 152.5, 162.3, 172.5, 182.5, 192.5, 202.5, 212.4, 220.2, 225.8, 231.1, 236.6)
    blocks = [
        Block(
            kind=BlockKind.LINE,
            text="现场勘测笔录",
            source="d.pdf",
            page=1,
            bbox=BBox(x0=250, top=80, x1=350, bottom=95),
        ),
        Block(
            kind=BlockKind.LINE,
            text=row,
            source="d.pdf",
            page=1,
            char_xs=row_xs,
            bbox=BBox(x0=67.4, top=193.0, x1=448.8, bottom=201.9),
        ),
        Block(
            kind=BlockKind.LINE,
            text=under,
            source="d.pdf",
            page=1,
            char_xs=under_xs,
            bbox=BBox(x0=138.0, top=206.9, x1=238.9, bottom=215.9),
        ),
        Block(kind=BlockKind.LINE, text="勘测情况：现场为一处新建钢结构仓库。", source="d.pdf", page=1),
    ]
    doc = Document(
        type=T.INSPECTION_RECORD,
        title="现场勘测笔录",
        source="d.pdf",
        pages=(1, 1),
        confidence=1.0,
        blocks=blocks,
    )
    assert [(o.name, o.named_as, o.cert_no) for o in find_officers(DocText.of(doc))] == [
        ("张立斌", "勘测人", "闽国土执0521"),
        ("黄志勇", "勘测人", "闽国土执0533"),
    ]


def test_a_handwritten_dates_gap_beside_a_separator_is_read_through() -> None:
    from casefile_eval.extract.dates import find_dates

    assert [(d.raw, d.value.isoformat() if d.value else None) for d in find_dates("郑春生2018. 10.26")] == [
        ("2018. 10.26", "2018-10-26")
    ]
    assert [d.raw for d in find_dates("2018.6 .14　2018 .10.26")] == ["2018.6 .14", "2018 .10.26"]
    assert [(d.raw, d.value) for d in find_dates("郑春生18.6 .14")] == [("18.6 .14", dt.date(2018, 6, 14))]


def test_a_name_closed_up_with_the_next_fields_name_on_a_scan_is_the_signer() -> None:
    """OCR reads "询问人（签名）：陈建东　工作单位：…" without its gap: 陈建东 is the name, 工作单位 the
    next field."""
    lines = [
        "询问笔录",
        "询问人（签名）：陈建东工作单位：金湖县公安局黎城派出所",
        "问：你在哪里工作？",
        "答：前台。",
    ]
    blocks = [Block(kind=BlockKind.LINE, text=t, source="s.pdf", page=1, confidence=0.99) for t in lines]
    doc = Document(
        type=T.INQUIRY_RECORD, title="询问笔录", source="s.pdf", pages=(1, 1), confidence=1.0, blocks=blocks
    )
    slots = find_signatures(DocText.of(doc))
    assert [(s.label, s.filled, s.signer) for s in slots] == [("询问人(签名)", True, "陈建东")]


def test_a_partys_value_ends_at_the_operators_field_closed_up_on_a_scan() -> None:
    doc = doc_from_lines(["行政处罚决定书", "当事人：古田县悦颜美容店经营者:阮秋燕"], T.DECISION)
    found = find_party(DocText.of(doc))
    assert found is not None
    assert found[0] == "古田县悦颜美容店"


def test_a_person_operating_a_shop_is_the_party_without_the_shops_bracket() -> None:
    doc = doc_from_lines(
        ["税务行政处罚决定书（简易）", "被处罚人名称：陈美华（闽清县梅城镇美华小吃店经营者）"],
        T.SUMMARY_DECISION,
    )
    found = find_party(DocText.of(doc))
    assert found is not None
    assert found[0] == "陈美华"


def test_a_notice_given_in_person_is_dated_by_its_time_of_telling() -> None:
    from casefile_eval.codes import DateKind
    from casefile_eval.extract.dating import date_facts

    doc = doc_from_lines(
        ["行政处罚告知笔录", "告知时间：2019年6月10日9时00分至9时20分　告知地点：金湖县公安局黎城派出所"],
        T.PRIOR_NOTICE,
    )
    kinds = [(f.kind, f.value) for f in date_facts(DocText.of(doc))]
    assert kinds[0] == (DateKind.NOTIFIED, dt.date(2019, 6, 10))


def test_an_approvals_opinion_on_a_line_of_its_own_is_no_party() -> None:
    # holdout49's approval forms: 负责人意见 | 同意：　4.12 (the opinion, a colon, the date)
    doc = doc_from_rows(
        [["执行情况", "当事人于2017年4月5日缴纳罚款3000元。"], ["负责人意见", "同意：　4.12"]],
        T.CLOSING_REPORT,
        before=["结案审批表"],
    )
    assert find_party(DocText.of(doc)) is None
