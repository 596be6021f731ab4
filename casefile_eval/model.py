"""The document model every stage shares: parsers fill it, splitting and typing organise it,
extraction adds facts, rules and scores read it.

Positions: `page` is 1-based within the source file (for a one-file case that is the case);
`BBox` is in PDF points with the origin at the top-left of the page (pdfplumber's convention).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from casefile_eval.codes import (
    AgencyKind,
    CaseType,
    DateKind,
    DocumentType,
    Procedure,
    Role,
)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class BBox(_Model):
    """A box on a page, in points, origin top-left."""

    x0: float
    top: float
    x1: float
    bottom: float


class BlockKind(StrEnum):
    """Where a run of text comes from."""

    LINE = "line"  # a PDF / OCR text line
    PARAGRAPH = "paragraph"  # a docx body paragraph
    CELL = "cell"  # a table cell (docx table, or a PDF table cell)
    HEADER = "header"  # page header
    FOOTER = "footer"  # page footer
    TEXTBOX = "textbox"  # a floating text box (w:txbxContent)


class Block(_Model):
    """One unit of text in reading order."""

    kind: BlockKind
    text: str
    source: str
    page: int | None = None
    bbox: BBox | None = None
    table: int | None = None  # index of the table within the source file
    row: int | None = None
    col: int | None = None
    confidence: float | None = None  # OCR confidence, None for an electronic text layer
    char_scores: tuple[float, ...] | None = None  # OCR: the recogniser's confidence in each character of text
    char_xs: tuple[float, ...] | None = None  # the x middle of each character of text (points), if known


class ImageKind(StrEnum):
    """What an image on a page most likely is."""

    SEAL = "seal"  # a red agency seal (印章)
    SIGNATURE = "signature"  # handwriting, a personal seal or a fingerprint
    PHOTO = "photo"
    UNKNOWN = "unknown"


class ImageItem(_Model):
    """An image placed in a document: a seal, a handwritten signature, a photo."""

    kind: ImageKind = ImageKind.UNKNOWN
    source: str
    page: int | None = None
    bbox: BBox | None = None
    block_index: int | None = None  # index (within the file's blocks) of the block it sits in or next to
    width: float | None = None  # points
    height: float | None = None
    name: str | None = None  # the image's name or alt text where the format keeps one
    confidence: float = 0.5
    # OCR ink, or a .docx inline picture: how many characters of its block's text stand before it
    ink_offset: int | None = None
    ref: str | None = None  # a .docx picture: the package part that holds it (word/media/image3.png)
    # what OCR read in a picture of handwriting in an electronic file, where it was read and is no date
    # (two officers' names written in one picture: 陈德兴林秀琴)
    reading: str | None = None


class Page(_Model):
    """A physical page of a source file."""

    source: str
    number: int  # 1-based within the source file
    width: float | None = None
    height: float | None = None
    needs_ocr: bool = False
    ocr_reason: str | None = None  # why the text layer is unusable ("no_text", "hidden_text", …)
    printed_number: int | None = None  # page number printed on the page, if any


class ParsedFile(_Model):
    """What a parser returns for one source file: pages, blocks in reading order, images."""

    source: str  # path relative to the case root (the file name for a single-file case)
    format: str  # docx, pdf, doc, ofd, image, txt
    sha256: str
    pages: list[Page] = Field(default_factory=list)
    blocks: list[Block] = Field(default_factory=list)
    images: list[ImageItem] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


# ---------------------------------------------------------------- facts


class Evidence(_Model):
    """Where a fact was read: the words and their place."""

    text: str
    source: str | None = None
    page: int | None = None
    block: int | None = None  # index within the document's blocks
    bbox: BBox | None = None


class DateFact(_Model):
    """A date and what it dates."""

    kind: DateKind
    value: dt.date | None  # None where a date was written but could not be read
    raw: str
    # a date read only in part (a digit under a seal): the first and last day it can be, where known
    earliest: dt.date | None = None
    latest: dt.date | None = None
    # a date whose year could not be read: its month, and its day where read (the case's other dates place it)
    month: int | None = None
    day: int | None = None
    label: str = ""  # the words that say what is dated (落款, 审批意见, 送达时间…)
    role: Role | None = None  # for a signature date: whose
    evidence: Evidence | None = None
    confidence: float = 1.0


class Officer(_Model):
    """An enforcement officer named in a document."""

    name: str
    cert_no: str | None = None  # 执法证号
    named_as: str | None = None  # the field that names the officer (询问人, 检查人, 执法人员, 记录人…)
    evidence: Evidence | None = None


class Citation(_Model):
    """A legal citation 《…》第X条第X款第X项."""

    law: str  # the title as written, without 书名号
    law_key: str  # normalised title (《行政处罚法》 → 中华人民共和国行政处罚法)
    article: int
    paragraph: int | None = None
    item: int | None = None
    raw: str
    version_hint: str | None = None  # "2021年修订" etc. where the text names a version
    evidence: Evidence | None = None


class Amount(_Model):
    """A sum of money named in a document."""

    value: float
    raw: str
    kind: str = "fine"  # fine, confiscation, tax, late_fee, other
    evidence: Evidence | None = None


class RemedyClause(_Model):
    """The 复议/诉讼 notice of a decision, as written."""

    text: str
    review_offered: bool = False  # 申请行政复议 offered
    review_bodies: list[str] = Field(default_factory=list)  # bodies named for 复议
    review_period_days: int | None = None
    review_period_raw: str | None = None
    litigation_offered: bool = False
    litigation_court: str | None = None  # the court named, or None
    litigation_period_months: int | None = None
    litigation_period_days: int | None = None  # "十五日内" after reconsideration
    litigation_period_raw: str | None = None
    review_first: bool = False  # 复议前置 wording: 应当先申请复议 / 不服复议决定再起诉
    tax_first: bool = False  # 纳税前置: 先缴纳税款 / 提供担保
    either_or: bool = False  # offers 复议 or 诉讼 as alternatives
    evidence: Evidence | None = None


class SignatureSlot(_Model):
    """A place where someone must sign, and whether they did."""

    label: str  # the printed label, e.g. 被询问人签名
    role: Role
    filled: bool | None  # None where the zone cannot be decided
    signer: str | None = None
    date: dt.date | None = None
    method: str = "text"  # text (a typed name), image (handwriting image), seal, ocr
    count: int | None = None  # separate signatures told apart in the slot (names, images); None: not counted
    ink_width: float | None = None  # summed width (points) of the ink OCR found in the slot; None elsewhere
    written: str | None = None  # what OCR read in the slot's pictures of handwriting (`ImageItem.reading`)
    evidence: Evidence | None = None
    confidence: float = 1.0


class Seal(_Model):
    """An agency seal on a document: an image, or a text mark of one (（印章）, [公章])."""

    method: str  # image, text_mark, ocr
    near: str | None = None  # the 落款 text it sits on
    evidence: Evidence | None = None
    confidence: float = 1.0


class DocumentFacts(_Model):
    """Facts read from one document."""

    case_number: str | None = None  # 文号 of this document
    filing_number: str | None = None  # 立案号 / 案号 named in the document
    party: str | None = None
    agency: str | None = None
    agency_kind: AgencyKind | None = None
    officers: list[Officer] = Field(default_factory=list)
    fine_amount: float | None = None
    illegal_gains: float | None = None  # 违法所得 found or confiscated (元)
    amounts: list[Amount] = Field(default_factory=list)
    dates: list[DateFact] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    remedy: RemedyClause | None = None
    signatures: list[SignatureSlot] = Field(default_factory=list)
    seals: list[Seal] = Field(default_factory=list)
    penalties: list[str] = Field(default_factory=list)  # 警告, 罚款, 没收违法所得, 吊销…
    served_document: str | None = None  # 送达回证: the name of the document served
    served_document_type: DocumentType | None = None
    # every document a receipt serves, the main one first (a receipt may list the 告知书 and the 决定书)
    served_document_types: list[DocumentType] = Field(default_factory=list)
    extension_days: int | None = None  # an approved extension of the decision period


class Document(_Model):
    """One 文书 of a case: its type, place and content."""

    type: DocumentType
    title: str | None
    source: str
    pages: tuple[int, int] | None = None
    confidence: float
    type_method: str = "title"  # title, fuzzy, classifier, toc, labels, filename, default
    blocks: list[Block] = Field(default_factory=list)
    images: list[ImageItem] = Field(default_factory=list)
    facts: DocumentFacts = Field(default_factory=DocumentFacts)

    @property
    def text(self) -> str:
        """The document's text, one block a line."""
        return "\n".join(b.text for b in self.blocks)


class CaseDates(_Model):
    """The five dates of the contract's `case.dates`."""

    filed: dt.date | None = None
    notified: dt.date | None = None
    decided: dt.date | None = None
    served: dt.date | None = None
    closed: dt.date | None = None


class CaseFacts(_Model):
    """Facts of the whole case, reconciled across its documents."""

    case_number: str | None = None
    party: str | None = None
    agency: str | None = None
    agency_kind: AgencyKind | None = None
    fine_amount: float | None = None
    dates: CaseDates = Field(default_factory=CaseDates)


class Case(_Model):
    """A case file as read: its documents, pages and facts."""

    source: str
    case_type: CaseType = CaseType.ADMINISTRATIVE_PENALTY
    procedure: Procedure = Procedure.GENERAL
    partial: bool = False  # a lone decision or notice, not a whole case file
    files: list[str] = Field(default_factory=list)
    pages: list[Page] = Field(default_factory=list)
    documents: list[Document] = Field(default_factory=list)
    facts: CaseFacts = Field(default_factory=CaseFacts)
    warnings: list[str] = Field(default_factory=list)

    def of_type(self, *types: DocumentType) -> list[Document]:
        """The documents of the given types, in case order."""
        return [d for d in self.documents if d.type in types]
