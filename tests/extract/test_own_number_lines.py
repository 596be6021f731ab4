"""A document's own 文号 printed on the agency's header line (舟山市交通运输局　　　舟交执罚〔2022〕118号) is
its own number; a number after a longer text on that line is cited."""

from __future__ import annotations

from casefile_eval.codes import DocumentType
from casefile_eval.extract.numbers import canonical_number, document_numbers, find_numbers
from casefile_eval.extract.text import DocText
from tests.extract.docs import doc_from_lines


def _own(header: str) -> tuple[str | None, list[str]]:
    doc = doc_from_lines(
        ["行政处罚决定书", header, "舟山市顺远货运有限公司：", "经查，你单位未取得道路运输经营许可。"],
        DocumentType.DECISION,
        title="行政处罚决定书",
    )
    numbers = document_numbers(DocText.of(doc))
    return (numbers.own[0] if numbers.own else None), [n for n, _ in numbers.cited]


def test_the_number_beside_the_agency_name_is_the_documents() -> None:
    assert _own("舟山市交通运输局\u3000\u3000\u3000舟交执罚[2022]118号") == ("舟交执罚〔2022〕118号", [])
    assert _own("德阳市生态环境局 德环罚〔2022〕9号") == ("德环罚〔2022〕9号", [])


def test_a_number_after_a_sentence_on_the_header_line_is_cited() -> None:
    assert _own("根据舟交执立[2022]307号立案审批表") == (None, ["舟交执立〔2022〕307号"])


def _numbers(lines: list[str]) -> tuple[str | None, list[str]]:
    doc = doc_from_lines(lines, DocumentType.DECISION, title="行政处罚决定书")
    numbers = document_numbers(DocText.of(doc))
    return (numbers.own[0] if numbers.own else None), [n for n, _ in numbers.cited]


def test_a_labelled_number_in_the_header_wins_over_an_unlabelled_one_read_before_it() -> None:
    # a barcode's caption top right, misread by OCR, comes before the form's 编号 field
    assert _numbers(
        [
            "梅卫司（2025）15号",
            "行 政 处 罚 决 定 书",
            "编号：梅卫健罚（2025）第015号",
            "当事人：梅州市美丽人生美容院",
        ]
    ) == ("梅卫健罚〔2025〕15号", ["梅卫司〔2025〕15号"])


def test_a_second_labelled_number_does_not_replace_the_first() -> None:
    assert _numbers(["编号：梅卫健罚（2025）第015号", "行政处罚决定书", "文号：梅卫健罚（2025）第016号"]) == (
        "梅卫健罚〔2025〕15号",
        ["梅卫健罚〔2025〕16号"],
    )


def test_the_number_after_the_agency_and_a_number_label_on_one_line_is_the_documents() -> None:
    assert _numbers(["长治市应急管理局 文书编号长应急立（2021）5号", "立案报告表"]) == (
        "长应急立〔2021〕5号",
        [],
    )
    # OCR read only 文书 of the box's 文书编号 label
    assert _numbers(["长治市应急管理局 文书长应急罚（2021）第6号", "行政处罚决定书"]) == (
        "长应急罚〔2021〕6号",
        [],
    )


def test_a_served_documents_number_label_on_a_receipt_line_stays_cited() -> None:
    assert _numbers(["送达回证", "送达文书编号：长应急罚（2021）第6号"]) == (None, ["长应急罚〔2021〕6号"])


def test_a_number_before_the_first_gap_of_the_text_is_found() -> None:
    # (word starts after the number once kept its agency code from being looked for at all)
    assert [m.canonical for m in find_numbers("梅卫司(2025)15号行政处罚决定书", [0], [12])] == [
        "梅卫司〔2025〕15号"
    ]


def test_a_traffic_polices_long_serial_and_a_branchs_word_before_the_serial() -> None:
    # holdout53: h53-02's 简易程序 decision, h53-03's 分局 decision (the 黎 of 黎平 before its serial)
    assert canonical_number("台公交决字[2020]第5226300148号") == "台公交决字〔2020〕5226300148号"
    assert canonical_number("黔东南环罚〔2023〕黎12号") == "黔东南环罚〔2023〕黎12号"
    assert canonical_number("某罚〔2023〕黎字第12号") == "某罚〔2023〕黎字12号"
    assert canonical_number("芙执罚决字 〔 2024 〕 第 12 号") == "芙执罚决字〔2024〕12号"


def test_an_archives_own_number_under_a_case_file_label_is_no_filing_number() -> None:
    # holdout46 h46-08's 卷内目录: 案卷号 names the archive (档), read once the 罚字 before its serial was
    row = "案卷号：长应急档〔2020〕罚字第21号　　案由：某公司未设置安全警示标志案"
    doc = doc_from_lines(["卷内目录", row], DocumentType.TOC)
    numbers = document_numbers(DocText.of(doc))
    assert numbers.filing is None
    docket = doc_from_lines(["立案审批表", "案卷号：辽卫健立〔2021〕33号"], DocumentType.FILING_APPROVAL)
    filing = document_numbers(DocText.of(docket)).filing
    assert filing is not None
    assert filing[0] == "辽卫健立〔2021〕33号"
