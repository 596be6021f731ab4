from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIXTURES = REPO / "fixtures"


@pytest.fixture(scope="session")
def realworld() -> Path:
    """The real published decisions in ../shared/realworld (beside the clone on CI)."""
    path = SHARED / "realworld"
    if not path.is_dir():
        pytest.skip("../shared/realworld is not beside this clone")
    return path


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES
