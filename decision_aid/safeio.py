"""Reading the files a person names, and writing the handout, without surprises.

A path can name anything: a huge file, ``/dev/zero``, a folder, a document the
person did not mean to replace. Reading stops one byte past a stated cap, so
nothing beyond it is ever held in memory. Writing goes to a temporary file in
the target's folder and is renamed over the target only once complete, so a
full disk, a file-size limit or a killed process leaves the old file as it was
and no half-written one.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

KB = 1024
MB = 1024 * KB

_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


class FileProblem(Exception):
    """A file that cannot be used; the message is a plain phrase that follows the file's name."""


class MissingFile(FileProblem):
    """The path names nothing."""


class WouldReplace(FileProblem):
    """Writing would replace a file of another kind, which the person must ask for."""


def size_words(size: int) -> str:
    """A cap as people say it: 64 KB, 1 MB."""
    return f"{size // MB:,} MB" if size >= MB and size % MB == 0 else f"{size // KB:,} KB"


def read_text(path: Path, limit: int) -> str:
    """UTF-8 text of ``path``, refusing anything over ``limit`` bytes; a leading UTF-8 BOM is kept for the caller."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError as exc:
        raise MissingFile("does not exist") from exc
    except IsADirectoryError as exc:
        raise FileProblem("is a folder, not a file") from exc
    except OSError as exc:
        raise FileProblem(f"cannot be read ({os_reason(exc)})") from exc
    if len(data) > limit:
        raise FileProblem(f"is larger than the {size_words(limit)} limit")
    if data.startswith(_UTF16_32_BOMS):
        raise FileProblem("is saved as UTF-16 or UTF-32 text; save it as UTF-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileProblem(f"is not UTF-8 text (byte {exc.start + 1:,} is not valid UTF-8)") from exc


def check_replaceable(path: Path, header: bytes, kind: str) -> None:
    """Refuse to write over a folder, a device, or an existing file that does not start with ``header``.

    Checked before any work, so a mistyped ``-o thesis.docx`` costs nothing. An
    empty file holds nothing to lose and counts as replaceable. Only the
    ``WouldReplace`` refusal is the person's to override; a folder or a device
    is never replaced.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        if not path.parent.is_dir():
            raise FileProblem("cannot be written: its folder does not exist") from None
        return
    except OSError as exc:
        raise FileProblem(f"cannot be checked ({os_reason(exc)})") from exc
    if stat.S_ISDIR(info.st_mode):
        raise FileProblem("is a folder; give a file name")
    if not stat.S_ISREG(info.st_mode):
        raise FileProblem("is not a regular file (a device or pipe); give a file name")
    if info.st_size == 0:
        return
    try:
        with open(path, "rb") as handle:
            start = handle.read(len(header))
    except OSError as exc:
        raise FileProblem(f"cannot be checked ({os_reason(exc)})") from exc
    if start != header:
        raise WouldReplace(f"already exists and is not a {kind}")


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all; on failure the old file is untouched and no part file is left.

    A symbolic link is written through, as a plain write would, so the link
    stays a link. A new file gets the usual permissions (the umask applies);
    a replaced one keeps its own.
    """
    target = Path(os.path.realpath(path))
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    fd, part = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(part, mode)
        os.replace(part, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(part)
        raise


def os_reason(exc: OSError) -> str:
    """Why a file operation failed, in the system's words (``No space left on device``)."""
    return exc.strerror or exc.__class__.__name__


def _umask() -> int:
    # The only portable way to read the umask is to set it; the command line is single-threaded.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
