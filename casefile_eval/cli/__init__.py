"""The `casefile-eval` command line: argparse with one module per command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from casefile_eval.cli import evaluate, report, rules, sheet
from casefile_eval.errors import ConfigError
from casefile_eval.version import VERSION

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """An argparse parser whose usage errors exit 2 with a Chinese prefix."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: 参数错误：{message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The parser with every command registered."""
    parser = _Parser(
        prog="casefile-eval", description="行政执法案卷评查：读取案卷、识别文书、检查问题、评分。"
    )
    parser.add_argument("--version", action="version", version=f"casefile-eval {VERSION}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True
    evaluate.register(commands)
    rules.register(commands)
    sheet.register(commands)
    report.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.run(args)
    except ConfigError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_USAGE
    return status
