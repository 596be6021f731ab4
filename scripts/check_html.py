"""Open an HTML report in headless Chromium: save a screenshot, or print the rendered DOM.

    python scripts/check_html.py REPORT.html --screenshot out.png [--width 1100 --height 2400]
    python scripts/check_html.py REPORT.html --dump-dom

Exits 3 if no Chromium is installed (Debian: apt-get install chromium).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--hide-scrollbars",
]


def find_browser() -> str | None:
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


def run_browser(html: Path, extra: list[str], timeout: float = 60.0) -> subprocess.CompletedProcess[bytes]:
    browser = find_browser()
    if browser is None:
        raise FileNotFoundError("chromium")
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        command = [browser, *FLAGS, f"--user-data-dir={profile}", *extra, html.resolve().as_uri()]
        return subprocess.run(command, capture_output=True, timeout=timeout, check=False)


def screenshot(html: Path, png: Path, width: int = 1100, height: int = 2400) -> None:
    done = run_browser(html, [f"--screenshot={png.resolve()}", f"--window-size={width},{height}"])
    if done.returncode != 0 or not png.is_file():
        raise RuntimeError(done.stderr.decode("utf-8", "replace")[-2000:])


def dump_dom(html: Path) -> str:
    done = run_browser(html, ["--dump-dom"])
    if done.returncode != 0:
        raise RuntimeError(done.stderr.decode("utf-8", "replace")[-2000:])
    return done.stdout.decode("utf-8")


def main() -> int:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("html", type=Path)
    parser.add_argument("--screenshot", type=Path)
    parser.add_argument("--dump-dom", action="store_true")
    parser.add_argument("--width", type=int, default=1100)
    parser.add_argument("--height", type=int, default=2400)
    args = parser.parse_args()
    if find_browser() is None:
        print("no chromium found (apt-get install chromium)", file=sys.stderr)
        return 3
    if args.screenshot:
        screenshot(args.html, args.screenshot, args.width, args.height)
        print(args.screenshot)
    if args.dump_dom:
        sys.stdout.write(dump_dom(args.html))
    return 0


if __name__ == "__main__":
    sys.exit(main())
