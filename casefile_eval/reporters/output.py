"""Choosing and opening the writer of a format for a destination (stdout, a file, or a folder)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from casefile_eval.reporters import github, html, json, junit, sarif, text, xlsx
from casefile_eval.reporters.base import Header, Writer

FORMATS: dict[str, Any] = {
    "text": text,
    "json": json,
    "html": html,
    "xlsx": xlsx,
    "sarif": sarif,
    "junit": junit,
    "github": github,
}


class OutputError(Exception):
    """The destination cannot take this format (e.g. xlsx to a terminal)."""


def wants_folder(fmt: str, output: Path | None, many: bool) -> bool:
    """HTML for several cases goes to a folder (index + one page per case) unless a `.html` file is named."""
    return fmt == "html" and output is not None and many and output.suffix.lower() not in {".html", ".htm"}


@contextmanager
def open_writer(fmt: str, output: Path | None, head: Header, many: bool = False) -> Iterator[Writer]:
    """The writer of `fmt` to `output` (stdout if None); files are closed when the block ends."""
    module = FORMATS[fmt]
    if wants_folder(fmt, output, many):
        assert output is not None
        yield html.DirWriter(output, head)
        return
    binary = fmt == "xlsx"
    if output is None:
        if binary and sys.stdout.isatty():
            raise OutputError("xlsx 是二进制文件，请用 --output 指定文件")
        stream: IO[Any] = sys.stdout.buffer if binary else sys.stdout
        yield module.Writer(stream, head)
        stream.flush()
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("wb") if binary else output.open("w", encoding="utf-8") as handle:
        yield module.Writer(handle, head)
