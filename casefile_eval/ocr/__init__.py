"""OCR of scanned pages: RapidOCR lines, red seals and signature ink folded into the document model.

`apply_ocr` reads every page of a ParsedFile that has no usable text layer (`needs_ocr`) and returns a
new ParsedFile with LINE blocks (with `confidence`), SEAL and SIGNATURE images and the pages marked as
read by OCR (`ocr_reason == "ocr"`); a landscape page in two columns is read column by column
(`ocr.spread`), a page covered by a dot screen is read and looked at without it (`ocr.screen`). Results
are cached per page, so a second run does no OCR; the faint print and the lines under a grey page's seals
read on a second look (`ocr.faint`, `ocr.under_seal`) and the marks (seals, signature ink) have cache
layers of their own (see `ocr.cache`).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from casefile_eval.files import sha256_of
from casefile_eval.model import ParsedFile
from casefile_eval.ocr import engine as _engine
from casefile_eval.ocr.cache import OcrCache, default_cache_dir, faint_key, marks_key, page_key
from casefile_eval.ocr.confusables import normalize_ocr_text
from casefile_eval.ocr.engine import RENDER_DPI, ocr_available
from casefile_eval.ocr.faint import faint_parts, with_faint
from casefile_eval.ocr.leaders import leader_numbers
from casefile_eval.ocr.lighting import evenly_lit
from casefile_eval.ocr.merge import PageResult, merge_pages
from casefile_eval.ocr.office_stamps import without_office_stamps
from casefile_eval.ocr.page import OcrBox, OcrPage
from casefile_eval.ocr.paper import on_paper
from casefile_eval.ocr.reading import find_marks, read_text, upright
from casefile_eval.ocr.render import render_pages
from casefile_eval.ocr.screen import descreened
from casefile_eval.ocr.seals import find_seals
from casefile_eval.ocr.spread import in_columns
from casefile_eval.ocr.under_seal import under_seal_parts
from casefile_eval.ocr.watermark import without_slanted

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
    read: dict[int, tuple[OcrPage, float]] = {}
    faint: dict[int, list[OcrBox]] = {}
    results: dict[int, PageResult] = {}
    for page in todo:
        hit = cache.get(page_key(file_sha, page.number))
        if hit is None:
            continue
        read[page.number] = _without_marks(hit[0]), hit[1]
        extra = cache.get_faint(faint_key(file_sha, page.number))
        if extra is None:
            continue
        faint[page.number] = extra
        marks = cache.get_marks(marks_key(file_sha, page.number))
        if marks is not None:
            results[page.number] = PageResult(
                replace(_text(read[page.number][0], extra), marks=marks), hit[1]
            )
    warnings = list(parsed.warnings)
    unread = [p for p in todo if p.number not in read]
    engine_ready = ocr_available()
    if unread and not engine_ready:
        numbers = "、".join(str(p.number) for p in unread)
        warnings.append(f"未安装OCR组件（rapidocr_onnxruntime），第{numbers}页为扫描页，未能识别")
        unread = []
    rendered = [p for p in todo if p.number not in results and (p.number in read or p in unread)]
    for page, rendered_image, scale in render_pages(path, parsed.format, rendered, RENDER_DPI):
        scanned = without_office_stamps(evenly_lit(on_paper(rendered_image)))
        image = descreened(scanned)
        if page.number in read:
            text, scale = read[page.number]
            rgb = upright(image, text.rotation, text.skew)
        else:
            text, rgb = read_text(image, _engine.get_engine(), None if image is scanned else scanned)
            if not cache.put(page_key(file_sha, page.number), text, scale):
                warnings.append(f"OCR缓存目录不可写：{cache.directory}")
        seals = find_seals(rgb)
        extra = faint.get(page.number)
        if extra is None and engine_ready:
            extra = faint_parts(rgb, text.lines, _engine.get_engine)
            extra += under_seal_parts(rgb, text.lines, [box for box, _ in seals], _engine.get_engine)
            extra += leader_numbers(rgb, text.lines, _engine.get_engine)
            cache.put_faint(faint_key(file_sha, page.number), extra)
        text = _text(text, extra or [])
        marks = find_marks(rgb, text.lines, seals)
        if extra is not None:  # (marks found without the faint print are not cached as found with it)
            cache.put_marks(marks_key(file_sha, page.number), marks)
        results[page.number] = PageResult(replace(text, marks=marks), scale)
    warnings.extend(f"第{n}页OCR未识别出文字" for n in sorted(results) if not results[n].page.lines)
    merged = merge_pages(parsed, results)
    return merged.model_copy(update={"warnings": list(dict.fromkeys(warnings))})


def _text(page: OcrPage, extra: list[OcrBox]) -> OcrPage:
    """A page's text as read, with its second look's print (found on the page as read: a watermark's runs,
    read, keep that look off their strokes), without the watermark, a two-column page in its columns."""
    return in_columns(without_slanted(with_faint(page, extra)))


def _without_marks(page: OcrPage) -> OcrPage:
    """A cached reading without marks (pages cached before marks had a layer of their own held them; they
    are found again under the current `MARKS`)."""
    return replace(page, marks=[])
