"""Measure how well `casefile_eval.reader.read_case` reads labelled case files.

For every case folder (one holding expected.json) under the given roots, read each rendition — the
folder of .docx files and the one-file PDF — and compare with the labels: document types (matched by
file for docx, by page overlap for the PDF), PDF page ranges, and the case facts (case number, party,
agency, fine, the five dates). Case numbers are compared in their canonical form
(`casefile_eval.extract.numbers.canonical_number` on both sides: labels may keep a number as printed).
Prints a markdown table per rendition with the overall share of documents typed right and of cases whose
facts are all right, then the misses; --json for machines.

    python scripts/measure_reading.py [ROOT ...] [--json] [--only CASE_ID ...]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure_findings import rendition_path  # the sibling script

REPO = Path(__file__).resolve().parents[1]
DEFAULT_ROOT = REPO / "fixtures" / "holdout" / "cases"
FACTS = ("case_number", "party", "agency", "fine_amount")
DATES = ("filed", "notified", "decided", "served", "closed")


@dataclass
class Tally:
    """Hits and trials of one measure, with the misses spelled out."""

    hits: int = 0
    total: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    def add(self, ok: bool, miss: dict[str, Any]) -> None:
        self.total += 1
        if ok:
            self.hits += 1
        else:
            self.misses.append(miss)

    def rate(self) -> float | None:
        return self.hits / self.total if self.total else None


def _canonical(value: Any) -> Any:
    """A case number in canonical form (as printed when it cannot be read as one)."""
    if not isinstance(value, str):
        return value
    from casefile_eval.extract.numbers import canonical_number

    return canonical_number(value) or value


def load_reader() -> Callable[[Path], Any]:
    """`read_case`, or a clear exit when the reader is not there yet."""
    try:
        module = importlib.import_module("casefile_eval.reader")
        return module.read_case  # type: ignore[no-any-return]
    except (ImportError, AttributeError) as exc:
        sys.exit(f"错误：无法导入 casefile_eval.reader.read_case（{exc}）。读取器尚未实现，无法测量。")


def find_cases(roots: list[Path], only: set[str] | None) -> list[Path]:
    """Case folders (holding expected.json) under the roots, sorted."""
    found: list[Path] = []
    for root in roots:
        if not root.is_dir():
            sys.exit(f"错误：目录不存在：{root}")
        found += [p.parent for p in root.rglob("expected.json")]
    return sorted(c for c in found if only is None or c.name in only)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]) + 1)


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else value


def _read(read_case: Callable[[Path], Any], path: Path) -> tuple[Any | None, str | None]:
    try:
        return read_case(path), None
    except Exception as exc:  # a measurement records every failure and goes on
        return None, f"{type(exc).__name__}: {exc}"


def measure_docs(case: Any, expected: dict[str, Any], rendition: str, types: Tally, pages: Tally) -> None:
    """Type accuracy per expected document; PDF page-range accuracy."""
    cid = expected["case_id"]
    read = [] if case is None else list(case.documents)
    for exp in expected["documents"]:
        if rendition == "docx":
            name = Path(exp["docx"]).name
            hit = next((d for d in read if Path(d.source).name == name), None)
            where = name
        else:
            span = (exp["pdf_pages"][0], exp["pdf_pages"][1])
            scored = [(_overlap(span, tuple(d.pages)), -i, d) for i, d in enumerate(read) if d.pages]
            best = max(scored, key=lambda t: (t[0], t[1]), default=None)
            hit = best[2] if best and best[0] > 0 else None
            where = f"第{span[0]}-{span[1]}页"
            got_pages = list(hit.pages) if hit is not None else None
            pages.add(
                got_pages == list(span),
                {"case": cid, "what": f"页码 {where}", "expected": list(span), "got": got_pages},
            )
        got = str(hit.type) if hit is not None else None
        types.add(
            got == exp["type"],
            {"case": cid, "what": f"文书类型 {where}", "expected": exp["type"], "got": got},
        )


def _fact_right(name: str, got: Any, exp: Any) -> bool:
    if name == "case_number":
        return bool(_canonical(got) == _canonical(exp))
    if name == "fine_amount" and got is not None and exp is not None:
        return abs(float(got) - float(exp)) < 0.005
    return bool(got == exp)


def measure_facts(
    case: Any, expected: dict[str, Any], facts: dict[str, Tally], whole: Tally | None = None
) -> None:
    """Per-fact accuracy (an expected null read as null), and whether every fact of the case is right."""
    cid = expected["case_id"]
    want = expected["case"]
    got_facts = None if case is None else case.facts
    wrong: list[str] = []
    for name in FACTS:
        got = None if got_facts is None else getattr(got_facts, name)
        exp = want[name]
        ok = _fact_right(name, got, exp)
        facts[name].add(ok, {"case": cid, "what": name, "expected": exp, "got": got})
        wrong += [] if ok else [name]
    for name in DATES:
        got = None if got_facts is None else _iso(getattr(got_facts.dates, name))
        exp = want["dates"].get(name)
        facts[name].add(got == exp, {"case": cid, "what": f"dates.{name}", "expected": exp, "got": got})
        wrong += [] if got == exp else [f"dates.{name}"]
    if whole is not None:
        whole.add(
            not wrong, {"case": cid, "what": "要素全对", "expected": "全部正确", "got": "、".join(wrong)}
        )


def measure(
    roots: list[Path], only: set[str] | None, renditions: tuple[str, ...] = ("docx", "pdf")
) -> dict[str, Any]:
    """Run every rendition of every case and gather the tallies."""
    read_case = load_reader()
    cases = find_cases(roots, only)
    if not cases:
        sys.exit("错误：未找到任何含 expected.json 的案卷目录。")
    report: dict[str, Any] = {"cases": [c.name for c in cases], "renditions": {}}
    for rendition in renditions:
        types, pages, whole = Tally(), Tally(), Tally()
        facts = {name: Tally() for name in (*FACTS, *DATES)}
        errors: list[dict[str, str]] = []
        for folder in cases:
            expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
            path = rendition_path(folder, rendition)
            if not path.exists():
                errors.append({"case": folder.name, "error": f"缺少 {path.name}"})
                continue
            case, error = _read(read_case, path)
            if error:
                errors.append({"case": folder.name, "error": error})
            measure_docs(case, expected, rendition, types, pages)
            measure_facts(case, expected, facts, whole)
        tallies = {
            "document_type": types,
            **({"pdf_pages": pages} if rendition == "pdf" else {}),
            **facts,
            "all_facts_case": whole,
        }
        report["renditions"][rendition] = {
            "errors": errors,
            "measures": {
                k: {"hits": t.hits, "total": t.total, "accuracy": t.rate()} for k, t in tallies.items()
            },
            "misses": [m for t in tallies.values() for m in t.misses],
        }
    return report


def render_markdown(report: dict[str, Any]) -> str:
    """The report as markdown: one table per rendition, then its misses."""
    lines = [f"# 读取准确率（{len(report['cases'])} 个案卷）", ""]
    for rendition, data in report["renditions"].items():
        lines += [f"## {rendition}", "", "| 指标 | 正确 | 总数 | 准确率 |", "|---|---:|---:|---:|"]
        for name, m in data["measures"].items():
            lines.append(f"| {name} | {m['hits']} | {m['total']} | {_percent(m)} |")
        measures = data["measures"]
        lines += [
            "",
            f"- 文书类型正确：{_percent(measures['document_type'])}"
            f"（{measures['document_type']['hits']}/{measures['document_type']['total']} 份文书）",
            f"- 案件要素全部正确的案卷：{_percent(measures['all_facts_case'])}"
            f"（{measures['all_facts_case']['hits']}/{measures['all_facts_case']['total']} 个案卷）",
            "",
        ]
        for err in data["errors"]:
            lines.append(f"- 读取失败 {err['case']}: {err['error']}")
        if data["misses"]:
            lines += ["### 未命中", "", "| 案卷 | 项目 | 期望 | 实际 |", "|---|---|---|---|"]
            lines += [f"| {m['case']} | {m['what']} | {m['expected']} | {m['got']} |" for m in data["misses"]]
        lines.append("")
    return "\n".join(lines)


def _percent(measure: dict[str, Any]) -> str:
    return "—" if measure["accuracy"] is None else f"{measure['accuracy']:.1%}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="测量案卷读取（文书类型、页码、案件要素）的准确率")
    parser.add_argument("roots", nargs="*", type=Path, default=[DEFAULT_ROOT], help="案卷根目录")
    parser.add_argument("--json", action="store_true", help="输出 JSON")
    parser.add_argument("--only", nargs="*", default=None, help="只测量这些案卷编号")
    parser.add_argument(
        "--renditions", nargs="+", choices=("docx", "pdf"), default=["docx", "pdf"], help="只测量这些版本"
    )
    args = parser.parse_args(argv)
    report = measure(args.roots, set(args.only) if args.only else None, tuple(args.renditions))
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2, default=str))
    else:
        print(render_markdown(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
