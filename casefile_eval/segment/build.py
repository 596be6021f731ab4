"""Turn segments of a file into typed `Document`s with their own blocks and re-indexed images."""

from __future__ import annotations

import re
from pathlib import PurePath

from casefile_eval.codes import DocumentType
from casefile_eval.model import Document, ImageItem, ParsedFile
from casefile_eval.segment.classify import classify_text
from casefile_eval.segment.split import Segment
from casefile_eval.segment.titles import match_title
from casefile_eval.textnorm import compact

TOC_CONFIDENCE = 0.9  # a 卷内目录 row, the page itself printing no title
TOC_AGREED_CONFIDENCE = 0.99  # a 卷内目录 row and the page's own title agree
FILENAME_CONFIDENCE = 0.85
LABELS_CONFIDENCE = 0.8  # an untitled form typed by its field labels (a payment slip, a licence copy)
LABELS_OVERRULED = 0.6  # a classifier this sure of another type overrules the labels
CLASSIFIER_CAP = 0.9  # the classifier never outranks a printed title
CLASSIFIER_FLOOR = 0.3  # below this the classifier's guess is no better than "other"
DEFAULT_CONFIDENCE = 0.2
UNREAD_CAP = 0.6  # a document with pages that still need OCR


_NUMBER_ANCHOR = re.compile(r"[〔\[(（【［]\s*(?:19|20)\d{2}\s*[〕\])）】］]\s*第?\s*\d{1,6}\s*号")


def _title_text(line: str, core: str) -> str:
    """The printed title without a 文号 set after it on the same line ("行政处罚决定书 某罚〔2025〕9号")."""
    if not _NUMBER_ANCHOR.search(line):
        return line
    end = compact(line).find(core)
    if end < 0:
        return line
    end += len(core)
    seen = 0
    for index, char in enumerate(line):
        seen += not char.isspace()
        if seen == end:
            return line[: index + 1]
    return line


def build_documents(file: ParsedFile, segments: list[Segment]) -> list[Document]:
    """One `Document` per segment, typed, with its blocks and images."""
    paged = bool(file.pages) or any(b.page is not None for b in file.blocks)
    documents: list[Document] = []
    for position, segment in enumerate(segments):
        doc_type, method, confidence = _type_of(file, segment, position)
        if segment.unread_pages:
            confidence = min(confidence, UNREAD_CAP)
        title = None
        if segment.title_block is not None and segment.title is not None:
            title = _title_text(file.blocks[segment.title_block].text.strip(), segment.title.core)
        pages = (min(segment.pages), max(segment.pages)) if paged and segment.pages else None
        documents.append(
            Document(
                type=doc_type,
                title=title,
                source=file.source,
                pages=pages,
                confidence=round(confidence, 3),
                type_method=method,
                blocks=[file.blocks[i] for i in segment.blocks],
            )
        )
    _attach_images(file, segments, documents)
    return documents


def _type_of(file: ParsedFile, segment: Segment, position: int) -> tuple[DocumentType, str, float]:
    """The type of a segment, how it was decided and how sure that is."""
    title = segment.title
    if segment.toc is not None:
        listed = segment.toc.entry.match.type
        if title is not None and title.type is not listed:
            return title.type, title.method, title.confidence
        return listed, "toc", TOC_AGREED_CONFIDENCE if title is not None else TOC_CONFIDENCE
    if title is not None:
        return title.type, title.method, title.confidence
    if position == 0:
        named = match_title(_stem(file.source), allow_fuzzy=False)
        if named is not None:
            return named.type, "filename", FILENAME_CONFIDENCE
    found = segment.classified
    if found is None and segment.blocks:
        found = classify_text("\n".join(file.blocks[i].text for i in segment.blocks))
    form = segment.form
    if form is not None and (found is None or found[0] is form or found[1] < LABELS_OVERRULED):
        return form, "labels", LABELS_CONFIDENCE
    if found is not None and found[1] >= CLASSIFIER_FLOOR:
        return found[0], "classifier", min(found[1], CLASSIFIER_CAP)
    return DocumentType.OTHER, "default", DEFAULT_CONFIDENCE


def _stem(source: str) -> str:
    """A file name without folders, extension and ordering marks ("03-询问笔录（张三）.docx")."""
    return PurePath(source).stem.lstrip("0123456789-_.、 ")


def _attach_images(file: ParsedFile, segments: list[Segment], documents: list[Document]) -> None:
    """Give each document copies of its images, `block_index` re-indexed into its own blocks."""
    where: dict[int, tuple[int, int]] = {}
    for number, segment in enumerate(segments):
        for local, index in enumerate(segment.blocks):
            where[index] = (number, local)
    for image in file.images:
        placed = _place_image(image, where, documents)
        if placed is not None:
            documents[placed[0]].images.append(image.model_copy(update={"block_index": placed[1]}))


def _place_image(
    image: ImageItem, where: dict[int, tuple[int, int]], documents: list[Document]
) -> tuple[int, int | None] | None:
    if image.block_index is not None and image.block_index in where:
        return where[image.block_index]
    if image.page is not None:
        for number, document in enumerate(documents):
            if document.pages is not None and document.pages[0] <= image.page <= document.pages[1]:
                return number, None
    return (0, None) if documents else None
