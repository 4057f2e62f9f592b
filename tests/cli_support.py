"""The app's command line, run as a person would run it from the project root, for the command-line tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m decision_aid <args>`` in a new process: its exit code, output and error text."""
    return subprocess.run([sys.executable, "-m", "decision_aid", *args], capture_output=True, text=True, cwd=ROOT)


def answers_file(tmp_path: Path, data: object) -> Path:
    """An answers file holding ``data`` as JSON, or a string as it is (for malformed files)."""
    path = tmp_path / "answers.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path
