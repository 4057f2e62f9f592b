"""A live ``streamlit run`` server for the benchmarks, and its CPU time and memory read from /proc.

The server is measured from outside, by its own kernel accounting, so the
figures include everything the live server does after a rerun (sending,
collecting garbage) and nothing the load generator does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from deploy.cluster import free_port, stop_process, wait_healthy

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 60
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Server:
    """One running server: where to reach it and how to read its process accounting."""

    label: str
    port: int
    process: subprocess.Popen[bytes]

    @property
    def stream_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/_stcore/stream"

    def cpu_seconds(self) -> float:
        """User + system CPU of every thread the server ever ran (finished script threads included)."""
        stat = Path(f"/proc/{self.process.pid}/stat").read_text()
        fields = stat[stat.rindex(")") + 2 :].split()
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime: fields 14 and 15 of stat

    def rss_mib(self) -> float:
        resident_pages = int(Path(f"/proc/{self.process.pid}/statm").read_text().split()[1])
        return resident_pages * PAGE_SIZE / 2**20


@contextmanager
def serving(label: str, app_dir: Path, script: str = "app.py", extra_args: tuple[str, ...] = ()) -> Iterator[Server]:
    """Start ``streamlit run`` in ``app_dir`` (its own ``.streamlit/config.toml`` applies) on a free local port."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STREAMLIT_", "DECISION_AID_"))}
    process = subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", script,
            "--server.headless", "true",
            "--server.port", str(port),
            "--server.address", "127.0.0.1",
            *extra_args,
        ],
        cwd=app_dir,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_healthy(f"http://127.0.0.1:{port}", process, f"streamlit ({label})", START_TIMEOUT_S)
        yield Server(label, port, process)
    finally:
        stop_process(process)


@contextmanager
def checkout(revision: str) -> Iterator[Path]:
    """The app as it was at ``revision`` (``git archive``), in a scratch folder, for a same-run comparison.

    ``streamlit run`` puts the script's folder first on ``sys.path``, so that
    copy's own ``decision_aid`` package and config are the ones served.
    """
    folder = Path(tempfile.mkdtemp(prefix="bench-base-"))
    try:
        archive = subprocess.run(
            ["git", "archive", "--format=tar", revision], cwd=ROOT, check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def one_widget_app(config_from: Path = ROOT) -> Iterator[Path]:
    """The smallest interactive app, served with the app's own config: Streamlit's floor per rerun."""
    folder = Path(tempfile.mkdtemp(prefix="bench-one-widget-"))
    try:
        shutil.copytree(config_from / ".streamlit", folder / ".streamlit")
        (folder / "app.py").write_text('import streamlit as st\n\nst.checkbox("One checkbox", key="only")\n')
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def load_average() -> str:
    one, five, fifteen = Path("/proc/loadavg").read_text().split()[:3]
    return f"load average {one} {five} {fifteen} on {os.cpu_count()} cores"
