"""Text normalisation shared by every matcher: full-width ASCII to half-width, spaces folded."""

from __future__ import annotations

import re
from functools import lru_cache

_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20  # ideographic space
_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200b\u3000]+")
_ALL_SPACE = re.compile(r"\s+")
# A line that is only an agency's name (XX市市场监督管理局, XX县综合行政执法大队), as over or under a title.
AGENCY_LINE = re.compile(
    r"[\u4e00-\u9fff]{2,24}(?:局|委员会|委|人民政府|政府|厅|署|办公室|大队|支队|中队|执法队|所|站|中心)"
)

CLOSE_HEADING = ("】", "]", "〕")  # the closing bracket of a label set as a heading (【审批意见】)
# An approver's opinion as a whole token ("同意立案", "拟同意", "同意承办人意见"): the opinion, not a name.
OPINION = re.compile(
    r"(?:拟?同意|不同意|批准|准予|如拟|按承办人?意见办理)"
    r"(?:立案|结案|处罚|办理|执行|承办人?意见|承办机构意见|以上意见|上述意见|审核意见|该意见)?"
    r"(?:调查|查处|处理)?"
)
_SEAL_AFTER = re.compile(r"[(（]?(?:印章|公章|盖章)[)）]?$")
AGENCY_SUFFIX = r"(?:局|委员会|厅|政府|大队|支队|中队)"  # how the name of an agency signing a 落款 ends
_AGENCY_END = re.compile(AGENCY_SUFFIX + "$")


def is_agency_foot(text: str) -> bool:
    """Whether a line is only an agency's name as in a 落款 (XX市市场监督管理局, XX大队（印章）), under a
    signing row or over the date: no one's signature, and what the date under it dates is the document."""
    words = _SEAL_AFTER.sub("", compact(text))
    return AGENCY_LINE.fullmatch(words) is not None and _AGENCY_END.search(words) is not None


def normalize(text: str) -> str:
    """Full-width ASCII → half-width and runs of spaces → one space; Chinese punctuation is kept."""
    return _SPACES.sub(" ", text.translate(_FULLWIDTH))


@lru_cache(maxsize=8192)
def compact(text: str) -> str:
    """`normalize` and then drop all white space (for titles spaced out as 询 问 笔 录); cached, as the
    matchers ask for the same lines and cells many times."""
    return _ALL_SPACE.sub("", text.translate(_FULLWIDTH))
