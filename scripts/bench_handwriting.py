"""Time reading the dates handwritten in electronic files' pictures (`casefile_eval.ocr.handwriting`).

For each case file given (a text PDF, or a folder of .docx), the reading pipeline is timed three ways, on
two cores: without any OCR (`ocr=False`: the pictures left unread), with an empty OCR cache (the pictures
read by RapidOCR, the engine's start included once for the process), and again with the cache filled.
The number of pictures read is reported; the median of `--repeat` runs is taken for the two cached ways.

Run: python scripts/bench_handwriting.py [--repeat 5] CASE [CASE …]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from casefile_eval.extract import extract_document_facts
from casefile_eval.ocr import handwriting
from casefile_eval.parsers import parse_path
from casefile_eval.segment import split_documents


def read(path: Path, *, ocr: bool) -> float:
    """Seconds to parse, split and read the facts of the case at `path`."""
    start = time.perf_counter()
    for document in split_documents(parse_path(path, ocr=ocr)):
        extract_document_facts(document)
    return time.perf_counter() - start


def pictures(path: Path) -> int:
    """How many pictures of the case stand where a date is handwritten."""
    return sum(len(handwriting.date_pictures(f)) for f in parse_path(path, ocr=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("cases", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print("| case | pictures | no OCR | empty cache | cached |")
    print("|---|---:|---:|---:|---:|")
    for path in args.cases:
        with tempfile.TemporaryDirectory() as cache:
            os.environ["CASEFILE_EVAL_CACHE"] = cache
            read(path, ocr=False)  # imports, jieba, the classifier
            bare = statistics.median(read(path, ocr=False) for _ in range(args.repeat))
            cold = read(path, ocr=True)
            warm = statistics.median(read(path, ocr=True) for _ in range(args.repeat))
        print(f"| {path.name} | {pictures(path)} | {bare:.2f} s | {cold:.2f} s | {warm:.2f} s |")


if __name__ == "__main__":
    main()
