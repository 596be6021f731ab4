"""`casefile-eval evaluate PATH …`: evaluate case files, or with `--batch` every case in archives."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from casefile_eval.api import ruleset_for
from casefile_eval.batch import DEFAULT_TIMEOUT, BatchOptions, evaluate_many, expand_archives
from casefile_eval.reporters.base import Header
from casefile_eval.reporters.output import FORMATS, OutputError, open_writer
from casefile_eval.results import CaseResult, SheetInfo, ToolInfo
from casefile_eval.scoring import load_sheet
from casefile_eval.summary import SummaryCounter
from casefile_eval.version import VERSION


def register(commands: Any) -> None:
    """Add the `evaluate` command."""
    parser = commands.add_parser("evaluate", help="评查一个或多个案卷")
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="案卷文件、案卷文件夹或 .zip")
    parser.add_argument("--batch", action="store_true", help="每个 PATH 是一个案卷库，其下每一项是一个案卷")
    parser.add_argument("--format", choices=list(FORMATS), default="text", help="输出格式（默认 text）")
    parser.add_argument("--output", type=Path, help="写入此文件；批量 html 写入此文件夹（默认标准输出）")
    parser.add_argument(
        "--rules", type=Path, nargs="+", default=[], metavar="PATH", help="附加的规则文件或规则包"
    )
    parser.add_argument(
        "--sheet", default="general", metavar="NAME_OR_FILE", help="内置评查表名称或 YAML 文件"
    )
    parser.add_argument("--jobs", type=_positive_int, default=1, metavar="N", help="并行进程数（默认 1）")
    parser.add_argument("--fail-under", type=float, metavar="SCORE", help="有案卷得分低于此分数时退出码为 1")
    parser.add_argument(
        "--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS", help="单个案卷的评查时限（秒）"
    )
    parser.set_defaults(run=run)


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("须为正整数")
    return value


def run(args: argparse.Namespace) -> int:
    """Evaluate, stream the report, and return the exit status of the contract."""
    cases = _cases(args)
    if cases is None:
        return 2
    sheet = load_sheet(args.sheet)
    ruleset_for(tuple(args.rules))  # a bad rule file stops here, before any case is read
    options = BatchOptions(sheet=sheet, rules=tuple(args.rules), jobs=args.jobs, timeout=args.timeout)
    head = Header(
        tool=ToolInfo(version=VERSION), sheet=SheetInfo(id=sheet.id, title=sheet.title), sheet_def=sheet
    )
    counter = SummaryCounter()
    below = False
    progress = Progress(len(cases), sys.stderr)
    try:
        with open_writer(args.format, args.output, head, many=args.batch or len(cases) > 1) as writer:
            for result in evaluate_many(cases, options, on_done=progress.step):
                writer.add(result)
                counter.add(result)
                below = below or _below(result, args.fail_under)
            writer.close(counter.summary())
    except OutputError as exc:
        print(f"casefile-eval: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader of stdout went away (`| head`): stop quietly
        _silence_stdout()
        return 1
    finally:
        progress.done()
    return 1 if counter.errors or below else 0


def _cases(args: argparse.Namespace) -> list[Path] | None:
    """The cases to evaluate, or None after printing why the paths are unusable."""
    problems = [f"路径不存在：{p}" for p in args.paths if not p.exists()]  # rule paths: checked by the loader
    if args.batch:
        problems += [f"--batch 需要文件夹：{p}" for p in args.paths if p.exists() and not p.is_dir()]
    if args.timeout is not None and args.timeout <= 0:
        problems.append("--timeout 须大于 0")
    for problem in problems:
        print(f"casefile-eval: {problem}", file=sys.stderr)
    if problems:
        return None
    return expand_archives(args.paths) if args.batch else list(args.paths)


def _below(result: CaseResult, fail_under: float | None) -> bool:
    return fail_under is not None and result.score is not None and result.score.total < fail_under


class Progress:
    """`评查 12/100 [#####     ]` on stderr, only when stderr is a terminal."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self._total = total
        self._stream = stream
        self._done = 0
        self._started = time.monotonic()
        self._enabled = stream.isatty() and total > 1

    def step(self, result: CaseResult) -> None:
        """One more case finished."""
        self._done += 1
        if not self._enabled:
            return
        width = 30
        filled = width * self._done // self._total
        elapsed = time.monotonic() - self._started
        bar = "#" * filled + " " * (width - filled)
        self._stream.write(f"\r评查 {self._done}/{self._total} [{bar}] {elapsed:.0f}s")
        self._stream.flush()

    def done(self) -> None:
        """End the progress line."""
        if self._enabled and self._done:
            self._stream.write("\n")
            self._stream.flush()


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's final flush does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
