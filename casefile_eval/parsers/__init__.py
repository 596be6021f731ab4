"""Read a case file from disk: one file, a folder of files, or a .zip, into `ParsedFile`s.

`parse_path` is the stage's entry point. Every format has its own module; this one checks the
path, sniffs the real format, and puts a folder's files in natural name order; a folder of page images
only is one scanned volume (`volume`).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from casefile_eval.codes import ErrorCode
from casefile_eval.errors import CaseReadError
from casefile_eval.files import sha256_of
from casefile_eval.model import ParsedFile
from casefile_eval.ocr import apply_ocr
from casefile_eval.ocr.handwriting import read_inked_dates
from casefile_eval.parsers.archive import case_files, extract_zip
from casefile_eval.parsers.common import MAX_FILE_BYTES, empty, unreadable
from casefile_eval.parsers.convert import parse_doc, parse_ofd
from casefile_eval.parsers.docx_parser import parse_docx
from casefile_eval.parsers.pdf_parser import parse_pdf
from casefile_eval.parsers.simple import parse_image, parse_txt
from casefile_eval.parsers.sniff import SUFFIX_FORMATS, sniff
from casefile_eval.parsers.volume import as_volume, is_image_folder

__all__ = ["parse_file", "parse_path"]

Parser = Callable[[Path, str, str], ParsedFile]
_PARSERS: dict[str, Parser] = {
    "pdf": parse_pdf,
    "docx": parse_docx,
    "doc": parse_doc,
    "ofd": parse_ofd,
    "image": parse_image,
    "txt": parse_txt,
}
_JUNK = {"thumbs.db", "desktop.ini"}


def parse_path(path: Path, *, ocr: bool = True) -> list[ParsedFile]:
    """Read one case: a file, a folder of the case's files, or a .zip of them.

    Pages without a usable text layer are read by OCR while their file is at hand, unless `ocr` is
    False (they then stay marked `needs_ocr`).

    Returns one `ParsedFile` per source file in case order. In a folder, a file that cannot be read
    is kept in its place as a `ParsedFile` without content and with a warning; `CaseReadError` is
    raised only when nothing at all can be read, or for a single bad file.
    """
    path = Path(path)
    if not path.exists():
        raise CaseReadError(ErrorCode.NOT_FOUND, f"找不到案卷：{path}")
    if path.is_dir():
        return _parse_folder(path, path.name, ocr)
    if (
        SUFFIX_FORMATS.get(path.suffix.lower()) == "zip"
        and _check_size(path, path.name)
        and (sniff(path, path.name) == "zip")
    ):
        with tempfile.TemporaryDirectory(prefix="casefile-zip-") as tmp:
            extract_zip(path, Path(tmp), path.name)
            return _parse_folder(Path(tmp), path.name, ocr)
    return [parse_file(path, path.name, ocr=ocr)]


def parse_file(path: Path, source: str, *, ocr: bool = True) -> ParsedFile:
    """Read one source file; `source` is the name reported for it (relative to the case root)."""
    _check_size(path, source)
    fmt = sniff(path, source)
    if fmt == "zip":
        raise CaseReadError(ErrorCode.UNSUPPORTED_FORMAT, f"{source} 是压缩包：案卷文件夹中不支持嵌套压缩包")
    sha256 = sha256_of(path)
    try:
        parsed = _PARSERS[fmt](path, source, sha256)
    except CaseReadError:
        raise
    except MemoryError as exc:
        raise CaseReadError(ErrorCode.TOO_LARGE, f"{source} 过大，内存不足以读取") from exc
    except Exception as exc:  # a library failing on malformed input: report, never a traceback
        raise unreadable(source, f"{type(exc).__name__}: {exc}") from exc
    if ocr and any(page.needs_ocr for page in parsed.pages):
        parsed = apply_ocr(parsed, path)
    return read_inked_dates(parsed, path) if ocr else parsed


def _check_size(path: Path, source: str) -> bool:
    size = path.stat().st_size
    if size == 0:
        raise empty(source)
    if size > MAX_FILE_BYTES:
        raise CaseReadError(
            ErrorCode.TOO_LARGE,
            f"{source} 大小 {size >> 20} MB，超过单个文件 {MAX_FILE_BYTES >> 20} MB 的上限",
        )
    return True


def _parse_folder(root: Path, name: str, ocr: bool) -> list[ParsedFile]:
    files = [p for p in case_files(root) if p.name.lower() not in _JUNK]
    if not files:
        raise CaseReadError(ErrorCode.EMPTY, f"案卷 {name} 中没有文件")
    parsed: list[ParsedFile] = []
    errors: list[CaseReadError] = []
    for file in files:
        source = file.relative_to(root).as_posix()
        try:
            parsed.append(parse_file(file, source, ocr=ocr))
        except CaseReadError as exc:
            errors.append(exc)
            parsed.append(_failed(file, source, exc))
    if len(errors) == len(files):
        codes = {e.code for e in errors}
        code = codes.pop() if len(codes) == 1 else ErrorCode.UNREADABLE
        detail = "；".join(e.message for e in errors[:5])
        raise CaseReadError(code, f"案卷 {name} 中没有可读取的文件：{detail}")
    return [as_volume(parsed, name)] if is_image_folder(parsed) else parsed


def _failed(file: Path, source: str, exc: CaseReadError) -> ParsedFile:
    """A placeholder for a file that could not be read, so the rest of the case still reads."""
    fmt = SUFFIX_FORMATS.get(file.suffix.lower(), file.suffix.lower().lstrip(".") or "unknown")
    try:
        digest = sha256_of(file)
    except OSError:
        digest = ""
    return ParsedFile(source=source, format=fmt, sha256=digest, warnings=[f"{source}：{exc.message}"])
