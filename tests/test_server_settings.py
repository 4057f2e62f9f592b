"""Server settings that keep a rerun cheap. `make bench` measures them; this keeps them from being lost.

Each is asked of Streamlit itself, in a fresh process started in the project
folder, so a renamed or ignored option fails here rather than silently costing
a core or a connection's bandwidth.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _streamlit_option(name: str) -> str:
    script = f"from streamlit import config\nconfig.get_config_options(force_reparse=True)\nprint(config.get_option({name!r}))\n"
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    return result.stdout.strip()


def test_streamlit_skips_its_full_collection_after_every_rerun() -> None:
    """A full collection walks every object in the process after each rerun: more than half a rerun's CPU."""
    assert _streamlit_option("runner.postScriptGC") == "False"


def test_streamlit_sends_unchanged_elements_as_references() -> None:
    """The browser already holds unchanged elements; resending them was most of a rerun's bytes."""
    assert float(_streamlit_option("global.minCachedMessageSize")) <= 1000
