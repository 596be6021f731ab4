"""Benchmark: RapidOCR alone vs `apply_ocr` vs the whole evaluation on the same scanned pages, and the
cached rerun.

The whole evaluation is `casefile_eval.evaluate(path)` (read, OCR, split, facts, rules, score) with an
empty OCR cache; the cached rerun is the same call again on the same file.

    python scripts/bench_ocr.py            # the real tax scan and fixtures/scans/*.pdf
    python scripts/bench_ocr.py --grid     # also intra-op threads 1/2 × render dpi 150/200
    python scripts/bench_ocr.py /tmp/scanned4/h4-08-gz-police-2024-oldroute/h4-08-gz-police-2024-oldroute.pdf

Prints a markdown table (seconds per page, best of `--repeat` rounds; each round times RapidOCR alone,
`apply_ocr` and the whole evaluation one after the other, so that the machine's drift touches all three
alike).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium

from casefile_eval import evaluate
from casefile_eval.model import Page, ParsedFile
from casefile_eval.ocr import apply_ocr, engine
from casefile_eval.ocr.engine import RENDER_DPI

ROOT = Path(__file__).resolve().parents[1]
FILES = [
    ROOT.parent / "shared/realworld/tax/ae008038812b2e8bf38c.pdf",
    *sorted((ROOT / "fixtures/scans").glob("*.pdf")),
]


def render(path: Path, dpi: int) -> list[np.ndarray]:
    pdf = pdfium.PdfDocument(str(path))
    return [np.asarray(pdf[i].render(scale=dpi / 72).to_pil().convert("RGB")) for i in range(len(pdf))]


def best(fn: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def rapid_alone(path: Path, ocr: object, dpi: int) -> None:
    for image in render(path, dpi):  # rendering counted: RapidOCR cannot read a PDF by itself
        ocr(image)  # type: ignore[operator]


def whole(path: Path, cache: Path) -> ParsedFile:
    count = len(pdfium.PdfDocument(str(path)))
    pages = [Page(source=path.name, number=n, needs_ocr=True) for n in range(1, count + 1)]
    return apply_ocr(
        ParsedFile(source=path.name, format="pdf", sha256="", pages=pages), path, cache_dir=cache
    )


def evaluated(path: Path, cache: Path) -> None:
    os.environ["CASEFILE_EVAL_CACHE"] = str(cache)
    result = evaluate(path)
    assert result.status == "ok", result.error


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--grid", action="store_true")
    parser.add_argument(
        "more",
        nargs="*",
        type=Path,
        help="more scanned PDFs, e.g. a case from python -m fixtures.holdout4.gen.scan",
    )
    args = parser.parse_args()
    from rapidocr_onnxruntime import RapidOCR

    ours = RapidOCR(
        intra_op_num_threads=engine.INTRA_OP_THREADS, inter_op_num_threads=engine.INTER_OP_THREADS
    )
    ocr_engine = engine.get_engine()
    ocr_engine.recognise(ocr_engine.detect(np.full((64, 256, 3), 255, np.uint8)))  # warm up, not timed
    ours(np.full((64, 256, 3), 255, np.uint8))
    evaluated(FILES[0], Path(tempfile.mkdtemp()))  # warm up the rest of the pipeline, not timed
    print(
        "| file | pages | RapidOCR alone s/page | apply_ocr s/page | whole evaluation s/page "
        "| whole / RapidOCR | evaluation again (cached) s/page |"
    )
    print("|---|---|---|---|---|---|---|")
    for path in [*FILES, *args.more]:
        n = len(pdfium.PdfDocument(str(path)))
        # side by side: each round times RapidOCR alone, apply_ocr and the whole evaluation one after the
        # other (a fresh cache each), so that the machine's drift between rounds touches all three alike
        rounds = [
            (
                best(lambda p=path: rapid_alone(p, ours, RENDER_DPI), 1),
                best(lambda p=path: whole(p, Path(tempfile.mkdtemp())), 1),
                best(lambda p=path: evaluated(p, Path(tempfile.mkdtemp())), 1),
            )
            for _ in range(args.repeat)
        ]
        alone, full, evaluation = (min(times) / n for times in zip(*rounds, strict=True))
        cache = Path(tempfile.mkdtemp())
        evaluated(path, cache)
        cached = best(lambda p=path, c=cache: evaluated(p, c), args.repeat) / n
        print(
            f"| {path.name} | {n} | {alone:.2f} | {full:.2f} | {evaluation:.2f} | {evaluation / alone:.2f} "
            f"| {cached:.3f} |"
        )
    if args.grid:
        print("\n| intra-op threads | dpi | RapidOCR s/page (all files) |\n|---|---|---|")
        for threads in (1, 2):
            ocr = RapidOCR(intra_op_num_threads=threads, inter_op_num_threads=1)
            for dpi in (150, 200):
                total = sum(best(lambda p=p, o=ocr, d=dpi: rapid_alone(p, o, d), args.repeat) for p in FILES)
                pages = sum(len(pdfium.PdfDocument(str(p))) for p in FILES)
                print(f"| {threads} | {dpi} | {total / pages:.2f} |")


if __name__ == "__main__":
    main()
