"""Markdown pages describing the rule pack (docs/rules/), generated from the YAML."""

from __future__ import annotations

from collections import defaultdict

from casefile_eval.rules.doctypes import document_name
from casefile_eval.rules.loader import RuleSet, load_rule_files, optional_packs
from casefile_eval.rules.rule import Rule, render_basis

AREAS: dict[str, str] = {
    "DOC": "必备文书",
    "LRV": "法制审核与集体讨论",
    "ARC": "立卷归档",
    "SIG": "签名",
    "SEA": "印章",
    "DAT": "日期",
    "ELM": "内容要素",
    "FWD": "禁用表述",
    "REM": "救济途径告知",
    "DDL": "期限",
    "PRE": "过早作出决定",
    "DOR": "日期顺序",
    "OFF": "执法人员",
    "CIT": "法律引用",
    "CON": "事实一致",
    "SUM": "简易程序",
}


def render_pages(ruleset: RuleSet) -> dict[str, str]:
    """File name → Markdown text: `index.md`, one page per rule area, one page per opt-in pack."""
    by_area: dict[str, list[Rule]] = defaultdict(list)
    for rule in ruleset.rules:
        by_area[rule.id.split("-")[0]].append(rule)
    pages = {f"{area.lower()}.md": _area_page(area, rules) for area, rules in sorted(by_area.items())}
    optional = {name: load_rule_files([path]).rules for name, path in optional_packs().items()}
    pages["index.md"] = _index(by_area, optional)
    for name, rules in optional.items():
        pages[f"optional-{name}.md"] = _optional_page(name, rules)
    return pages


def _index(by_area: dict[str, list[Rule]], optional: dict[str, list[Rule]]) -> str:
    lines = [
        "# 内置规则（行政处罚）",
        "",
        "本目录由 `scripts/gen_rule_docs.py` 根据 `casefile_eval/data/rules/*.yaml` 生成，请勿手工修改。",
        "",
        "| 编号 | 标题 | 问题类型 | 严重程度 | 评查表项目 |",
        "|---|---|---|---|---|",
    ]
    for area in sorted(by_area):
        lines.extend(_index_row(rule, f"{area.lower()}.md") for rule in by_area[area])
    if optional:
        lines += [
            "",
            "## 可选规则包（默认不加载）",
            "",
            "以下规则只适用于采用相应文书模板或评查标准的机关，默认规则包不包含它们；"
            "需要时以名称加载，如 `casefile-eval evaluate 案卷 --rules strict`。",
            "",
            "| 规则包 | 编号 | 标题 | 问题类型 | 严重程度 | 评查表项目 |",
            "|---|---|---|---|---|---|",
        ]
        for name, rules in optional.items():
            lines.extend(f"| `{name}` " + _index_row(rule, f"optional-{name}.md") for rule in rules)
    return "\n".join(lines) + "\n"


def _index_row(rule: Rule, page: str) -> str:
    spec = rule.spec
    link = f"[{spec.id}]({page}#{spec.id.lower()})"
    return f"| {link} | {spec.title} | `{spec.defect.value}` | {spec.severity.value} | {spec.sheet_item} |"


def _optional_page(name: str, rules: list[Rule]) -> str:
    lines = [
        f"# 可选规则包 `{name}`",
        "",
        f'默认不加载；以 `--rules {name}` 或 `load_rules([Path("{name}")])` 加入内置规则包。',
        "",
    ]
    for rule in rules:
        lines.extend(_rule_section(rule))
    return "\n".join(lines)


def _area_page(area: str, rules: list[Rule]) -> str:
    lines = [f"# {area}：{AREAS.get(area, area)}", ""]
    for rule in rules:
        lines.extend(_rule_section(rule))
    return "\n".join(lines)


def _rule_section(rule: Rule) -> list[str]:
    spec = rule.spec
    period = spec.period
    types = "、".join(document_name(t) for t in spec.applies_to.document_types) or "整个案卷"
    lines = [
        f"## {spec.id}",
        "",
        f"**{spec.title}**",
        "",
        f"- 问题类型：`{spec.defect.value}`" + (f"，签名人：`{spec.role.value}`" if spec.role else ""),
        f"- 严重程度：{spec.severity.value}；评查表项目：{spec.sheet_item}",
        f"- 适用文书：{types}；程序：{'、'.join(p.value for p in spec.applies_to.procedures)}",
        f"- 适用期间：{period.from_ or '不限'} 至 {period.to or '今'}（按 `{period.by}` 日期）",
        f"- 检查：`{spec.check.name}`",
        "- 依据：" + "；".join(render_basis(b) for b in spec.basis),
        f"- 消息：`{spec.message}`",
        "",
        spec.rationale,
        "",
        "示例：",
        "",
    ]
    for example in spec.examples:
        found = "；".join(f.message for f in example.findings) or "无问题"
        lines.append(f"- {example.name} → {found}")
    lines.append("")
    return lines
