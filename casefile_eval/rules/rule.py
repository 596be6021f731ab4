"""A loaded rule: its YAML spec, its validated check parameters, and how it renders a finding."""

from __future__ import annotations

import datetime as dt
import string
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from casefile_eval.rules.laws import chinese_number
from casefile_eval.rules.registry import CheckSpec
from casefile_eval.rules.schema import Basis, RuleSpec


@dataclass(frozen=True)
class Rule:
    """A rule ready to run."""

    spec: RuleSpec
    check: CheckSpec
    params: BaseModel
    file: str
    line: int

    @property
    def id(self) -> str:
        """The stable rule id."""
        return self.spec.id

    def basis_on(self, on: dt.date | None) -> Basis:
        """The basis in force on a date (the newest when the date is unknown)."""
        chosen = self.spec.basis[-1]
        if on is None:
            return chosen
        for basis in self.spec.basis:
            if (basis.in_force_from is None or basis.in_force_from <= on) and (
                basis.in_force_to is None or on <= basis.in_force_to
            ):
                return basis
        return chosen


def render_basis(basis: Basis) -> str:
    """《中华人民共和国行政处罚法》（2021年修订）第五十五条第一款第（二）项."""
    text = f"《{basis.statute}》"
    if basis.version:
        text += f"（{basis.version}）"
    if basis.article:
        text += f"第{chinese_number(basis.article)}条"
    if basis.paragraph:
        text += f"第{chinese_number(basis.paragraph)}款"
    if basis.item:
        text += f"第（{chinese_number(basis.item)}）项"
    return text


def template_fields(template: str) -> set[str]:
    """The placeholder names of a message template (raises ValueError on a malformed template)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def fill(template: str, data: dict[str, Any]) -> str:
    """Fill a message template; a placeholder without data becomes empty text."""

    class _Default(dict[str, Any]):
        def __missing__(self, key: str) -> str:
            return ""

    return string.Formatter().vformat(template, (), _Default(data))


def applies_in(rule: Rule, on: dt.date | None) -> bool:
    """True when the rule's period covers the date; an unknown date counts as today's law."""
    period = rule.spec.period
    if on is None:
        return period.to is None
    if period.from_ is not None and on < period.from_:
        return False
    return period.to is None or on <= period.to
