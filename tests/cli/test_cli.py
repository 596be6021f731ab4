from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from casefile_eval import api
from casefile_eval.cli import main
from casefile_eval.codes import Defect, DocumentType, Role, Severity
from casefile_eval.results import CaseResult, Finding
from casefile_eval.scoring import Sheet, load_sheet, score_result

CALLS: list[str] = []


def fake_evaluate(path: Path, **kwargs: object) -> CaseResult:
    """Two signature findings per case whose name starts with `poor`, none otherwise."""
    CALLS.append(Path(path).name)
    if Path(path).name.startswith("bad"):
        return api.error_result(str(path), api.ErrorCode.UNREADABLE, "无法读取")
    findings = []
    if Path(path).name.startswith("poor"):
        findings = [
            Finding(
                rule_id="SIG-003",
                defect=Defect.MISSING_SIGNATURE,
                role=Role.PARTY,
                severity=Severity.MAJOR,
                document_type=DocumentType.INQUIRY_RECORD,
                source="03询问笔录.docx",
                page=p,
                message=f"询问笔录第{p}页缺少被询问人签名",
                sheet_item="调查取证.询问笔录",
            )
            for p in (1, 2)
        ]
    sheet = kwargs.get("sheet") or load_sheet("general")
    assert isinstance(sheet, Sheet)
    return score_result(CaseResult(source=str(path), status="ok", findings=findings), sheet)


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(api, "evaluate", fake_evaluate)
    CALLS.clear()
    root = tmp_path / "archive"
    root.mkdir()
    for name in ("good.pdf", "poor.pdf"):
        (root / name).write_bytes(b"x")
    return root


def test_sheet_check_valid(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sheet", "check", "stage-weighted"]) == 0
    assert capsys.readouterr().out == (
        "stage-weighted: 评查表有效：分阶段分要素行政处罚案卷评分表（公开部分）（stage-weighted）\n"
        "  4 个类别，7 个自动评分条目，满分 49 分\n"
        "  否决项 0 个（否决时评为不合格）\n"
        "  人工评查项 2 个（另计 4 分，不计入自动满分）\n"
        "  等级：优秀 ≥90%，良好 ≥80%，合格 ≥60%，不合格 ≥0%\n"
    )


def test_sheet_check_mistake_exits_2_with_file_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\ntitle: T\nsource: S\nveto: sometimes\ngrades: []\n", encoding="utf-8")
    assert main(["sheet", "check", str(bad)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{bad}:4:1: veto: 取值无效，应为：'fail'、'zero'",
        f"{bad}:5:1: grades: 项数太少",
        f"{bad}:1:1: categories: 缺少必填项",
    ]


def test_bad_sheet_stops_before_any_case(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\n  title: [\n", encoding="utf-8")
    assert main(["evaluate", "--batch", str(archive), "--sheet", str(bad)]) == 2
    assert CALLS == []
    assert capsys.readouterr().err.startswith(f"{bad}:2:")


def test_missing_path_and_missing_rules_exit_2(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(archive / "nope.pdf")]) == 2
    assert main(["evaluate", str(archive / "good.pdf"), "--rules", str(archive / "no-rules.yaml")]) == 2
    assert main(["evaluate", "--batch", str(archive / "good.pdf")]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"casefile-eval: 路径不存在：{archive / 'nope.pdf'}",
        f"{archive / 'no-rules.yaml'}:1:1: 规则文件或目录不存在（内置可选规则包：strict）",
        f"casefile-eval: --batch 需要文件夹：{archive / 'good.pdf'}",
    ]
    assert CALLS == []


@pytest.mark.parametrize(("threshold", "status"), [(96, 0), (96.5, 1)])
def test_fail_under(archive: Path, capsys: pytest.CaptureFixture[str], threshold: float, status: int) -> None:
    assert (
        main(["evaluate", "--batch", str(archive), "--fail-under", str(threshold), "--format", "json"])
        == status
    )
    data = json.loads(capsys.readouterr().out)
    assert [r["score"]["total"] for r in data["results"]] == [100.0, 96.0]
    assert capsys.readouterr().err == ""  # no progress bar when stderr is not a terminal


def test_error_case_exits_1(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (archive / "bad.pdf").write_bytes(b"x")
    assert main(["evaluate", "--batch", str(archive), "--format", "github"]) == 1
    assert (
        capsys.readouterr().out.splitlines()[0]
        == f"::error file={archive / 'bad.pdf'},title=无法评查::无法读取（unreadable）"
    )


def test_sheet_option_changes_the_score(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(archive / "poor.pdf"), "--sheet", "beijing-2016", "--format", "json"]) == 0
    score = json.loads(capsys.readouterr().out)["results"][0]["score"]
    assert (score["sheet"], score["total"], score["max"]) == ("beijing-2016", 98.0, 100.0)


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github", "xlsx", "html"])
def test_every_format_to_a_file(archive: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"report.{fmt}"
    assert main(["evaluate", str(archive / "poor.pdf"), "--format", fmt, "--output", str(out)]) == 0
    assert out.is_file()
    assert out.stat().st_size > 0
    if fmt == "xlsx":
        assert load_workbook(out).sheetnames == ["评查得分汇总表", "问题清单", "问题统计"]
    else:
        assert "询问笔录第2页缺少被询问人签名" in out.read_text(encoding="utf-8")


def test_batch_html_writes_a_folder(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "html"
    assert (
        main(["evaluate", "--batch", str(archive), "--format", "html", "--output", str(out), "--jobs", "2"])
        == 0
    )
    assert sorted(p.name for p in out.iterdir()) == ["0001-good.pdf.html", "0002-poor.pdf.html", "index.html"]


def test_report_re_renders_saved_results(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = tmp_path / "results.json"
    assert main(["evaluate", "--batch", str(archive), "--format", "json", "--output", str(saved)]) == 0
    assert main(["report", str(saved), "--format", "xlsx", "--output", str(tmp_path / "r.xlsx")]) == 0
    rows = list(load_workbook(tmp_path / "r.xlsx")["问题清单"].iter_rows(values_only=True))
    assert [r[10] for r in rows[1:]] == ["询问笔录第1页缺少被询问人签名", "询问笔录第2页缺少被询问人签名"]
    assert main(["report", str(saved), "--format", "text"]) == 0
    text = capsys.readouterr().out
    assert "  得分：96/100  等级：优秀\n" in text
    assert text.endswith(
        "需人工评查：执法主体合法、未超越职权；违法事实认定清楚；证据确实充分；定性准确、适用法律正确；处罚裁量适当（无畸轻畸重）\n"
    )


def test_report_rejects_what_is_not_results(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.json"
    junk.write_text('{"hello": 1}', encoding="utf-8")
    assert main(["report", str(junk)]) == 2
    assert capsys.readouterr().err.startswith(f"casefile-eval: {junk} 不是 casefile-eval 的 JSON 结果：")
    assert main(["report", str(tmp_path / "none.json")]) == 2
