"""A made handout stays on the server long enough to be fetched, and not much longer.

A download made on the click (Streamlit's deferred download) is never held by
any session, so Streamlit's own clean-up, which runs after every script run of
every session, marks it on one pass and deletes it on the next. On a busy
server two runs of other people can pass between "made" and "fetched", and the
person's download fails. So each made PDF is kept out of that clean-up for
``lifetime`` seconds by its file id (a hash Streamlit computes from the bytes,
type and file name; nothing of the content is kept here), and a timer then
runs the clean-up, which removes it within seconds of its lifetime ending.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from streamlit import runtime
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import _calculate_file_id

_kept_until: dict[str, float] = {}
"""File id -> monotonic time until which the clean-up leaves it alone."""
_lock = threading.Lock()


def _still_kept(now: float) -> set[str]:
    with _lock:
        for file_id in [f for f, until in _kept_until.items() if until <= now]:
            del _kept_until[file_id]
        return set(_kept_until)


def _install() -> None:
    """Wrap the clean-up's list of unheld files once per process, leaving out files still in their lifetime."""
    unheld: Callable[[MediaFileManager], set[str]] = MediaFileManager._get_inactive_file_ids
    if getattr(unheld, "_keeps_made_downloads", False):
        return

    def without_kept(self: MediaFileManager) -> set[str]:
        return unheld(self) - _still_kept(time.monotonic())

    without_kept._keeps_made_downloads = True  # type: ignore[attr-defined]  # a marker on our own function
    MediaFileManager._get_inactive_file_ids = without_kept  # type: ignore[method-assign]


def forget_unheld() -> None:
    """Run Streamlit's clean-up twice: the first pass marks unheld downloads, the second removes them."""
    if runtime.exists():
        files = runtime.get_instance().media_file_mgr
        files.remove_orphaned_files()
        files.remove_orphaned_files()


def keep_for(data: bytes, mimetype: str, file_name: str, lifetime: float) -> None:
    """Keep the file Streamlit will store for these bytes for ``lifetime`` seconds, then let the clean-up remove it."""
    _install()
    with _lock:
        _kept_until[_calculate_file_id(data, mimetype, file_name)] = time.monotonic() + lifetime
    timer = threading.Timer(lifetime + 0.5, forget_unheld)
    timer.daemon = True
    timer.start()


def kept_count() -> int:
    """How many made files are still in their lifetime (for tests)."""
    return len(_still_kept(time.monotonic()))
