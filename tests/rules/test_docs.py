"""docs/rules/ must match the YAML pack (run scripts/gen_rule_docs.py after changing a rule)."""

from __future__ import annotations

from pathlib import Path

from casefile_eval.rules import load_rules
from casefile_eval.rules.ruledocs import render_pages

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules"


def test_rule_docs_are_current() -> None:
    pages = render_pages(load_rules())
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in DOCS.glob("*.md")}
    assert sorted(on_disk) == sorted(pages), "run: python scripts/gen_rule_docs.py"
    stale = [name for name, text in pages.items() if on_disk[name] != text]
    assert stale == [], f"stale pages {stale}: run python scripts/gen_rule_docs.py"
