"""`casefile-eval sheet check FILE`: validate an evaluation sheet; `sheet list`: the built-in sheets."""

from __future__ import annotations

import argparse
from typing import Any

from casefile_eval.scoring import builtin_sheets, load_sheet


def register(commands: Any) -> None:
    """Add the `sheet` command with `check` and `list`."""
    parser = commands.add_parser("sheet", help="评查表：检查、列出")
    sub = parser.add_subparsers(dest="sheet_command", metavar="SUBCOMMAND", parser_class=type(parser))
    sub.required = True
    check = sub.add_parser("check", help="检查评查表文件，错误以 文件:行:列 报告")
    check.add_argument("file", metavar="FILE", help="评查表 YAML 文件或内置评查表名称")
    check.set_defaults(run=run_check)
    listing = sub.add_parser("list", help="列出内置评查表")
    listing.set_defaults(run=run_list)


def run_check(args: argparse.Namespace) -> int:
    """Load the sheet (a `ConfigError` exits 2 with every problem) and describe it."""
    sheet = load_sheet(args.file)
    items = sheet.items()
    manual = sum(m.points for m in sheet.manual)
    print(f"{args.file}: 评查表有效：{sheet.title}（{sheet.id}）")
    print(f"  {len(sheet.categories)} 个类别，{len(items)} 个自动评分条目，满分 {sheet.max:g} 分")
    print(f"  否决项 {len(sheet.vetoes)} 个（否决时{'得零分' if sheet.veto == 'zero' else '评为不合格'}）")
    print(f"  人工评查项 {len(sheet.manual)} 个（另计 {manual:g} 分，不计入自动满分）")
    bands = "，".join(f"{sheet.label(b)} ≥{b.min:g}%" for b in sorted(sheet.grades, key=lambda b: -b.min))
    print(f"  等级：{bands}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    """Print every built-in sheet with its title and source."""
    for name in builtin_sheets():
        sheet = load_sheet(name)
        print(f"{name}\t{sheet.title}（满分 {sheet.max:g}）\t来源：{sheet.source}")
    return 0
