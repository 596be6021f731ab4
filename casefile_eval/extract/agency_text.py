"""The agency's name written whole elsewhere in a scanned file, for a 落款 name OCR read with characters lost
or misread under the seal (上犹县农农村局 for 上犹县农业农村局: the seal's star over 业).

A case file names its agency in more places than its 落款: a form's head (某局执法文书), a record's
询问地点, the officers' words (我们是某局执法人员). Those lines are searched for an agency-shaped name that
starts a word there and lies within `MAX_EDITS` characters lost, put in or changed of the name as read (fewer
than a third of its characters; three would make 沅陵县… of 怀化市…, the 复议 agency the body names); the
nearest, the most frequent among equals, is the name. The 落款 lines themselves (a line that is only an
agency's name) are not searched: under a seal every document's 落款 is read alike.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from rapidfuzz.distance import Levenshtein

from casefile_eval.extract.parties import is_agency_name
from casefile_eval.textnorm import compact, is_agency_foot

MAX_EDITS = 2  # characters lost, put in or changed between the name as read and the name written whole
_LONGER = 3  # characters a whole name may have more than the name as read
# what may stand right before a name in a line: a break, or a word that goes before a name (我们是某局…)
_WORD_START = re.compile(r"[^\u4e00-\u9fff]|[是向在至于由经对被经往到]")


def whole_agency(name: str, texts: Iterable[str]) -> str:
    """The agency-shaped name of `texts` nearest to `name` as read (see the module docstring), else
    `name`."""
    limit = min(MAX_EDITS, (len(name) - 1) // 3)
    if limit < 1:
        return name
    found: Counter[str] = Counter()
    for text in texts:
        if is_agency_foot(text):
            continue
        line = compact(text)
        for start, candidate in _windows(line, name):
            if start > 0 and not _WORD_START.fullmatch(line[start - 1]):
                continue  # inside a longer word: 寻乌县… holds 乌县… too
            near = Levenshtein.distance(candidate, name, score_cutoff=limit) <= limit
            if near and is_agency_name(candidate):
                found[candidate] += 1
    if not found:
        return name
    return min(found, key=lambda c: (Levenshtein.distance(c, name), -found[c], len(c)))


def _windows(line: str, name: str) -> Iterator[tuple[int, str]]:
    """(start, stretch) of `line` starting where `name`'s first character stands or ending where its last
    one does, of about its length."""
    sizes = range(len(name) - 1, len(name) + _LONGER + 1)
    for start in _places(line, name[0]):
        yield from ((start, line[start : start + size]) for size in sizes if start + size <= len(line))
    for end in _places(line, name[-1]):
        yield from ((end + 1 - size, line[end + 1 - size : end + 1]) for size in sizes if end + 1 >= size)


def _places(line: str, char: str) -> Iterator[int]:
    at = line.find(char)
    while at >= 0:
        yield at
        at = line.find(char, at + 1)
