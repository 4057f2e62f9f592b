"""The one view model both renderers draw from.

The Streamlit pages and the PDF handout read only these objects. Chart data
(onset rows, icon-array states, time ticks) is computed here once, so the
screen and the paper can never disagree about a number.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .models import About, Crisis, OptionCard, Reference, Wording, range_words

Level = Literal["discuss", "caution", "specialist_advice"]
LEVEL_LABELS: dict[str, str] = {
    "specialist_advice": "Ask a specialist",
    "caution": "Caution",
    "discuss": "To discuss",
}
LEVEL_ORDER: dict[str, int] = {"specialist_advice": 0, "caution": 1, "discuss": 2}

Ordering = Literal["default", "what_matters"]

# Shared log-scale ticks for the onset timeline, in days.
TIME_TICKS: tuple[tuple[float, str], ...] = (
    (1 / 24, "1 hour"),
    (1.0, "1 day"),
    (7.0, "1 week"),
    (30.4, "1 month"),
    (91.0, "3 months"),
    (182.0, "6 months"),
)
TIME_AXIS_DAYS: tuple[float, float] = (1 / 48, 240.0)

@dataclass(frozen=True, slots=True)
class Point:
    """A point to discuss on one card, raised by one answer."""

    option_id: str
    question_id: str
    topic: str
    answer_label: str
    level: Level
    text: str
    is_question: bool
    source_ids: tuple[str, ...]
    health: bool = False
    """Raised by a health answer: off a shared screen until shown, and off paper unless the person adds it."""
    sensitive: bool = False
    """Raised by a private what-matters answer: off a shared screen until shown."""

    @property
    def level_label(self) -> str:
        return LEVEL_LABELS[self.level]


@dataclass(frozen=True, slots=True)
class OnsetRow:
    option_id: str
    name: str
    first_min_days: float
    first_typical_days: float
    first_max_days: float
    full_min_days: float
    full_typical_days: float
    full_max_days: float
    visits_low: int
    visits_high: int
    summary: str
    first_label: str = "to start helping"
    full_label: str = "fuller effect"

    @property
    def visits_words(self) -> str:
        return range_words(self.visits_low, self.visits_high)

    @property
    def short(self) -> str:
        """"About 2 weeks to start helping; fuller effect by about 8 weeks": the key-facts cell."""
        return (
            f"About {days_words(self.first_typical_days)} {self.first_label}; "
            f"{self.full_label} by about {days_words(self.full_typical_days)}"
        )

    @property
    def text(self) -> str:
        """The text alternative for this row of the timeline chart, ranges included."""
        return (
            f"{self.name}: about {days_words(self.first_typical_days)} {self.first_label} "
            f"(range {days_words(self.first_min_days)} to {days_words(self.first_max_days)}); "
            f"{self.full_label} by about {days_words(self.full_typical_days)} "
            f"(range {days_words(self.full_min_days)} to {days_words(self.full_max_days)}). "
            f"Visits in the first 8 weeks: {self.visits_words}."
        )


@dataclass(frozen=True, slots=True)
class BenefitRow:
    option_id: str
    name: str
    outcome: str
    group: str
    time_frame: str
    treatment_label: str
    treatment_low: int
    treatment_high: int
    comparison_label: str
    comparison_low: int
    comparison_high: int
    higher_is_better: bool
    sentence: str
    caveat: str | None
    variant_name: str | None
    source_ids: tuple[str, ...]

    @property
    def treatment_words(self) -> str:
        """The count under the treatment's icon block ("12 to 20 in 100"), the same on screen and paper."""
        return f"{range_words(self.treatment_low, self.treatment_high)} in 100"

    @property
    def comparison_words(self) -> str:
        return f"{range_words(self.comparison_low, self.comparison_high)} in 100"

    @property
    def treatment_states(self) -> tuple[str, ...]:
        return icon_states(self.treatment_low, self.treatment_high)

    @property
    def comparison_states(self) -> tuple[str, ...]:
        return icon_states(self.comparison_low, self.comparison_high)


@dataclass(frozen=True, slots=True)
class AnswerItem:
    question_id: str
    question: str
    answer: str
    values: tuple[str, ...] = ()
    """The answer values, for checks such as which deck topic comes first."""
    shared_answer: str | None = None
    """Neutral words for a shared screen when the answer is private; None when it can be shown as it is."""


@dataclass(frozen=True, slots=True)
class QuestionToAsk:
    option_id: str
    option_name: str
    text: str
    from_answers: bool
    health: bool = False
    sensitive: bool = False


@dataclass(frozen=True, slots=True)
class ReadinessView:
    id: str
    question: str
    answer: Literal["yes", "no"] | None
    if_no: str
    if_no_paper: str


@dataclass(frozen=True, slots=True)
class OptionView:
    card: OptionCard
    points: tuple[Point, ...]
    order_reason: str | None = None
    stage_label: str | None = None
    """ "Usually offered after ..." for options usually offered after others; never hides the option."""

    @property
    def id(self) -> str:
        return self.card.id

    @property
    def name(self) -> str:
        return self.card.name


@dataclass(frozen=True, slots=True)
class Comparison:
    options: tuple[OptionView, ...]
    ordering: Ordering
    ordering_note: str | None
    matters: tuple[AnswerItem, ...]
    health: tuple[AnswerItem, ...]
    questions_to_ask: tuple[QuestionToAsk, ...]
    readiness: tuple[ReadinessView, ...]
    onset_rows: tuple[OnsetRow, ...]
    benefit_rows: tuple[BenefitRow, ...]
    sources: tuple[Reference, ...]
    content_version: str
    last_reviewed: str
    about: About
    crisis: Crisis
    wording: Wording
    answered: bool
    """Whether any question was answered (the Compare page invites answers when none are)."""

    @property
    def benefit_caution(self) -> str:
        return self.wording.benefit_groups_caution

    @property
    def option_ids(self) -> tuple[str, ...]:
        """Derived, not stored, so it can never disagree with ``options``."""
        return tuple(o.id for o in self.options)

    def option(self, option_id: str) -> OptionView:
        return next(o for o in self.options if o.id == option_id)

    def texts(self) -> list[str]:
        """Every sentence the engine generated from answers, for wording checks."""
        out = [p.text for o in self.options for p in o.points]
        out += [o.order_reason for o in self.options if o.order_reason]
        out += [q.text for q in self.questions_to_ask]
        if self.ordering_note:
            out.append(self.ordering_note)
        return out


def icon_states(low: int, high: int) -> tuple[str, ...]:
    """100 icon states: 'yes' for the lower count, 'maybe' for a range's uncertain part, then 'no'."""
    return tuple("yes" if i < low else "maybe" if i < high else "no" for i in range(100))


def days_words(days: float) -> str:
    """A duration in the largest unit that reads naturally ("3 days", "6 weeks")."""
    if days < 1:
        hours = max(1, round(days * 24))
        return f"{hours} hour" + ("s" if hours != 1 else "")
    if days < 14:
        n = round(days)
        return f"{n} day" + ("s" if n != 1 else "")
    if days < 60:
        n = round(days / 7)
        return f"{n} weeks"
    n = round(days / 30.4)
    return f"{n} months"
