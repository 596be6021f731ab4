"""Loading rule files: every mistake reported with file:line:col, before any case is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from casefile_eval.errors import ConfigError
from casefile_eval.rules import load_rule_files, load_rules

GOOD_RULE = """\
  - id: XTR-001
    title: 决定书缺少印章
    message: '{where}未加盖印章'
    defect: missing_seal
    severity: major
    applies_to: {document_types: [decision]}
    check: {name: seal, params: {}}
    basis: [{statute: 中华人民共和国行政处罚法, version: 2021年修订, article: 59}]
    sheet_item: 审查决定.处罚决定书
    rationale: 决定书必须盖有行政机关的印章。
"""

THREE_MISTAKES = """\
rules:
  - id: XTR-001
    title: 决定书缺少印章
    message: '{where}未加盖印章'
    defect: missing_stamp
    severity: major
    check: {name: seal, params: {}}
    basis: [{statute: 中华人民共和国行政处罚法, article: 59}]
    sheet_item: 审查决定.处罚决定书
    rationale: 决定书必须盖有行政机关的印章。
  - id: XTR-002
    title: 未知检查
    message: '{where}有问题'
    defect: missing_seal
    severity: major
    check: {name: stamp_present, params: {}}
    basis: [{statute: 中华人民共和国行政处罚法, article: 59}]
    sheet_item: 审查决定.处罚决定书
    rationale: 示例规则。
  - id: XTR-003
    title: 参数错误
    message: '{where}缺少日期'
    defect: missing_date
    severity: minor
    check: {name: date_present, params: {kinds: [yesterday]}}
    basis: [{statute: 中华人民共和国行政处罚法, article: 59}]
    sheet_item: 审查决定.处罚决定书
    rationale: 示例规则。
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_three_mistakes_reported_with_positions(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.yaml", THREE_MISTAKES)
    with pytest.raises(ConfigError) as info:
        load_rule_files([path])
    lines = [str(p).replace(str(path), "bad.yaml") for p in info.value.problems]
    assert len(lines) == 3
    assert lines[0].startswith("bad.yaml:5:5: defect: 取值无效，应为：'missing_document'、")
    assert lines[1] == "bad.yaml:16:13: 未知的检查 'stamp_present'"
    assert lines[2].startswith("bad.yaml:25:50: kinds.0: 取值无效，应为：")


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    first = _write(tmp_path, "a.yaml", "rules:\n" + GOOD_RULE)
    second = _write(tmp_path, "b.yaml", "rules:\n" + GOOD_RULE)
    with pytest.raises(ConfigError) as info:
        load_rule_files([first, second])
    assert [str(p) for p in info.value.problems] == [
        f"{second}:2:5: 重复的规则编号 XTR-001（已在 {first}:2 定义）"
    ]


def test_duplicate_of_builtin_rule(tmp_path: Path) -> None:
    extra = _write(tmp_path, "extra.yaml", "rules:\n" + GOOD_RULE.replace("XTR-001", "SEA-001"))
    with pytest.raises(ConfigError) as info:
        load_rules([extra])
    assert len(info.value.problems) == 1
    assert info.value.problems[0].line == 2
    assert "重复的规则编号 SEA-001" in info.value.problems[0].reason


def test_unknown_placeholder_and_bad_regex(tmp_path: Path) -> None:
    text = "rules:\n" + GOOD_RULE.replace("'{where}未加盖印章'", "'{where}{colour}'")
    text += GOOD_RULE.replace("XTR-001", "XTR-002").replace(
        "{name: seal, params: {}}", "{name: content_element, params: {element: 地址, any_of: ['(住所']}}"
    )
    path = _write(tmp_path, "p.yaml", text)
    with pytest.raises(ConfigError) as info:
        load_rule_files([path])
    reasons = [(p.line, p.column, p.reason) for p in info.value.problems]
    assert reasons[0] == (4, 5, "消息模板中的占位符 colour 不是检查 seal 提供的")
    assert reasons[1][0:2] == (18, 58)
    assert "正则表达式 '(住所' 无效" in reasons[1][2]


def test_extra_pack_loads_and_missing_path(tmp_path: Path) -> None:
    extra = _write(tmp_path, "extra.yml", "rules:\n" + GOOD_RULE)
    ruleset = load_rules([tmp_path])
    assert ruleset.get("XTR-001") is not None
    assert str(extra) in ruleset.files
    with pytest.raises(ConfigError) as info:
        load_rules([tmp_path / "nope.yaml"])
    assert [p.reason for p in info.value.problems] == ["规则文件或目录不存在（内置可选规则包：strict）"]


def test_builtin_directory_leaves_out_opt_in_packs() -> None:
    default = load_rules()
    assert default.get("DOC-010") is None
    assert not any("optional" in f for f in default.files)
    strict = load_rules([Path("strict")])
    rule = strict.get("DOC-010")
    assert rule is not None
    assert rule.file.endswith("optional/strict.yaml")


def test_yaml_syntax_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "s.yaml", "rules:\n  - id: [unclosed\n")
    with pytest.raises(ConfigError) as info:
        load_rule_files([path])
    assert info.value.problems[0].file == str(path)
    assert info.value.problems[0].reason.startswith("YAML 语法错误")
