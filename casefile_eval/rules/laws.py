"""Versions of laws: article counts, the renumbering of revised laws (行政处罚法 2021,
行政复议法 2023), repealed rules."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from casefile_eval.rules.config import config_path
from casefile_eval.yamlload import load_model

_CN_DIGITS = "零一二三四五六七八九"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class LawVersion(_Strict):
    """One version of a law: its label, the date it came into force and its number of articles."""

    label: str = Field(pattern=r"^(?:19|20)[0-9]{2}年")  # opens with the year of adoption: 2014年修订
    from_: dt.date = Field(alias="from")
    articles: int = Field(ge=1)


class Move(_Strict):
    """An article of a law before its revision and where its content is in the revision."""

    old: int
    new: list[int]
    topic: str
    keywords: list[str] = Field(min_length=1)


class Renumbering(_Strict):
    """The old→new article map of a revised law; `revision` names the revision in messages (2021年修订)."""

    law_key: str
    since: dt.date
    revision: str
    moves: list[Move]

    def move(self, article: int) -> Move | None:
        """The move of an old article number, if it moved."""
        return next((m for m in self.moves if m.old == article), None)


class Repealed(_Strict):
    """A rule no longer in force after `until`."""

    law_key: str
    until: dt.date
    successor: str


class LawData(_Strict):
    """All law data the citation rules read."""

    versions: dict[str, list[LawVersion]]
    renumbered: list[Renumbering]
    repealed: list[Repealed]

    def version_on(self, law_key: str, on: dt.date) -> LawVersion | None:
        """The version of a law in force on a date, None for an unknown law or a date before it."""
        current = None
        for version in sorted(self.versions.get(law_key, []), key=lambda v: v.from_):
            if version.from_ <= on:
                current = version
        return current

    def version_named(self, law_key: str, hint: str) -> LawVersion | None:
        """The version a citation names (`Citation.version_hint`: 2014年修订, 1989年12月26日,
        2018年1月1日施行): the last version adopted in or before the year it names; None for an unknown law
        or year."""
        year = re.match(r"(?:19|20)\d{2}", hint)
        if year is None:
            return None
        adopted = [v for v in self.versions.get(law_key, []) if int(v.label[:4]) <= int(year.group())]
        return max(adopted, key=lambda v: v.from_, default=None)

    def change_dates(self) -> set[dt.date]:
        """Every date from which some law reads differently (a version, the renumbering, a repeal)."""
        dates = {v.from_ for versions in self.versions.values() for v in versions}
        dates.update(r.since for r in self.renumbered)
        dates.update(r.until + dt.timedelta(days=1) for r in self.repealed)
        return dates

    def renumbering(self, law_key: str) -> Renumbering | None:
        """The renumbering of a law by its revision, None for a law not renumbered."""
        return next((r for r in self.renumbered if r.law_key == law_key), None)

    def repeal(self, law_key: str, on: dt.date) -> Repealed | None:
        """The repeal entry when `law_key` was no longer in force on a date."""
        return next((r for r in self.repealed if r.law_key == law_key and on > r.until), None)


@lru_cache(maxsize=1)
def load_law_data() -> LawData:
    """The built-in law data (raises ConfigError when the file is invalid)."""
    return load_model(config_path("laws.yaml"), LawData)


def chinese_number(n: int) -> str:
    """An article number in Chinese numerals, as statutes write it (55 → 五十五, 105 → 一百零五)."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        head = _CN_DIGITS[n // 100] + "百"
        if rest == 0:
            return head
        if rest < 10:
            return head + "零" + _CN_DIGITS[rest]
        tens = _CN_DIGITS[rest // 10] + "十" + (_CN_DIGITS[rest % 10] if rest % 10 else "")
        return head + tens
    return str(n)
