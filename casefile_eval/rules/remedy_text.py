"""Reading a 复议/诉讼 notice from a decision's text when the extraction left `facts.remedy` empty."""

from __future__ import annotations

import re

from casefile_eval.extract.cnnum import cn_to_int
from casefile_eval.model import RemedyClause

_WHITE = re.compile(r"\s+")
_DIGITS = {0xFF10 + i: 0x30 + i for i in range(10)}
_NUM = r"([0-9]+|[〇零一二三四五六七八九十百两]+)"
_SENTENCE = re.compile(r"[^。；;]*[。；;]?")
_ROUTE = re.compile(
    r"(申请|提出|提请)(行政)?复议|(提起|提出)(行政)?诉讼|人民法院[^。；]{0,8}起诉|向[^。；]{0,30}起诉"
)
_ENFORCEMENT = re.compile(
    r"逾期[^。；]{0,12}(不申请|未申请)|申请人民法院强制执行|不停止执行|不起诉|强制执行措施"
)
_BODY = re.compile(r"向((?:(?!向)[^。；，,：:]){2,60}?)(?:依法)?(?:申请|提出|提请)(?:行政)?复议")
_BODY_SPLIT = re.compile(r"或者|或")
_OFFER_REVIEW = re.compile(r"(申请|提出)(行政)?复议")
_REVIEW_DAYS = re.compile(_NUM + r"(?:个)?日内")
_MONTHS = re.compile(_NUM + r"个月")
_AFTER_REVIEW_DAYS = re.compile(r"(十五|15)日内[^。；]{0,40}(起诉|诉讼)")
_COURT = re.compile(r"向((?:(?!向)[^。；，,]){0,30}?人民法院)")
_REVIEW_FIRST = re.compile(
    r"(应当|须|必须|应)先[^。；]{0,20}复议|复议前置|对(行政)?复议决定不服[^。；]{0,30}(起诉|诉讼)"
)
_TAX_FIRST = re.compile(r"先[^。；]{0,12}缴纳[^。；]{0,20}(税款|滞纳金)|提供相应的?(纳税)?担保")


def parse_remedy(text: str) -> RemedyClause | None:
    """The remedy notice written in `text`, or None when the text names no 复议/诉讼 route."""
    sentences = [s for s in _SENTENCE.findall(_squeeze(text)) if s and _ROUTE.search(s)]
    routes = [s for s in sentences if not (_ENFORCEMENT.search(s) and not _offers(s))]
    if not routes:
        return None
    clause = "".join(routes)
    review = [s for s in routes if _BODY.search(s) or _OFFER_REVIEW.search(s)]
    litigation = [s for s in routes if re.search(r"诉讼|起诉", s)]
    return RemedyClause(
        text=clause,
        review_offered=bool(review),
        review_bodies=_bodies(clause),
        review_period_days=_first_number(_REVIEW_DAYS, " ".join(s for s in review if "复议" in s)),
        review_period_raw=_raw(_REVIEW_DAYS, " ".join(review)),
        litigation_offered=bool(litigation),
        litigation_court=_court(clause),
        litigation_period_months=_first_number(_MONTHS, " ".join(litigation)),
        litigation_period_days=15 if _AFTER_REVIEW_DAYS.search(clause) else None,
        litigation_period_raw=_raw(_MONTHS, " ".join(litigation)) or _raw(_AFTER_REVIEW_DAYS, clause),
        review_first=bool(_REVIEW_FIRST.search(clause)),
        tax_first=bool(_TAX_FIRST.search(clause)),
        either_or=bool(review and litigation),
    )


def _squeeze(text: str) -> str:
    """Spaces removed and full-width digits made ASCII; punctuation kept as written (for the evidence)."""
    return _WHITE.sub("", text).translate(_DIGITS)


def _offers(sentence: str) -> bool:
    return bool(re.search(r"(可以?|可在|可自|有权)[^。；]{0,40}(复议|诉讼|起诉)", sentence))


def _bodies(clause: str) -> list[str]:
    out: list[str] = []
    for match in _BODY.finditer(clause):
        for part in _BODY_SPLIT.split(match.group(1)):
            name = re.sub(r"^(依法|直接)", "", part).strip()
            if len(name) >= 2 and name not in out:
                out.append(name)
    return out


def _court(clause: str) -> str | None:
    match = _COURT.search(clause)
    if match is None:
        return None
    name = re.sub(r"^(依法|直接)", "", match.group(1))
    return name or None


def _first_number(pattern: re.Pattern[str], text: str) -> int | None:
    match = pattern.search(text)
    return cn_to_int(match.group(1)) if match else None


def _raw(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return match.group(0) if match else None
