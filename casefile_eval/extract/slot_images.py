"""Which signature slot each image of a document fills.

An image belongs to a slot when it sits in the slot's label or value blocks, in an image-only block right
below (or above) them, or — on a PDF page — over the slot's label line (this wins over a neighbouring
slot whose value is already written) or right under the label line of an unsigned slot. Where one line
or paragraph holds several labels ("被询问人签名：   询问人：   记录人："), an image goes to the label it
follows: by its x position on a PDF page (label positions estimated along the line), else in reading order
to the labels whose value holds no written name.

Whatever the classifier called it, an image in a slot is taken as the signature there, with a confidence
by its kind (a typeset or coloured handwritten name is often classed as a photo). Two exceptions keep the
agency's own seal out of officers' slots: a seal image counts for an officer-side slot only when the label
asks for a seal (…盖章/签章) and the image is in the slot's own blocks; and a large photo reached only as
a neighbour is a photo, not a signature.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from casefile_eval.codes import Role
from casefile_eval.extract.dates import find_dates
from casefile_eval.extract.line_geometry import column_cuts, offset_xs, token_end
from casefile_eval.extract.text import DocText
from casefile_eval.model import BBox, BlockKind, ImageItem, ImageKind
from casefile_eval.textnorm import is_agency_foot

KIND_CONFIDENCE = {
    ImageKind.SIGNATURE: 0.95,
    ImageKind.SEAL: 0.9,
    ImageKind.PHOTO: 0.7,
    ImageKind.UNKNOWN: 0.7,
}
SIGNATURE_MAX_WIDTH = 170.0  # points (≈6 cm): wider than this, a neighbour image is not a signature
SIGNATURE_MAX_HEIGHT = 85.0  # points (≈3 cm)
BESIDE_VALUE = 4.0  # line heights left of ink beyond which its nearest line is not where it was written...
UNDER_REACH = 5.0  # ...and it may hang this many line heights under the label line of its cell
LABEL_START_SLACK = 0.5  # line heights left of a label's start where ink may still be its own
CAPTION_REACH = 1.5  # line heights from the middle of ink down to the caption line of the blank it is on
CAPTION_GAP = 1.0  # ...or from the ink's foot down to it (a tall signature over a caption under its rule)
CAPTION_OVERLAP = 0.5  # line heights the ink's foot may reach into the caption line
CORNER_CAPTION = 12  # characters of a caption alone on its line in a box's corner (被询问人签名（捺印）)
_COLON = re.compile("[:：]")
_SEAL_ROLES = (Role.PARTY, Role.RECIPIENT)


@dataclass(frozen=True)
class Place:
    """Where a slot is: its blocks (label block first), the label's offset in that block, whether its
    value already holds a written name, its role and whether the label asks for a seal."""

    blocks: tuple[int, ...]
    start: int
    text_filled: bool
    role: Role
    seal_label: bool
    caption: bool = False  # a caption after (or under) the blank it names: its ink stands left of or over it


def _centre_x(box: BBox) -> float:
    return (box.x0 + box.x1) / 2


def _lead_x(box: BBox) -> float:
    """The middle of the first quarter of an image: where the handwriting in it starts."""
    return box.x0 + (box.x1 - box.x0) / 8


def _along_line(
    dt_: DocText, places: list[Place], owners: list[int], images: list[ImageItem]
) -> list[int] | None:
    """The label each image on one line goes to: the nearest label on its left, one image per label
    (an image whose label is taken goes to the next free label right of the last one given, and extra
    images stay with that last label). None when the labels' positions cannot be estimated."""
    lines = {places[k].blocks[0] for k in owners}
    centres = [_centre_x(im.bbox) for im in images if im.bbox is not None]
    if len(lines) != 1 or len(centres) != len(images):
        return None
    xs = offset_xs(dt_, lines.pop(), [places[k].start for k in owners])
    if xs is None:
        return None
    labels = sorted(zip(xs, owners, strict=True))
    em = _line_height(dt_, places[owners[0]].blocks[0])
    below = _under_columns(dt_, places, owners, images)
    if below is not None:
        return below
    if all(places[k].caption for k in owners):  # "＿＿（被询问人签名）　＿＿（询问人签名）"
        return [_caption_of(dt_, places, owners, labels, image) for image in images]
    chosen: list[int] = [0] * len(images)
    last = -1
    for i in sorted(range(len(images)), key=lambda i: centres[i]):
        left = max((n for n, (x, _) in enumerate(labels) if x <= centres[i]), default=0)
        # well inside its label's stretch an image stays there (two officers signing after 询问人：)
        inside_ = left + 1 < len(labels) and centres[i] < labels[left + 1][0] - em
        n = left if inside_ and left == last else min(max(left, last + 1), len(labels) - 1)
        chosen[i] = labels[n][1]
        last = n
    return chosen


def _over_caption(dt_: DocText, places: list[Place], image: ImageItem) -> list[int]:
    """On a PDF page, the caption whose blank the image was written on, where the image is nearest to
    another line (a date written beside): on the caption line right under it (its top within CAPTION_REACH
    line heights below the image's middle, or within CAPTION_GAP of the image's foot), the caption under
    the image's lead, else the first caption right of it."""
    box = image.bbox
    if box is None:
        return []
    middle = (box.top + box.bottom) / 2
    rows: dict[int, list[int]] = {}
    tops: dict[int, float] = {}
    # (a caption is often printed smaller than the line the ink stands on: the larger height measures)
    own = dt_.doc.blocks[image.block_index].bbox if image.block_index is not None else None
    own_height = own.bottom - own.top if own is not None else 0.0
    for k, place in enumerate(places):
        line = dt_.doc.blocks[place.blocks[0]]
        if place.caption and line.bbox is not None and line.page == image.page:
            height = max(line.bbox.bottom - line.bbox.top, own_height)
            near = 0 <= line.bbox.top - middle <= CAPTION_REACH * height
            # a tall signature on the rule, its caption printed right under the rule
            foot = -CAPTION_OVERLAP * height <= line.bbox.top - box.bottom <= CAPTION_GAP * height
            if near or foot:
                rows.setdefault(place.blocks[0], []).append(k)
                tops[place.blocks[0]] = line.bbox.top
    if not rows:
        return []
    index = min(rows, key=lambda i: tops[i])
    owners = rows[index]
    xs = offset_xs(dt_, index, [places[k].start for k in owners])
    if xs is None:
        return []
    # a caption printed under its rule, the ink written over it from its start: the caption under the lead
    beneath = _under_lead(dt_, places, owners, box)
    if beneath is not None:
        return [beneath]
    labels = sorted(zip(xs, owners, strict=True))
    return [_label_right_of(labels, _centre_x(box))]


def _under_lead(dt_: DocText, places: list[Place], owners: list[int], box: BBox) -> int | None:
    """The caption of one line (`owners`) whose stretch lies under the lead of the ink in `box`."""
    index = places[owners[0]].blocks[0]
    text = dt_.doc.blocks[index].text
    starts = offset_xs(dt_, index, [places[k].start for k in owners])
    ends = offset_xs(dt_, index, [token_end(text, places[k].start) for k in owners])
    if starts is None or ends is None:
        return None
    lead = _lead_x(box)
    em = _line_height(dt_, index)
    return next((k for x, end, k in zip(starts, ends, owners, strict=True) if x - em <= lead <= end), None)


def _caption_of(
    dt_: DocText, places: list[Place], owners: list[int], labels: list[tuple[float, int]], image: ImageItem
) -> int:
    """The caption an image on a line of captions goes to: ink standing over the line was written over
    the caption under its lead (the rule is above the caption); other ink on a blank before its caption."""
    box, line = image.bbox, dt_.doc.blocks[places[owners[0]].blocks[0]].bbox
    assert box is not None
    if line is not None and box.bottom <= line.top + CAPTION_OVERLAP * (line.bottom - line.top):
        beneath = _under_lead(dt_, places, owners, box)
        if beneath is not None:
            return beneath
    return _label_right_of(labels, _centre_x(box))


def _label_left_of(xs: list[float], owners: list[int], x: float) -> int | None:
    """Of labels starting at `xs`, the nearest one starting left of `x` (None when none does)."""
    left = [(start, k) for start, k in zip(xs, owners, strict=True) if start <= x]
    return max(left)[1] if left else None


def _label_right_of(labels: list[tuple[float, int]], centre: float) -> int:
    """The first label (x, place) whose caption starts right of an image's middle; the last one for ink
    beyond them all."""
    return next((k for x, k in labels if x >= centre), labels[-1][1])


def _under_columns(
    dt_: DocText, places: list[Place], owners: list[int], images: list[ImageItem]
) -> list[int] | None:
    """Where every image lies wholly below the line of labels (a grid's row of field names,
    "受送达人签名或盖章 送达人签名", with the ink in the cells under them): each image to the label whose
    column holds its lead (a name is written from the left and may run on towards the next label), a
    column reaching halfway to the next label. None when an image stands on
    the line itself (ink written after its label goes to the label on its left, see `_along_line`)."""
    index = places[owners[0]].blocks[0]
    line = dt_.doc.blocks[index].bbox
    boxes = [im.bbox for im in images if im.bbox is not None]
    if line is None or len(boxes) != len(images) or any(box.top < line.bottom for box in boxes):
        return None
    labels = sorted(owners, key=lambda k: places[k].start)
    cuts = column_cuts(dt_, index, [places[k].start for k in labels])
    if cuts is None:
        return None
    return [labels[sum(_lead_x(box) >= cut for cut in cuts)] for box in boxes]


def _line_height(dt_: DocText, index: int) -> float:
    box = dt_.doc.blocks[index].bbox
    return box.bottom - box.top if box is not None else 0.0


def _blank(dt_: DocText, index: int) -> bool:
    return 0 <= index < len(dt_.blocks) and not dt_.squeezed(index)


def _overlaps_label_line(dt_: DocText, place: Place, image: ImageItem) -> bool:
    """Whether the image overlaps the label's line, not left of the label (a line holding several
    labels: ink standing under the first one is no ink of the last)."""
    block = dt_.doc.blocks[place.blocks[0]]
    box = image.bbox
    if block.bbox is None or box is None or block.page != image.page:
        return False
    if not (box.top < block.bbox.bottom and box.bottom > block.bbox.top and box.x1 > block.bbox.x0):
        return False
    xs = offset_xs(dt_, place.blocks[0], [place.start]) if place.start > 0 else None
    return xs is None or _centre_x(box) >= xs[0] - LABEL_START_SLACK * (block.bbox.bottom - block.bbox.top)


def _small(image: ImageItem) -> bool:
    width = image.width or (image.bbox.x1 - image.bbox.x0 if image.bbox else None)
    height = image.height or (image.bbox.bottom - image.bbox.top if image.bbox else None)
    if width is None or height is None:
        return False
    return width < SIGNATURE_MAX_WIDTH and height < SIGNATURE_MAX_HEIGHT


def _signs_over_labels(dt_: DocText, places: list[Place]) -> bool:
    """Whether the form puts the ink on a blank line over each label ("[ink]" over "受送达人（签字）"): some
    label has a blank line (not a table cell, no slot's own) over it that cannot be the line under an
    unsigned label before it, and the last label has no blank line under it (nor in the lines its value
    runs on into)."""
    if not places:
        return False
    taken = {b for p in places for b in p.blocks}
    open_ends = {p.blocks[-1] for p in places if not p.text_filled}
    over = any(
        _blank(dt_, p.blocks[0] - 1)
        and dt_.doc.blocks[p.blocks[0] - 1].kind is not BlockKind.CELL
        and p.blocks[0] - 1 not in taken
        and p.blocks[0] - 2 not in open_ends
        for p in places
    )
    last = max(places, key=lambda p: p.blocks[0])
    return over and not any(_blank(dt_, b) for b in (*last.blocks[1:], last.blocks[-1] + 1))


def _neighbours(dt_: DocText, places: list[Place], image: ImageItem, b: int, over_labels: bool) -> list[int]:
    if image.kind in (ImageKind.PHOTO, ImageKind.UNKNOWN) and not _small(image):
        return []
    if _blank(dt_, b):
        above = _column_above(dt_, places, b)
        if above:
            return above
        below = [k for k, p in enumerate(places) if p.blocks[-1] + 1 == b]
        over = [k for k, p in enumerate(places) if p.blocks[0] - 1 == b]
        if image.kind is ImageKind.SEAL and _after_closing(dt_, b):
            over = []  # the agency's seal put after its 落款, not a mark of the slot under it
        return over if over and (not below or over_labels) else below
    beside = [
        k
        for k, p in enumerate(places)
        if _overlaps_label_line(dt_, p, image) and _seal_on_line(dt_, p, image)
    ]
    if beside:
        return _stretch_of(dt_, places, beside, image)
    under = _under_label_line(dt_, places, image, b)
    # a seal is told apart here, before slots that take no seal drop out of the choice
    return _stretch_of(dt_, places, under, image) if image.kind is ImageKind.SEAL else under


def _after_closing(dt_: DocText, b: int) -> bool:
    """Whether the nearest written block before block `b` closes a 落款: the agency's name, or a date with
    that name right above it (汝州市城市管理局 / 2025年7月8日 / [seal] / 当事人签收：…)."""
    written = [i for i in range(b - 1, max(b - 3, -1), -1) if not _blank(dt_, i)]
    if not written:
        return False
    last = dt_.blocks[written[0]]
    if is_agency_foot(last):
        return True
    dates = find_dates(last)
    rest = last
    for date in dates:
        rest = rest.replace(date.raw, "")
    dated = bool(dates) and not rest.strip(" \t:：")
    return dated and len(written) > 1 and is_agency_foot(dt_.blocks[written[1]])


def _seal_on_line(dt_: DocText, place: Place, image: ImageItem) -> bool:
    """Whether a seal is pressed on the label's line: the line crosses the middle half of the seal, not
    only its rim (an agency seal over the 落款 grazing the 当事人签名 line above it is the 落款's)."""
    line, box = dt_.doc.blocks[place.blocks[0]].bbox, image.bbox
    if image.kind is not ImageKind.SEAL or line is None or box is None:
        return True
    quarter = (box.bottom - box.top) / 4
    return line.bottom > box.top + quarter and line.top < box.bottom - quarter


def _stretch_of(dt_: DocText, places: list[Place], beside: list[int], image: ImageItem) -> list[int]:
    """Of several labels on one line an image overlaps, the one whose stretch its middle lies in (the
    nearest label starting left of it): an agency seal pressed over the 落款 under the line
    "当事人签收：　执法人员签名：" reaches up across it but stands in the officer's stretch, not the
    party's."""
    box = image.bbox
    lines = {places[k].blocks[0] for k in beside}
    if box is None or len(beside) < 2 or len(lines) != 1:
        return beside
    xs = offset_xs(dt_, lines.pop(), [places[k].start for k in beside])
    if xs is None:
        return beside
    left = _label_left_of(xs, beside, _centre_x(box))
    return [left] if left is not None else beside


def _column_above(dt_: DocText, places: list[Place], b: int) -> list[int]:
    """For an empty table cell, the slots whose label is the nearest written cell above it in its column
    (a row of labels "被检查人签字： | 执法人员： | 记录人：" over a row of cells signed in)."""
    column = [i for i in dt_.cells_above(b) if not _blank(dt_, i)]
    if not column:
        return []
    label = max(column, key=lambda i: dt_.doc.blocks[i].row or 0)
    return [k for k, p in enumerate(places) if p.blocks[-1] == label]


def _under_label_line(dt_: DocText, places: list[Place], image: ImageItem, b: int) -> list[int]:
    """On a PDF page, the unsigned slots whose label line the image hangs right under (its top within two
    line heights below the line, overlapping it across): ink written below a label that stands alone on
    its line or ends it ("法制审核人员", "同意立案。 签名："), whatever line the image is nearest to (a
    date or a 证号 beside the ink). Where that nearest line stands well left of the image (a date in the
    next cell), the ink may hang lower in its tall cell (UNDER_REACH). Several slots of one label line
    ("受送达人签名或盖章 送达人签名") are all given, to be told apart by x."""
    box = image.bbox
    if box is None:
        return []
    nearest = dt_.doc.blocks[b].bbox
    aside = nearest is not None and box.x0 - nearest.x1 > BESIDE_VALUE * (nearest.bottom - nearest.top)
    best: list[tuple[float, int]] = []
    for k, place in enumerate(places):
        line = _lowest_across(dt_, place, image.page, box)
        if place.text_filled or line is None:
            continue
        gap = box.top - line.bottom
        height = line.bottom - line.top
        reach = (UNDER_REACH if aside else 2) * height
        if -0.5 * height <= gap <= reach:
            best.append((gap, k))
    nearest_gap = min((gap for gap, _ in best), default=None)
    return [k for gap, k in best if gap == nearest_gap]


def _lowest_across(dt_: DocText, place: Place, page: int | None, box: BBox) -> BBox | None:
    """The lowest line of a slot on the page that stands across the image's x range: the label line a
    signature hangs under ("受送达人签名或 签收人" over "盖章", the ink under the box's caption 签收人, not
    under the wrapped 盖章 left of it)."""
    lines = [
        block.bbox
        for block in (dt_.doc.blocks[i] for i in place.blocks)
        if block.page == page and block.bbox is not None and block.bbox.x0 < box.x1 and block.bbox.x1 > box.x0
    ]
    return max(lines, key=lambda line: line.bottom) if lines else None


def _accepts(place: Place, image: ImageItem, own: bool) -> bool:
    if image.kind is not ImageKind.SEAL or place.role in _SEAL_ROLES:
        return True
    return own and place.seal_label


def _owners(dt_: DocText, places: list[Place], image: ImageItem, over_labels: bool) -> list[int]:
    """The places an image may fill, before choosing among several (`over_labels`: the form signs on a
    blank line over each label, see `_signs_over_labels`)."""
    b = image.block_index
    if b is None:
        return []
    owners = [k for k, p in enumerate(places) if b in p.blocks]
    # a label on the image's own line wins over a slot whose value merely runs on into that line
    owners = [k for k in owners if places[k].blocks[0] == b] or owners
    ran_on = owners and places[owners[0]].blocks[0] != b and dt_.doc.blocks[b].kind is not BlockKind.CELL
    if ran_on and over_labels and _blank(dt_, b):
        # a blank line of ink a value ran on into is the signing over the next label
        owners = [k for k, p in enumerate(places) if p.blocks[0] == b + 1] or owners
    beside = _beside_label(places, owners, image)
    own = bool(owners)
    if owners and all(places[k].caption for k in owners) and _below_line(dt_, b, image):
        # ink under a line of captions is written over the next line of captions, not on this one
        owners = _over_caption(dt_, places, image) or owners
    if owners and not beside and _before_labels(dt_, places, owners, image):
        # ink on a line ahead of all its labels, over a caption under the rule: the caption's
        # ("[ink] 执法人员：[ink]" over "（当事人签名）")
        under = _over_caption(dt_, places, image) or _label_above(dt_, places, image)
        owners, own = (under, False) if under else (owners, own)
    if beside:
        owners = beside  # OCR found the ink after this label on its line
    elif not owners:
        owners = _over_caption(dt_, places, image) or _neighbours(dt_, places, image, b, over_labels)
    elif all(places[k].text_filled for k in owners):
        # on a PDF page the image may be nearest to a filled line while it covers a blank slot's line:
        # the label of that line whose stretch it stands in ("询问人签字：____ 记录人签字：李刚", the
        # top of 李 read as a mark of the line above stands in 记录人's stretch, not over the blank)
        across = [k for k, p in enumerate(places) if _overlaps_label_line(dt_, p, image)]
        blank = [k for k in _stretch_of(dt_, places, across, image) if not places[k].text_filled]
        owners, own = (blank, False) if blank else (owners, own)
    return [k for k in owners if _accepts(places[k], image, own)]


def _before_labels(dt_: DocText, places: list[Place], owners: list[int], image: ImageItem) -> bool:
    """Whether the image ends left of where every label of its line starts (no label before it)."""
    if image.bbox is None or image.block_index is None:
        return False
    line = [k for k in owners if places[k].blocks[0] == image.block_index]
    if not line:
        return False
    xs = offset_xs(dt_, image.block_index, [places[k].start for k in line])
    return xs is not None and image.bbox.x1 <= min(xs)


def _label_above(dt_: DocText, places: list[Place], image: ImageItem) -> list[int]:
    """For ink ahead of every label of its line: the blank slot whose label stands on the line right above,
    starting left of the ink, the ink's top between the two lines: a caption alone in a box's corner
    ("被询问人签名", the date in the other corner, the name written between) or a row of column headings
    without colons ("被检查人签章/手印 执法人员签字 记录员 见证人", each signed under its heading)."""
    b = image.block_index
    box = image.bbox
    if b is None or box is None or b < 1:
        return []
    upper, own = dt_.doc.blocks[b - 1], dt_.doc.blocks[b].bbox
    if upper.bbox is None or own is None or upper.page != image.page or upper.kind is not BlockKind.LINE:
        return []
    if not upper.bbox.top <= box.top < own.top:  # written in the space between the two lines
        return []
    line = [k for k, p in enumerate(places) if p.blocks[0] == b - 1 and not p.text_filled]
    text = dt_.squeezed(b - 1)
    corner = len(line) == 1 and len(text) <= CORNER_CAPTION
    headings = len(line) > 1 and not _COLON.search(text)  # 被检查人签章 执法人员签字 记录员 见证人
    if not corner and not headings:
        return []  # not a row whose labels sign after their colons on the line itself
    xs = offset_xs(dt_, b - 1, [places[k].start for k in line])
    if xs is None:
        return []
    left = _label_left_of(xs, line, _lead_x(box))
    return [left] if left is not None else []


def _below_line(dt_: DocText, index: int, image: ImageItem) -> bool:
    """Whether the image stands wholly under the line (its top below the line's foot)."""
    line = dt_.doc.blocks[index].bbox
    return line is not None and image.bbox is not None and image.bbox.top >= line.bottom


def _beside_label(places: list[Place], owners: list[int], image: ImageItem) -> list[int]:
    """Of several labels in the image's block, the one OCR ink stands after: the last label starting left
    of it (`ImageItem.ink_offset`); for captions after their blanks, the first caption right of it."""
    if image.ink_offset is None or len(owners) < 2:
        return []
    if all(places[k].caption for k in owners):  # ink stands before its caption: the first one after it
        after = [k for k in owners if places[k].start >= image.ink_offset]
        return [min(after, key=lambda k: places[k].start)] if after else []
    before = [
        k for k in owners if places[k].blocks[0] == image.block_index and places[k].start < image.ink_offset
    ]
    return [max(before, key=lambda k: places[k].start)] if before else []


def assign_images(dt_: DocText, places: list[Place]) -> list[list[ImageItem]]:
    """For every place, the images that fill it (each image goes to one place at most)."""
    out: list[list[ImageItem]] = [[] for _ in places]
    shared: dict[tuple[int, ...], list[ImageItem]] = {}  # images among the same several labels
    over_labels = _signs_over_labels(dt_, places)
    for image in dt_.doc.images:
        owners = _owners(dt_, places, image, over_labels)
        if len(owners) == 1:
            out[owners[0]].append(image)
        elif owners:
            shared.setdefault(tuple(owners), []).append(image)
    for group, images in shared.items():
        chosen = _along_line(dt_, places, list(group), images) or _in_order(places, list(group), images)
        for k, image in zip(chosen, images, strict=True):
            out[k].append(image)
    return out


def _in_order(places: list[Place], owners: list[int], images: list[ImageItem]) -> list[int]:
    """Without positions: images in reading order to the labels whose value holds no written name."""
    open_ = [k for k in owners if not places[k].text_filled] or owners
    return [open_[min(n, len(open_) - 1)] for n in range(len(images))]


def image_confidence(images: list[ImageItem]) -> float:
    """How sure a slot filled by these images is signed: by the most telling kind among them."""
    return max(KIND_CONFIDENCE[im.kind] for im in images)


def image_count(images: list[ImageItem]) -> int | None:
    """How many signatures the images are: each image as large as half the largest one at least, both
    ways (a sliver or a small stamp beside a signature is no signature of its own). None on a scanned
    page: OCR marks each group of ink strokes lying apart, and one person's name written in pieces cannot
    be told from two names written close together (measured: on two independent scanned families this
    count gave more false findings than it found). At least the names read in the pictures; None for a
    picture wide enough to hold two names whose reading does not show them."""
    if any((im.name or "").startswith("ocr:") for im in images):
        return None
    # one picture may hold two names written apart (何振东 吕晓燕, or read run together: 杜海寿冯静)
    read = sum(_names_read(im.reading or "") for im in images)
    boxes = [b for b in (_box(im) for im in images) if b is not None]
    if len(boxes) < len(images):
        return max(len(images), read)
    if read < 2 and any(b[2] - b[0] >= TWO_NAMES_WIDE * (b[3] - b[1]) for b in boxes):
        return None  # a picture as wide as two names side by side, read as less: no telling
    wide = max(b[2] - b[0] for b in boxes)
    tall = max(b[3] - b[1] for b in boxes)
    return max(sum(1 for b in boxes if b[2] - b[0] >= 0.5 * wide and b[3] - b[1] >= 0.5 * tall), read)


# a run of Han characters read in a picture of handwriting, standing apart from the rest
_HAN_RUN = re.compile(r"(?<!\S)[\u4e00-\u9fff]{2,}(?!\S)")
NAME_CHARS = 4  # a name has two to four characters: a longer run is names run together, a name per four
# a picture of handwriting this many times as wide as tall holds room for two names side by side (one
# written name of two or three characters: 1.7-2.5; 汪启明 田春生 in one picture: 4.1)
TWO_NAMES_WIDE = 3.5


def _names_read(reading: str) -> int:
    """How many names a picture's reading holds: one per run of two to four Han characters, and as many
    as four-character names would make of a longer run."""
    return sum(-(-len(run) // NAME_CHARS) for run in _HAN_RUN.findall(reading))


def ink_width_of(images: list[ImageItem]) -> float | None:
    """The summed width of the handwriting OCR found in a slot (points), None unless every image is OCR ink
    with a box."""
    ink = [im.bbox for im in images if (im.name or "").startswith("ocr:signature")]
    boxes = [box for box in ink if box is not None]
    if not boxes or len(boxes) < len(images):
        return None
    return round(sum(box.x1 - box.x0 for box in boxes), 1)


_Box = tuple[float, float, float, float]


def _box(image: ImageItem) -> _Box | None:
    if image.bbox is not None:
        return image.bbox.x0, image.bbox.top, image.bbox.x1, image.bbox.bottom
    if image.width is not None and image.height is not None:
        return 0.0, 0.0, image.width, image.height
    return None
