"""Make scanned renditions of electronic case-file PDFs for the OCR tests and benchmark.

Each page is rendered, handwriting strokes are drawn right of every signature label (被询问人签名,
受送达人（签名）…) unless `--blank LABEL` names it, a red seal is drawn on every 落款 line that carries a
印章 mark or an agency name right above a date (unless `--no-seal PAGE`), and the page is then turned
slightly, blurred, noised and JPEG-compressed. Output: a PDF of JPEG pages (and, with `--jpg`, the first
page as a .jpg) in fixtures/scans/, plus `<name>.json` saying what was drawn where.

Without `--pdf` a small three-page case (询问笔录, 行政处罚决定书, 送达回证) is typeset with reportlab's
STSong-Light first, so the script works before fixtures/cases exists.

    python scripts/make_scans.py                       # the demo case
    python scripts/make_scans.py --pdf fixtures/cases/X/X.pdf --pages 1,5 --name X --blank 被询问人签名
"""

from __future__ import annotations

import argparse
import io
import json
import math
import random
import re
from pathlib import Path

import numpy as np
import pdfplumber
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter, ImageFont

OUT = Path(__file__).resolve().parents[1] / "fixtures" / "scans"
DPI = 150
LABEL = re.compile(
    r"(被询问人|当事人|受送达人|收件人|执法人员|询问人|记录人|送达人|见证人)[（(]?(签名|签字)[^：:]*[）)]?[：:]"
)
SEAL_MARK = re.compile(r"[（(](印章|公章|盖章)[）)]|(局|委员会|办公室|大队|支队)$")
DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

DEMO = [
    [
        "询问笔录",
        "询问时间：2024年3月5日9时10分至10时20分",
        "被询问人：张明  性别：男  身份证号码：330102198001011234",
        "问：我们是某市市场监督管理局的执法人员，现依法向你询问。",
        "答：清楚。",
        "问：你店销售的过期食品是从哪里购进的？",
        "答：从本市某批发部购进，共十二箱。",
        "以上笔录我已看过，与我所说的一致。",
        "",
        "被询问人签名：",
        "",
        "执法人员签名：",
    ],
    [
        "某市市场监督管理局",
        "行政处罚决定书",
        "某市监罚〔2024〕18号",
        "当事人：某市明达食品商店",
        "经查，当事人于2024年2月销售超过保质期的食品十二箱。",
        "依据《中华人民共和国食品安全法》第一百二十四条第一款，决定罚款伍万元。",
        "如不服本决定，可在收到本决定书之日起六十日内申请行政复议，",
        "或者在六个月内依法向人民法院提起行政诉讼。",
        "",
        "",
        "                                        某市市场监督管理局",
        "                                          2024年3月20日",
    ],
    [
        "送达回证",
        "送达文书名称：行政处罚决定书（某市监罚〔2024〕18号）",
        "受送达人：某市明达食品商店",
        "送达时间：2024年3月21日10时",
        "送达地点：某市中山路8号",
        "送达方式：直接送达",
        "",
        "受送达人（签名）：",
        "",
        "送达人签名：",
    ],
]


def demo_pdf() -> bytes:
    """The demo case typeset with the STSong-Light CID font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    width, height = A4
    for lines in DEMO:
        y = height - 90
        for i, line in enumerate(lines):
            size = 20 if i == 0 or line.endswith("决定书") else 13
            pdf.setFont("STSong-Light", size)
            if size == 20:
                pdf.drawCentredString(width / 2, y, line)
            else:
                pdf.drawString(72, y, line)
            y -= 34 if size == 20 else 28
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def handwriting(draw: ImageDraw.ImageDraw, x: float, y: float, h: float, rng: random.Random) -> list[float]:
    """Two or three scribbled 'characters' in dark blue ink; returns their box."""
    xs, ys = [], []
    for c in range(rng.randint(2, 3)):
        cx = x + c * h * 1.1
        for _ in range(rng.randint(3, 5)):
            pts = []
            px, py = cx + rng.uniform(0, h * 0.6), y + rng.uniform(-0.2 * h, 0.8 * h)
            for _ in range(rng.randint(3, 6)):
                px += rng.uniform(-0.4, 0.5) * h
                py += rng.uniform(-0.4, 0.4) * h
                pts.append((px, py))
            draw.line(pts, fill=(25, 35, 90), width=max(2, round(h / 11)), joint="curve")
            xs += [p[0] for p in pts]
            ys += [p[1] for p in pts]
    return [min(xs), min(ys), max(xs), max(ys)]


def seal(image: Image.Image, cx: float, cy: float, radius: float, agency: str) -> list[float]:
    """A red round seal: ring, star and the agency name round the top, multiplied onto the page."""
    size = round(radius * 2) + 8
    layer = Image.new("RGB", (size, size), "white")
    draw = ImageDraw.Draw(layer)
    c = size / 2
    red = (215, 30, 35)
    draw.ellipse(
        [c - radius, c - radius, c + radius, c + radius], outline=red, width=max(3, round(radius / 18))
    )
    star = [
        (
            c + radius * 0.28 * math.cos(math.radians(a)) * (1 if i % 2 == 0 else 0.4),
            c + radius * 0.28 * math.sin(math.radians(a)) * (1 if i % 2 == 0 else 0.4),
        )
        for i, a in enumerate(range(-90, 270, 36))
    ]
    draw.polygon(star, fill=red)
    font = ImageFont.truetype(FONT, round(radius * 0.22)) if Path(FONT).exists() else None
    chars = agency[:12]
    for i, ch in enumerate(chars):
        angle = math.radians(-200 + i * 220 / max(len(chars) - 1, 1))
        tx, ty = c + radius * 0.72 * math.cos(angle), c + radius * 0.72 * math.sin(angle)
        draw.text((tx, ty), ch, fill=red, font=font, anchor="mm")
    x0, y0 = round(cx - size / 2), round(cy - size / 2)
    region = image.crop((x0, y0, x0 + size, y0 + size))
    image.paste(
        Image.fromarray((np.asarray(region, np.uint16) * np.asarray(layer) // 255).astype(np.uint8)), (x0, y0)
    )
    return [cx - radius, cy - radius, cx + radius, cy + radius]


def mark_page(
    image: Image.Image, words: list[dict], blank: set[str], sealed: bool, rng: random.Random
) -> dict:
    """Draw signatures and seals onto a rendered page; return what was drawn (boxes in points)."""
    draw = ImageDraw.Draw(image)
    k = DPI / 72
    drawn: dict = {"signatures": [], "blank": [], "seals": []}
    for index, line in enumerate(words):
        text = line["text"].strip()
        after = words[index + 1]["text"] if index + 1 < len(words) else ""
        match = LABEL.search(text)
        if match:
            label = match.group(0).rstrip("：:")
            if label in blank:
                drawn["blank"].append(label)
            else:
                box = handwriting(
                    draw, line["x1"] * k + 12, line["top"] * k, (line["bottom"] - line["top"]) * k, rng
                )
                drawn["signatures"].append({"label": label, "bbox": [round(v / k, 1) for v in box]})
        if sealed and SEAL_MARK.search(text) and (DATE.search(after) or "印章" in text or "公章" in text):
            cx, cy = (line["x0"] + line["x1"]) / 2 * k, line["bottom"] * k + 6
            box = seal(image, cx, cy, 60 * k, text)
            drawn["seals"].append({"near": text, "bbox": [round(v / k, 1) for v in box]})
    return drawn


def degrade(image: Image.Image, rng: random.Random, angle: float) -> Image.Image:
    """Turn slightly, blur, add grain: what a cheap office scanner does."""
    image = image.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=(250, 250, 246))
    image = image.filter(ImageFilter.GaussianBlur(0.7))
    arr = np.asarray(image, np.int16) + np.random.default_rng(rng.randint(0, 2**31)).normal(
        0, 7, (image.height, image.width, 1)
    ).astype(np.int16)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def make(
    pdf_bytes: bytes, pages: list[int], name: str, blank: set[str], no_seal: set[int], jpg: bool, turn: int
) -> dict:
    """Scan the given pages of a PDF into fixtures/scans/<name>.pdf (+ .jpg) and describe them."""
    rng = random.Random(name)
    doc = pdfium.PdfDocument(pdf_bytes)
    scans, labels = [], {"source": name, "pages": []}
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as plumber:
        for number in pages:
            image = doc[number - 1].render(scale=DPI / 72).to_pil().convert("RGB")
            words = plumber.pages[number - 1].extract_text_lines()
            drawn = mark_page(image, words, blank, number not in no_seal, rng)
            scans.append(degrade(image, rng, rng.choice([-1.3, -0.8, 0.9, 1.4])))
            labels["pages"].append({"page": number, **drawn})
    out_pdf = OUT / f"{name}.pdf"
    scans[0].save(out_pdf, "PDF", resolution=DPI, save_all=True, append_images=scans[1:], quality=55)
    if jpg:
        scans[0].rotate(-turn, expand=True).save(OUT / f"{name}.jpg", "JPEG", quality=55, dpi=(DPI, DPI))
    (OUT / f"{name}.json").write_text(json.dumps(labels, ensure_ascii=False, indent=1), encoding="utf-8")
    return labels


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pdf", type=Path, help="an electronic case-file PDF (default: the demo case)")
    parser.add_argument("--pages", default="", help="pages to scan, e.g. 1,3 (default: all)")
    parser.add_argument("--name", default="demo_scan")
    parser.add_argument("--blank", action="append", default=[], help="a signature label to leave unsigned")
    parser.add_argument("--no-seal", action="append", type=int, default=[], help="a page to leave unsealed")
    parser.add_argument("--jpg", action="store_true", help="also write the first page as a .jpg")
    parser.add_argument("--turn", type=int, default=90, help="quarter turn of the .jpg (0, 90, 180, 270)")
    args = parser.parse_args()
    data = args.pdf.read_bytes() if args.pdf else demo_pdf()
    count = len(pdfium.PdfDocument(data))
    pages = [int(p) for p in args.pages.split(",") if p] or list(range(1, count + 1))
    OUT.mkdir(parents=True, exist_ok=True)
    labels = make(data, pages, args.name, set(args.blank), set(args.no_seal), args.jpg, args.turn)
    print(json.dumps(labels, ensure_ascii=False))


if __name__ == "__main__":
    main()
