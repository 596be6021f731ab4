from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from casefile_eval.model import ImageKind, Page, ParsedFile
from casefile_eval.ocr import apply_ocr, engine, normalize_ocr_text, ocr_available
from casefile_eval.ocr.engine import Detection, RawBox

SCANS = Path(__file__).resolve().parents[2] / "fixtures" / "scans"
REAL = "tax/ae008038812b2e8bf38c.pdf"


class FakeEngine:
    """Returns two fixed lines and counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    LINES = (
        RawBox(((100, 300), (400, 300), (400, 330), (100, 330)), "被询问人签名：", 0.97),
        RawBox(((100, 100), (500, 100), (500, 140), (100, 140)), "询问笔录", 0.62),
    )

    def detect(
        self, image: np.ndarray, detect: np.ndarray | None = None, *, by_outline: bool = False
    ) -> Detection:
        return Detection(tuple(box.quad for box in self.LINES))

    def recognise(self, found: Detection) -> list[RawBox]:
        self.calls += 1
        return list(self.LINES)


def parsed(name: str, fmt: str, pages: int, **extra: object) -> ParsedFile:
    return ParsedFile(
        source=name,
        format=fmt,
        sha256="",
        pages=[
            Page(source=name, number=n, needs_ocr=True, ocr_reason="no_text") for n in range(1, pages + 1)
        ],
        **extra,
    )


def test_second_run_is_served_by_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeEngine()
    monkeypatch.setattr(engine, "_engine", fake)
    source = parsed("demo_scan.jpg", "image", 1)
    first = apply_ocr(source, SCANS / "demo_scan.jpg", cache_dir=tmp_path)
    second = apply_ocr(source, SCANS / "demo_scan.jpg", cache_dir=tmp_path)
    assert fake.calls == 1
    assert second == first
    assert [(b.text, b.confidence) for b in first.blocks] == [("询问笔录", 0.62), ("被询问人签名：", 0.97)]
    assert first.pages[0].needs_ocr is False
    assert first.pages[0].ocr_reason == "ocr"
    assert len(list(tmp_path.glob("*/*.json"))) == 3  # the reading, the faint print and the signature ink


def test_pages_with_a_text_layer_are_left_alone(tmp_path: Path) -> None:
    source = ParsedFile(source="a.pdf", format="pdf", sha256="x", pages=[Page(source="a.pdf", number=1)])
    assert apply_ocr(source, tmp_path / "missing.pdf", cache_dir=tmp_path) is source


@pytest.mark.slow
@pytest.mark.skipif(not ocr_available(), reason="rapidocr_onnxruntime is not installed")
def test_real_scanned_tax_decision(realworld: Path, tmp_path: Path) -> None:
    """SLOW (~4 s): two real 200 dpi scanned pages through RapidOCR."""
    path = realworld / REAL
    out = apply_ocr(parsed(path.name, "pdf", 2), path, cache_dir=tmp_path)
    texts = [normalize_ocr_text(b.text) for b in out.blocks]
    assert texts[0] == "国家税务总局广州市番禺区税务局"
    assert texts[1] == "税务行政处罚决定书"
    assert texts[2] == "穗番税退罚字〔2026〕1号"
    assert texts[3].startswith("广州赞荣服装有限公司")
    assert texts[-1] == "2026年3月6日"
    assert [b.page for b in out.blocks].count(2) == 7
    seals = [i for i in out.images if i.kind == ImageKind.SEAL]
    assert len(seals) == 1
    seal = seals[0]
    assert seal.page == 2
    assert seal.block_index is not None
    assert texts[seal.block_index] in {"国家税务总局广州市番禺区税务局", "2026年3月6日"}
    assert seal.bbox is not None
    assert (seal.bbox.x0, seal.bbox.top, seal.bbox.x1, seal.bbox.bottom) == pytest.approx(
        (333, 247, 458, 372), abs=8
    )
    assert [i.kind for i in out.images] == [ImageKind.SEAL]
    assert all(p.ocr_reason == "ocr" and not p.needs_ocr for p in out.pages)


@pytest.mark.slow
@pytest.mark.skipif(not ocr_available(), reason="rapidocr_onnxruntime is not installed")
def test_sideways_scan_signed_and_unsigned_labels(tmp_path: Path) -> None:
    """SLOW (~2 s): a .jpg lying turned by 90°, one label signed by hand, one left blank."""
    out = apply_ocr(parsed("demo_scan.jpg", "image", 1), SCANS / "demo_scan.jpg", cache_dir=tmp_path)
    texts = [b.text for b in out.blocks]
    assert texts[0] == "询问笔录"
    assert texts[-2:] == ["被询问人签名：", "执法人员签名："]
    signatures = [i for i in out.images if i.kind == ImageKind.SIGNATURE]
    assert [texts[s.block_index or 0] for s in signatures] == ["被询问人签名："]
    assert signatures[0].confidence >= 0.75
    page = out.pages[0]
    assert page.width is not None
    assert page.height is not None
    assert page.width < page.height
