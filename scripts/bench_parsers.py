"""Time the parsers on a 30-document electronic case: 30 .docx files and one 40-page text PDF.

Uses fixtures/cases/*/ when present, else generates inputs (python-docx, reportlab STSong-Light).
Run: python scripts/bench_parsers.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from docx import Document
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from casefile_eval.parsers import parse_path

ROOT = Path(__file__).resolve().parents[1]
BODY = (
    "经查，当事人于二〇二四年三月五日在其经营场所销售过期食品，"
    "违反了《中华人民共和国食品安全法》第三十四条第十项的规定。"
)


def make_docx_case(folder: Path, count: int = 30) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(1, count + 1):
        doc = Document()
        doc.sections[0].footer.paragraphs[0].text = f"第 {i} 页"
        doc.add_paragraph("某某市市场监督管理局")
        doc.add_paragraph(f"文书{i}")
        doc.add_paragraph(f"市监罚〔2024〕{i}号")
        table = doc.add_table(rows=6, cols=4)
        for r in range(6):
            for c in range(4):
                table.cell(r, c).text = f"项目{r}{c}"
        for _ in range(12):
            doc.add_paragraph(BODY)
        doc.add_paragraph("二〇二四年三月五日")
        doc.save(folder / f"{i:02d}文书.docx")
    return folder


def make_pdf(path: Path, pages: int = 40) -> Path:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    for p in range(1, pages + 1):
        c.setFont("STSong-Light", 12)
        for line in range(28):
            c.drawString(72, 780 - line * 25, BODY[: 30 + line % 10])
        c.drawString(270, 40, f"第{p}页 共{pages}页")
        c.showPage()
    c.save()
    return path


def timeit(path: Path, repeat: int = 7) -> tuple[float, int, int]:
    parse_path(path)  # warm-up (imports, font caches)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        files = parse_path(path)
        times.append(time.perf_counter() - start)
    pages = sum(len(f.pages) for f in files)
    return statistics.median(times), len(files), pages


def main() -> int:
    inputs: list[tuple[str, Path]] = []
    fixtures = sorted((ROOT / "fixtures" / "cases").glob("*/"))
    with tempfile.TemporaryDirectory() as tmp:
        if fixtures:
            case = fixtures[0]
            inputs += [
                ("fixture docx folder", case / "docx"),
                ("fixture case PDF", case / f"{case.name}.pdf"),
            ]
        inputs += [
            ("generated 30 docx", make_docx_case(Path(tmp) / "docx")),
            ("generated 40-page PDF", make_pdf(Path(tmp) / "case.pdf")),
        ]
        for label, path in inputs:
            if not path.exists():
                continue
            median, files, pages = timeit(path)
            per = median / files if path.is_dir() else median / max(pages, 1)
            unit = "file" if path.is_dir() else "page"
            total = f"{median * 1000:7.1f} ms"
            print(f"{label:24s} {files:3d} files {pages:4d} pages  {total}  {per * 1000:5.2f} ms/{unit}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
