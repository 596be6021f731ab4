"""Decide a file's real format from its first bytes, with the suffix as a tie-breaker."""

from __future__ import annotations

import zipfile
from pathlib import Path

from casefile_eval.codes import ErrorCode
from casefile_eval.errors import CaseReadError
from casefile_eval.parsers.common import unreadable

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff"}
SUFFIX_FORMATS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".docm": "docx",
    ".doc": "doc",
    ".wps": "doc",
    ".ofd": "ofd",
    ".txt": "txt",
    ".zip": "zip",
    **dict.fromkeys(IMAGE_SUFFIXES, "image"),
}
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*")
_MARKUP = (b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")


def sniff(path: Path, source: str) -> str:
    """The format to parse `path` as: pdf, docx, doc, ofd, image, txt or zip.

    Raises `CaseReadError` for an unknown suffix, an encrypted Office file, or bytes that are
    plainly not what the suffix claims (an HTML page saved as .pdf).
    """
    claimed = SUFFIX_FORMATS.get(path.suffix.lower())
    if claimed is None:
        raise CaseReadError(
            ErrorCode.UNSUPPORTED_FORMAT,
            f"不支持的文件类型：{source}（支持 .pdf .docx .doc .ofd .jpg .png .tif .txt .zip）",
        )
    with path.open("rb") as fh:
        head = fh.read(1024)
    if claimed == "txt":
        return "txt"
    if head.startswith(OLE_MAGIC):
        return _ole(claimed, source)
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(_IMAGE_MAGIC):
        return "image"
    if claimed == "doc" and head.startswith(b"{\\rtf"):
        return "doc"
    if head.startswith(b"PK"):
        return _zip_kind(path, claimed, source)
    if head.lstrip().lower().startswith(_MARKUP):
        raise unreadable(source, "文件内容是网页或 XML，不是所标示的格式")
    raise unreadable(source, "文件头与扩展名不符")


def _ole(claimed: str, source: str) -> str:
    """An OLE compound file: a Word 97 document, or an encrypted OOXML package."""
    if claimed == "doc":
        return "doc"
    if claimed == "docx":
        raise CaseReadError(ErrorCode.ENCRYPTED, f"{source} 已加密（设置了打开密码），请提供未加密的文件")
    raise unreadable(source, "文件是 Office 97 复合文档，与扩展名不符")


def _zip_kind(path: Path, claimed: str, source: str) -> str:
    """A zip container: .docx, .ofd or an archive of a case, told apart by its members."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = {n.lower() for n in zf.namelist()}
    except zipfile.BadZipFile as exc:
        raise unreadable(source, "压缩包已损坏") from exc
    if "[content_types].xml" in names and any(n.startswith("word/") for n in names):
        return "docx"
    if "ofd.xml" in names:
        return "ofd"
    if claimed in ("docx", "ofd"):
        raise unreadable(source, f"不是有效的 .{claimed} 文件")
    return "zip"
