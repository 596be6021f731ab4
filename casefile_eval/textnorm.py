"""Text normalisation shared by every matcher: full-width ASCII to half-width, spaces folded."""

from __future__ import annotations

import re

_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20  # ideographic space
_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200b\u3000]+")
_ALL_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Full-width ASCII → half-width and runs of spaces → one space; Chinese punctuation is kept."""
    return _SPACES.sub(" ", text.translate(_FULLWIDTH))


def compact(text: str) -> str:
    """`normalize` and then drop all white space (for titles spaced out as 询 问 笔 录)."""
    return _ALL_SPACE.sub("", text.translate(_FULLWIDTH))
