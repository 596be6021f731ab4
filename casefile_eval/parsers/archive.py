"""A case given as a folder or a .zip: list its files in natural name order; extract zips safely."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path, PurePosixPath

from casefile_eval.codes import ErrorCode
from casefile_eval.errors import CaseReadError
from casefile_eval.parsers.common import natural_key, unreadable

MAX_ZIP_ENTRIES = 5000
MAX_ZIP_BYTES = 1024 * 1024 * 1024  # total uncompressed size
MAX_ZIP_RATIO = 200  # uncompressed / compressed, per entry (a zip bomb is far above)
_UTF8_FLAG = 0x800


def case_files(root: Path) -> list[Path]:
    """The files of a case folder, recursively, hidden files and Office lock files (~$…) left out."""
    found: list[Path] = []
    for path in root.rglob("*"):
        rel = path.relative_to(root).parts
        if any(part.startswith((".", "~$", "__MACOSX")) for part in rel):
            continue
        if path.is_file() and not path.is_symlink():
            found.append(path)
    return sorted(found, key=lambda p: [natural_key(part) for part in p.relative_to(root).parts])


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's real name: zipfile decodes names without the UTF-8 flag as CP437; most Chinese
    zips are GBK (GB18030) then."""
    if info.flag_bits & _UTF8_FLAG:
        return info.filename
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return info.filename
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


def extract_zip(path: Path, dest: Path, source: str) -> None:
    """Extract a case zip into `dest`, refusing escapes, links, and bombs."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            _check_limits(infos, source)
            for info in infos:
                _extract_one(zf, info, dest, source)
    except zipfile.BadZipFile as exc:
        raise unreadable(source, "压缩包已损坏") from exc
    except (RuntimeError, NotImplementedError) as exc:
        if "encrypted" in str(exc) or "password" in str(exc):
            raise CaseReadError(ErrorCode.ENCRYPTED, f"{source} 压缩包已加密，请提供未加密的压缩包") from exc
        raise unreadable(source, str(exc)) from exc


def _check_limits(infos: list[zipfile.ZipInfo], source: str) -> None:
    if len(infos) > MAX_ZIP_ENTRIES:
        raise CaseReadError(
            ErrorCode.TOO_LARGE, f"{source} 含 {len(infos)} 个文件，超过 {MAX_ZIP_ENTRIES} 个的上限"
        )
    total = sum(i.file_size for i in infos)
    if total > MAX_ZIP_BYTES:
        raise CaseReadError(
            ErrorCode.TOO_LARGE, f"{source} 解压后共 {total >> 20} MB，超过 {MAX_ZIP_BYTES >> 20} MB 的上限"
        )
    for info in infos:
        if info.file_size > 1024 * 1024 and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
            name = member_name(info)
            message = f"{source} 中的 {name} 压缩比异常（疑似压缩炸弹），已拒绝解压"
            raise CaseReadError(ErrorCode.TOO_LARGE, message)
    if any(i.flag_bits & 0x1 for i in infos):
        raise CaseReadError(ErrorCode.ENCRYPTED, f"{source} 压缩包已加密，请提供未加密的压缩包")


def _extract_one(zf: zipfile.ZipFile, info: zipfile.ZipInfo, dest: Path, source: str) -> None:
    name = member_name(info).replace("\\", "/")
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return
    rel = PurePosixPath(name)
    if rel.is_absolute() or ".." in rel.parts or ":" in (rel.parts[0] if rel.parts else ""):
        raise unreadable(source, f"压缩包内路径不安全：{name}")
    target = dest.joinpath(*rel.parts)
    if info.is_dir() or name.endswith("/"):
        target.mkdir(parents=True, exist_ok=True)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with zf.open(info) as src, target.open("wb") as out:
        while chunk := src.read(1 << 20):
            written += len(chunk)
            if written > info.file_size:
                raise CaseReadError(ErrorCode.TOO_LARGE, f"{source} 中的 {name} 实际大小超过声明，已拒绝解压")
            out.write(chunk)
