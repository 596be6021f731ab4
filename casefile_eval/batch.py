"""Evaluating many cases: worker processes, a time limit per case, results streamed in input order.

One bad case never stops the others: every case yields a `CaseResult`, an error result if need be.
"""

from __future__ import annotations

import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from casefile_eval import api
from casefile_eval.codes import ErrorCode
from casefile_eval.results import CaseResult
from casefile_eval.scoring import Sheet

DEFAULT_TIMEOUT = 300.0


@dataclass(frozen=True)
class BatchOptions:
    """How to evaluate: the sheet, extra rule files, worker processes and the per-case time limit."""

    sheet: Sheet | None = None
    rules: tuple[Path, ...] = field(default_factory=tuple)
    jobs: int = 1
    timeout: float | None = DEFAULT_TIMEOUT


def expand_archives(archives: Iterable[Path]) -> list[Path]:
    """Every direct child (file or folder) of each archive, sorted by name; hidden entries skipped."""
    cases: list[Path] = []
    for archive in archives:
        children = [p for p in archive.iterdir() if not p.name.startswith(".")]
        cases.extend(sorted(children, key=lambda p: p.name))
    return cases


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


def evaluate_one(path: Path, options: BatchOptions) -> CaseResult:
    """Evaluate one case within the time limit, then score it on the sheet; never raises."""
    use_alarm = options.timeout is not None and hasattr(signal, "setitimer")
    previous: Any = None
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, options.timeout or 0.0)
    try:
        return api.evaluate(path, rules=options.rules, sheet=options.sheet)
    except _Timeout:
        return api.error_result(str(path), ErrorCode.TIMEOUT, f"评查超时：超过 {options.timeout:g} 秒")
    except Exception as exc:  # a bug in one case must not stop the batch
        return api.error_result(str(path), ErrorCode.INTERNAL, f"内部错误：{type(exc).__name__}: {exc}")
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def evaluate_many(
    paths: list[Path], options: BatchOptions, on_done: Callable[[CaseResult], None] | None = None
) -> Iterator[CaseResult]:
    """Results of every case in the order given, streamed: at most a few cases per worker are in flight."""
    jobs = max(1, options.jobs)
    if jobs == 1 or len(paths) <= 1:
        results: Iterator[CaseResult] = (evaluate_one(path, options) for path in paths)
    else:
        results = _Runner(jobs, options).run(paths)
    for result in results:
        if on_done:
            on_done(result)
        yield result


class _Runner:
    """A process pool fed a bounded window of cases.

    A worker that dies (a crash, the kernel's out-of-memory killer) breaks the whole pool; then the cases
    that were in flight are run again one by one, each in a fresh process, so that only the case that
    kills its process is reported as an error, and the pool is started anew for the rest.
    """

    def __init__(self, jobs: int, options: BatchOptions) -> None:
        self._jobs = jobs
        self._options = options
        self._pool = ProcessPoolExecutor(max_workers=jobs)
        self._pending: deque[tuple[Path, Future[CaseResult]]] = deque()

    def run(self, paths: list[Path]) -> Iterator[CaseResult]:
        """Results in the order of `paths`."""
        try:
            for path in paths:
                self._pending.append((path, self._pool.submit(evaluate_one, path, self._options)))
                while len(self._pending) >= self._jobs * 4:
                    yield from self._next()
            while self._pending:
                yield from self._next()
        finally:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def _next(self) -> Iterator[CaseResult]:
        path, future = self._pending[0]
        try:
            result = future.result()
        except BrokenProcessPool:
            in_flight = [p for p, _ in self._pending]
            self._pending.clear()
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = ProcessPoolExecutor(max_workers=self._jobs)
            for suspect in in_flight:
                yield _isolated(suspect, self._options)
            return
        except Exception as exc:
            result = api.error_result(str(path), ErrorCode.INTERNAL, f"内部错误：{type(exc).__name__}: {exc}")
        self._pending.popleft()
        yield result


def _isolated(path: Path, options: BatchOptions) -> CaseResult:
    """One case in a process of its own; if the process dies, an error result."""
    with ProcessPoolExecutor(max_workers=1) as pool:
        try:
            return pool.submit(evaluate_one, path, options).result()
        except BrokenProcessPool:
            return api.error_result(str(path), ErrorCode.INTERNAL, "评查进程异常退出（内存不足或程序崩溃）")
