"""Split parsed files into documents (文书) and type each one.

`split_documents` is the stage's entry point: every `ParsedFile` is split (by its 卷内目录, by titles
heading pages, by "第X页 共Y页" marks, by the field labels and body of untitled pages, by title lines in
plain text) and each piece is typed from its title, its 卷内目录 row, its file name, its field labels or,
failing those, the body classifier.
"""

from __future__ import annotations

from casefile_eval.model import Document, ParsedFile
from casefile_eval.segment.build import build_documents
from casefile_eval.segment.split import split_file

__all__ = ["split_documents"]


def split_documents(files: list[ParsedFile]) -> list[Document]:
    """The documents of a case, in file order and, within a file, in page order."""
    documents: list[Document] = []
    for file in files:
        documents.extend(build_documents(file, split_file(file)))
    return documents
