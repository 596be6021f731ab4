"""Scanned renditions of whole electronic case files, for measuring the OCR path end to end.

Each case's one-file PDF is rendered page by page as it is (its signature images and seals stay where they
are, and stay missing where a labelled defect leaves them out). A seal stamped on paper lets the print under
it show through, while an image drawn over a PDF hides it; so each page is also rendered without its images
and the two are blended darkest-wins, as ink on ink. The page is then turned slightly, blurred, noised and
JPEG-compressed like a cheap office scan. The result is `<out>/<case_id>/<case_id>.pdf`, an
image-only PDF, beside a copy of the case's `expected.json`. Nothing of this is committed: scanned cases are
large, and the measurement (scripts/measure_findings.py --renditions pdf) runs from the output folder.

Run: python scripts/scan_cases.py fixtures/holdout/cases --out /tmp/scanned [--only ID] [--dpi 150]
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from make_scans import degrade
from PIL import Image


def _render(page: pdfium.PdfPage, dpi: int) -> np.ndarray:
    return np.asarray(page.render(scale=dpi / 72).to_pil().convert("RGB"))


def _without_images(page: pdfium.PdfPage) -> pdfium.PdfPage:
    for obj in list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=1)):
        page.remove_obj(obj)
    page.gen_content()
    return page


def scan_case(case: Path, out: Path, dpi: int) -> Path:
    """Write the scanned rendition of one case folder and return its PDF path."""
    source = case / f"{case.name}.pdf"
    target = out / case.name
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(case / "expected.json", target / "expected.json")
    rng = random.Random(case.name)
    document = pdfium.PdfDocument(source)
    text_only = pdfium.PdfDocument(source)
    pages = []
    for index, page in enumerate(document):
        inked = np.minimum(_render(page, dpi), _render(_without_images(text_only[index]), dpi))
        pages.append(degrade(Image.fromarray(inked), rng, rng.choice([-1.2, -0.7, 0.6, 1.1])))
    pdf = target / f"{case.name}.pdf"
    pages[0].save(pdf, "PDF", resolution=dpi, save_all=True, append_images=pages[1:], quality=60)
    return pdf


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "roots", nargs="+", type=Path, help="folders of case folders (fixtures/holdout/cases)"
    )
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--only", nargs="*", default=None, help="only these case ids")
    parser.add_argument("--dpi", type=int, default=150)
    args = parser.parse_args()
    for root in args.roots:
        for case in sorted(p for p in root.iterdir() if (p / "expected.json").is_file()):
            if args.only is None or case.name in args.only:
                print(scan_case(case, args.out, args.dpi))


if __name__ == "__main__":
    main()
