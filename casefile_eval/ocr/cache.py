"""OCR results cached as small JSON files keyed by the file's sha256, the page and the settings.

Three layers: what the engine read (lines, the page's turn and skew; keyed by `SETTINGS`), the faint
print and the lines under a grey page's seals read on a second look (`ocr.faint`, `ocr.under_seal`; keyed
by `SETTINGS` and `FAINT`) and the marks found on the page (seals, and the signature ink beside the labels
of those lines; keyed by `SETTINGS`, `FAINT` and `MARKS`). A change in finding seals or judging ink bumps
`MARKS` alone: the pages are rendered again, but not read again; a change in the second look bumps `FAINT`:
the first reading stays.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from casefile_eval.ocr.engine import INTRA_OP_THREADS, RENDER_DPI
from casefile_eval.ocr.page import (
    OcrBox,
    OcrMark,
    OcrPage,
    marks_from_json,
    marks_to_json,
    parts_from_json,
    parts_to_json,
)

# Bump when reading (lines, turn, skew) changes in a way that makes cached pages stale.
SETTINGS = f"rapidocr_onnxruntime-1.4.4|ppocrv4|dpi={RENDER_DPI}|threads={INTRA_OP_THREADS}|v31"
# Bump when finding seals or signature ink (`reading.find_marks`) changes.
MARKS = "d60"
# Bump when the second look (`faint.faint_parts`, `under_seal.under_seal_parts`, `leaders.leader_numbers`)
# changes.
FAINT = "f15"


def default_cache_dir() -> Path:
    """`$CASEFILE_EVAL_CACHE/ocr` when that variable is set, else `~/.cache/casefile-eval/ocr`."""
    root = os.environ.get("CASEFILE_EVAL_CACHE")
    if root:
        return Path(root) / "ocr"
    return Path.home() / ".cache" / "casefile-eval" / "ocr"


def page_key(file_sha256: str, page: int) -> str:
    """The cache key of one page of one file under the current settings."""
    return hashlib.sha256(f"{file_sha256}|{page}|{SETTINGS}".encode()).hexdigest()


def faint_key(file_sha256: str, page: int) -> str:
    """The cache key of the faint print read on one page of one file under the settings."""
    return hashlib.sha256(f"{file_sha256}|{page}|{SETTINGS}|{FAINT}".encode()).hexdigest()


def marks_key(file_sha256: str, page: int) -> str:
    """The cache key of the marks (seals, signature ink) of one page of one file under the settings."""
    return hashlib.sha256(f"{file_sha256}|{page}|{SETTINGS}|{FAINT}|{MARKS}".encode()).hexdigest()


class OcrCache:
    """A directory of cached pages; a missing, unreadable or unwritable cache is simply not used."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> tuple[OcrPage, float] | None:
        """The cached page and its points per pixel, or None."""
        data = self._read(key)
        try:
            return OcrPage.from_json(data["page"]), float(data["scale"])
        except (KeyError, TypeError, ValueError):
            return None

    def put(self, key: str, page: OcrPage, scale: float) -> bool:
        """Store a page atomically; False when the directory cannot be written."""
        return self._write(key, {"scale": scale, "page": page.to_json()})

    def get_faint(self, key: str) -> list[OcrBox] | None:
        """The cached faint print of a page, or None."""
        data = self._read(key)
        try:
            return parts_from_json(data["faint"])
        except (KeyError, TypeError, ValueError):
            return None

    def put_faint(self, key: str, parts: list[OcrBox]) -> bool:
        """Store a page's faint print atomically; False when the directory cannot be written."""
        return self._write(key, {"faint": parts_to_json(parts)})

    def get_marks(self, key: str) -> list[OcrMark] | None:
        """The cached marks of a page, or None."""
        data = self._read(key)
        try:
            return marks_from_json(data["marks"])
        except (KeyError, TypeError, ValueError):
            return None

    def put_marks(self, key: str, marks: list[OcrMark]) -> bool:
        """Store a page's marks atomically; False when the directory cannot be written."""
        return self._write(key, {"marks": marks_to_json(marks)})

    def _read(self, key: str) -> Any:
        try:
            return json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _write(self, key: str, data: dict[str, Any]) -> bool:
        path = self._path(key)
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as tmp:
                tmp.write(payload)
            os.replace(tmp.name, path)
        except OSError:
            return False
        return True
