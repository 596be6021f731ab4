"""Loading rule packs: every file validated, every problem of every file reported at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from casefile_eval.errors import ConfigError, ConfigProblem
from casefile_eval.rules.config import Thresholds, load_thresholds, next_day
from casefile_eval.rules.laws import LawData, load_law_data
from casefile_eval.rules.registry import get_check
from casefile_eval.rules.rule import Rule, template_fields
from casefile_eval.rules.schema import PackFile, RuleSpec
from casefile_eval.yamlload import LocatedYaml, load_located, validate, validation_problems

RULE_SUFFIXES = (".yaml", ".yml")
OPTIONAL_DIR = "optional"  # opt-in packs inside the built-in directory, loaded only when named


@dataclass
class RuleSet:
    """The rules to run, in id order, with the thresholds and law data they read."""

    rules: list[Rule]
    thresholds: Thresholds
    laws: LawData
    files: list[str] = field(default_factory=list)

    def get(self, rule_id: str) -> Rule | None:
        """The rule with that id."""
        return next((r for r in self.rules if r.id == rule_id), None)

    @cached_property
    def change_dates(self) -> tuple[dt.date, ...]:
        """Every date from which a rule, a threshold or a law reads differently, in order: a case date
        known only to lie between two of them still picks the law (see `CaseView.law_date`)."""
        dates = self.laws.change_dates() | self.thresholds.change_dates()
        for rule in self.rules:
            period = rule.spec.period
            ends = [period.from_, next_day(period.to)]
            for basis in rule.spec.basis:
                ends += [basis.in_force_from, next_day(basis.in_force_to)]
            dates.update(d for d in ends if d is not None)
        return tuple(sorted(dates))

    def only(self, *rule_ids: str) -> RuleSet:
        """A rule set holding only the given rules."""
        return RuleSet([r for r in self.rules if r.id in rule_ids], self.thresholds, self.laws, self.files)


def builtin_pack_dir() -> Path:
    """The directory of the built-in 行政处罚 pack."""
    return Path(str(resources.files("casefile_eval").joinpath("data/rules")))


def optional_packs() -> dict[str, Path]:
    """The opt-in built-in packs by name (`strict` → data/rules/optional/strict.yaml)."""
    folder = builtin_pack_dir() / OPTIONAL_DIR
    if not folder.is_dir():
        return {}
    return {p.stem: p for p in sorted(folder.iterdir()) if p.suffix in RULE_SUFFIXES and p.is_file()}


def rule_files(paths: Sequence[Path], problems: list[ConfigProblem]) -> Iterator[Path]:
    """The YAML files of the given files and directories (directories searched recursively).

    A path that does not exist but names an opt-in built-in pack (see `optional_packs`) stands for it.
    The built-in directory itself yields only its default pack, never its opt-in packs.
    """
    builtin = builtin_pack_dir().resolve()
    for path in paths:
        if path.is_dir():
            found = (p for p in path.rglob("*") if p.suffix in RULE_SUFFIXES and p.is_file())
            if path.resolve() == builtin:
                found = (p for p in found if p.parent.resolve() == builtin)
            yield from sorted(found)
        elif path.is_file():
            yield path
        elif str(path) in optional_packs():
            yield optional_packs()[str(path)]
        else:
            names = "、".join(optional_packs())
            hint = f"（内置可选规则包：{names}）" if names else ""
            problems.append(ConfigProblem(str(path), 1, 1, f"规则文件或目录不存在{hint}"))


def load_rules(extra_paths: Sequence[Path] = ()) -> RuleSet:
    """The built-in default pack plus extra rule files, packs or opt-in pack names (e.g. `strict`);
    raises ConfigError listing every problem."""
    return load_rule_files([builtin_pack_dir(), *extra_paths])


def load_rule_files(paths: Sequence[Path]) -> RuleSet:
    """Load exactly the given files or directories (no built-in pack unless named)."""
    problems: list[ConfigProblem] = []
    rules: list[Rule] = []
    seen: dict[str, Rule] = {}
    files = list(rule_files(paths, problems))
    for path in files:
        try:
            doc = load_located(path)
        except ConfigError as exc:
            problems.extend(exc.problems)
            continue
        rules.extend(_rules_of(doc, seen))
        problems.extend(doc.problems)
    if problems:
        raise ConfigError(problems)
    rules.sort(key=lambda r: r.id)
    return RuleSet(rules, load_thresholds(), load_law_data(), [str(p) for p in files])


def _rules_of(doc: LocatedYaml, seen: dict[str, Rule]) -> list[Rule]:
    pack = validate(doc, PackFile)
    if pack is None:
        return []
    out = []
    for index, raw in enumerate(pack.rules):
        rule = _rule_of(doc, raw, ("rules", index), seen)
        if rule is not None:
            seen[rule.id] = rule
            out.append(rule)
    return out


def _rule_of(
    doc: LocatedYaml, raw: object, base: tuple[str | int, ...], seen: dict[str, Rule]
) -> Rule | None:
    spec = validate(doc, RuleSpec, raw, base)
    if spec is None:
        return None
    ok = True
    if spec.id in seen:
        first = seen[spec.id]
        doc.problems.append(
            doc.problem((*base, "id"), f"重复的规则编号 {spec.id}（已在 {first.file}:{first.line} 定义）")
        )
        ok = False
    check = get_check(spec.check.name)
    if check is None:
        doc.problems.append(doc.problem((*base, "check", "name"), f"未知的检查 '{spec.check.name}'"))
        return None
    try:
        params = check.params.model_validate(spec.check.params)
    except ValidationError as exc:
        doc.problems.extend(validation_problems(doc, exc, (*base, "check", "params")))
        return None
    try:
        unknown = template_fields(spec.message) - check.fields
    except ValueError as exc:
        doc.problems.append(doc.problem((*base, "message"), f"消息模板格式错误：{exc}"))
        return None
    if unknown:
        names = "、".join(sorted(unknown))
        doc.problems.append(
            doc.problem((*base, "message"), f"消息模板中的占位符 {names} 不是检查 {check.name} 提供的")
        )
        ok = False
    if check.name == "signature" and spec.role is None:
        doc.problems.append(doc.problem(base, "签名检查的规则必须写明 role"))
        ok = False
    line, _ = doc.where(base)
    return Rule(spec, check, params, doc.file, line) if ok else None
