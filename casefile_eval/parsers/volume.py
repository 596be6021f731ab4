"""A folder of page images read as one scanned volume.

Archives digitise a case file one image a page (DA/T 31: `0001.jpg`, `0002.tif`, …, bitonal pages as TIFF
or PNG, pages with seals in colour). Read file by file, every page would start a document of its own and
the second page of a 笔录 or a decision would be cut from its first. A folder holding page images only is
therefore one volume: its images are its pages in name order (a multi-page TIFF gives all its pages), so
documents run on from one image to the next as in a scanned PDF. The volume's source is the folder's name
and its pages are numbered through the folder (page 14 is the 14th image).
"""

from __future__ import annotations

import hashlib

from casefile_eval.model import Block, ImageItem, Page, ParsedFile

IMAGE_FORMAT = "image"
MIN_IMAGES = 2


def is_image_folder(files: list[ParsedFile]) -> bool:
    """Whether a folder's files are all page images (two or more; an unreadable image still counts as one
    of them: its page in the volume stays empty and its warning is kept)."""
    return len(files) >= MIN_IMAGES and all(f.format == IMAGE_FORMAT for f in files)


def as_volume(files: list[ParsedFile], name: str) -> ParsedFile:
    """The page images of a folder, in their order, as the pages of one file named `name`."""
    pages: list[Page] = []
    blocks: list[Block] = []
    images: list[ImageItem] = []
    warnings: list[str] = []
    for file in files:
        page_offset, block_offset = len(pages), len(blocks)
        pages.extend(
            p.model_copy(update={"source": name, "number": p.number + page_offset}) for p in file.pages
        )
        if not file.pages:  # an image that could not be read keeps its place: the pages after keep theirs
            pages.append(Page(source=name, number=page_offset + 1))
        blocks.extend(
            b.model_copy(update={"source": name, "page": _moved(b.page, page_offset)}) for b in file.blocks
        )
        images.extend(
            i.model_copy(
                update={
                    "source": name,
                    "page": _moved(i.page, page_offset),
                    "block_index": _moved(i.block_index, block_offset),
                }
            )
            for i in file.images
        )
        warnings.extend(file.warnings)
    digest = hashlib.sha256("".join(f.sha256 for f in files).encode()).hexdigest()
    return ParsedFile(
        source=name,
        format=IMAGE_FORMAT,
        sha256=digest,
        pages=pages,
        blocks=blocks,
        images=images,
        warnings=warnings,
    )


def _moved(value: int | None, offset: int) -> int | None:
    return None if value is None else value + offset
