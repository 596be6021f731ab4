"""`casefile-eval report RESULTS.json --format …`: re-render saved JSON results in another format."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from casefile_eval.errors import ConfigError
from casefile_eval.reporters.base import Header
from casefile_eval.reporters.json import load
from casefile_eval.reporters.output import FORMATS, OutputError, open_writer
from casefile_eval.scoring import Sheet, builtin_sheets, load_sheet


def register(commands: Any) -> None:
    """Add the `report` command."""
    parser = commands.add_parser("report", help="将保存的 JSON 结果重新输出为其他格式")
    parser.add_argument("results", type=Path, metavar="RESULTS.json", help="evaluate --format json 的输出")
    parser.add_argument("--format", choices=list(FORMATS), default="text", help="输出格式（默认 text）")
    parser.add_argument("--output", type=Path, help="写入此文件；多案卷 html 写入此文件夹（默认标准输出）")
    parser.add_argument(
        "--sheet", metavar="NAME_OR_FILE", help="评查表（用于列出人工评查项；默认按结果中的评查表 id）"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Read the saved report and write it again in `--format`."""
    try:
        report = load(args.results.read_text(encoding="utf-8"))
    except OSError as exc:
        print(f"casefile-eval: 无法读取 {args.results}：{exc.strerror or exc}", file=sys.stderr)
        return 2
    except (ValidationError, ValueError) as exc:
        print(
            f"casefile-eval: {args.results} 不是 casefile-eval 的 JSON 结果：{_first_line(exc)}",
            file=sys.stderr,
        )
        return 2
    sheet = _sheet(args.sheet, report.sheet.id if report.sheet else None)
    try:
        with open_writer(
            args.format, args.output, Header.of(report, sheet), many=len(report.results) > 1
        ) as w:
            for result in report.results:
                w.add(result)
            w.close(report.summary)
    except OutputError as exc:
        print(f"casefile-eval: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader of stdout went away (`| head`): stop quietly
        _silence_stdout()
        return 1
    return 0


def _sheet(name: str | None, saved_id: str | None) -> Sheet | None:
    """The sheet asked for, else the built-in sheet the results were scored on (if built in)."""
    if name is not None:
        return load_sheet(name)
    if saved_id in builtin_sheets():
        try:
            return load_sheet(saved_id)
        except ConfigError:
            return None
    return None


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's final flush does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
