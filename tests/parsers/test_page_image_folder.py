"""A folder of page images (an archive digitised one image a page) is one scanned volume: its images are its
pages in name order, so a document runs on from one image to the next; a folder mixing formats keeps one
file per document."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from casefile_eval.model import Block, BlockKind, ImageItem, ImageKind, Page, ParsedFile
from casefile_eval.parsers import parse_path
from casefile_eval.parsers.volume import as_volume, is_image_folder


def _image(path: Path, pages: int = 1) -> None:
    frames = [Image.new("RGB", (60, 80), (250, 250, 250)) for _ in range(pages)]
    frames[0].save(path, save_all=pages > 1, append_images=frames[1:])


def test_a_folder_of_page_images_is_one_volume_numbered_through(tmp_path: Path) -> None:
    case = tmp_path / "卷宗0007"
    case.mkdir()
    _image(case / "0001.jpg")
    _image(case / "0002.png")
    _image(case / "0003.tif", pages=2)  # a multi-page TIFF gives all its pages
    _image(case / "0010.jpg")  # natural name order: 0010 after 0003
    files = parse_path(case, ocr=False)
    assert [(f.source, f.format) for f in files] == [("卷宗0007", "image")]
    assert [(p.source, p.number) for p in files[0].pages] == [("卷宗0007", n) for n in range(1, 6)]


def test_a_folder_mixing_formats_keeps_one_file_per_document(tmp_path: Path) -> None:
    case = tmp_path / "case"
    case.mkdir()
    _image(case / "01.jpg")
    (case / "02.txt").write_text("行政处罚决定书\n当事人：某某公司", encoding="utf-8")
    files = parse_path(case, ocr=False)
    assert [f.source for f in files] == ["01.jpg", "02.txt"]


def _page_file(source: str, text: str, pages: int = 1) -> ParsedFile:
    return ParsedFile(
        source=source,
        format="image",
        sha256=source,
        pages=[Page(source=source, number=n) for n in range(1, pages + 1)],
        blocks=[Block(kind=BlockKind.LINE, text=text, source=source, page=pages)],
        images=[ImageItem(kind=ImageKind.SEAL, source=source, page=pages, block_index=0)],
    )


def test_blocks_and_marks_move_with_their_page() -> None:
    files = [
        _page_file("0001.jpg", "询问笔录"),
        ParsedFile(source="0002.jpg", format="image", sha256="", warnings=["0002.jpg：文件已损坏"]),
        _page_file("0003.tif", "以上笔录我看过", pages=2),
    ]
    assert is_image_folder(files)
    volume = as_volume(files, "卷宗")
    assert [p.number for p in volume.pages] == [1, 2, 3, 4]  # the unreadable image keeps its page
    assert [(b.source, b.page, b.text) for b in volume.blocks] == [
        ("卷宗", 1, "询问笔录"),
        ("卷宗", 4, "以上笔录我看过"),
    ]
    assert [(i.source, i.page, i.block_index) for i in volume.images] == [("卷宗", 1, 0), ("卷宗", 4, 1)]
    assert volume.warnings == ["0002.jpg：文件已损坏"]


def test_one_image_or_a_docx_among_images_is_no_volume() -> None:
    assert not is_image_folder([_page_file("0001.jpg", "送达回证")])
    docx = ParsedFile(source="02.docx", format="docx", sha256="x")
    assert not is_image_folder([_page_file("0001.jpg", "送达回证"), docx])
