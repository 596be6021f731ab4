"""OCR results cached as small JSON files keyed by the file's sha256, the page and the settings."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from casefile_eval.ocr.engine import INTRA_OP_THREADS, RENDER_DPI
from casefile_eval.ocr.page import OcrPage

# Bump when reading changes in a way that makes cached pages stale.
SETTINGS = f"rapidocr_onnxruntime-1.4.4|ppocrv4|dpi={RENDER_DPI}|threads={INTRA_OP_THREADS}|v20"


def default_cache_dir() -> Path:
    """`$CASEFILE_EVAL_CACHE/ocr` when that variable is set, else `~/.cache/casefile-eval/ocr`."""
    root = os.environ.get("CASEFILE_EVAL_CACHE")
    if root:
        return Path(root) / "ocr"
    return Path.home() / ".cache" / "casefile-eval" / "ocr"


def page_key(file_sha256: str, page: int) -> str:
    """The cache key of one page of one file under the current settings."""
    return hashlib.sha256(f"{file_sha256}|{page}|{SETTINGS}".encode()).hexdigest()


class OcrCache:
    """A directory of cached pages; a missing, unreadable or unwritable cache is simply not used."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> tuple[OcrPage, float] | None:
        """The cached page and its points per pixel, or None."""
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            return OcrPage.from_json(data["page"]), float(data["scale"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, page: OcrPage, scale: float) -> bool:
        """Store a page atomically; False when the directory cannot be written."""
        path = self._path(key)
        payload = json.dumps(
            {"scale": scale, "page": page.to_json()}, ensure_ascii=False, separators=(",", ":")
        )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as tmp:
                tmp.write(payload)
            os.replace(tmp.name, path)
        except OSError:
            return False
        return True
