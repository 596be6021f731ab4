from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from casefile_eval.codes import ErrorCode
from casefile_eval.errors import CaseReadError
from casefile_eval.model import BlockKind, ImageKind
from casefile_eval.parsers import archive, parse_path
from casefile_eval.parsers.imageclass import classify_bytes
from casefile_eval.parsers.sniff import OLE_MAGIC

from .builders import photo_png, seal_png, signature_png


def _code(path: Path) -> ErrorCode:
    with pytest.raises(CaseReadError) as err:
        parse_path(path, ocr=False)
    assert err.value.message  # a Chinese sentence, never empty
    return err.value.code


def test_missing_empty_unknown(tmp_path: Path) -> None:
    assert _code(tmp_path / "nope.pdf") == ErrorCode.NOT_FOUND
    (tmp_path / "zero.docx").write_bytes(b"")
    assert _code(tmp_path / "zero.docx") == ErrorCode.EMPTY
    (tmp_path / "a.xyz").write_bytes(b"abc")
    assert _code(tmp_path / "a.xyz") == ErrorCode.UNSUPPORTED_FORMAT
    (tmp_path / "empty_dir").mkdir()
    assert _code(tmp_path / "empty_dir") == ErrorCode.EMPTY


def test_ole_docx_is_encrypted(tmp_path: Path) -> None:
    (tmp_path / "locked.docx").write_bytes(OLE_MAGIC + b"\0" * 600)
    assert _code(tmp_path / "locked.docx") == ErrorCode.ENCRYPTED


def test_corrupt_zip_and_docx(tmp_path: Path) -> None:
    (tmp_path / "case.zip").write_bytes(b"PK\x03\x04" + b"garbage" * 20)
    assert _code(tmp_path / "case.zip") == ErrorCode.UNREADABLE
    (tmp_path / "bad.docx").write_bytes(b"PK\x03\x04" + b"garbage" * 20)
    assert _code(tmp_path / "bad.docx") == ErrorCode.UNREADABLE


def test_doc_without_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("casefile_eval.parsers.convert.shutil.which", lambda name: None)
    (tmp_path / "old.doc").write_bytes(OLE_MAGIC + b"\0" * 600)
    with pytest.raises(CaseReadError) as err:
        parse_path(tmp_path / "old.doc", ocr=False)
    assert err.value.code == ErrorCode.UNSUPPORTED_FORMAT
    assert err.value.message == "读取 .doc 文件需要安装 LibreOffice（soffice），本机未找到"


def test_txt_utf8_and_gb18030(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("行政处罚决定书\n\n  市监罚〔2024〕1号 \n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes("告知书\r\n当事人：李四\r\n".encode("gb18030"))
    [a] = parse_path(tmp_path / "a.txt", ocr=False)
    [b] = parse_path(tmp_path / "b.txt", ocr=False)
    assert [(x.kind, x.text, x.page) for x in a.blocks] == [
        (BlockKind.LINE, "行政处罚决定书", None),
        (BlockKind.LINE, "市监罚〔2024〕1号", None),
    ]
    assert [x.text for x in b.blocks] == ["告知书", "当事人：李四"]
    assert (a.format, a.pages) == ("txt", [])


def test_multi_page_tiff(tmp_path: Path) -> None:
    frames = [Image.new("L", (850, 1100), 255), Image.new("L", (850, 1100), 200)]
    frames[0].save(tmp_path / "scan.tif", save_all=True, append_images=frames[1:], dpi=(100, 100))
    [pf] = parse_path(tmp_path / "scan.tif", ocr=False)
    got = [(p.number, p.width, p.height, p.needs_ocr, p.ocr_reason) for p in pf.pages]
    assert got == [(1, 612.0, 792.0, True, "image"), (2, 612.0, 792.0, True, "image")]
    assert (pf.format, pf.blocks) == ("image", [])


def test_folder_natural_order_and_bad_file(tmp_path: Path) -> None:
    case = tmp_path / "案卷"
    (case / "sub").mkdir(parents=True)
    (case / "10送达回证.txt").write_text("送达回证", encoding="utf-8")
    (case / "2告知书.txt").write_text("告知书", encoding="utf-8")
    (case / "sub" / "1附件.txt").write_text("附件", encoding="utf-8")
    (case / "3坏文件.pdf").write_bytes(b"not a pdf at all")
    (case / "~$告知书.docx").write_bytes(b"lock")
    (case / ".hidden.txt").write_text("x", encoding="utf-8")
    files = parse_path(case, ocr=False)
    assert [f.source for f in files] == ["2告知书.txt", "3坏文件.pdf", "10送达回证.txt", "sub/1附件.txt"]
    bad = files[1]
    assert (bad.blocks, bad.format) == ([], "pdf")
    assert bad.warnings == ["3坏文件.pdf：无法读取 3坏文件.pdf：文件已损坏或格式不正确（文件头与扩展名不符）"]
    assert [f.blocks[0].text for f in files if f.blocks] == ["告知书", "送达回证", "附件"]


def test_folder_with_nothing_readable(tmp_path: Path) -> None:
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.pdf").write_bytes(b"junk")
    (tmp_path / "c" / "b.pdf").write_bytes(b"junk")
    assert _code(tmp_path / "c") == ErrorCode.UNREADABLE


def _zip_with(path: Path, members: list[tuple[bytes, bytes]]) -> Path:
    """Write a zip whose member names are the given raw bytes with the UTF-8 flag unset (as
    Windows tools write GBK names)."""
    placeholders = [(f"{i:0{len(raw)}d}".encode(), raw) for i, (raw, _) in enumerate(members)]
    with zipfile.ZipFile(path, "w") as zf:
        for (placeholder, _), (_, data) in zip(placeholders, members, strict=True):
            zf.writestr(placeholder.decode(), data)
    blob = path.read_bytes()
    for placeholder, raw in placeholders:
        blob = blob.replace(placeholder, raw)
    path.write_bytes(blob)
    return path


def test_zip_with_gbk_names(tmp_path: Path) -> None:
    path = _zip_with(
        tmp_path / "case.zip",
        [("卷/1立案审批表.txt".encode("gbk"), "立案审批表".encode()), ("卷/2决定书.txt".encode("gbk"), b"x")],
    )
    files = parse_path(path, ocr=False)
    assert [f.source for f in files] == ["卷/1立案审批表.txt", "卷/2决定书.txt"]
    assert files[0].blocks[0].text == "立案审批表"


def test_zip_slip_refused(tmp_path: Path) -> None:
    path = _zip_with(tmp_path / "evil.zip", [(b"../../escape.txt", b"x")])
    assert _code(path) == ErrorCode.UNREADABLE
    assert not (tmp_path / "escape.txt").exists()


def test_zip_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.txt", b"0" * (3 * 1024 * 1024))
    assert _code(bomb) == ErrorCode.TOO_LARGE  # ratio far over the limit
    many = _zip_with(tmp_path / "many.zip", [(f"{i}.txt".encode(), b"x") for i in range(5)])
    monkeypatch.setattr(archive, "MAX_ZIP_ENTRIES", 4)
    assert _code(many) == ErrorCode.TOO_LARGE


def test_image_classes() -> None:
    seal = classify_bytes(seal_png(), (120.0, 120.0))
    small_red = classify_bytes(seal_png(), (40.0, 40.0))  # a 名章 or a fingerprint
    sign = classify_bytes(signature_png(), (90.0, 30.0))
    photo = classify_bytes(photo_png(), (200.0, 150.0))
    assert [seal.kind, small_red.kind, sign.kind, photo.kind] == [
        ImageKind.SEAL,
        ImageKind.SIGNATURE,
        ImageKind.SIGNATURE,
        ImageKind.PHOTO,
    ]
    assert classify_bytes(b"not an image").kind == ImageKind.UNKNOWN
    buf = io.BytesIO()
    Image.new("RGB", (50, 50), "white").save(buf, "PNG")
    assert classify_bytes(buf.getvalue()).kind == ImageKind.UNKNOWN  # blank
