"""The HTML report opened in real headless Chromium (skipped where no Chromium is installed)."""

from __future__ import annotations

import importlib.util
import io
import re
from pathlib import Path
from types import ModuleType

import pytest

from casefile_eval.reporters import html
from casefile_eval.results import Report
from casefile_eval.scoring import Sheet

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "check_html.py"


def _check_html() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_html", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def browser() -> ModuleType:
    module = _check_html()
    if module.find_browser() is None:
        pytest.skip("chromium is not installed")
    return module


def test_chromium_shows_every_finding_with_its_page(
    browser: ModuleType, report: Report, sheet: Sheet, tmp_path: Path
) -> None:
    out = io.StringIO()
    html.render(report, out, sheet)
    page = tmp_path / "report.html"
    page.write_text(out.getvalue(), encoding="utf-8")
    dom = browser.dump_dom(page)
    rows = re.findall(r'<tr id="f-1-(\d+)">(.*?)</tr>', dom, flags=re.S)
    assert [n for n, _ in rows] == ["1", "2", "3"]
    for (_, row), finding in zip(rows, report.results[0].findings or [], strict=True):
        assert f"{finding.source} 第{finding.page}页" in row
        assert finding.message.replace("<", "&lt;").replace(">", "&gt;") in row
    png = tmp_path / "report.png"
    browser.screenshot(page, png, 1100, 1600)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
