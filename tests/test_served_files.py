"""A handout made on the click survives Streamlit's clean-up passes until it has been fetched, then goes."""

from __future__ import annotations

import time

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.media_file_storage import MediaFileStorageError
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from decision_aid.ui import served_files

PDF = "application/pdf"


def _made(manager: MediaFileManager, data: bytes, name: str) -> str:
    """Make a download the way the Download button does (deferred, then run on the click); its stored name."""
    placeholder = manager.add_deferred(lambda: data, PDF, "coordinates", name)
    return manager.execute_deferred(placeholder).rsplit("/", 1)[1]


def _cleanup(manager: MediaFileManager, passes: int) -> None:
    for _ in range(passes):  # Streamlit runs one pass after every script run of any session
        manager.remove_orphaned_files()


def _exists(manager: MediaFileManager, stored: str) -> bool:
    try:
        manager._storage.get_file(stored)  # type: ignore[attr-defined]  # the memory storage's own lookup
    except MediaFileStorageError:
        return False
    return True


@pytest.fixture()
def manager() -> MediaFileManager:
    return MediaFileManager(MemoryMediaFileStorage("/media"))


def test_without_a_lifetime_two_other_runs_remove_a_made_pdf_before_it_is_fetched(manager: MediaFileManager) -> None:
    stored = _made(manager, b"%PDF-1.4 nobody keeps this", "a.pdf")
    _cleanup(manager, 2)
    assert not _exists(manager, stored), "the failure the lifetime prevents"


def test_a_made_pdf_survives_other_peoples_runs_during_its_lifetime_and_then_goes(manager: MediaFileManager) -> None:
    data = b"%PDF-1.4 Alex's handout"
    stored = _made(manager, data, "handout.pdf")
    served_files.keep_for(data, PDF, "handout.pdf", lifetime=0.4)
    _cleanup(manager, 10)
    assert _exists(manager, stored), "a busy server's clean-up leaves it for its owner to fetch"
    time.sleep(0.5)
    _cleanup(manager, 2)
    assert not _exists(manager, stored), "gone once its lifetime is over"
    assert served_files.kept_count() == 0, "nothing about it is kept either"


def test_one_persons_lifetime_does_not_keep_another_persons_file(manager: MediaFileManager) -> None:
    mine, theirs = b"%PDF-1.4 mine", b"%PDF-1.4 theirs"
    kept = _made(manager, mine, "handout.pdf")
    other = _made(manager, theirs, "handout.pdf")
    served_files.keep_for(mine, PDF, "handout.pdf", lifetime=5)
    _cleanup(manager, 2)
    assert _exists(manager, kept) and not _exists(manager, other)
