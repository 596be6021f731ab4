"""Which signature slot each image of a document fills.

An image belongs to a slot when it sits in the slot's label or value blocks, in an image-only block right
below (or above) them, or — on a PDF page — over the slot's label line (this wins over a neighbouring
slot whose value is already written). Where one line or paragraph holds
several labels ("被询问人签名：   询问人：   记录人："), an image goes to the label it follows: by its x
position on a PDF page (label positions estimated along the line), else in reading order to the labels
whose value holds no written name.

Whatever the classifier called it, an image in a slot is taken as the signature there, with a confidence
by its kind (a typeset or coloured handwritten name is often classed as a photo). Two exceptions keep the
agency's own seal out of officers' slots: a seal image counts for an officer-side slot only when the label
asks for a seal (…盖章/签章) and the image is in the slot's own blocks; and a large photo reached only as
a neighbour is a photo, not a signature.
"""

from __future__ import annotations

from dataclasses import dataclass

from casefile_eval.codes import Role
from casefile_eval.extract.text import DocText
from casefile_eval.model import BBox, ImageItem, ImageKind

KIND_CONFIDENCE = {
    ImageKind.SIGNATURE: 0.95,
    ImageKind.SEAL: 0.9,
    ImageKind.PHOTO: 0.7,
    ImageKind.UNKNOWN: 0.7,
}
SIGNATURE_MAX_WIDTH = 170.0  # points (≈6 cm): wider than this, a neighbour image is not a signature
SIGNATURE_MAX_HEIGHT = 85.0  # points (≈3 cm)
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


def _label_x(dt_: DocText, place: Place) -> float | None:
    """Estimated x of the label on its PDF line (characters taken as evenly spread)."""
    block = dt_.doc.blocks[place.blocks[0]]
    text = dt_.blocks[place.blocks[0]]
    if block.bbox is None or not text:
        return None
    return block.bbox.x0 + (block.bbox.x1 - block.bbox.x0) * place.start / len(text)


def _centre_x(box: BBox) -> float:
    return (box.x0 + box.x1) / 2


def _by_position(dt_: DocText, places: list[Place], owners: list[int], image: ImageItem) -> int | None:
    if image.bbox is None:
        return None
    xs = [(x, k) for k in owners if (x := _label_x(dt_, places[k])) is not None]
    if len(xs) != len(owners):
        return None
    centre = _centre_x(image.bbox)
    before = [(x, k) for x, k in xs if x <= centre]
    return max(before)[1] if before else min(xs)[1]


def _blank(dt_: DocText, index: int) -> bool:
    return 0 <= index < len(dt_.blocks) and not dt_.squeezed(index)


def _overlaps_label_line(dt_: DocText, place: Place, image: ImageItem) -> bool:
    block = dt_.doc.blocks[place.blocks[0]]
    box = image.bbox
    if block.bbox is None or box is None or block.page != image.page:
        return False
    return box.top < block.bbox.bottom and box.bottom > block.bbox.top and box.x1 > block.bbox.x0


def _small(image: ImageItem) -> bool:
    width = image.width or (image.bbox.x1 - image.bbox.x0 if image.bbox else None)
    height = image.height or (image.bbox.bottom - image.bbox.top if image.bbox else None)
    if width is None or height is None:
        return False
    return width < SIGNATURE_MAX_WIDTH and height < SIGNATURE_MAX_HEIGHT


def _neighbours(dt_: DocText, places: list[Place], image: ImageItem, b: int) -> list[int]:
    if image.kind in (ImageKind.PHOTO, ImageKind.UNKNOWN) and not _small(image):
        return []
    if _blank(dt_, b):
        below = [k for k, p in enumerate(places) if p.blocks[-1] + 1 == b]
        return below or [k for k, p in enumerate(places) if p.blocks[0] - 1 == b]
    return [k for k, p in enumerate(places) if _overlaps_label_line(dt_, p, image)]


def _accepts(place: Place, image: ImageItem, own: bool) -> bool:
    if image.kind is not ImageKind.SEAL or place.role in _SEAL_ROLES:
        return True
    return own and place.seal_label


def assign_images(dt_: DocText, places: list[Place]) -> list[list[ImageItem]]:
    """For every place, the images that fill it (each image goes to one place at most)."""
    out: list[list[ImageItem]] = [[] for _ in places]
    taken: dict[int, int] = {}  # block -> images already handed out in order within it
    for image in dt_.doc.images:
        b = image.block_index
        if b is None:
            continue
        owners = [k for k, p in enumerate(places) if b in p.blocks]
        own = bool(owners)
        if not owners:
            owners = _neighbours(dt_, places, image, b)
        elif all(places[k].text_filled for k in owners):
            # on a PDF page the image may be nearest to a filled line while it covers a blank slot's line
            blank = [
                k for k, p in enumerate(places) if not p.text_filled and _overlaps_label_line(dt_, p, image)
            ]
            owners, own = (blank, False) if blank else (owners, own)
        owners = [k for k in owners if _accepts(places[k], image, own)]
        if not owners:
            continue
        chosen = owners[0] if len(owners) == 1 else _by_position(dt_, places, owners, image)
        if chosen is None:
            open_ = [k for k in owners if not places[k].text_filled] or owners
            nth = taken.get(b, 0)
            taken[b] = nth + 1
            chosen = open_[min(nth, len(open_) - 1)]
        out[chosen].append(image)
    return out


def image_confidence(images: list[ImageItem]) -> float:
    """How sure a slot filled by these images is signed: by the most telling kind among them."""
    return max(KIND_CONFIDENCE[im.kind] for im in images)
