"""Shared fixtures: real files, real stores. Nothing here mocks our own code."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import sample_path as _sample_path

EXCERPTS = Path(__file__).parent / "fixtures" / "excerpts"  # copies of ../shared/corpus/excerpts
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    """The built-in sample disclosure shipped in the package."""
    return _sample_path()


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A fresh, empty home folder."""
    path = tmp_path / "home"
    path.mkdir()
    return path
