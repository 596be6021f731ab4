from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
from openpyxl import load_workbook

from casefile_eval.reporters import github, html, junit, sarif, text, xlsx
from casefile_eval.reporters import json as json_reporter
from casefile_eval.results import Report
from casefile_eval.scoring import Sheet

HERE = Path(__file__).parent


def rendered(module: object, report: Report, sheet: Sheet | None) -> str:
    out = io.StringIO()
    module.render(report, out, sheet)  # type: ignore[attr-defined]
    return out.getvalue()


def test_json_is_the_contract_and_round_trips(report: Report, sheet: Sheet) -> None:
    out = rendered(json_reporter, report, sheet)
    data = json.loads(out)
    assert list(data) == ["schema_version", "tool", "sheet", "results", "summary"]
    assert data["schema_version"] == 1
    assert data["sheet"] == {"id": "general", "title": "通用行政处罚案卷评查表（casefile-eval 默认）"}
    assert data["results"][0]["findings"][0]["deduction"] == 2.0
    assert data["results"][0]["score"]["total"] == 95.0
    assert data["results"][1]["error"] == {"code": "encrypted", "message": "PDF 文件已加密"}
    assert data["summary"] == {
        "cases": 2,
        "evaluated": 1,
        "errors": 1,
        "mean_score": 95.0,
        "grades": {"excellent": 1},
        "defects": {"missing_date": 1, "missing_signature": 1, "remedy_notice_error": 1},
    }
    assert json_reporter.load(out) == report
    assert json.loads(out) == json.loads(report.model_dump_json())


def test_json_of_no_results_is_valid() -> None:
    from casefile_eval.results import Summary, ToolInfo

    empty = Report(
        tool=ToolInfo(version="0.1.0"),
        sheet=None,
        results=[],
        summary=Summary(cases=0, evaluated=0, errors=0, mean_score=None),
    )
    assert json.loads(rendered(json_reporter, empty, None))["results"] == []


def test_text(report: Report, sheet: Sheet) -> None:
    assert rendered(text, report, sheet) == (
        "评查表：通用行政处罚案卷评查表（casefile-eval 默认）（general）\n\n"
        "== archive/2024-017\n"
        "  案号：芙执罚决字〔2024〕12号\n"
        "  当事人：长沙市某某餐饮有限公司\n"
        "  执法机关：长沙市芙蓉区行政执法局\n"
        "  罚款：5000 元\n"
        "  日期：立案 2024-03-04，告知 2024-04-02，决定 2024-04-15\n"
        "  文书 1 份：\n"
        "    - 询问笔录 [inquiry_record] 03询问笔录.docx 第3-4页\n"
        "  得分：95/100  等级：优秀\n"
        "    询问（调查）笔录：扣 2 分，得 6/8\n"
        "    行政处罚决定书：扣 2 分，得 14/16\n"
        "    送达：扣 1 分，得 7/8\n"
        "  ✗ [SIG-003] 询问笔录第2页缺少被询问人签名 −2分 —— 03询问笔录.docx 第4页\n"
        "  ✗ [REM-001] 决定书未写明复议机关名称 −2分 —— 09决定书.docx 第2页\n"
        "  ✗ [DATE-002] 送达回证缺少签收日期 <待核>（需人工复核） −1分 —— 10送达回证.docx 第1页\n\n"
        "== archive/2024-018.pdf\n"
        "  无法评查：PDF 文件已加密（encrypted）\n\n"
        "共 2 件，已评查 1 件，出错 1 件，平均分 95\n"
        "需人工评查：执法主体合法、未超越职权；违法事实认定清楚；证据确实充分；定性准确、适用法律正确；处罚裁量适当（无畸轻畸重）\n"
    )


def test_github(report: Report, sheet: Sheet) -> None:
    assert rendered(github, report, sheet).splitlines() == [
        "::error file=archive/2024-017/03询问笔录.docx,line=4,title=SIG-003::询问笔录第2页缺少被询问人签名（扣2分）",  # noqa: E501
        "::error file=archive/2024-017/09决定书.docx,line=2,title=REM-001::决定书未写明复议机关名称（扣2分）",
        "::warning file=archive/2024-017/10送达回证.docx,line=1,title=DATE-002::送达回证缺少签收日期 <待核>（扣1分）",  # noqa: E501
        "::notice title=评查得分::archive/2024-017：95/100 分，优秀",
        "::error file=archive/2024-018.pdf,title=无法评查::PDF 文件已加密（encrypted）",
        "::notice title=评查汇总::共 2 件，已评查 1 件，出错 1 件",
    ]


def test_github_escapes_newlines_and_commas() -> None:
    from casefile_eval.codes import Defect, Severity
    from casefile_eval.results import CaseResult, Finding

    result = CaseResult(source="a,b:c", status="ok")
    finding = Finding(
        rule_id="R", defect=Defect.MISSING_SEAL, severity=Severity.MAJOR, message="第一行\n100%"
    )
    assert github.annotation(result, finding) == "::error file=a%2Cb%3Ac,title=R::第一行%0A100%25"


def test_junit(report: Report, sheet: Sheet) -> None:
    root = ET.fromstring(rendered(junit, report, sheet))
    suites = root.findall("testsuite")
    assert [(s.get("name"), s.get("tests"), s.get("failures"), s.get("errors")) for s in suites] == [
        ("archive/2024-017", "3", "3", "0"),
        ("archive/2024-018.pdf", "1", "0", "1"),
    ]
    cases = suites[0].findall("testcase")
    assert [c.get("name") for c in cases] == ["SIG-003", "REM-001", "DATE-002"]
    failure = cases[2].find("failure")
    assert failure is not None
    assert failure.get("message") == "送达回证缺少签收日期 <待核>"
    assert failure.text == "送达回证缺少签收日期 <待核> —— 10送达回证.docx 第1页（扣1分）"
    error = suites[1].find("testcase/error")
    assert error is not None
    assert error.attrib == {
        "message": "PDF 文件已加密（encrypted）",
        "type": "encrypted",
    }


def test_sarif_is_schema_valid_with_stable_fingerprints(report: Report, sheet: Sheet) -> None:
    log = json.loads(rendered(sarif, report, sheet))
    schema = json.loads((HERE / "sarif-2.1.0-subset.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["DATE-002", "REM-001", "SIG-003"]
    first = run["results"][0]
    assert first["ruleId"] == "SIG-003"
    assert first["level"] == "error"
    assert first["message"]["text"] == "询问笔录第2页缺少被询问人签名（03询问笔录.docx 第4页）"
    location = first["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == (
        "archive/2024-017/03%E8%AF%A2%E9%97%AE%E7%AC%94%E5%BD%95.docx"
    )
    assert location["properties"] == {"page": 4}
    assert [r["level"] for r in run["results"]] == ["error", "error", "warning"]
    again = json.loads(rendered(sarif, report, sheet))
    prints = [r["partialFingerprints"]["casefileEval/v1"] for r in run["results"]]
    assert prints == [r["partialFingerprints"]["casefileEval/v1"] for r in again["runs"][0]["results"]]
    assert len(set(prints)) == 3
    assert run["invocations"][0]["executionSuccessful"] is False
    assert run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"] == (
        "archive/2024-018.pdf：PDF 文件已加密（encrypted）"
    )


def test_xlsx_three_sheets_exact_cells(report: Report, sheet: Sheet) -> None:
    out = io.BytesIO()
    xlsx.render(report, out, sheet)
    book = load_workbook(io.BytesIO(out.getvalue()))
    assert book.sheetnames == ["评查得分汇总表", "问题清单", "问题统计"]
    rows = [list(r) for r in book["评查得分汇总表"].iter_rows(values_only=True)]
    assert rows[0] == xlsx.SUMMARY_HEAD
    assert rows[1] == [
        1,
        "archive/2024-017",
        "芙执罚决字〔2024〕12号",
        "长沙市某某餐饮有限公司",
        "长沙市芙蓉区行政执法局",
        "已评查",
        95,
        100,
        "优秀",
        "否",
        3,
        5,
        None,
    ]
    assert rows[2] == [
        2,
        "archive/2024-018.pdf",
        None,
        None,
        "（未识别机关）",
        "出错",
        None,
        None,
        None,
        None,
        None,
        None,
        "PDF 文件已加密（encrypted）",
    ]
    problems = [list(r) for r in book["问题清单"].iter_rows(values_only=True)]
    assert len(problems) == 4
    assert problems[1] == [
        1,
        "archive/2024-017",
        "芙执罚决字〔2024〕12号",
        "长沙市芙蓉区行政执法局",
        "SIG-003",
        "缺少签名",
        "严重",
        "询问（调查）笔录",
        "03询问笔录.docx",
        4,
        "询问笔录第2页缺少被询问人签名",
        "被询问人签名：＿＿＿＿",
        "《中华人民共和国行政处罚法》（2021年修订）第五十五条",
        "调查取证.询问笔录",
        2,
        "否",
    ]
    assert problems[3][-1] == "是"
    stats = [list(r) for r in book["问题统计"].iter_rows(values_only=True)]
    assert stats == [
        ["问题类型", "代码", "问题数", None],
        ["缺少日期", "missing_date", 1, None],
        ["缺少签名", "missing_signature", 1, None],
        ["救济途径告知错误", "remedy_notice_error", 1, None],
        ["合计", None, 3, None],
        [None, None, None, None],
        ["执法机关", "案卷数", "问题数", "平均分"],
        ["长沙市芙蓉区行政执法局", 1, 3, 95],
        ["（未识别机关）", 1, 0, None],
    ]


def test_html_single_file(report: Report, sheet: Sheet) -> None:
    page = rendered(html, report, sheet)
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="zh-CN">' in page
    assert "<link" not in page
    assert "<script" not in page
    assert "<td>03询问笔录.docx 第4页</td>" in page
    assert "<td>09决定书.docx 第2页</td>" in page
    assert '<div class="excerpt">被询问人签名：＿＿＿＿</div>' in page
    assert "送达回证缺少签收日期 &lt;待核&gt;" in page  # escaped
    assert '<span class="total">95</span> / 100' in page
    assert '<span class="grade grade-excellent">优秀</span>' in page
    assert '<a href="#f-1-1">问题1</a>（2分）' in page
    assert "<tr><td>违法事实认定清楚</td>" in page  # manual items for a person
    assert "无法评查：PDF 文件已加密（encrypted）" in page
    assert "<h2>汇总</h2>" in page


def test_html_folder_has_index_and_a_page_per_case(report: Report, sheet: Sheet, tmp_path: Path) -> None:
    html.render_dir(report, tmp_path / "out", sheet)
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["0001-2024-017.html", "0002-2024-018.pdf.html", "index.html"]
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert '<a href="0001-2024-017.html">archive/2024-017</a>' in index
    assert '<td class="num">95 / 100</td>' in index
    assert "无法评查：PDF 文件已加密（encrypted）" in index
    case = (tmp_path / "out" / "0001-2024-017.html").read_text(encoding="utf-8")
    assert "<td>03询问笔录.docx 第4页</td>" in case
    assert "archive/2024-018.pdf" not in case
