"""Server settings that keep a rerun cheap. `make bench` measures them; this keeps them from being lost."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_streamlit_reads_the_setting_that_skips_its_full_collection_after_every_rerun() -> None:
    """A full collection walks every object in the process after each rerun: more than half a rerun's CPU.

    Asked of Streamlit itself (in a fresh process, from the project folder), so
    a renamed or ignored option fails here rather than silently costing a core.
    """
    script = (
        "from streamlit import config\n"
        "config.get_config_options(force_reparse=True)\n"
        "print(config.get_option('runner.postScriptGC'))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
