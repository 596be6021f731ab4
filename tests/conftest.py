from __future__ import annotations

from collections.abc import Iterator
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


@pytest.fixture(scope="session", autouse=True)
def ocr_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """OCR results of the test run go to a temporary cache, never to the user's."""
    path = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CASEFILE_EVAL_CACHE", str(path))
        yield path
