"""A page covered by a dot screen (a grey form copied in photo mode, a tinted form scanned in black and
white and dithered): the screen's specks are taken out before the page is read or looked at, the print
and the handwriting stay; a page without a screen is left as it is. End to end on holdout 35's screened
(`wangdian`) copies: the receipts' signatures, a blank second 送达人 row in its shaded cell, a reviewer's
dithered signature found on the page as scanned."""

from __future__ import annotations

import io
from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from casefile_eval.api import read_case
from casefile_eval.codes import DateKind, DocumentType, Role
from casefile_eval.ocr import ocr_available
from casefile_eval.ocr.screen import descreened

PAPER = (250, 250, 248)
DOT = (160, 160, 160)
SHADE = (172, 172, 172)
CASES = Path(__file__).resolve().parents[2] / "fixtures" / "holdout35" / "cases"


def _screened_page() -> np.ndarray:
    """A 600 x 400 page: a light screen everywhere (a dot every 6 by 3 pixels), a shaded label cell (a
    dot at every other pixel in a checkerboard: the dots touch only at their corners), print and a
    ruled line."""
    page = np.full((400, 600, 3), PAPER, np.uint8)
    page[::3, ::6] = DOT
    cell = page[100:220, 20:220]
    cell[:] = PAPER
    ys, xs = np.indices(cell.shape[:2])
    cell[(ys + xs) % 2 == 0] = SHADE
    img = Image.fromarray(page)
    draw = ImageDraw.Draw(img)
    draw.rectangle((300, 40, 520, 41), fill=(20, 20, 20))  # a ruled line two pixels thick
    draw.rectangle((300, 60, 301, 90), fill=(20, 20, 20))  # a printed stroke...
    draw.rectangle((310, 60, 340, 60), fill=(20, 20, 20))  # ...and a hairline one pixel thick
    return np.asarray(img)


def test_the_screen_is_painted_paper_and_print_stays() -> None:
    page = _screened_page()
    clean = np.asarray(descreened(Image.fromarray(page)))
    printed = (page == 20).all(axis=2)
    assert (clean[printed] == 20).all()  # every pixel of print kept
    # every dot of the screen and of the shading gone, but those touching the print (joined to it)
    touching = cv2.dilate(printed.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    assert (clean[~touching] == PAPER).all()


def test_a_page_without_a_screen_is_left_as_it_is() -> None:
    page = np.full((400, 600, 3), PAPER, np.uint8)
    rng = np.random.default_rng(5)
    ys, xs = rng.integers(0, 400, 300), rng.integers(0, 600, 300)
    page[ys, xs] = DOT  # a plain scan's specks: a few hundred on a page
    page[50:52, 100:400] = 20
    img = Image.fromarray(page)
    assert descreened(img) is img


def _screened_copy(case: str, index: int, tmp_path: Path) -> Path:
    """Page `index` of a holdout 35 case as its screened copy, a one-page image PDF (as the holdout's scan
    generator makes it)."""
    from fixtures.holdout35.gen import scan

    source = pdfium.PdfDocument(str(CASES / case / f"{case}.pdf"))
    data = scan.scan_page(source, case, index, "wangdian")
    source.close()
    width, height = Image.open(io.BytesIO(data)).size
    target = tmp_path / f"{case}-{index + 1}.pdf"
    canvas = Canvas(str(target), invariant=1)
    size = (width * 72 / scan.DPI["wangdian"], height * 72 / scan.DPI["wangdian"])
    canvas.setPageSize(size)
    canvas.drawImage(ImageReader(io.BytesIO(data)), 0, 0, *size)
    canvas.showPage()
    canvas.save()
    return target


def _signatures(path: Path) -> list[tuple[DocumentType, Role | None, str, bool | None]]:
    return [
        (doc.type, s.role, s.label, s.filled)
        for doc in read_case(path).documents
        for s in doc.facts.signatures
    ]


@pytest.mark.slow
@pytest.mark.skipif(not ocr_available(), reason="rapidocr_onnxruntime is not installed")
def test_screened_receipt_signed_by_all_three(tmp_path: Path) -> None:
    """SLOW (~3 s): the 送达回证 of h35-05, its label column shaded; the recipient and both servers signed."""
    path = _screened_copy("h35-05-hn-clinic-2019-clean", 6, tmp_path)
    receipt = DocumentType.SERVICE_RECEIPT
    assert _signatures(path) == [
        (receipt, Role.RECIPIENT, "受送达人签名或盖章", True),
        (receipt, Role.SERVER, "送达人", True),
        (receipt, Role.SERVER, "送达人", True),
    ]
    (doc,) = read_case(path).documents
    served = [(d.kind, str(d.value)) for d in doc.facts.dates if d.kind is DateKind.SERVED]
    assert served == [(DateKind.SERVED, "2019-11-05")]


@pytest.mark.slow
@pytest.mark.skipif(not ocr_available(), reason="rapidocr_onnxruntime is not installed")
def test_screened_receipt_with_its_second_server_row_blank(tmp_path: Path) -> None:
    """SLOW (~3 s): the decision's 送达回证 of h35-08: the second 送达人 row, in a shaded cell, is blank."""
    path = _screened_copy("h35-08-xc-pesticide-2026-route", 10, tmp_path)
    receipt = DocumentType.SERVICE_RECEIPT
    assert _signatures(path) == [
        (receipt, Role.RECIPIENT, "受送达人签名或盖章", True),
        (receipt, Role.SERVER, "送达人", True),
        (receipt, Role.SERVER, "送达人", False),
    ]


@pytest.mark.slow
@pytest.mark.skipif(not ocr_available(), reason="rapidocr_onnxruntime is not installed")
def test_screened_review_signed_before_its_caption(tmp_path: Path) -> None:
    """SLOW (~3 s): h35-08's 法制审核意见书: the reviewer's dithered signature before "（审核人）" is found on
    the page as scanned (on the page without its screen the line finder passes it over)."""
    path = _screened_copy("h35-08-xc-pesticide-2026-route", 4, tmp_path)
    review = [s for s in _signatures(path) if s[1] is Role.REVIEWER]
    assert review == [(DocumentType.LEGAL_REVIEW, Role.REVIEWER, "审核人", True)]
