"""The closed registry of checks. A check is a function `(ctx, params) -> Iterable[Hit]` with a pydantic
model of its parameters; new checks are added from Python with `@register_check`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from pydantic import BaseModel

from casefile_eval.rules.context import Hit, RuleContext

P = TypeVar("P", bound=BaseModel)
CheckFn = Callable[[RuleContext, Any], Iterable[Hit]]
Scope = Literal["document", "case"]

# Placeholders every message may use.
COMMON_FIELDS = frozenset({"doc", "where", "page", "title"})


@dataclass(frozen=True)
class CheckSpec:
    """A registered check: its parameter model, function, message placeholders and scope.

    `scope="document"` checks judge each document on its own and still run for a lone decision
    (`Case.partial`); `scope="case"` checks need the whole case file.
    """

    name: str
    params: type[BaseModel]
    fn: CheckFn
    fields: frozenset[str]
    scope: Scope
    description: str


_REGISTRY: dict[str, CheckSpec] = {}


def register_check(
    name: str, params: type[P], fields: Iterable[str] = (), scope: Scope = "document"
) -> Callable[[Callable[[RuleContext, P], Iterable[Hit]]], Callable[[RuleContext, P], Iterable[Hit]]]:
    """Register a check under `name`; `fields` are the message placeholders its hits fill."""

    def decorate(fn: Callable[[RuleContext, P], Iterable[Hit]]) -> Callable[[RuleContext, P], Iterable[Hit]]:
        if name in _REGISTRY:
            raise ValueError(f"check '{name}' registered twice")
        doc = (fn.__doc__ or "").strip().splitlines()
        _REGISTRY[name] = CheckSpec(
            name, params, fn, frozenset(fields) | COMMON_FIELDS, scope, doc[0] if doc else ""
        )
        return fn

    return decorate


def get_check(name: str) -> CheckSpec | None:
    """The registered check of that name."""
    _load_builtin()
    return _REGISTRY.get(name)


def check_names() -> list[str]:
    """All registered check names, sorted."""
    _load_builtin()
    return sorted(_REGISTRY)


def _load_builtin() -> None:
    # Importing the package registers the built-in checks (idempotent).
    import casefile_eval.rules.checks  # noqa: F401
