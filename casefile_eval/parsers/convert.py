"""Formats read through another tool: Word 97 .doc via LibreOffice, OFD via easyofd when installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from casefile_eval.codes import ErrorCode
from casefile_eval.errors import CaseReadError
from casefile_eval.model import ParsedFile
from casefile_eval.parsers.common import unreadable
from casefile_eval.parsers.docx_parser import parse_docx

SOFFICE_TIMEOUT_S = 60.0
_SOFFICE_NAMES = ("soffice", "libreoffice")


def soffice_path() -> str | None:
    """The LibreOffice executable on PATH, if any."""
    for name in _SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def parse_doc(path: Path, source: str, sha256: str) -> ParsedFile:
    """Convert a Word 97 .doc to .docx with LibreOffice headless and parse that, keeping `source`."""
    soffice = soffice_path()
    if soffice is None:
        raise CaseReadError(
            ErrorCode.UNSUPPORTED_FORMAT, "读取 .doc 文件需要安装 LibreOffice（soffice），本机未找到"
        )
    with tempfile.TemporaryDirectory(prefix="casefile-doc-") as tmp:
        src = Path(tmp) / "in.doc"
        shutil.copyfile(path, src)
        profile = Path(tmp, "profile").as_uri()
        cmd = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx",
            "--outdir",
            tmp,
            str(src),
        ]
        try:
            subprocess.run(cmd, capture_output=True, timeout=SOFFICE_TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired as exc:
            raise CaseReadError(
                ErrorCode.TIMEOUT, f"LibreOffice 转换 {source} 超时（{SOFFICE_TIMEOUT_S:.0f} 秒）"
            ) from exc
        out = Path(tmp) / "in.docx"
        if not out.is_file():
            raise unreadable(source, "LibreOffice 无法转换该 .doc 文件")
        return parse_docx(out, source, sha256, fmt="doc")


def parse_ofd(path: Path, source: str, sha256: str) -> ParsedFile:
    """OFD (GB/T 33190) is not read yet: say what is missing instead of guessing."""
    raise CaseReadError(
        ErrorCode.UNSUPPORTED_FORMAT,
        f"暂不支持读取 OFD 文件（{source}）：需要可离线使用的 OFD 解析组件，请先将其转换为 PDF 后再评查",
    )
