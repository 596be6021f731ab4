"""Thresholds the rules read (较大数额, 当场处罚 limits, default periods), kept in YAML configuration."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from casefile_eval.codes import AgencyKind
from casefile_eval.yamlload import load_model


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PartyAmounts(_Strict):
    """An amount in yuan for a natural person and for an organisation."""

    individual: float = Field(ge=0)
    organization: float = Field(ge=0)


class DatedLimit(PartyAmounts):
    """A limit in force from one date to another."""

    in_force_from: dt.date | None = None
    in_force_to: dt.date | None = None


def _in_force(limit: DatedLimit, on: dt.date) -> bool:
    return (limit.in_force_from is None or limit.in_force_from <= on) and (
        limit.in_force_to is None or on <= limit.in_force_to
    )


class Thresholds(_Strict):
    """The configurable thresholds of the built-in pack."""

    large_fine: PartyAmounts
    # an agency kind's own 较大数额: one for all dates, or limits each in force for a period (`large_fine`
    # on the dates none covers)
    large_fine_by_agency: dict[AgencyKind, PartyAmounts | list[DatedLimit]] = Field(default_factory=dict)
    legal_review_fine: PartyAmounts
    heavy_penalties: list[str] = Field(min_length=1)
    legal_review_penalties: list[str] = Field(default_factory=list)  # need 法制审核 besides the heavy ones
    summary_limits: list[DatedLimit] = Field(min_length=1)
    # a law's own 当场处罚 limits (行政处罚法 art. 51: 法律另有规定的，从其规定), keyed by its full title
    summary_limits_by_law: dict[str, list[DatedLimit]] = Field(default_factory=dict)
    statement_period_working_days: int = Field(ge=1)
    decision_extension_days: int = Field(ge=0)
    require_named_court: bool = False
    organization_markers: list[str] = Field(min_length=1)

    def change_dates(self) -> set[dt.date]:
        """Every date from which a dated threshold reads differently."""
        limits = [*self.summary_limits, *(x for own in self.summary_limits_by_law.values() for x in own)]
        return {
            d for limit in limits for d in (limit.in_force_from, next_day(limit.in_force_to)) if d is not None
        }

    def agency_large_fine(self, kind: AgencyKind | None, on: dt.date | None) -> PartyAmounts:
        """The 较大数额 for an agency kind on a date (`large_fine` where the kind has none of its own then;
        when the date is unknown, the one in force now: its own without an end, else `large_fine`). (An
        agency's dates are not among `change_dates`, which hold for every case: the caller picks the date.)"""
        limits = self.large_fine_by_agency.get(kind) if kind is not None else None
        if limits is None:
            return self.large_fine
        if not isinstance(limits, list):
            return limits
        if on is None:
            return next((x for x in limits if x.in_force_to is None), self.large_fine)
        in_force = (x for x in limits if _in_force(x, on))
        return next(in_force, self.large_fine)

    def summary_limit(self, on: dt.date | None, laws: frozenset[str] = frozenset()) -> DatedLimit:
        """The 当场处罚 limit in force on a date (the newest when the date is unknown); where the decision
        applies a law with limits of its own (`laws`: the full titles it cites), that law's."""
        own = next(
            (self.summary_limits_by_law[law] for law in sorted(laws) if law in self.summary_limits_by_law),
            None,
        )
        for limit in own or self.summary_limits:
            if on is None and limit.in_force_to is None:
                return limit
            if on is not None and _in_force(limit, on):
                return limit
        return (own or self.summary_limits)[-1]

    def is_organization(self, party: str | None) -> bool | None:
        """True for a company or other organisation, False for a person, None when unsure."""
        if not party:
            return None
        if any(marker in party for marker in self.organization_markers):
            return True
        core = party.strip()
        if 2 <= len(core) <= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in core):
            return False
        return None


CONFIG_DIR = "data/config"


def next_day(day: dt.date | None) -> dt.date | None:
    """The day after (a law or limit in force to a day reads differently from the next), None for None."""
    return None if day is None else day + dt.timedelta(days=1)


def config_path(name: str) -> Path:
    """The path of a built-in configuration file."""
    return Path(str(resources.files("casefile_eval").joinpath(f"{CONFIG_DIR}/{name}")))


@lru_cache(maxsize=1)
def load_thresholds() -> Thresholds:
    """The built-in thresholds (raises ConfigError when the file is invalid)."""
    return load_model(config_path("thresholds.yaml"), Thresholds)
