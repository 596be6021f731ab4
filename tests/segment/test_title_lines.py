"""A title line may end in its 文号 (行政处罚决定书 津市监罚〔2021〕12号); a number field that names a kind of
file (案卷号 辽卫健立〔2021〕33号, the docket tag printed at the top of every page of a bound archive) is not
a title, so it never opens a 卷宗封面 on each page."""

from __future__ import annotations

from casefile_eval.codes import DocumentType
from casefile_eval.segment.titles import match_title


def test_a_title_followed_by_its_number_is_a_title() -> None:
    found = match_title("行政处罚决定书 津市监罚〔2021〕12号")
    assert found is not None
    assert (found.type, found.core) == (DocumentType.DECISION, "行政处罚决定书")


def test_a_docket_tag_naming_the_file_number_is_no_title() -> None:
    assert match_title("案卷号 辽卫健立〔2021〕33号") is None
    assert match_title("案卷号：萍文旅罚字（2025）第6号") is None


def test_the_word_alone_before_a_number_is_still_a_cover_title() -> None:
    found = match_title("案卷 辽卫健立〔2021〕33号")
    assert found is not None
    assert found.type is DocumentType.COVER


def test_a_year_first_number_after_a_title() -> None:
    found = match_title("№05 行政处罚告知书 （2023）固城执罚告字第27号")
    assert found is not None
    assert (found.type, found.core) == (DocumentType.PRIOR_NOTICE, "行政处罚告知书")


def test_an_ocr_read_index_tab_is_stripped() -> None:
    for text in ("Ne02 现场勘验笔录", "Nr12 罚没款收据", "No.3 询问笔录"):
        found = match_title(text, allow_fuzzy=False)
        assert found is not None, text
        assert found.confidence >= 0.97, text


def test_a_decision_number_field_is_no_title() -> None:
    assert match_title("处罚决定书文号 清卫公罚（2025）23号") is None
    assert match_title("决定书编号 某罚〔2025〕23号") is None
