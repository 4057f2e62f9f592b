"""What the person chose for their printed handout."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from ..usertext import MAX_NAME_CHARS, MAX_NOTES_CHARS, clean_user_text


@dataclass(frozen=True, slots=True)
class HandoutSettings:
    paper: Literal["letter", "a4"] = "letter"
    large_print: bool = False
    name: str = ""
    notes: str = ""
    include_health: bool = False
    date: dt.date | None = None
    """Printed date; None means today. Fixing it makes the output byte-for-byte reproducible."""
    full_detail: bool = False
    """Print every study result, side-effect note and point to discuss, not only the key facts (longer)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", clean_user_text(self.name, MAX_NAME_CHARS, single_line=True))
        object.__setattr__(self, "notes", clean_user_text(self.notes, MAX_NOTES_CHARS))
        if self.paper not in ("letter", "a4"):
            raise ValueError(f"paper must be 'letter' or 'a4', not {self.paper!r}")
