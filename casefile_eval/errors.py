"""Errors that the library raises on purpose, each with a stable code or a location."""

from __future__ import annotations

from dataclasses import dataclass

from casefile_eval.codes import ErrorCode


class CaseReadError(Exception):
    """A case could not be read; `code` is one of the contract's error codes."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class ConfigProblem:
    """One mistake in a rule or sheet file, with where it is."""

    file: str
    line: int
    column: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.reason}"


class ConfigError(Exception):
    """A rule or sheet file is invalid; carries every problem found, not only the first."""

    def __init__(self, problems: list[ConfigProblem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
