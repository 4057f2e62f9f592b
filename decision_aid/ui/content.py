"""The one place the app loads content.

Content is immutable and the same for everyone, so it is loaded once per
process with ``st.cache_resource``. Nothing derived from answers is ever cached.
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from decision_aid.loader import load_content
from decision_aid.models import Content

CONTENT_DIR_ENV = "DECISION_AID_CONTENT"
"""Point the app at another content folder (a reviewer's draft, a test fixture)."""


@st.cache_resource(show_spinner=False)
def _load(directory: str | None) -> Content:
    # A ContentError is not cached, so a fixed file is picked up on the next rerun.
    return load_content(Path(directory) if directory else None)


def content_dir() -> str | None:
    """The content folder asked for by the environment, or None for the shipped one."""
    return os.environ.get(CONTENT_DIR_ENV) or None


def get_content() -> Content:
    """The validated content bundle; raises ``ContentError`` with readable lines when it is broken."""
    return _load(content_dir())
