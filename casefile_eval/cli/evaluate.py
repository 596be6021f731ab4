"""`casefile-eval evaluate PATH …`: read and evaluate case files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from casefile_eval.api import evaluate
from casefile_eval.reporters import json as json_reporter
from casefile_eval.reporters import text as text_reporter
from casefile_eval.results import Report, ToolInfo
from casefile_eval.summary import summarize
from casefile_eval.version import VERSION

_REPORTERS = {"json": json_reporter.render, "text": text_reporter.render}


def register(commands: Any) -> None:
    """Add the `evaluate` command."""
    parser = commands.add_parser("evaluate", help="评查一个或多个案卷")
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="案卷文件、案卷文件夹或 .zip")
    parser.add_argument("--format", choices=sorted(_REPORTERS), default="text", help="输出格式")
    parser.add_argument("--output", type=Path, help="写入此文件（默认输出到标准输出）")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Evaluate every path and write the report; exit 1 if any case could not be evaluated."""
    missing = [p for p in args.paths if not p.exists()]
    if missing:
        for path in missing:
            print(f"casefile-eval: 路径不存在：{path}", file=sys.stderr)
        return 2
    results = [evaluate(path) for path in args.paths]
    report = Report(tool=ToolInfo(version=VERSION), sheet=None, results=results, summary=summarize(results))
    render = _REPORTERS[args.format]
    if args.output:
        with args.output.open("w", encoding="utf-8") as out:
            render(report, out)
    else:
        render(report, sys.stdout)
    return 1 if any(r.status != "ok" for r in results) else 0
