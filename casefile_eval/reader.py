"""Reading a case: parse its files, split and type its documents, extract their facts."""

from __future__ import annotations

from pathlib import Path

from casefile_eval.extract import extract_document_facts, reconcile_case
from casefile_eval.model import Case
from casefile_eval.parsers import parse_path
from casefile_eval.segment import split_documents


def read_case(path: Path) -> Case:
    """Read the case file at `path` (a file, a folder of documents, or a .zip) into a `Case`.

    Raises `CaseReadError` with a contract error code when the case cannot be read.
    """
    files = parse_path(path)
    documents = split_documents(files)
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
