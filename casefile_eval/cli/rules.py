"""`casefile-eval rules list|show ID|check PATH…`: the rule packs, one rule, validating rule files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from casefile_eval.rules import load_rule_files, load_rules
from casefile_eval.rules.doctypes import document_name
from casefile_eval.rules.rule import Rule, render_basis


def register(commands: Any) -> None:
    """Add the `rules` command with `list`, `show` and `check`."""
    parser = commands.add_parser("rules", help="评查规则：列出、查看、检查规则文件")
    sub = parser.add_subparsers(dest="rules_command", metavar="SUBCOMMAND", parser_class=type(parser))
    sub.required = True
    listing = sub.add_parser("list", help="列出内置规则（及 --rules 追加的规则）")
    listing.add_argument("--rules", nargs="*", default=[], metavar="PATH", help="追加的规则文件或目录")
    listing.set_defaults(run=run_list)
    show = sub.add_parser("show", help="显示一条规则的全部内容")
    show.add_argument("rule_id", metavar="ID", help="规则编号，如 SIG-002")
    show.add_argument("--rules", nargs="*", default=[], metavar="PATH", help="追加的规则文件或目录")
    show.set_defaults(run=run_show)
    check = sub.add_parser("check", help="检查规则文件，错误以 文件:行:列 报告")
    check.add_argument("paths", nargs="+", metavar="PATH", help="规则 YAML 文件或目录")
    check.set_defaults(run=run_check)


def run_list(args: argparse.Namespace) -> int:
    """One line per rule: id, severity, defect, title."""
    for rule in load_rules([Path(p) for p in args.rules]).rules:
        spec = rule.spec
        print(f"{spec.id}\t{spec.severity.value}\t{spec.defect.value}\t{spec.title}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    """Everything about one rule."""
    rule = load_rules([Path(p) for p in args.rules]).get(args.rule_id)
    if rule is None:
        print(f"没有编号为 {args.rule_id} 的规则", file=sys.stderr)
        return 2
    print("\n".join(describe(rule)))
    return 0


def describe(rule: Rule) -> list[str]:
    """The lines `rules show` prints."""
    spec = rule.spec
    types = "、".join(document_name(t) for t in spec.applies_to.document_types) or "整个案卷"
    period = spec.period
    lines = [
        f"{spec.id} {spec.title}",
        f"  问题类型：{spec.defect.value}" + (f"（{spec.role.value}）" if spec.role else ""),
        f"  严重程度：{spec.severity.value}",
        f"  适用文书：{types}",
        f"  适用程序：{'、'.join(p.value for p in spec.applies_to.procedures)}",
        f"  适用期间：{period.from_ or '不限'} 至 {period.to or '今'}（按 {period.by} 日期）",
        f"  检查：{spec.check.name} {spec.check.params}",
        f"  评查表项目：{spec.sheet_item}",
        f"  消息：{spec.message}",
        "  依据：" + "；".join(render_basis(b) for b in spec.basis),
        f"  理由：{spec.rationale}",
        f"  示例：{len(spec.examples)} 个",
        f"  定义于：{rule.file}:{rule.line}",
    ]
    return lines


def run_check(args: argparse.Namespace) -> int:
    """Validate rule files (a ConfigError exits 2 listing every problem as file:line:col: reason)."""
    ruleset = load_rule_files([Path(p) for p in args.paths])
    print(f"规则文件有效：{len(ruleset.files)} 个文件，{len(ruleset.rules)} 条规则")
    return 0
