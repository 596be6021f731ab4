"""Measure the findings of `casefile_eval.evaluate` against labelled case files.

For every case folder (one holding expected.json) under the given roots, evaluate each rendition — the
folder of .docx files and the one-file PDF — and compare the findings with the labels' `defects` (each
has `defect`, optional `role`, optional `document_type`). A label is found when some finding has the same
defect and, where the label gives them, the same role and document type (a finding about the case as a
whole, with no document, matches whatever document the label names). Per rendition it counts recall
(labels found / labels), precision (distinct (defect, role, document_type) findings matching some label /
distinct findings), clean cases with no finding at all, per-defect recall and precision, and lists every
false positive and every miss. Markdown on stdout; --json for machines.

    python scripts/measure_findings.py [ROOT ...] [--json] [--only CASE_ID ...] [--rules PATH ...]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_ROOTS = [REPO / "fixtures" / "cases", REPO / "fixtures" / "holdout" / "cases"]
RENDITIONS = ("docx", "pdf")

Key = tuple[str, str | None, str | None]  # (defect, role, document_type)


@dataclass
class Counts:
    """Hits and totals of recall and precision."""

    found: int = 0
    labels: int = 0
    matched: int = 0
    distinct: int = 0
    to_review: int = 0  # distinct findings not matched by a label whose findings all need review

    def recall(self) -> float | None:
        return self.found / self.labels if self.labels else None

    def precision(self) -> float | None:
        return self.matched / self.distinct if self.distinct else None


@dataclass
class RenditionTally:
    """Everything measured over one rendition of every case."""

    overall: Counts = field(default_factory=Counts)
    per_defect: dict[str, Counts] = field(default_factory=dict)
    clean_cases: int = 0
    clean_silent: int = 0
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    misses: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)

    def defect(self, code: str) -> Counts:
        return self.per_defect.setdefault(code, Counts())


def label_matches(label: dict[str, Any], key: Key) -> bool:
    """True when a finding's (defect, role, document_type) satisfies a label. A finding about the case as
    a whole (no document: a deadline between two acts; or the 法制审核 it lacks, named by its own type)
    satisfies the label of its defect and role whatever document the label names."""
    defect, role, doc_type = key
    if label["defect"] != defect:
        return False
    if label.get("role") and label["role"] != role:
        return False
    whole_case = doc_type is None or (defect, doc_type) == ("legal_review_missing", "legal_review")
    return whole_case or not (label.get("document_type") and label["document_type"] != doc_type)


def finding_key(finding: Any) -> Key:
    """The (defect, role, document_type) of a finding, as plain strings."""

    def text(value: Any) -> str | None:
        return None if value is None else str(value)

    return (str(finding.defect), text(finding.role), text(finding.document_type))


def tally_case(
    tally: RenditionTally, case_id: str, labels: list[dict[str, Any]], findings: Iterable[Any]
) -> None:
    """Add one evaluated rendition of one case to the tally."""
    findings = list(findings)
    keys: dict[Key, list[Any]] = {}
    for finding in findings:
        keys.setdefault(finding_key(finding), []).append(finding)
    for label in labels:
        hit = any(label_matches(label, key) for key in keys)
        tally.overall.labels += 1
        tally.defect(label["defect"]).labels += 1
        if hit:
            tally.overall.found += 1
            tally.defect(label["defect"]).found += 1
        else:
            tally.misses.append(
                {"case": case_id, **{k: label.get(k) for k in ("defect", "role", "document_type", "note")}}
            )
    for key, group in keys.items():
        good = any(label_matches(label, key) for label in labels)
        tally.overall.distinct += 1
        tally.defect(key[0]).distinct += 1
        if good:
            tally.overall.matched += 1
            tally.defect(key[0]).matched += 1
            continue
        if all(f.needs_review for f in group):
            tally.overall.to_review += 1
        for f in group:
            tally.false_positives.append(
                {
                    "case": case_id,
                    "rule_id": f.rule_id,
                    "defect": key[0],
                    "role": key[1],
                    "document_type": key[2],
                    "message": f.message,
                    "evidence": f.evidence,
                    "needs_review": f.needs_review,
                }
            )
    if not labels:
        tally.clean_cases += 1
        tally.clean_silent += 0 if findings else 1


def find_cases(roots: list[Path], only: set[str] | None) -> list[Path]:
    """Case folders (holding expected.json) under the roots, sorted by root then name."""
    found: list[Path] = []
    for root in roots:
        if not root.is_dir():
            sys.exit(f"错误：目录不存在：{root}")
        found += sorted(p.parent for p in root.rglob("expected.json"))
    return [c for c in found if only is None or c.name in only]


def rendition_path(folder: Path, rendition: str) -> Path:
    """The docx folder, or the scan or PDF of a case: `<id>.pdf`, `<id>.tif` or a `pages/` folder."""
    if rendition == "docx":
        return folder / "docx"
    for candidate in (f"{folder.name}.pdf", f"{folder.name}.tif", f"{folder.name}.tiff", "pages"):
        if (folder / candidate).exists():
            return folder / candidate
    return folder / f"{folder.name}.pdf"


Evaluator = Callable[[Path], Any]


def measure(
    cases: list[Path], evaluate: Evaluator, renditions: tuple[str, ...] = RENDITIONS
) -> dict[str, RenditionTally]:
    """Evaluate every rendition of every case and tally the findings against the labels."""
    tallies = {r: RenditionTally() for r in renditions}
    for folder in cases:
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        labels = list(expected.get("defects") or [])
        for rendition, tally in tallies.items():
            path = rendition_path(folder, rendition)
            if not path.exists():
                tally.errors.append({"case": folder.name, "error": f"缺少 {path.name}"})
                continue
            result = evaluate(path)
            if result.status != "ok" or result.findings is None:
                message = result.error.message if result.error else "无结果"
                tally.errors.append({"case": folder.name, "error": message})
                continue
            tally_case(tally, folder.name, labels, result.findings)
    return tallies


def _rate(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def to_json(cases: list[Path], tallies: dict[str, RenditionTally]) -> dict[str, Any]:
    """The report as a JSON-ready dict."""

    def counts(c: Counts) -> dict[str, Any]:
        return {**c.__dict__, "recall": c.recall(), "precision": c.precision()}

    return {
        "cases": [c.name for c in cases],
        "renditions": {
            name: {
                "overall": counts(t.overall),
                "clean_cases": t.clean_cases,
                "clean_silent": t.clean_silent,
                "per_defect": {k: counts(v) for k, v in sorted(t.per_defect.items())},
                "false_positives": t.false_positives,
                "misses": t.misses,
                "errors": t.errors,
            }
            for name, t in tallies.items()
        },
    }


def render_markdown(cases: list[Path], tallies: dict[str, RenditionTally]) -> str:
    """The report as markdown: a summary table, then per rendition the per-defect table and the lists."""
    lines = [f"# 评查结果准确率（{len(cases)} 个案卷）", ""]
    lines += ["| 版本 | 召回率 | 精确率 | 无缺陷案卷零发现 | 误报中需人工核对 |", "|---|---:|---:|---:|---:|"]
    for name, t in tallies.items():
        o = t.overall
        lines.append(
            f"| {name} | {_rate(o.recall())} ({o.found}/{o.labels}) | {_rate(o.precision())} "
            f"({o.matched}/{o.distinct}) | {t.clean_silent}/{t.clean_cases} | "
            f"{o.to_review}/{o.distinct - o.matched} |"
        )
    for name, t in tallies.items():
        lines += ["", f"## {name}", "", "| 缺陷 | 召回率 | 精确率 |", "|---|---:|---:|"]
        for code, c in sorted(t.per_defect.items()):
            lines.append(
                f"| {code} | {_rate(c.recall())} ({c.found}/{c.labels}) | "
                f"{_rate(c.precision())} ({c.matched}/{c.distinct}) |"
            )
        lines += [f"- 读取失败 {e['case']}: {e['error']}" for e in t.errors]
        if t.misses:
            lines += ["", "### 漏报", "", "| 案卷 | 缺陷 | 角色 | 文书 | 说明 |", "|---|---|---|---|---|"]
            lines += [
                f"| {m['case']} | {m['defect']} | {m['role'] or ''} | {m['document_type'] or ''} | "
                f"{m['note'] or ''} |"
                for m in t.misses
            ]
        if t.false_positives:
            lines += ["", "### 误报", "", "| 案卷 | 规则 | 消息 | 证据 |", "|---|---|---|---|"]
            lines += [
                f"| {f['case']} | {f['rule_id']} | {_cell(f['message'])} | {_cell(f['evidence'] or '')} |"
                for f in t.false_positives
            ]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description="测量评查结果（缺陷发现）的召回率与精确率")
    parser.add_argument("roots", nargs="*", type=Path, default=DEFAULT_ROOTS, help="案卷根目录")
    parser.add_argument("--json", action="store_true", help="输出 JSON")
    parser.add_argument("--only", nargs="*", default=None, help="只测量这些案卷编号")
    parser.add_argument("--rules", nargs="*", type=Path, default=[], help="附加的规则文件或规则包")
    parser.add_argument(
        "--renditions", nargs="+", choices=RENDITIONS, default=list(RENDITIONS), help="只测量这些版本"
    )
    args = parser.parse_args(argv)
    from casefile_eval import evaluate

    cases = find_cases(args.roots, set(args.only) if args.only else None)
    if not cases:
        sys.exit("错误：未找到任何含 expected.json 的案卷目录。")
    tallies = measure(cases, lambda path: evaluate(path, rules=args.rules or None), tuple(args.renditions))
    if args.json:
        print(json.dumps(to_json(cases, tallies), ensure_ascii=False, indent=2, default=str))
    else:
        print(render_markdown(cases, tallies), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
