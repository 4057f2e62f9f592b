"""What the person chose for their printed handout, and their plan if they wrote one."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from ..usertext import MAX_NAME_CHARS, MAX_NOTES_CHARS, clean_user_text

MAX_PLAN_CHARS = 300
MAX_RESUME_CODE_CHARS = 2_000


@dataclass(frozen=True, slots=True)
class Plan:
    """The plan section, as the person filled it in on the Handout page; an empty field prints lines to write on."""

    decision: str = ""
    """What was decided; empty prints "Not decided yet"."""
    judge_when: str = ""
    if_side_effect: str = ""
    if_no_help: str = ""
    crisis_people: str = ""
    next_visit: str = ""

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            object.__setattr__(self, f.name, clean_user_text(getattr(self, f.name), MAX_PLAN_CHARS, single_line=True))

    @property
    def filled(self) -> bool:
        return any(getattr(self, f.name) for f in dataclasses.fields(self))


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
    """Add every option's card in full after the summary (longer)."""
    plan: Plan = field(default_factory=Plan)
    resume_code: str | None = None
    """A code that restores the answers in another browser; printed with its QR code only when the person asks."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", clean_user_text(self.name, MAX_NAME_CHARS, single_line=True))
        object.__setattr__(self, "notes", clean_user_text(self.notes, MAX_NOTES_CHARS))
        if self.resume_code is not None:
            code = clean_user_text(self.resume_code, MAX_RESUME_CODE_CHARS, single_line=True)
            object.__setattr__(self, "resume_code", code or None)
        if self.paper not in ("letter", "a4"):
            raise ValueError(f"paper must be 'letter' or 'a4', not {self.paper!r}")
