"""Benchmark a batch: N electronic cases replicated (symlinks) from fixtures/cases, on J worker processes.

    python scripts/bench_batch.py [--cases 1000] [--jobs 2] [--kind mixed|pdf|docx]

Runs `casefile-eval evaluate --batch DIR --jobs J --format json --output FILE` in a subprocess and samples
the resident memory of the whole process tree (the CLI and its workers) from /proc every 0.2 s. Prints
wall time, throughput, peak RSS (tree total and largest single process) and the RSS at each quarter of
the run, to show whether memory stays flat.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def sources(kind: str) -> list[Path]:
    cases = sorted(p for p in (REPO / "fixtures" / "cases").iterdir() if (p / "expected.json").is_file())
    pdfs = [c / f"{c.name}.pdf" for c in cases if (c / f"{c.name}.pdf").is_file()]
    docx = [c / "docx" for c in cases if (c / "docx").is_dir()]
    if kind == "pdf":
        return pdfs
    if kind == "docx":
        return docx
    return [s for pair in zip(pdfs, docx, strict=False) for s in pair]


CORRUPT = (
    ("corrupt.pdf", b"%PDF-1.4\n%broken"),
    ("corrupt.docx", b"PK\x03\x04 not a zip"),
    ("empty.zip", b""),
)


def build_archive(root: Path, n: int, kind: str, corrupt: int = 0) -> None:
    """`n` cases; the last `corrupt` of them are bad files (a corrupt PDF, a corrupt .docx, an empty .zip)."""
    pool = sources(kind)
    if not pool:
        sys.exit("no fixture cases under fixtures/cases (run python -m fixtures.generator)")
    for i in range(n - corrupt, n):
        name, data = CORRUPT[i % len(CORRUPT)]
        (root / f"{i:04d}-{name}").write_bytes(data)
    for i in range(n - corrupt):
        source = pool[i % len(pool)]
        name = f"{i:04d}-{source.parent.name if source.name == 'docx' else source.name}"
        (root / name).symlink_to(source, target_is_directory=source.is_dir())


def tree(pid: int) -> list[int]:
    pids = [pid]
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for child in children:
            pids.extend(tree(int(child)))
    return pids


def rss_kb(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_KB
    except (OSError, IndexError, ValueError):
        return 0


def run(archive: Path, out: Path, jobs: int) -> tuple[float, list[tuple[float, int, int]], int]:
    command = [sys.executable, "-m", "casefile_eval", "evaluate", "--batch", str(archive)]
    command += ["--jobs", str(jobs), "--format", "json", "--output", str(out)]
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=REPO)
    samples: list[tuple[float, int, int]] = []
    while process.poll() is None:
        sizes = [rss_kb(p) for p in tree(process.pid)]
        samples.append((time.monotonic() - started, sum(sizes), max(sizes, default=0)))
        time.sleep(0.2)
    elapsed = time.monotonic() - started
    if process.returncode not in (0, 1):
        sys.exit(f"casefile-eval exited {process.returncode}")
    return elapsed, samples, process.returncode


def main() -> int:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--kind", choices=["mixed", "pdf", "docx"], default="mixed")
    parser.add_argument("--corrupt", type=int, default=0, help="how many of the cases are bad files")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        archive = Path(tmp) / "archive"
        archive.mkdir()
        build_archive(archive, args.cases, args.kind, args.corrupt)
        out = Path(tmp) / "results.json"
        elapsed, samples, status = run(archive, out, args.jobs)
        data = json.loads(out.read_text(encoding="utf-8"))
        summary = data["summary"]
        failed = [r["error"] for r in data["results"] if r["error"]]
        errors = Counter(f"{e['code']}: {e['message']}" for e in failed)
        size = out.stat().st_size
    peak_tree = max(s[1] for s in samples)
    peak_one = max(s[2] for s in samples)
    print(f"cases: {args.cases} ({args.kind}), jobs: {args.jobs}, cpus: {os.cpu_count()}")
    per_case = elapsed / args.cases * 1000
    print(f"wall time: {elapsed:.1f} s, {args.cases / elapsed:.2f} cases/s, {per_case:.0f} ms/case")
    print(f"peak RSS: process tree {peak_tree / 1024:.0f} MiB, largest process {peak_one / 1024:.0f} MiB")
    quarters = []
    for q in (0.25, 0.5, 0.75, 1.0):
        window = [s[1] for s in samples if s[0] <= elapsed * q and s[0] > elapsed * (q - 0.25)]
        quarters.append(f"{int(q * 100)}%: {max(window, default=0) / 1024:.0f} MiB")
    print("tree RSS peak per quarter of the run: " + ", ".join(quarters))
    print(f"output: {size / 1024 / 1024:.1f} MiB of JSON")
    print(f"summary: {json.dumps(summary, ensure_ascii=False)}")
    print(f"exit status: {status}")
    for error, count in errors.most_common(5):
        print(f"  error ×{count}: {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
