"""Train the document-type classifier and export it as JSON (no pickle).

    python scripts/train_doctype.py [--cases fixtures/cases] [--out casefile_eval/data/doctype_model.json]

Labelled text comes from two places: `scripts/doctype_corpus/<type>.txt` (hand-written body snippets,
separated by lines of "---") and every `fixtures/cases/*/expected.json` (each document's type and docx
file; the docx text is read with python-docx). Title lines are removed so the model learns from the
body. Accuracy is reported by cross-validation that holds out whole cases (corpus snippets form their
own groups), then the model is fitted on everything and written with vocabulary, idf, coefficients
(float16, base64) and classes.
"""

from __future__ import annotations

import argparse
import base64
import json
import sys
import zipfile
from pathlib import Path

import numpy as np
from lxml import etree
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, cross_val_predict
from sklearn.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from casefile_eval.segment.classify import tokens  # noqa: E402
from casefile_eval.segment.titles import match_title  # noqa: E402

CORPUS = REPO / "scripts" / "doctype_corpus"
MAX_FEATURES = 2500
MIN_DF = 2
C = 4.0
CORPUS_GROUPS = 4
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def corpus_samples() -> list[tuple[str, str, str]]:
    """(text, type, group) from the hand-written snippets."""
    samples = []
    for path in sorted(CORPUS.glob("*.txt")):
        chunks = path.read_text(encoding="utf-8").split("\n---\n")
        for number, chunk in enumerate(chunks):
            if chunk.strip():
                samples.append((chunk.strip(), path.stem, f"corpus-{number % CORPUS_GROUPS}"))
    return samples


def docx_body(path: Path) -> str:
    """The text of a docx without its title line(s), one paragraph (or table-cell paragraph) a line.

    Read straight from word/document.xml, so a package with a dangling relationship still reads.
    """
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    lines = ["".join(p.itertext()) for p in root.iter(f"{{{W}}}p")]
    return "\n".join(line for line in lines if line.strip() and match_title(line, allow_fuzzy=False) is None)


def fixture_samples(cases: Path) -> list[tuple[str, str, str]]:
    """(text, type, case id) for every labelled document of the generated fixtures."""
    samples = []
    for expected in sorted(cases.glob("*/expected.json")):
        labels = json.loads(expected.read_text(encoding="utf-8"))
        for doc in labels["documents"]:
            path = expected.parent / doc["docx"]
            if path.is_file():
                samples.append((docx_body(path), doc["type"], labels["case_id"]))
    return samples


def pipeline() -> Pipeline:
    vectorizer = TfidfVectorizer(
        tokenizer=tokens,
        lowercase=False,
        token_pattern=None,
        sublinear_tf=True,
        max_features=MAX_FEATURES,
        min_df=MIN_DF,
    )
    return Pipeline([("tfidf", vectorizer), ("lr", LogisticRegression(C=C, max_iter=2000))])


def export(model: Pipeline, out: Path) -> None:
    vectorizer: TfidfVectorizer = model.named_steps["tfidf"]
    classifier: LogisticRegression = model.named_steps["lr"]
    vocabulary = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.__getitem__)
    coef = np.asarray(classifier.coef_, dtype="<f2")
    payload = {
        "format": 1,
        "classes": [str(c) for c in classifier.classes_],
        "vocabulary": vocabulary,
        "idf": [round(float(v), 4) for v in vectorizer.idf_],
        "coef_f16": base64.b64encode(coef.tobytes()).decode("ascii"),
        "intercept": [round(float(v), 4) for v in classifier.intercept_],
    }
    out.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=REPO / "fixtures" / "cases")
    parser.add_argument("--out", type=Path, default=REPO / "casefile_eval" / "data" / "doctype_model.json")
    args = parser.parse_args()
    samples = corpus_samples() + fixture_samples(args.cases)
    texts = [s[0] for s in samples]
    labels = np.array([s[1] for s in samples])
    groups = np.array([s[2] for s in samples])
    n_groups = len(set(groups))
    print(f"{len(samples)} samples, {len(set(labels))} types, {n_groups} groups")
    if n_groups >= 3:
        folds = min(5, n_groups)
        predicted = cross_val_predict(pipeline(), texts, labels, groups=groups, cv=GroupKFold(folds))
        accuracy = float(np.mean(predicted == labels))
        print(f"cross-validated accuracy, whole cases held out ({folds} folds): {accuracy:.3f}")
        for label in sorted(set(labels)):
            mask = labels == label
            print(f"  {label:24s} {np.mean(predicted[mask] == label):.2f} (n={int(mask.sum())})")
    model = pipeline().fit(texts, labels)
    export(model, args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
