from __future__ import annotations

from pathlib import Path

import pytest

from casefile_eval.errors import ConfigError
from casefile_eval.scoring import builtin_sheets, load_sheet

GOOD_HEAD = """\
id: mine
title: 本单位评查表
source: 本单位
grades:
  - {grade: pass, min: 60}
  - {grade: fail, min: 0}
"""


def problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "sheet.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_sheet(path)
    return [str(p).replace(str(path), "F") for p in caught.value.problems]


def test_builtin_sheets_all_load() -> None:
    assert builtin_sheets() == ["beijing-2016", "general", "penalty-record-sheet", "stage-weighted"]
    assert {name: load_sheet(name).max for name in builtin_sheets()} == {
        "beijing-2016": 100.0,
        "general": 100.0,
        "penalty-record-sheet": 21.0,
        "stage-weighted": 49.0,
    }
    for name in builtin_sheets():
        assert load_sheet(name).source


def test_schema_errors_have_file_line_column(tmp_path: Path) -> None:
    text = GOOD_HEAD + (
        "categories:\n"
        "  - id: a\n"
        "    title: A\n"
        "    items:\n"
        "      - id: a.1\n"
        "        title: 一\n"
        "        points: -3\n"
        "        deductions:\n"
        "          - {when: {defect: missing_sig}, points: 2}\n"
        "        colour: red\n"
    )
    got = problems(tmp_path, text)
    assert got[0] == "F:13:9: categories.0.items.0.points: 应 > 0"
    assert got[1].startswith("F:15:21: categories.0.items.0.deductions.0.when.defect.0: 取值无效，应为：")
    assert got[2] == "F:16:9: categories.0.items.0.colour: 不认识的键（拼写错误，或此处不允许）"
    assert len(got) == 3


def test_cross_checks_report_every_problem(tmp_path: Path) -> None:
    text = (
        "id: mine\ntitle: T\nsource: S\nfallback: 不存在\n"
        "grades:\n  - {grade: pass, min: 60}\n  - {grade: pass, min: 10}\n"
        "categories:\n  - id: a\n    title: A\n    items:\n"
        "      - {id: a.1, title: 一, points: 2, deductions: [{when: {defect: missing_date}, points: 3}]}\n"
        "      - {id: a.1, title: 二, points: 2, deductions: [{when: {}, cap: 1}]}\n"
    )
    assert problems(tmp_path, text) == [
        "F:12:84: 扣分 3 超过条目分值 2",
        "F:13:10: 条目 id 'a.1' 重复",
        "F:13:54: when 至少要写一个条件（rule、defect、role…）",
        "F:4:1: fallback 指向不存在的条目 '不存在'",
        "F:7:6: 等级 'pass' 重复",
        "F:5:1: 缺少 fail（不合格）等级：否决项需要它",
        "F:5:1: 须有一个等级的 min 为 0，使任何得分都有等级",
    ]


def test_yaml_syntax_error_and_unknown_sheet(tmp_path: Path) -> None:
    assert problems(tmp_path, "id: x\ntitle: [unclosed\n") == [
        "F:3:1: YAML 语法错误：expected ',' or ']', but got '<stream end>'"
    ]
    with pytest.raises(ConfigError) as caught:
        load_sheet("no-such-sheet")
    assert str(caught.value.problems[0]).startswith("no-such-sheet:1:1: 找不到评查表")
