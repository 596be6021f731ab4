"""Write docs/rules/*.md from the built-in rule pack (tests fail when the pages are stale)."""

from __future__ import annotations

import sys
from pathlib import Path

from casefile_eval.rules import load_rules
from casefile_eval.rules.ruledocs import render_pages

OUT = Path(__file__).resolve().parents[1] / "docs" / "rules"


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    pages = render_pages(load_rules())
    for stale in OUT.glob("*.md"):
        if stale.name not in pages:
            stale.unlink()
    for name, text in pages.items():
        (OUT / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(pages)} pages to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
