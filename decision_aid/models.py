"""Validated shapes of the clinical content.

Every model is frozen and forbids unknown keys: a typo in a clinician's YAML
edit must fail loudly at load time rather than silently drop a caution.
Cross-file checks (source ids resolve, rules point at real questions) live in
``loader.py`` because they need the whole bundle.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

FrequencyWord = Literal["very common", "common", "uncommon", "rare", "very rare"]
FREQUENCY_WORDS: dict[str, str] = {
    "very common": "more than 1 in 10 people",
    "common": "between 1 in 100 and 1 in 10 people",
    "uncommon": "between 1 in 1,000 and 1 in 100 people",
    "rare": "between 1 in 10,000 and 1 in 1,000 people",
    "very rare": "fewer than 1 in 10,000 people",
}

TimeUnit = Literal["hours", "days", "weeks", "months"]
DAYS_PER_UNIT: dict[str, float] = {"hours": 1 / 24, "days": 1.0, "weeks": 7.0, "months": 30.4}

Text = Annotated[str, Field(min_length=1)]
SourceIds = Annotated[list[str], Field(min_length=1)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_]*$")]
OptionId = Slug
"""Option ids come from content (``ordering.yaml`` lists them); the loader checks every reference to one."""


def range_words(low: int, high: int) -> str:
    """"12", or "12 to 20" where studies disagree: every renderer words a range the same way."""
    return f"{low}" if low == high else f"{low} to {high}"


def source_id_paths(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Yield (field path, source id) for every source_ids list anywhere in a dumped model.

    Shared by the loader (every id must resolve) and the engine (every source a
    comparison shows), so a new cited field is found by both without a code change.
    """
    if isinstance(value, dict):
        for key, sub in value.items():
            sub_path = f"{path}.{key}" if path else str(key)
            if key == "source_ids" and isinstance(sub, list):
                for i, sid in enumerate(sub):
                    yield f"{sub_path}[{i}]", sid
            else:
                yield from source_id_paths(sub, sub_path)
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            yield from source_id_paths(sub, f"{path}[{i}]")


class Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# --- references -----------------------------------------------------------


class Reference(Frozen):
    id: Slug
    citation: Text
    title: Text
    year: Annotated[int, Field(ge=1950, le=2100)]
    kind: Literal[
        "randomised trial",
        "meta-analysis",
        "systematic review",
        "review",
        "product label",
        "guideline",
        "regulatory decision",
        "cost study",
        "survey",
        "observational study",
        "laboratory study",
        "news report",
        "post hoc analysis",
        "service",
        "safety communication",
    ]
    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    url: str | None = None
    note: str | None = None

    def locator(self) -> tuple[str, str]:
        """(label, address) of the most stable way to find the source: DOI, then PubMed ids, then the web page."""
        if self.doi:
            return f"doi:{self.doi}", f"https://doi.org/{self.doi}"
        if self.pmid:
            return f"PMID {self.pmid}", f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        if self.pmcid:
            return f"PMCID {self.pmcid}", f"https://www.ncbi.nlm.nih.gov/pmc/articles/{self.pmcid}/"
        return str(self.url), str(self.url)

    @model_validator(mode="after")
    def _findable(self) -> Reference:
        if not (self.doi or self.pmid or self.pmcid or self.url):
            raise ValueError("give at least one of doi, pmid, pmcid or url so a reader can find the source")
        return self


# --- option card parts ----------------------------------------------------


class OnsetRange(Frozen):
    """A time span in one unit: min <= typical <= max."""

    unit: TimeUnit
    min: Annotated[float, Field(ge=0)]
    typical: Annotated[float, Field(ge=0)]
    max: Annotated[float, Field(ge=0)]

    @model_validator(mode="after")
    def _ordered(self) -> OnsetRange:
        if not (self.min <= self.typical <= self.max):
            raise ValueError(f"range must be ordered min <= typical <= max (got {self.min}, {self.typical}, {self.max})")
        return self

    def days(self, which: Literal["min", "typical", "max"]) -> float:
        return float(getattr(self, which)) * DAYS_PER_UNIT[self.unit]


class Onset(Frozen):
    summary: Text
    first_effect: OnsetRange
    full_effect: OnsetRange
    first_label: Text = "to start helping"
    """Finishes "About 2 weeks ...": what happens by ``first_effect`` (for not starting: the first review)."""
    full_label: Text = "fuller effect"
    """Starts "... by about 8 weeks": what is seen by ``full_effect``."""
    source_ids: SourceIds

    @model_validator(mode="after")
    def _first_before_full(self) -> Onset:
        if self.first_effect.days("typical") > self.full_effect.days("typical"):
            raise ValueError("first_effect.typical must not come after full_effect.typical")
        return self


class Variant(Frozen):
    """A product that shares one card but differs in places (esketamine vs IV ketamine)."""

    id: Slug
    name: Text
    detail: Text
    short_name: str | None = None
    """A few words for table cells ("IV ketamine"); the full name when not given."""

    @property
    def label(self) -> str:
        return self.short_name or self.name


class StatusBadge(Frozen):
    label: Text
    kind: Literal[
        "approved",
        "cleared",
        "off-label",
        "guideline first-line",
        "guideline option",
        "guideline not recommended",
        "no approval needed",
    ]
    detail: Text
    year: Annotated[int, Field(ge=1950, le=2100)] | None = None
    applies_to: Slug | None = None
    source_ids: SourceIds


class Per100(Frozen):
    """People out of 100; a range where trials disagree."""

    low: Annotated[int, Field(ge=0, le=100)]
    high: Annotated[int, Field(ge=0, le=100)]

    @model_validator(mode="before")
    @classmethod
    def _from_number(cls, value: object) -> object:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return {"low": round(value), "high": round(value)}
        return value

    @model_validator(mode="after")
    def _ordered(self) -> Per100:
        if self.low > self.high:
            raise ValueError(f"range must be ordered low <= high (got {self.low}, {self.high})")
        return self

    def words(self) -> str:
        return range_words(self.low, self.high)


class BenefitOutcome(Frozen):
    id: Slug
    outcome: Literal["response", "remission", "improved", "relapse"]
    outcome_words: Text
    group: Text
    time_frame: Text
    treatment_label: Text
    treatment_per_100: Per100
    comparison_label: Text
    comparison_kind: Literal[
        "placebo", "sham", "usual care or waitlist", "active treatment", "stopping treatment", "same group, earlier"
    ]
    """"same group, earlier": the same untreated people at an earlier time (how many got better on their own)."""
    comparison_per_100: Per100
    higher_is_better: bool = True
    headline: bool = False
    caveat: str | None = None
    study: str | None = None
    """Short trial name and year ("TRANSFORM-2, 2019"), for a details fold: the plain sentence and caveat need not name it."""
    applies_to: Slug | None = None
    source_ids: SourceIds

    def sentence(self) -> str:
        """The one plain sentence every renderer shows next to the numbers."""
        text = (
            f"Among {self.group}, over {self.time_frame}: about {self.treatment_per_100.words()} in 100 "
            f"{self.outcome_words} with {self.treatment_label}, compared with about "
            f"{self.comparison_per_100.words()} in 100 with {self.comparison_label}."
        )
        return text


class SideEffect(Frozen):
    name: Text
    frequency: FrequencyWord
    detail: Text
    serious: bool = False
    treatment_per_100: Per100 | None = None
    comparison_per_100: Per100 | None = None
    comparison_label: str | None = None
    """Where a source gives both numbers, so a summary can print "29 in 100 vs 11 in 100 with placebo spray"."""
    applies_to: Slug | None = None
    source_ids: SourceIds

    @model_validator(mode="after")
    def _both_numbers(self) -> SideEffect:
        given = [self.treatment_per_100 is not None, self.comparison_per_100 is not None, bool(self.comparison_label)]
        if any(given) and not all(given):
            raise ValueError(
                "give treatment_per_100, comparison_per_100 and comparison_label together, or none of them: "
                "a side-effect number needs its comparison"
            )
        return self

    def numbers(self) -> str | None:
        """ "29 in 100 vs 11 in 100 with placebo spray", or None where the source gives no pair."""
        if self.treatment_per_100 is None or self.comparison_per_100 is None:
            return None
        return (
            f"{self.treatment_per_100.words()} in 100 vs {self.comparison_per_100.words()} in 100 "
            f"with {self.comparison_label}"
        )


ShortText = Annotated[str, Field(min_length=1, max_length=110)]


class Caution(Frozen):
    short: ShortText
    """One line for the printed summary, so every caution fits on paper, not only the severe ones."""
    text: Text
    level: Literal["do not use", "caution", "discuss"]
    key: bool = False
    """Printed in the handout summary and shown in the overview for everyone, whatever the answers."""
    applies_to: Slug | None = None
    source_ids: SourceIds


class CountRange(Frozen):
    low: Annotated[int, Field(ge=0)]
    high: Annotated[int, Field(ge=0)]

    @model_validator(mode="after")
    def _ordered(self) -> CountRange:
        if self.low > self.high:
            raise ValueError(f"range must be ordered low <= high (got {self.low}, {self.high})")
        return self

    def words(self) -> str:
        return range_words(self.low, self.high)


class Cost(Frozen):
    summary: Text
    level: Literal["low", "medium", "high"]
    short: Annotated[str, Field(min_length=1, max_length=90)]
    """One line for tables ("about $5,600 in month 1, then $1,700 to $2,200 a month (2020 US)")."""
    source_ids: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _dollars_sourced(self) -> Cost:
        if "$" in self.short and not self.source_ids:
            raise ValueError("a dollar figure in 'short' needs at least one source id")
        return self


class PracticalNote(Frozen):
    text: Text
    key: bool = False
    """Printed in the handout summary and shown in the overview for everyone, whatever the answers."""
    short: ShortText | None = None
    """One line for the summary and the overview; needed when ``key`` is set."""
    applies_to: Slug | None = None
    source_ids: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _key_has_short(self) -> PracticalNote:
        if self.key and not self.short:
            raise ValueError("a key practical note needs a 'short' line for the summary")
        return self


class Practicalities(Frozen):
    setting: Text
    visits_first_8_weeks: CountRange
    visits_note: Text
    time_per_visit: Text
    cost: Cost
    coverage_note: Text
    notes: list[PracticalNote] = Field(default_factory=list)
    source_ids: SourceIds


class TopicNote(Frozen):
    """A short answer to one question people ask about every option, for the one-topic-at-a-time view."""

    short: ShortText
    source_ids: SourceIds


class PlasticityNote(Frozen):
    short: ShortText
    """One line with its certainty, for the printed summary."""
    text: Text
    certainty: Literal["animal studies", "early human evidence", "some human evidence", "idea still being tested"]
    detail: str | None = None
    """The technical version (growth factors, named studies) for a "details for the curious" fold."""
    source_ids: SourceIds


class Review(Frozen):
    last_reviewed: dt.date
    next_review_due: dt.date

    @model_validator(mode="after")
    def _ordered(self) -> Review:
        if self.next_review_due <= self.last_reviewed:
            raise ValueError("next_review_due must come after last_reviewed")
        return self


KEY_ITEMS = (1, 6)
"""Fewest and most key cautions plus key practical notes an option may mark: the facts that must never be missed
are printed for everyone, and they stay few enough to be read."""


class OptionCard(Frozen):
    id: OptionId
    name: Text
    short_name: Text
    summary: Text
    how_given: Text
    is_medicine: bool
    variants: list[Variant] = Field(default_factory=list)
    onset: Onset
    status: Annotated[list[StatusBadge], Field(min_length=1)]
    benefits: Annotated[list[BenefitOutcome], Field(min_length=1)]
    side_effects: list[SideEffect] = Field(default_factory=list)
    cautions: list[Caution] = Field(default_factory=list)
    practicalities: Practicalities
    plasticity: PlasticityNote
    questions_to_ask: list[Text] = Field(default_factory=list)
    stopping: TopicNote | None = None
    """What happens on stopping, and how often depression comes back."""
    pregnancy: TopicNote | None = None
    """What is known about use in pregnancy and breastfeeding."""
    review: Review

    @model_validator(mode="after")
    def _complete(self) -> OptionCard:
        if not self.side_effects and not self.cautions:
            raise ValueError("each option needs at least one side effect or caution: harms get equal space")
        headlines = [b for b in self.benefits if b.headline]
        if len(headlines) != 1:
            raise ValueError(f"exactly one benefit must have headline: true (found {len(headlines)})")
        ids = [b.id for b in self.benefits]
        if len(set(ids)) != len(ids):
            raise ValueError("benefit ids must be unique within an option")
        keys = len(self.key_items)
        if not KEY_ITEMS[0] <= keys <= KEY_ITEMS[1]:
            raise ValueError(
                f"mark {KEY_ITEMS[0]} to {KEY_ITEMS[1]} cautions or practical notes as key (found {keys}): "
                "key items print for everyone, so keep them to the facts that must never be missed"
            )
        variant_ids = {v.id for v in self.variants}
        for where, items in (
            ("status", self.status),
            ("benefits", self.benefits),
            ("side_effects", self.side_effects),
            ("cautions", self.cautions),
            ("practicalities.notes", self.practicalities.notes),
        ):
            for item in items:
                applies = getattr(item, "applies_to", None)
                if applies is not None and applies not in variant_ids:
                    raise ValueError(f"{where}: applies_to '{applies}' is not one of this option's variants")
        return self

    @cached_property
    def cited_ids(self) -> tuple[str, ...]:
        """Every source id the card cites, in order of first use; computed once, as the card never changes."""
        return tuple(dict.fromkeys(sid for _, sid in source_id_paths(self.model_dump())))

    @property
    def key_items(self) -> tuple[Caution | PracticalNote, ...]:
        """Key cautions, then key practical notes: shown to everyone, whatever the answers."""
        return tuple(c for c in self.cautions if c.key) + tuple(n for n in self.practicalities.notes if n.key)

    @property
    def headline_benefit(self) -> BenefitOutcome:
        return next(b for b in self.benefits if b.headline)

    def variant_name(self, variant_id: str | None) -> str | None:
        return next((v.name for v in self.variants if v.id == variant_id), None)

    def variant_label(self, variant_id: str | None) -> str | None:
        """The variant's short name, for table cells."""
        return next((v.label for v in self.variants if v.id == variant_id), None)


# --- about, other treatments ---------------------------------------------


class Section(Frozen):
    heading: Text
    body: Text


GLOSSARY_REQUIRED = ("response", "remission", "placebo", "sham", "off-label", "REMS")


class GlossaryEntry(Frozen):
    term: Text
    meaning: Text


class ChangeLogEntry(Frozen):
    date: dt.date
    change: Text
    """What changed in the content."""
    event: Text
    """Why: the label event, safety communication or review that prompted it."""


class About(Frozen):
    content_version: Annotated[str, Field(pattern=r"^\d{4}\.\d{2}(\.\d+)?$")]
    review: Review
    purpose: Text
    not_for: Text
    methods: Annotated[list[Section], Field(min_length=1)]
    frequency_words_intro: Text
    update_policy: Text
    funding: Text
    conflicts: Text
    privacy: Text
    disclaimer: Text
    authorship: Text
    """Who wrote the content, and what review it has and has not had."""
    propose_changes: Text
    """How a clinician or reader can propose a change."""
    glossary: Annotated[list[GlossaryEntry], Field(min_length=1)]
    change_log: Annotated[list[ChangeLogEntry], Field(min_length=1)]

    @field_validator("glossary")
    @classmethod
    def _glossary_complete(cls, glossary: list[GlossaryEntry]) -> list[GlossaryEntry]:
        terms = [g.term.lower() for g in glossary]
        if len(set(terms)) != len(terms):
            raise ValueError("each glossary term may appear only once")
        missing = [t for t in GLOSSARY_REQUIRED if t.lower() not in terms]
        if missing:
            raise ValueError(f"the glossary must explain {', '.join(missing)}")
        return glossary

    @field_validator("change_log")
    @classmethod
    def _log_in_date_order(cls, log: list[ChangeLogEntry]) -> list[ChangeLogEntry]:
        dates = [entry.date for entry in log]
        if dates != sorted(dates):
            raise ValueError("list change_log entries oldest first")
        return log


class OtherTreatment(Frozen):
    name: Text
    text: Text
    why_not_a_card: Text
    source_ids: list[str] = Field(default_factory=list)


class OtherTreatments(Frozen):
    intro: Text
    treatments: Annotated[list[OtherTreatment], Field(min_length=1)]
    combining: Annotated[list[Section], Field(min_length=1)]
    combining_source_ids: list[str] = Field(default_factory=list)


# --- questionnaire and rules ---------------------------------------------

PREFER_NOT_TO_SAY = "prefer_not_to_say"


class Choice(Frozen):
    value: Slug
    label: Text
    shared_label: str | None = None
    """A neutral wording for a shared screen. Giving one marks the answer as private: on a shared
    screen it is shown in these words, and the points it raises are held back until shown."""


class Question(Frozen):
    id: Slug
    text: Text
    help: Text
    kind: Literal["single", "multi"]
    choices: Annotated[list[Choice], Field(min_length=2)]
    health: bool = False
    """Health answers are hidden in screen-share mode and left off the handout unless asked for."""

    @field_validator("choices")
    @classmethod
    def _unique(cls, choices: list[Choice]) -> list[Choice]:
        values = [c.value for c in choices]
        if len(set(values)) != len(values):
            raise ValueError("choice values must be unique")
        if PREFER_NOT_TO_SAY in values:
            raise ValueError(f"'{PREFER_NOT_TO_SAY}' is added to every question automatically; leave it out")
        return choices

    def label_for(self, value: str) -> str:
        if value == PREFER_NOT_TO_SAY:
            return "Prefer not to say"
        return next((c.label for c in self.choices if c.value == value), value)

    def is_sensitive(self, value: str) -> bool:
        return any(c.value == value and c.shared_label for c in self.choices)

    def shared_label_for(self, value: str) -> str:
        """The answer as a shared screen may show it: neutral words for a private answer, else its label."""
        return next((c.shared_label for c in self.choices if c.value == value and c.shared_label), self.label_for(value))


class Step(Frozen):
    id: Slug
    title: Text
    intro: Text
    questions: Annotated[list[Question], Field(min_length=1)]


class ReadinessItem(Frozen):
    id: Slug
    question: Text
    if_no: Text
    if_no_paper: Text
    """The same help for the handout, which cannot point to pages of the app."""


class Rule(Frozen):
    """(question, answer) -> a point to discuss on one option card."""

    question: Slug
    when: Annotated[list[str], Field(min_length=1)]
    option: OptionId
    level: Literal["discuss", "caution", "specialist_advice"]
    text: Text
    ask_when: list[str] = Field(default_factory=list)
    ask: str | None = None
    source_ids: SourceIds

    @model_validator(mode="after")
    def _ask_text(self) -> Rule:
        if self.ask_when and not self.ask:
            raise ValueError("ask_when needs an 'ask' sentence worded as a question")
        if self.ask and not self.ask.rstrip().endswith("?"):
            raise ValueError("'ask' must be worded as a question (end with '?')")
        if set(self.when) & set(self.ask_when):
            raise ValueError("an answer cannot be in both 'when' and 'ask_when'")
        return self


class Rules(Frozen):
    rules: Annotated[list[Rule], Field(min_length=1)]


class Questionnaire(Frozen):
    intro: Text
    steps: Annotated[list[Step], Field(min_length=1)]
    readiness_intro: Text
    readiness: Annotated[list[ReadinessItem], Field(min_length=4, max_length=4)]

    @property
    def questions(self) -> dict[str, Question]:
        return {q.id: q for s in self.steps for q in s.questions}



# --- order of the options -------------------------------------------------


class Stage(Frozen):
    """Which options are shown, and in what order, at one point in the usual line of care.

    The stage is chosen by the answer to ``OrderingContent.stage_question``; a stage
    without ``when`` is the default (nothing answered, or an answer no stage names).
    """

    id: Slug
    when: list[str] = Field(default_factory=list)
    order: Annotated[list[OptionId], Field(min_length=1)]
    selected: Annotated[list[OptionId], Field(min_length=1)]
    """Options picked when the Compare page first opens; the person can pick any others."""
    note: Text
    """One sentence above the options saying why they are in this order."""

    @model_validator(mode="after")
    def _consistent(self) -> Stage:
        if len(set(self.order)) != len(self.order):
            raise ValueError("order lists an option twice")
        missing = [o for o in self.selected if o not in self.order]
        if missing:
            raise ValueError(f"selected options must also be in order (not in order: {', '.join(missing)})")
        return self


class LaterOption(Frozen):
    """An option usually offered after others: it carries a plain label, and is never hidden."""

    option: OptionId
    usually_after: Text
    """The label at other stages, for example "Usually offered after two or more medicines have not helped"."""
    at_stage: Text
    """The label when the stage answer says the person is at that point ("Often offered at this stage")."""
    stage_answers: Annotated[list[str], Field(min_length=1)]


class Move(Frozen):
    """One answer that moves some options up or down in the "by what matters to me" order."""

    question: Slug
    when: Annotated[list[str], Field(min_length=1)]
    options: Annotated[list[OptionId], Field(min_length=1)]
    by: Annotated[int, Field(ge=-3, le=3)]
    reason: Text
    """Why, in words that name the answer: "it often takes weeks to start helping, and you said ..."."""

    @field_validator("by")
    @classmethod
    def _moves(cls, value: int) -> int:
        if value == 0:
            raise ValueError("by must move the options: use a whole number from -3 to 3, not 0")
        return value


class ReasonWords(Frozen):
    """Sentences that explain each option's place; {old}, {new} and {reasons} are filled in."""

    moved_up: Text
    moved_down: Text
    same_place: Text
    raised: Text
    lowered: Text
    unmoved: Text
    up_because_others: Text
    down_because_others: Text
    kept_by_others: Text
    already_first: Text
    already_last: Text

    @model_validator(mode="after")
    def _placeholders(self) -> ReasonWords:
        need = {
            "moved_up": ("{old}", "{new}"),
            "moved_down": ("{old}", "{new}"),
            "same_place": ("{new}",),
            "raised": ("{reasons}",),
            "lowered": ("{reasons}",),
        }
        for name, keys in need.items():
            text = getattr(self, name)
            for key in keys:
                if key not in text:
                    raise ValueError(f"{name} must contain {key}")
        return self


class OrderingContent(Frozen):
    stage_question: Slug
    stages: Annotated[list[Stage], Field(min_length=1)]
    later: list[LaterOption] = Field(default_factory=list)
    what_matters_note: Text
    moves: list[Move] = Field(default_factory=list)
    reason_words: ReasonWords

    @model_validator(mode="after")
    def _one_default(self) -> OrderingContent:
        defaults = [s.id for s in self.stages if not s.when]
        if len(defaults) != 1:
            raise ValueError(f"exactly one stage must have no 'when' (the default); found {len(defaults)}")
        orders = {tuple(sorted(s.order)) for s in self.stages}
        if len(orders) != 1:
            raise ValueError("every stage must order the same set of options")
        return self

    @property
    def option_ids(self) -> tuple[str, ...]:
        """Every option, in the default stage's order (the usual line of care)."""
        return tuple(self.default_stage.order)

    @property
    def default_stage(self) -> Stage:
        return next(s for s in self.stages if not s.when)


# --- words shared by screen, paper and chart note -------------------------


class CrisisLink(Frozen):
    label: Text
    href: Annotated[str, Field(pattern=r"^(tel|sms):[0-9]+$")]


class Crisis(Frozen):
    """The one source of crisis help, for every page, every handout page and the chart note."""

    heading: Text
    text: Text
    """The sentence on every screen: who to call or text, and when."""
    short: Annotated[str, Field(min_length=1, max_length=100)]
    """One line for the foot of every printed page."""
    more: Text
    """Chat, opening hours and outside the US: for the handout's box and the About page."""
    links: Annotated[list[CrisisLink], Field(min_length=1)]

    @model_validator(mode="after")
    def _numbers(self) -> Crisis:
        for field in ("text", "short"):
            for number in ("988", "911"):
                if number not in getattr(self, field):
                    raise ValueError(f"{field} must name {number}")
        return self


DeckTopicId = Literal["onset", "benefit", "side_effects", "must_know", "visits", "cost", "stopping", "safety"]


class WhenAnswered(Frozen):
    question: Slug
    answers: Annotated[list[str], Field(min_length=1)]


class DeckTopic(Frozen):
    """One topic of the encounter deck; topics whose answers the person gave come first."""

    id: DeckTopicId
    title: Text
    first_when: list[WhenAnswered] = Field(default_factory=list)


class Wording(Frozen):
    """Sentences both renderers print that are not tied to one option."""

    benefit_groups_caution: Text
    start_lead: Text
    """One sentence under the Start page's title, before the question of who is looking at the screen."""
    start_does: Annotated[list[Text], Field(min_length=1)]
    """What the guide does; {count} is the number of options and {names} lists them."""
    start_does_not: Annotated[list[Text], Field(min_length=1)]
    no_side_effects: Text
    """Said instead of an empty side-effect list: never "none listed"."""
    empty_answers: Text
    """The Compare page before any question is answered."""
    deck_topics: Annotated[list[DeckTopic], Field(min_length=1)]
    no_topic_note: Text
    """Shown in the deck for an option the content has no note on for that topic."""
    deck_benefit_note: Text
    """Under the deck's "chance that it helps" topic: the figures come from different groups."""

    @field_validator("deck_topics")
    @classmethod
    def _unique_topics(cls, topics: list[DeckTopic]) -> list[DeckTopic]:
        ids = [t.id for t in topics]
        if len(set(ids)) != len(ids):
            raise ValueError("each deck topic may appear once")
        return topics

# --- the whole bundle -----------------------------------------------------


class Content(Frozen):
    options: dict[str, OptionCard]
    """Every option card, in the usual line of care (the default stage's order)."""
    references: dict[str, Reference]
    about: About
    other: OtherTreatments
    questionnaire: Questionnaire
    rules: list[Rule]
    ordering: OrderingContent
    crisis: Crisis
    wording: Wording

    @property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(self.options)

    @property
    def version(self) -> str:
        return self.about.content_version
