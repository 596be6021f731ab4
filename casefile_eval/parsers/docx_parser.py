"""Read a .docx: headers, body (paragraphs, tables, text boxes) and footers, images, explicit pages.

The package is read with zipfile and lxml directly: python-docx parses every part (styles,
numbering, theme) on open, which costs more than the whole body walk, and its paragraph API misses
text boxes, nested content and anchored images anyway.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from casefile_eval.model import Block, BlockKind, ImageItem, Page, ParsedFile
from casefile_eval.parsers.common import EMU_PER_POINT, MAX_FILE_BYTES, empty, unreadable
from casefile_eval.parsers.docx_body import DrawingRef, R, StoryWalker, W
from casefile_eval.parsers.header_rows import grid_reading_order
from casefile_eval.parsers.imageclass import classify_bytes
from casefile_eval.parsers.labels_right import labels_first

_PKG_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_DOC = "/officeDocument"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)


class _Package:
    """The parts of an open .docx zip."""

    def __init__(self, zf: zipfile.ZipFile, source: str) -> None:
        self.zf = zf
        self.source = source
        self.names = set(zf.namelist())

    def xml(self, name: str) -> etree._Element:
        info = self.zf.getinfo(name)
        if info.file_size > MAX_FILE_BYTES:
            raise unreadable(self.source, f"{name} 过大")
        return etree.fromstring(self.zf.read(name), _PARSER)

    def main_part(self) -> str:
        if "_rels/.rels" in self.names:
            for rel in self.xml("_rels/.rels").iter(_PKG_RELS + "Relationship"):
                if rel.get("Type", "").endswith(_OFFICE_DOC):
                    return rel.get("Target", "").lstrip("/")
        return "word/document.xml"

    def rels(self, part: str) -> dict[str, str]:
        """Relationship id → part name (internal targets only)."""
        folder, name = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", name + ".rels")
        if rels_name not in self.names:
            return {}
        out: dict[str, str] = {}
        for rel in self.xml(rels_name).iter(_PKG_RELS + "Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            full = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            out[rel.get("Id", "")] = posixpath.normpath(full)
        return out


def parse_docx(path: Path, source: str, sha256: str, fmt: str = "docx") -> ParsedFile:
    """Parse a .docx file into a `ParsedFile` (raises `CaseReadError` when it cannot be read)."""
    try:
        with zipfile.ZipFile(path) as zf:
            return _parse(_Package(zf, source), source, sha256, fmt)
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, EOFError, ValueError) as exc:
        raise unreadable(source, type(exc).__name__) from exc


def _parse(pkg: _Package, source: str, sha256: str, fmt: str) -> ParsedFile:
    main = pkg.main_part()
    if main not in pkg.names:
        raise unreadable(source, "缺少正文部件")
    root = pkg.xml(main)
    body = root.find(W + "body")
    if body is None:
        raise unreadable(source, "缺少 w:body")
    rels = pkg.rels(main)
    headers, footers = _header_footer_parts(body, rels)
    blocks: list[Block] = []
    images: list[ImageItem] = []
    for part in headers:
        _walk_part(pkg, part, BlockKind.HEADER, blocks, images)
    drawings: list[DrawingRef] = []
    walker = StoryWalker(source, blocks, drawings)
    walker.walk(body)
    images.extend(_images(pkg, rels, drawings))
    for part in footers:
        _walk_part(pkg, part, BlockKind.FOOTER, blocks, images)
    if not any(b.text for b in blocks) and not images:
        raise empty(source)
    pages = _pages(body, source, blocks, images)
    blocks, images = grid_reading_order(*labels_first(blocks, images))
    return ParsedFile(source=source, format=fmt, sha256=sha256, pages=pages, blocks=blocks, images=images)


def _header_footer_parts(body: etree._Element, rels: dict[str, str]) -> tuple[list[str], list[str]]:
    """Header and footer parts named by the section properties, each once, in document order."""
    headers: list[str] = []
    footers: list[str] = []
    for sect in body.iter(W + "sectPr"):
        for ref in sect:
            target = rels.get(ref.get(R + "id", ""))
            if target is None:
                continue
            if ref.tag == W + "headerReference" and target not in headers:
                headers.append(target)
            elif ref.tag == W + "footerReference" and target not in footers:
                footers.append(target)
    return headers, footers


def _walk_part(
    pkg: _Package, part: str, kind: BlockKind, blocks: list[Block], images: list[ImageItem]
) -> None:
    if part not in pkg.names:
        return
    drawings: list[DrawingRef] = []
    StoryWalker(pkg.source, blocks, drawings).walk_flat(pkg.xml(part), kind)
    images.extend(_images(pkg, pkg.rels(part), drawings))


def _images(pkg: _Package, rels: dict[str, str], drawings: list[DrawingRef]) -> list[ImageItem]:
    out: list[ImageItem] = []
    for d in drawings:
        width = d.width_emu / EMU_PER_POINT if d.width_emu else None
        height = d.height_emu / EMU_PER_POINT if d.height_emu else None
        target = rels.get(d.rel_id or "")
        size = (width, height) if width and height else None
        data = pkg.zf.read(target) if target in pkg.names else b""
        cls = classify_bytes(data, size) if data else None
        if cls is not None and cls.blank:
            continue  # (an image without ink shows nothing: no mark, no signature)
        out.append(
            ImageItem(
                kind=cls.kind if cls else "unknown",
                source=pkg.source,
                page=d.page,
                block_index=d.block_index,
                width=round(width, 2) if width else None,
                height=round(height, 2) if height else None,
                name=d.name,
                confidence=cls.confidence if cls else 0.0,
                ink_offset=d.offset,
                ref=target if target in pkg.names else None,
            )
        )
    return out


def _pages(body: etree._Element, source: str, blocks: list[Block], images: list[ImageItem]) -> list[Page]:
    """Pages 1..n from the explicit breaks, sized from the last section's page size."""
    last = max([b.page for b in blocks if b.page] + [i.page for i in images if i.page] + [1])
    width = height = None
    sect = body.find(W + "sectPr")
    size = sect.find(W + "pgSz") if sect is not None else None
    if size is not None:
        try:
            width = int(size.get(W + "w", "")) / 20
            height = int(size.get(W + "h", "")) / 20
        except ValueError:
            width = height = None
    return [Page(source=source, number=n, width=width, height=height) for n in range(1, last + 1)]
