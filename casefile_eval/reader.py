"""Reading a case: parse its files, split and type its documents, extract their facts."""

from __future__ import annotations

from pathlib import Path

from casefile_eval.codes import DocumentType, ErrorCode
from casefile_eval.errors import CaseReadError
from casefile_eval.extract import extract_document_facts, reconcile_case
from casefile_eval.model import Case, Document, ParsedFile
from casefile_eval.parsers import parse_path
from casefile_eval.segment import split_documents


def read_case(path: Path) -> Case:
    """Read the case file at `path` (a file, a folder of documents, or a .zip) into a `Case`.

    Raises `CaseReadError` with a contract error code when the case cannot be read.
    """
    files = parse_path(path)
    documents = split_documents(files)
    _require_case_documents(path, files, documents)
    for document in documents:
        document.facts = extract_document_facts(document)
    summary = reconcile_case(documents)
    warnings = [w for f in files for w in f.warnings]
    return Case(
        source=str(path),
        case_type=summary.case_type,
        procedure=summary.procedure,
        partial=summary.partial,
        files=[f.source for f in files],
        pages=[p for f in files for p in f.pages],
        documents=documents,
        facts=summary.facts,
        warnings=warnings,
    )


def _require_case_documents(path: Path, files: list[ParsedFile], documents: list[Document]) -> None:
    """Refuse input in which no document of an enforcement case was recognised."""
    if any(d.type is not DocumentType.OTHER for d in documents):
        return
    if any(page.needs_ocr for f in files for page in f.pages):
        raise CaseReadError(ErrorCode.UNREADABLE, f"{path.name} 的扫描页无法识别文字（OCR 未能读取）")
    raise CaseReadError(
        ErrorCode.NOT_A_CASE,
        f"{path.name} 中未识别出任何行政执法文书（如立案审批表、询问笔录、行政处罚决定书），不是执法案卷",
    )
