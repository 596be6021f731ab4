from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from casefile_eval import api
from casefile_eval.batch import BatchOptions, evaluate_many, expand_archives
from casefile_eval.cli import main
from casefile_eval.codes import ErrorCode
from casefile_eval.results import CaseResult
from casefile_eval.scoring import Sheet, load_sheet, score_result

DECISION = "fixtures/cases/agri-2023-pesticide/docx/12农业行政处罚决定书.docx"


def fake_evaluate(path: Path, **kwargs: object) -> CaseResult:
    """A stand-in for the reading pipeline: behaviour chosen by the case's name."""
    name = Path(path).name
    if name.startswith("slow"):
        time.sleep(5)
    if name.startswith("bug"):
        raise RuntimeError("boom")
    if name.startswith("crash"):
        os._exit(3)
    if name.startswith("bad"):
        return api.error_result(str(path), ErrorCode.UNREADABLE, "无法读取")
    sheet = kwargs.get("sheet") or load_sheet("general")
    assert isinstance(sheet, Sheet)
    return score_result(CaseResult(source=str(path), status="ok", findings=[]), sheet)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api, "evaluate", fake_evaluate)


def make_archive(root: Path, names: list[str]) -> Path:
    root.mkdir()
    for name in names:
        (root / name).write_bytes(b"x")
    return root


def test_expand_archives_sorted_direct_children(tmp_path: Path) -> None:
    a = make_archive(tmp_path / "a", ["b.pdf", "a.docx", ".hidden"])
    (a / "c-folder").mkdir()
    (a / "c-folder" / "inner.pdf").write_bytes(b"x")
    b = make_archive(tmp_path / "b", ["z.pdf"])
    assert [p.relative_to(tmp_path).as_posix() for p in expand_archives([a, b])] == [
        "a/a.docx",
        "a/b.pdf",
        "a/c-folder",
        "b/z.pdf",
    ]


@pytest.mark.parametrize("jobs", [1, 2])
def test_order_kept_and_bad_cases_do_not_stop_others(fake: None, tmp_path: Path, jobs: int) -> None:
    names = ["c1.pdf", "bad1.pdf", "c2.pdf", "bug.pdf", "c3.pdf", "c4.pdf", "c5.pdf"]
    archive = make_archive(tmp_path / "arc", names)
    results = list(
        evaluate_many(expand_archives([archive]), BatchOptions(sheet=load_sheet("general"), jobs=jobs))
    )
    assert [(Path(r.source).name, r.status, r.error.code.value if r.error else None) for r in results] == [
        ("bad1.pdf", "error", "unreadable"),
        ("bug.pdf", "error", "internal"),
        ("c1.pdf", "ok", None),
        ("c2.pdf", "ok", None),
        ("c3.pdf", "ok", None),
        ("c4.pdf", "ok", None),
        ("c5.pdf", "ok", None),
    ]
    assert results[1].error is not None
    assert results[1].error.message == "内部错误：RuntimeError: boom"
    assert all(r.score is not None and r.score.total == 100.0 for r in results if r.status == "ok")


@pytest.mark.parametrize("jobs", [1, 2])
def test_timeout_gives_a_timeout_error(fake: None, tmp_path: Path, jobs: int) -> None:
    archive = make_archive(tmp_path / "arc", ["a.pdf", "slow.pdf", "z.pdf"])
    started = time.monotonic()
    results = list(evaluate_many(expand_archives([archive]), BatchOptions(jobs=jobs, timeout=0.3)))
    assert time.monotonic() - started < 4
    assert [r.status for r in results] == ["ok", "error", "ok"]
    assert results[1].error is not None
    assert (results[1].error.code, results[1].error.message) == (ErrorCode.TIMEOUT, "评查超时：超过 0.3 秒")


def test_a_dying_worker_only_fails_its_own_case(fake: None, tmp_path: Path) -> None:
    archive = make_archive(tmp_path / "arc", ["a.pdf", "b.pdf", "crash.pdf", "d.pdf", "e.pdf"])
    results = list(evaluate_many(expand_archives([archive]), BatchOptions(jobs=2)))
    assert [(Path(r.source).name, r.status) for r in results] == [
        ("a.pdf", "ok"),
        ("b.pdf", "ok"),
        ("crash.pdf", "error"),
        ("d.pdf", "ok"),
        ("e.pdf", "ok"),
    ]
    assert results[2].error is not None
    assert results[2].error.code is ErrorCode.INTERNAL


def test_progress_callback_sees_every_result(fake: None, tmp_path: Path) -> None:
    archive = make_archive(tmp_path / "arc", ["a.pdf", "b.pdf", "c.pdf"])
    seen: list[str] = []
    list(
        evaluate_many(
            expand_archives([archive]), BatchOptions(), on_done=lambda r: seen.append(Path(r.source).name)
        )
    )
    assert seen == ["a.pdf", "b.pdf", "c.pdf"]


def test_real_batch_of_ten_with_two_corrupt_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fixtures_dir: Path
) -> None:
    """The real reading pipeline: eight copies of one decision (a lone decision is a partial case)."""
    source = fixtures_dir.parent / DECISION
    if not source.is_file():
        pytest.skip("fixture cases not generated")
    archive = tmp_path / "archive"
    archive.mkdir()
    for n in range(8):
        shutil.copy(source, archive / f"case{n}.docx")
    (archive / "broken.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    (archive / "broken.docx").write_bytes(b"PK\x03\x04 this is not a zip archive")
    status = main(["evaluate", "--batch", str(archive), "--jobs", "2", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert status == 1
    assert [Path(r["source"]).name for r in data["results"]] == sorted(p.name for p in archive.iterdir())
    assert [(Path(r["source"]).name, r["status"]) for r in data["results"] if r["status"] != "ok"] == [
        ("broken.docx", "error"),
        ("broken.pdf", "error"),
    ]
    assert {r["error"]["code"] for r in data["results"] if r["error"]} <= {"unreadable", "unsupported_format"}
    assert (data["summary"]["cases"], data["summary"]["evaluated"], data["summary"]["errors"]) == (10, 8, 2)
