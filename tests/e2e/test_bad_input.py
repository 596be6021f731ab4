"""Bad input gives one clear error result with a contract code, never a traceback; a batch goes on."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document as DocxDocument

import casefile_eval
from casefile_eval.cli import main
from tests.parsers.builders import build_pdf

SAMPLE = Path(__file__).resolve().parents[2] / "fixtures" / "cases" / "urban-2024-summary" / "docx"


def _not_a_case(path: Path) -> Path:
    doc = DocxDocument()
    doc.add_paragraph("会议纪要")
    doc.add_paragraph("今天讨论了食堂菜单和周末团建安排，大家踊跃发言。")
    doc.save(path)
    return path


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _escaping_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("../../evil.txt", "x")
    return path


@pytest.mark.parametrize(
    ("make", "code", "message"),
    [
        (lambda d: _write(d / "zero.pdf", b""), "empty", "zero.pdf 没有可读取的内容"),
        (
            lambda d: _write(d / "junk.pdf", b"not a pdf at all"),
            "unreadable",
            "无法读取 junk.pdf：文件已损坏或格式不正确（文件头与扩展名不符）",
        ),
        (
            lambda d: build_pdf(d / "locked.pdf", encrypt="secret"),
            "encrypted",
            "locked.pdf 已加密（需要密码才能打开），请提供未加密的文件",
        ),
        (
            lambda d: _not_a_case(d / "minutes.docx"),
            "not_a_case",
            "minutes.docx 中未识别出任何行政执法文书（如立案审批表、询问笔录、行政处罚决定书），不是执法案卷",
        ),
        (
            lambda d: _escaping_zip(d / "evil.zip"),
            "unreadable",
            "无法读取 evil.zip：文件已损坏或格式不正确（压缩包内路径不安全：../../evil.txt）",
        ),
        (lambda d: d / "missing.pdf", "not_found", None),  # the message names the full tmp path
    ],
    ids=["empty", "corrupt", "encrypted", "not-a-case", "path-escape-zip", "missing"],
)
def test_bad_input_is_an_error_result(tmp_path: Path, make: object, code: str, message: str | None) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    result = casefile_eval.evaluate(path)
    assert result.status == "error"
    assert result.error is not None
    assert result.error.code == code
    if message is not None:
        assert result.error.message == message
    assert (result.case, result.documents, result.findings, result.score) == (None, None, None, None)


def test_batch_reports_bad_cases_and_finishes_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    shutil.copytree(SAMPLE, archive / "a-good")
    (archive / "b-corrupt.pdf").write_bytes(b"%PDF-1.4 broken")
    _not_a_case(archive / "c-minutes.docx")
    shutil.copytree(SAMPLE, archive / "d-good")
    status = main(["evaluate", str(archive), "--batch", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert status == 1
    assert [(Path(r["source"]).name, r["status"]) for r in report["results"]] == [
        ("a-good", "ok"),
        ("b-corrupt.pdf", "error"),
        ("c-minutes.docx", "error"),
        ("d-good", "ok"),
    ]
    assert [r["error"]["code"] for r in report["results"] if r["error"]] == ["unreadable", "not_a_case"]
    assert report["summary"]["cases"] == 4
    assert report["summary"]["evaluated"] == 2
    assert report["summary"]["errors"] == 2
