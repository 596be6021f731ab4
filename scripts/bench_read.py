"""Time the whole reading pipeline (parse, split and type, facts) on a 30-document electronic case.

The case is assembled from the committed fixtures: 30 .docx files from two fixture cases, and the PDFs of
the same cases joined into one text PDF. The process is pinned to one core; each case is read once to warm
up (jieba, the classifier, imports), then timed `--repeat` times; the median is reported.

Run: python scripts/bench_read.py [--repeat 15]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

from casefile_eval.reader import read_case

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "fixtures" / "cases"
SOURCES = ("mkt-2024-food", "emer-2024-training")


def docx_case(target: Path, count: int = 30) -> Path:
    """A folder of `count` .docx documents taken in order from the source cases."""
    target.mkdir()
    files = [f for case in SOURCES for f in sorted((CASES / case / "docx").glob("*.docx"))][:count]
    for index, file in enumerate(files, 1):
        shutil.copy(file, target / f"{index:02d}{file.name[2:]}")
    return target


def pdf_case(target: Path) -> Path:
    """The source cases' PDFs joined into one text PDF."""
    joined = pdfium.PdfDocument.new()
    for case in SOURCES:
        source = pdfium.PdfDocument(CASES / case / f"{case}.pdf")
        joined.import_pages(source)
    joined.save(target)
    return target


def timed(path: Path, repeat: int) -> tuple[float, int, int]:
    """Median seconds to read `path`, its document count, its page count."""
    case = read_case(path)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        read_case(path)
        times.append(time.perf_counter() - start)
    pages = sum(1 for _ in case.pages) or len(case.documents)
    return statistics.median(times), len(case.documents), pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    with tempfile.TemporaryDirectory() as tmp:
        folder = docx_case(Path(tmp) / "case")
        pdf = pdf_case(Path(tmp) / "case.pdf")
        print("| input | documents | pages | median read time (1 core) |")
        print("|---|---:|---:|---:|")
        for label, path in (("30 .docx files", folder), ("one text PDF", pdf)):
            seconds, docs, pages = timed(path, args.repeat)
            print(f"| {label} | {docs} | {pages} | {seconds * 1000:.0f} ms |")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
