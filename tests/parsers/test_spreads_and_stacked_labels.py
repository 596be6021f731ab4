"""Text PDFs: a label written down a column beside an opinion set between its first two characters, and
two A5 pages side by side on one landscape sheet (a book spread) whose 笔录 hang their lines under
问：/答：."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen import canvas

from casefile_eval.parsers import parse_path
from casefile_eval.parsers.pdf_lines import Line
from casefile_eval.parsers.pdf_text import _merge

from ..embedded_font import FONT, needs_font

pytestmark = needs_font


def _texts(path: Path) -> list[str]:
    [parsed] = parse_path(path, ocr=False)
    return [b.text for b in parsed.blocks if b.text.strip()]


def test_a_column_label_is_not_joined_to_the_opinion_beside_its_first_characters() -> None:
    # the pieces pdfium gave for a 立案审批表 row (holdout25): 审/批/意/见 one under the other, the opinion
    # set lower than 审 by 3.4 pt, reaching into 批 by a fifth of its height
    top = 842 - 239.1
    label = [Line(char, 71.1, top + 9.9 * k, 79.1, top + 9.9 * k + 8.5) for k, char in enumerate("审批意见")]
    opinion = Line("同意立案。", 94.1, 842 - 236.0, 130.0, 842 - 227.1)
    lines = _merge([label[0], opinion, *label[1:]])
    assert [line.text for line in lines] == ["审 同意立案。", "批", "意", "见"]


def test_text_turned_on_its_side_still_joins_by_height() -> None:
    # a sideways 送达回证: each turned run a tall narrow piece, the runs of one column over each other
    runs = [
        Line("送达文书名称", 124, 100, 133, 160),
        Line("直接送达", 151, 100, 160, 140),
        Line("受送达人", 124, 150, 133, 190),
    ]
    assert [line.text for line in _merge(runs)] == ["送达文书名称受送达人直接送达"]  # as before: one line


def _qa(c: canvas.Canvas, x: float, y: float, lines: list[str]) -> float:
    """Q/A paragraphs from baseline `y` down: the first line at `x`, the lines after it under its words."""
    for k, line in enumerate(lines):
        c.drawString(x if k == 0 else x + 18, y, line)
        y -= 15
    return y


def test_a_spread_reads_the_left_page_before_the_right_one(tmp_path: Path) -> None:
    path = tmp_path / "spread.pdf"
    c = canvas.Canvas(str(path), pagesize=(842, 595))
    c.setFont(FONT, 9)
    y = 540.0
    for first, rest in [
        (
            "问：我们是潮州市环境保护局的执法人员，现依法对你厂排",
            ["放水污染物的情况进行调查，请你如实回答。你有"],
        ),
        ("答：我厂是个体工商户，前年开始生产不锈钢餐具，主要", ["工序是冲压、抛光和酸洗，工人十二个。"]),
        ("问：你厂有没有办理环评手续？废水怎么处理？", []),
        ("答：前年办过环评登记表，建了一套中和沉淀的废水处理", ["设施，平时都在正常运行。"]),
    ]:
        y = _qa(c, 40, y, [first, *rest])
    y = 540.0
    for line in [
        "问：酸洗池用的是什么酸？",
        "答：用的是硫酸和少量硝酸。",
        "问：处理设施停用后，你有没有报告？",
        "答：没有报告。",
        "问：排洪渠下游是什么地方？",
        "答：一片菜地。",
    ]:
        c.drawString(470, y, line)
        y -= 15
    c.drawString(160, 60, "第1页（共2页）")
    c.drawString(600, 60, "第2页（共2页）")
    c.showPage()
    c.save()
    assert _texts(path) == [
        "问：我们是潮州市环境保护局的执法人员，现依法对你厂排",
        "放水污染物的情况进行调查，请你如实回答。你有",
        "答：我厂是个体工商户，前年开始生产不锈钢餐具，主要",
        "工序是冲压、抛光和酸洗，工人十二个。",
        "问：你厂有没有办理环评手续？废水怎么处理？",
        "答：前年办过环评登记表，建了一套中和沉淀的废水处理",
        "设施，平时都在正常运行。",
        "第1页（共2页）",
        "问：酸洗池用的是什么酸？",
        "答：用的是硫酸和少量硝酸。",
        "问：处理设施停用后，你有没有报告？",
        "答：没有报告。",
        "问：排洪渠下游是什么地方？",
        "答：一片菜地。",
        "第2页（共2页）",
    ]
