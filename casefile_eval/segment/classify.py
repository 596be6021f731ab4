"""Type a document from its body text when its title is missing, garbled or unusual.

The model is a TF-IDF + logistic regression trained by `scripts/train_doctype.py` and shipped as JSON
(`casefile_eval/data/doctype_model.json`: vocabulary, idf, coefficients, classes). Prediction needs only
numpy; jieba and the model are loaded on first use, so a case whose documents all have titles never
pays for them.
"""

from __future__ import annotations

import base64
import json
import logging
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from casefile_eval.codes import DocumentType
from casefile_eval.textnorm import normalize

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "doctype_model.json"
MAX_CHARS = 2000  # the opening of a document says what it is; the rest only costs time
_WORDY = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_DIGITS = re.compile(r"[0-9０-９]+")


@dataclass(frozen=True)
class _Model:
    classes: tuple[DocumentType, ...]
    index: dict[str, int]
    idf: npt.NDArray[np.float64]
    coef: npt.NDArray[np.float64]  # (classes, features)
    intercept: npt.NDArray[np.float64]


class _Tokenizer:
    """A private jieba tokenizer, so user words other modules add to jieba do not shift the features."""

    def __init__(self) -> None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        self._jieba = jieba.Tokenizer()

    def cut(self, text: str) -> list[str]:
        return list(self._jieba.cut(text, HMM=False))


@lru_cache(maxsize=1)
def _tokenizer() -> _Tokenizer:
    return _Tokenizer()


def tokens(text: str) -> list[str]:
    """The words the classifier counts: jieba words of two or more characters, digits dropped."""
    text = _DIGITS.sub(" ", normalize(text[:MAX_CHARS])).lower()
    return [w for w in _tokenizer().cut(text) if len(w) >= 2 and _WORDY.search(w)]


@lru_cache(maxsize=1)
def _model() -> _Model | None:
    if not MODEL_PATH.is_file():
        return None
    raw = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    classes = tuple(DocumentType(c) for c in raw["classes"])
    vocabulary: list[str] = raw["vocabulary"]
    coef = np.frombuffer(base64.b64decode(raw["coef_f16"]), dtype="<f2").astype(np.float64)
    return _Model(
        classes=classes,
        index={word: i for i, word in enumerate(vocabulary)},
        idf=np.asarray(raw["idf"], dtype=np.float64),
        coef=coef.reshape(len(classes), len(vocabulary)),
        intercept=np.asarray(raw["intercept"], dtype=np.float64),
    )


def classify_text(text: str) -> tuple[DocumentType, float] | None:
    """The most likely type of a document body and its probability; None without model or words."""
    model = _model()
    if model is None:
        return None
    counts = Counter(model.index[w] for w in tokens(text) if w in model.index)
    if not counts:
        return None
    columns = np.fromiter(counts.keys(), dtype=np.int64)
    tf = np.array([1.0 + math.log(n) for n in counts.values()])
    values = tf * model.idf[columns]
    values /= float(np.linalg.norm(values))
    scores = model.coef[:, columns] @ values + model.intercept
    scores = np.exp(scores - scores.max())
    probabilities = scores / scores.sum()
    best = int(np.argmax(probabilities))
    return model.classes[best], float(probabilities[best])
