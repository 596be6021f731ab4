"""Safe YAML loading with positions, and pydantic validation that reports every problem as file:line:col.

Rule packs and evaluation sheets are written by legal departments; a mistake must point at its line.
PyYAML's composer keeps a mark on every node, so data is built from nodes and each value's path is
mapped to where it was written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from casefile_eval.errors import ConfigError, ConfigProblem

PathKey = tuple[str | int, ...]
_MERGE_TAG = "tag:yaml.org,2002:merge"
# libyaml composes the same nodes and marks about seven times faster (the rule pack loads in ~0.1 s instead of
# ~0.8 s); a file it refuses is composed again by the pure-Python loader, whose messages say more
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
M = TypeVar("M", bound=BaseModel)


@dataclass
class LocatedYaml:
    """YAML data with the line and column (1-based) of every mapping key and value."""

    file: str
    data: Any
    marks: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    problems: list[ConfigProblem] = field(default_factory=list)

    def where(self, path: Iterable[str | int]) -> tuple[int, int]:
        """The position of `path`, or of its nearest written ancestor."""
        key = tuple(path)
        while key:
            if key in self.marks:
                return self.marks[key]
            key = key[:-1]
        return self.marks.get((), (1, 1))

    def problem(self, path: Iterable[str | int], reason: str) -> ConfigProblem:
        """A problem located at `path`."""
        line, col = self.where(path)
        return ConfigProblem(self.file, line, col, reason)


def _build(node: yaml.Node, path: PathKey, out: LocatedYaml, scalars: yaml.SafeLoader) -> Any:
    out.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        merged: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:  # `<<: *anchor` or `<<: [*a, *b]`: defaults, explicit keys win
                value = _build(value_node, path, out, scalars)
                for source in value if isinstance(value, list) else [value]:
                    if isinstance(source, dict):
                        merged.update(source)
                continue
            key = key_node.value
            if key in result:
                line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                out.problems.append(ConfigProblem(out.file, line, col, f"重复的键 '{key}'"))
            result[key] = _build(value_node, (*path, key), out, scalars)
            out.marks[(*path, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        return {**{k: v for k, v in merged.items() if k not in result}, **result}
    if isinstance(node, yaml.SequenceNode):
        return [_build(child, (*path, i), out, scalars) for i, child in enumerate(node.value)]
    return scalars.construct_object(node, deep=True)


def load_located(path: Path, text: str | None = None) -> LocatedYaml:
    """Parse one YAML document safely, keeping positions; syntax errors become problems."""
    name = str(path)
    out = LocatedYaml(file=name, data=None)
    try:
        source = path.read_text(encoding="utf-8") if text is None else text
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([ConfigProblem(name, 1, 1, f"无法读取文件：{exc}")]) from exc
    try:
        node = _compose(source)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise ConfigError([ConfigProblem(name, line, col, f"YAML 语法错误：{exc.problem}")]) from exc
    except yaml.YAMLError as exc:
        raise ConfigError([ConfigProblem(name, 1, 1, f"YAML 语法错误：{exc}")]) from exc
    if node is None:
        raise ConfigError([ConfigProblem(name, 1, 1, "文件为空")])
    scalars = yaml.SafeLoader("")  # one constructor for every scalar of the file
    try:
        out.data = _build(node, (), out, scalars)
    finally:
        scalars.dispose()
    return out


def _compose(source: str) -> yaml.Node | None:
    """The document's node tree; a syntax error is raised with the pure-Python loader's message."""
    try:
        return yaml.compose(source, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        return yaml.compose(source, Loader=yaml.SafeLoader)


def validation_problems(doc: LocatedYaml, exc: ValidationError, base: PathKey = ()) -> list[ConfigProblem]:
    """Each pydantic error as a located problem (path relative to `base` inside the YAML)."""
    problems = []
    for err in exc.errors(include_url=False):
        loc = (*base, *(p for p in err["loc"] if isinstance(p, str | int)))
        field_name = ".".join(str(p) for p in err["loc"]) or "(根)"
        problems.append(doc.problem(loc, f"{field_name}: {_chinese(err)}"))
    return problems


_MESSAGES = {
    "missing": "缺少必填项",
    "extra_forbidden": "不认识的键（拼写错误，或此处不允许）",
    "string_type": "应为文本",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表",
    "dict_type": "应为映射（键: 值）",
    "model_type": "应为映射（键: 值）",
    "model_attributes_type": "应为映射（键: 值）",
    "date_type": "应为日期（YYYY-MM-DD）",
    "date_parsing": "应为日期（YYYY-MM-DD）",
    "date_from_datetime_parsing": "应为日期（YYYY-MM-DD）",
    "too_short": "项数太少",
    "too_long": "项数太多",
    "string_too_short": "不能为空",
}


_SIGNS = {"greater_than": ">", "greater_than_equal": "≥", "less_than": "<", "less_than_equal": "≤"}


def _chinese(err: Any) -> str:
    """A Chinese reason for one pydantic error; unknown kinds keep pydantic's own words."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind in ("enum", "literal_error"):
        return f"取值无效，应为：{str(ctx.get('expected', '')).replace(', ', '、').replace(' or ', '、')}"
    if kind == "string_pattern_mismatch":
        return f"格式不符：应匹配 {ctx.get('pattern', '')}"
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bound = next(iter(ctx.values()), "")
        return f"应 {_SIGNS[kind]} {bound:g}" if isinstance(bound, float) else f"应 {_SIGNS[kind]} {bound}"
    if kind == "value_error":
        return str(err["msg"]).removeprefix("Value error, ")
    return _MESSAGES.get(kind, str(err["msg"]))


def validate(doc: LocatedYaml, model: type[M], data: Any = None, base: PathKey = ()) -> M | None:
    """Validate `data` (default: the whole document) against `model`; record problems, None on failure."""
    try:
        return model.model_validate(doc.data if data is None else data)
    except ValidationError as exc:
        doc.problems.extend(validation_problems(doc, exc, base))
        return None


def load_model(path: Path, model: type[M]) -> M:
    """Load and validate one YAML file as `model`; raises `ConfigError` with every problem found."""
    doc = load_located(path)
    result = validate(doc, model)
    if result is None or doc.problems:
        raise ConfigError(doc.problems)
    return result
