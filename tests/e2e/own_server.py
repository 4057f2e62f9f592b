"""A server of a test's own, for tests that read its log or stop and restart it."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import IO

from decision_aid.ui.content import CONTENT_DIR_ENV
from deploy.cluster import start_server, stop_process, wait_healthy

from .conftest import START_TIMEOUT_S


def serve(
    port: int, *, log: IO[bytes] | None = None, content_dir: Path | None = None, debug: bool = False
) -> subprocess.Popen[bytes]:
    """The app on 127.0.0.1:``port``, returned once it answers its health check.

    ``log`` receives everything the server writes; ``debug`` turns its log up
    to the most it can ever be asked to say; ``content_dir`` serves another content folder.
    """
    env = {k: v for k, v in os.environ.items() if k != CONTENT_DIR_ENV}
    if content_dir is not None:
        env[CONTENT_DIR_ENV] = str(content_dir)
    if debug:
        env["STREAMLIT_LOGGER_LEVEL"] = "debug"
    out = log if log is not None else subprocess.DEVNULL
    proc = start_server(port, env=env, stdout=out, stderr=subprocess.STDOUT if log is not None else subprocess.DEVNULL)
    try:
        wait_healthy(f"http://127.0.0.1:{port}", proc, "streamlit", START_TIMEOUT_S)
    except RuntimeError:
        stop_process(proc)
        raise
    return proc


stop = stop_process
