"""Shared fixtures: the shipped content, loaded once, and a scratch copy to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from decision_aid.loader import DEFAULT_CONTENT_DIR, load_content
from decision_aid.models import Content


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content()


@pytest.fixture()
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped content folder, for feeding the loader broken files."""
    target = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, target)
    return target
