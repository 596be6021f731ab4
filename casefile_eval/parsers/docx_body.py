"""Walk a WordprocessingML story (body, header, footer) into blocks in document order.

Paragraphs and tables come in document order (nested tables after the cell that holds them), a
table cell is one block (merged cells once), text boxes are blocks of their own after the paragraph
that anchors them (only `mc:Choice`, never the `mc:Fallback` copy), images are noted with the block
they sit in, and explicit page breaks move the page counter.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from lxml import etree

from casefile_eval.model import Block, BlockKind

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
V = "{urn:schemas-microsoft-com:vml}"

_OFF = {"0", "false", "off"}
_SCAN_TAGS = (
    W + "t",
    W + "tab",
    W + "br",
    W + "cr",
    W + "lastRenderedPageBreak",
    W + "sym",
    W + "noBreakHyphen",
    W + "txbxContent",
    WP + "inline",
    WP + "anchor",
    V + "imagedata",
    V + "textbox",
    MC + "Fallback",
    W + "del",
    W + "moveFrom",
    W + "fldChar",
    W + "instrText",
    W + "fldSimple",
)
# Fields whose cached result is a page number Word lays out anew on every page ("第1页 共1页" in a footer
# that is the same part on every page): the stale result is dropped, not read as text.
_PAGE_FIELDS = {"PAGE", "NUMPAGES", "SECTIONPAGES"}


def _page_field(instruction: str) -> bool:
    words = instruction.split()
    return bool(words) and words[0].upper() in _PAGE_FIELDS


@dataclass
class _Field:
    """A complex field being read: its instruction, and whether its cached result has begun."""

    instruction: str = ""
    in_result: bool = False


def _field_char(fields: list[_Field], kind: str | None) -> None:
    """Follow a complex field: begin opens it, separate starts its cached result, end closes it."""
    if kind == "begin":
        fields.append(_Field())
    elif kind == "separate" and fields:
        fields[-1].in_result = True
    elif kind == "end" and fields:
        fields.pop()


@dataclass
class DrawingRef:
    """An image found in a story, before its bytes are read."""

    rel_id: str | None
    width_emu: int | None
    height_emu: int | None
    name: str | None
    block_index: int = -1
    page: int | None = None
    offset: int | None = None  # an inline image: characters of its block's text before it


@dataclass
class _Para:
    """What one paragraph holds."""

    text: list[str] = field(default_factory=list)
    boxes: list[etree._Element] = field(default_factory=list)
    drawings: list[DrawingRef] = field(default_factory=list)
    page: int = 1


def _placed(para: _Para, start: int) -> list[DrawingRef]:
    """The paragraph's drawings with their offsets in the stripped text it gives, which starts at `start`
    of its block's text."""
    raw = "".join(para.text)
    lead = len(raw) - len(raw.lstrip())
    return [
        d if d.offset is None else replace(d, offset=start + min(max(d.offset - lead, 0), len(raw.strip())))
        for d in para.drawings
    ]


def _on(el: etree._Element | None) -> bool:
    return el is not None and el.get(W + "val", "1") not in _OFF


class StoryWalker:
    """Turns one story into blocks; `paged` is False for headers, footers and text boxes."""

    def __init__(self, source: str, blocks: list[Block], drawings: list[DrawingRef]) -> None:
        self.source = source
        self.blocks = blocks
        self.drawings = drawings
        self.page = 1
        self.page_has_content = False
        self.tables = 0
        self.paged = True
        self.kind = BlockKind.PARAGRAPH

    # ------------------------------------------------------------ pages

    def _break(self, hard: bool) -> None:
        """A page break; a soft one (rendered, pageBreakBefore) is ignored at the top of a page."""
        if not self.paged:
            return
        if self.page_has_content or (hard and self.page > 1):
            self.page += 1
            self.page_has_content = False

    # ------------------------------------------------------------ stories

    def walk(self, container: etree._Element) -> None:
        """Walk the block-level children of a body, cell, header or footer."""
        for child in _block_children(container):
            if child.tag == W + "p":
                self._paragraph(child)
            elif child.tag == W + "tbl":
                self._table(child)

    def walk_flat(self, container: etree._Element, kind: BlockKind) -> None:
        """Header or footer: one block of `kind` per paragraph with text, text boxes included."""
        self.paged, self.kind = False, kind
        for p in container.iter(W + "p"):
            if any(a.tag == MC + "Fallback" for a in p.iterancestors()):
                continue
            para = self._scan(p)
            text = "".join(para.text).strip()
            if text or para.drawings:
                self._emit(kind, text, _placed(para, 0), page=None)

    def _paragraph(self, p: etree._Element) -> None:
        ppr = p.find(W + "pPr")
        if ppr is not None and _on(ppr.find(W + "pageBreakBefore")):
            self._break(hard=False)
        para = self._scan(p)
        text = "".join(para.text).strip()
        if text or para.drawings:
            self._emit(BlockKind.PARAGRAPH, text, _placed(para, 0), para.page)
        self._emit_boxes(para.boxes, para.page)
        if ppr is not None:
            sect = ppr.find(W + "sectPr")
            if sect is not None:
                kind = sect.find(W + "type")
                if kind is None or kind.get(W + "val") not in ("continuous", "nextColumn"):
                    self._break(hard=True)

    def _table(self, tbl: etree._Element) -> None:
        index = self.tables
        self.tables += 1
        for row_index, tr in enumerate(_rows(tbl)):
            col = _grid_before(tr)
            for tc in _cells(tr):
                tcpr = tc.find(W + "tcPr")
                span = _int_val(tcpr.find(W + "gridSpan") if tcpr is not None else None, 1)
                merge = tcpr.find(W + "vMerge") if tcpr is not None else None
                if merge is None or merge.get(W + "val") == "restart":
                    self._cell(tc, index, row_index, col)
                col += span

    def _cell(self, tc: etree._Element, table: int, row: int, col: int) -> None:
        lines: list[str] = []
        boxes: list[etree._Element] = []
        drawings: list[DrawingRef] = []
        nested: list[etree._Element] = []
        page: int | None = None
        for child in _block_children(tc):
            if child.tag == W + "tbl":
                nested.append(child)
                continue
            if child.tag != W + "p":
                continue
            ppr = child.find(W + "pPr")
            if ppr is not None and _on(ppr.find(W + "pageBreakBefore")):
                self._break(hard=False)
            para = self._scan(child)
            page = para.page if page is None else page
            text = "".join(para.text).strip()
            drawings.extend(_placed(para, sum(len(line) + 1 for line in lines)))
            if text:
                lines.append(text)
            boxes.extend(para.boxes)
        block_page = page if page is not None else self.page
        self._emit(BlockKind.CELL, "\n".join(lines), drawings, block_page, table, row, col)
        self._emit_boxes(boxes, block_page)
        for t in nested:
            self._table(t)

    def _emit_boxes(self, boxes: list[etree._Element], page: int | None) -> None:
        for box in boxes:
            paged, self.paged = self.paged, False
            lines: list[str] = []
            drawings: list[DrawingRef] = []
            for p in box.iter(W + "p"):
                para = self._scan(p)
                text = "".join(para.text).strip()
                drawings.extend(_placed(para, sum(len(line) + 1 for line in lines)))
                if text:
                    lines.append(text)
            self.paged = paged
            if lines or drawings:
                kind = BlockKind.TEXTBOX if self.kind == BlockKind.PARAGRAPH else self.kind
                self._emit(kind, "\n".join(lines), drawings, page if self.paged else None)

    def _emit(
        self,
        kind: BlockKind,
        text: str,
        drawings: list[DrawingRef],
        page: int | None,
        table: int | None = None,
        row: int | None = None,
        col: int | None = None,
    ) -> None:
        index = len(self.blocks)
        self.blocks.append(
            Block(kind=kind, text=text, source=self.source, page=page, table=table, row=row, col=col)
        )
        for d in drawings:
            d.block_index, d.page = index, page
            self.drawings.append(d)

    # ------------------------------------------------------------ runs

    def _scan(self, p: etree._Element) -> _Para:
        """Collect a paragraph's own text, its text boxes and drawings, applying its page breaks."""
        para = _Para(page=self.page)
        self._scan_into(p, para)
        return para

    def _scan_into(self, p: etree._Element, para: _Para) -> None:
        skipped: etree._Element | None = None
        fields: list[_Field] = []  # the complex fields open at this point, innermost last
        for el in p.iter(*_SCAN_TAGS):
            if skipped is not None:
                if _below(el, skipped, p):
                    continue
                skipped = None
            tag = el.tag
            if tag == W + "fldChar":
                _field_char(fields, el.get(W + "fldCharType"))
            elif tag == W + "instrText":
                if fields:
                    fields[-1].instruction += el.text or ""
            elif tag == W + "fldSimple":
                if _page_field(el.get(W + "instr") or ""):
                    skipped = el
            elif tag == W + "t":
                in_page_field = any(f.in_result and _page_field(f.instruction) for f in fields)
                if el.text and not in_page_field:
                    para.text.append(el.text)
                    self.page_has_content = True
            elif tag == W + "tab":
                para.text.append("\t")
            elif tag in (W + "br", W + "cr"):
                self._line_break(el, para)
            elif tag == W + "lastRenderedPageBreak":
                self._page_break(para, hard=False)
            elif tag == W + "sym":
                para.text.append(_sym(el))
            elif tag == W + "noBreakHyphen":
                para.text.append("-")
            else:
                skipped = el
                self._special(el, para)

    def _special(self, el: etree._Element, para: _Para) -> None:
        """Text boxes, drawings, VML pictures; a skipped subtree (mc:Fallback, deletions) adds nothing."""
        tag = el.tag
        if tag == W + "txbxContent":
            para.boxes.append(el)
        elif tag in (WP + "inline", WP + "anchor"):
            self._drawing(el, para)
        elif tag == V + "imagedata":
            para.drawings.append(replace(_vml_image(el), offset=len("".join(para.text))))
            self.page_has_content = True
        elif tag == V + "textbox":
            para.boxes.extend(el.iter(W + "txbxContent"))

    def _line_break(self, br: etree._Element, para: _Para) -> None:
        if br.get(W + "type") == "page":
            self._page_break(para, hard=True)
        elif br.get(W + "type") != "column":
            para.text.append("\n")

    def _page_break(self, para: _Para, hard: bool) -> None:
        at_start = not "".join(para.text).strip() and not para.drawings
        self._break(hard)
        if at_start and self.paged:
            para.page = self.page

    def _drawing(self, anchor: etree._Element, para: _Para) -> None:
        extent = anchor.find(WP + "extent")
        doc_pr = anchor.find(WP + "docPr")
        name = None
        if doc_pr is not None:
            name = doc_pr.get("descr") or doc_pr.get("title") or doc_pr.get("name")
        cx = _int_attr(extent, "cx")
        cy = _int_attr(extent, "cy")
        for blip in anchor.iter(A + "blip"):
            if _inside_box(blip, anchor):
                continue
            rel = blip.get(R + "embed") or blip.get(R + "link")
            # an inline picture stands in the text where it is; an anchored one floats
            offset = len("".join(para.text)) if anchor.tag == WP + "inline" else None
            para.drawings.append(DrawingRef(rel, cx, cy, name, offset=offset))
            self.page_has_content = True
        for box in anchor.iter(W + "txbxContent"):
            if not any(a.tag == W + "txbxContent" for a in box.iterancestors()):
                para.boxes.append(box)


def _below(el: etree._Element, root: etree._Element, stop: etree._Element) -> bool:
    """True when `root` is an ancestor of `el` (searching no higher than `stop`)."""
    for parent in el.iterancestors():
        if parent is root:
            return True
        if parent is stop:
            return False
    return False


def _inside_box(el: etree._Element, stop: etree._Element) -> bool:
    """True when `el` sits in a text box below `stop` (its own paragraph reports it)."""
    for parent in el.iterancestors():
        if parent is stop:
            return False
        if parent.tag == W + "txbxContent":
            return True
    return False


def _block_children(container: etree._Element) -> Iterator[etree._Element]:
    """Block-level children, looking through content controls and custom XML wrappers."""
    for child in container:
        if child.tag in (W + "sdt", W + "customXml"):
            inner = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
            if inner is not None:
                yield from _block_children(inner)
        else:
            yield child


def _rows(tbl: etree._Element) -> Iterator[etree._Element]:
    for child in _block_children(tbl):
        if child.tag == W + "tr":
            yield child


def _cells(tr: etree._Element) -> Iterator[etree._Element]:
    for child in _block_children(tr):
        if child.tag == W + "tc":
            yield child


def _grid_before(tr: etree._Element) -> int:
    trpr = tr.find(W + "trPr")
    return _int_val(trpr.find(W + "gridBefore") if trpr is not None else None, 0)


def _int_val(el: etree._Element | None, default: int) -> int:
    if el is None:
        return default
    try:
        return int(el.get(W + "val", default))
    except ValueError:
        return default


def _int_attr(el: etree._Element | None, name: str) -> int | None:
    if el is None:
        return None
    try:
        return int(el.get(name, ""))
    except ValueError:
        return None


def _sym(el: etree._Element) -> str:
    try:
        code = int(el.get(W + "char", ""), 16)
    except ValueError:
        return ""
    return chr(code - 0xF000) if 0xF000 <= code <= 0xF0FF else chr(code)


def _vml_image(el: etree._Element) -> DrawingRef:
    """An old-style VML picture: size from the shape's style (pt), title as name."""
    shape = el.getparent()
    style = shape.get("style", "") if shape is not None else ""
    dims: dict[str, int] = {}
    for item in style.split(";"):
        key, _, value = item.partition(":")
        value = value.strip()
        if key.strip() in ("width", "height") and value.endswith("pt"):
            try:
                dims[key.strip()] = round(float(value[:-2]) * 12700)
            except ValueError:
                continue
    name = el.get("{urn:schemas-microsoft-com:office:office}title") or (
        shape.get("alt") if shape is not None else None
    )
    return DrawingRef(el.get(R + "id"), dims.get("width"), dims.get("height"), name or None)
