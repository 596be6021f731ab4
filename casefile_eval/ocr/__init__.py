"""OCR of scanned pages: RapidOCR lines, red seals and signature ink folded into the document model.

`apply_ocr` reads every page of a ParsedFile that has no usable text layer (`needs_ocr`) and returns a
new ParsedFile with LINE blocks (with `confidence`), SEAL and SIGNATURE images and the pages marked as
read by OCR (`ocr_reason == "ocr"`). Results are cached per page, so a second run does no OCR.
"""

from __future__ import annotations

from pathlib import Path

from casefile_eval.files import sha256_of
from casefile_eval.model import ParsedFile
from casefile_eval.ocr import engine as _engine
from casefile_eval.ocr.cache import OcrCache, default_cache_dir, page_key
from casefile_eval.ocr.confusables import normalize_ocr_text
from casefile_eval.ocr.engine import RENDER_DPI, ocr_available
from casefile_eval.ocr.merge import PageResult, merge_pages
from casefile_eval.ocr.reading import read_page
from casefile_eval.ocr.render import render_pages

__all__ = ["apply_ocr", "normalize_ocr_text", "ocr_available"]


def apply_ocr(parsed: ParsedFile, path: Path, *, cache_dir: Path | None = None) -> ParsedFile:
    """Read the pages of `parsed` that need OCR from the source file `path` and fold the results in.

    Raises CaseReadError when a page cannot be rendered. Without the OCR engine installed the file is
    returned unchanged with a warning, its pages still marked `needs_ocr`.
    """
    todo = [p for p in parsed.pages if p.needs_ocr]
    if not todo:
        return parsed
    cache = OcrCache(cache_dir if cache_dir is not None else default_cache_dir())
    file_sha = parsed.sha256 or sha256_of(path)
    results: dict[int, PageResult] = {}
    missing = []
    for page in todo:
        hit = cache.get(page_key(file_sha, page.number))
        if hit is None:
            missing.append(page)
        else:
            results[page.number] = PageResult(*hit)
    warnings = list(parsed.warnings)
    if missing and not ocr_available():
        numbers = "、".join(str(p.number) for p in missing)
        warnings.append(f"未安装OCR组件（rapidocr_onnxruntime），第{numbers}页为扫描页，未能识别")
        missing = []
    for page, image, scale in render_pages(path, parsed.format, missing, RENDER_DPI):
        read = read_page(image, _engine.get_engine())
        results[page.number] = PageResult(read, scale)
        if not cache.put(page_key(file_sha, page.number), read, scale):
            warnings.append(f"OCR缓存目录不可写：{cache.directory}")
    warnings.extend(f"第{n}页OCR未识别出文字" for n in sorted(results) if not results[n].page.lines)
    merged = merge_pages(parsed, results)
    return merged.model_copy(update={"warnings": list(dict.fromkeys(warnings))})
