"""Helpers every parser shares: limits, errors, natural name order."""

from __future__ import annotations

import re

from casefile_eval.codes import ErrorCode
from casefile_eval.errors import CaseReadError

MAX_FILE_BYTES = 200 * 1024 * 1024  # one source file
MAX_PAGES = 2000  # pages of one source file
EMU_PER_POINT = 12700

_DIGITS = re.compile(r"(\d+)")


def natural_key(name: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key putting "2" before "10"; other text compares as written (Chinese names sort by code point)."""
    parts = _DIGITS.split(name)
    key: list[tuple[int, int, str]] = []
    for i, part in enumerate(parts):
        if i % 2:
            key.append((0, int(part), part))
        elif part:
            key.append((1, 0, part.casefold()))
    return tuple(key)


def check_pages(count: int, source: str) -> None:
    """Refuse a file with more pages than MAX_PAGES."""
    if count > MAX_PAGES:
        raise CaseReadError(ErrorCode.TOO_LARGE, f"{source} 共 {count} 页，超过单个文件 {MAX_PAGES} 页的上限")


def unreadable(source: str, detail: str) -> CaseReadError:
    """The error for a damaged file."""
    return CaseReadError(ErrorCode.UNREADABLE, f"无法读取 {source}：文件已损坏或格式不正确（{detail}）")


def empty(source: str) -> CaseReadError:
    """The error for a file without content."""
    return CaseReadError(ErrorCode.EMPTY, f"{source} 没有可读取的内容")
