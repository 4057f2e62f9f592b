"""Every string the screen, the paper and the chart note print, for one audience.

The engine decides (which options, in which order, which points); this step
words the result once. Both renderers only lay these strings out, so the same
fact reads the same on screen and on paper, and a parity test can hold them to
it. What an audience may see is decided here too: on a shared screen private
answers are worded neutrally and the points they raised are counted, not shown;
on paper, health points are printed only when the person asks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .models import FREQUENCY_WORDS, Caution, Crisis, DeckTopic, OptionCard, Reference, SideEffect
from .viewmodel import (
    BenefitRow,
    Comparison,
    OnsetRow,
    OptionView,
    Point,
    QuestionToAsk,
)

# --- the one vocabulary both renderers use -------------------------------------------

STATUS_WORDS: dict[str, str] = {
    "approved": "Approved",
    "cleared": "Cleared",
    "off-label": "Off-label use",
    "guideline first-line": "Guidelines: a first choice",
    "guideline option": "Guidelines: an option",
    "guideline not recommended": "Guidelines: not recommended",
    "no approval needed": "No approval needed",
}
CAUTION_WORDS: dict[str, str] = {"do not use": "Not used when", "caution": "Caution", "discuss": "To discuss"}
CAUTION_RANK: dict[str, int] = {"do not use": 0, "caution": 1, "discuss": 2}
FREQUENCY_RANK: dict[str, int] = {"very common": 0, "common": 1, "uncommon": 2, "rare": 3, "very rare": 4}
COST_WORDS: dict[str, str] = {"low": "Usually low cost", "medium": "Medium cost", "high": "Usually high cost"}
CERTAINTY_WORDS: dict[str, str] = {
    "animal studies": "so far from animal studies",
    "early human evidence": "early studies in people",
    "some human evidence": "some studies in people",
    "idea still being tested": "an idea still being tested",
}
POINT_KIND_QUESTION = "Question to ask"

# Headings of the key-facts rows: the overview on screen and the handout's first page.
FACT_ONSET = "How soon it may help"
FACT_STATUS = "Approval and guidelines"
FACT_BENEFIT = "Chance of help (out of 100)"
FACT_SIDE_EFFECTS = "Main side effects"
FACT_VISITS = "Visits in the first 8 weeks"
FACT_COST = "Cost"
FACT_MUST_KNOW = "Safety points for everyone"
FACT_POINTS = "Points from your answers"
FACT_HEADINGS: tuple[str, ...] = (
    FACT_ONSET, FACT_STATUS, FACT_BENEFIT, FACT_SIDE_EFFECTS, FACT_MUST_KNOW, FACT_VISITS, FACT_COST, FACT_POINTS,
)

TOP_SIDE_EFFECTS = 3
DECK_MUST_KNOW = 2
"""Safety points per option on one deck topic: more would not fit a shared screen in large type."""
SAFETY_NOTE_WORD = "Good to know"
"""The lead-in of a key practical note among the printed safety facts."""
ICON_KEY = "Filled: had this result. Shaded: the uncertain part of a range. Empty: did not."


@dataclass(frozen=True, slots=True)
class Audience:
    """Who will see what is presented.

    ``shared_screen``: other people can see the screen (name, notes and readiness are not echoed).
    ``show_health``: health answers and the points they raise are shown.
    ``show_sensitive``: private what-matters answers are shown as given (else in neutral words).
    ``on_paper``: words that point to pages of the app are replaced by words that make sense on paper.
    """

    shared_screen: bool = False
    show_health: bool = True
    show_sensitive: bool = True
    on_paper: bool = False

    @classmethod
    def screen(cls, shared: bool, reveal: bool = False) -> Audience:
        private = not shared or reveal
        return cls(shared_screen=shared, show_health=private, show_sensitive=private)

    @classmethod
    def paper(cls, include_health: bool) -> Audience:
        """The person's own handout: private what-matters answers print; health answers only when asked."""
        return cls(shared_screen=False, show_health=include_health, show_sensitive=True, on_paper=True)

    def shows(self, item: Point | QuestionToAsk) -> bool:
        if item.health and not self.show_health:
            return False
        return not (item.sensitive and not self.show_sensitive)


@dataclass(frozen=True, slots=True)
class Line:
    """One fact as a line: an optional bold lead-in, the text, and longer words behind a fold."""

    text: str
    lead: str | None = None
    variant: str | None = None
    """The form of the option it is about ("Esketamine nasal spray"), for options with two forms."""
    detail: str | None = None
    source_ids: tuple[str, ...] = ()
    serious: bool = False

    @property
    def strings(self) -> tuple[str, ...]:
        return tuple(s for s in (self.lead, self.variant, self.text, self.detail) if s)


@dataclass(frozen=True, slots=True)
class PointLine:
    """A point raised by the person's answers, worded for the audience."""

    kind: str
    """"Caution", "To discuss", "Ask a specialist" or "Question to ask"."""
    level: str
    text: str
    because: str
    """What the person answered, to which question."""
    source_ids: tuple[str, ...]
    is_question: bool
    answer: str = ""
    """The answer that raised it, and the question's topic: for words other than "You answered" (the chart note)."""
    topic: str = ""
    question: str = ""
    """The question the answer was given to, as in ``AnswerLine.question``: paper prints points under that answer."""


@dataclass(frozen=True, slots=True)
class KeyFacts:
    """One option's row of the overview table: short cells, the same words on screen and paper."""

    option_id: str
    name: str
    stage_label: str | None
    onset: str
    status: tuple[str, ...]
    benefit_figure: str
    benefit_outcome: str
    benefit_comparison: str
    benefit_who: str
    benefit_when: str
    side_effects: tuple[str, ...]
    side_effects_more: int
    visits: str
    cost: str
    cost_detail: str
    must_know: tuple[str, ...]
    """Key safety points for everyone, whatever the answers (content marks them ``key``)."""
    points: int
    hidden_points: int

    @property
    def points_words(self) -> str:
        shown = "none" if not self.points else str(self.points)
        return f"{shown} (+{self.hidden_points} private)" if self.hidden_points else shown

    @property
    def side_effects_words(self) -> str:
        more = f"; and {self.side_effects_more} more" if self.side_effects_more else ""
        return "; ".join(self.side_effects) + more

    def strings(self) -> tuple[str, ...]:
        out = [self.name, self.onset, *self.status, self.benefit_figure, self.benefit_outcome, self.benefit_comparison,
               self.benefit_who, self.benefit_when, *self.side_effects, self.visits, self.cost, self.cost_detail,
               *self.must_know]
        if self.stage_label:
            out.append(self.stage_label)
        return tuple(out)


@dataclass(frozen=True, slots=True)
class Benefit:
    """The headline result: the sentence, its caveat and the icon-array data."""

    row: BenefitRow
    sentence: str
    caveat: str | None
    study: str | None
    """The trial's name, for readers who want it (kept out of the plain sentence)."""
    variant: str | None
    treatment_heading: str
    comparison_heading: str
    alt: str


@dataclass(frozen=True, slots=True)
class OptionPresentation:
    id: str
    name: str
    short_name: str
    summary: str
    how_given: str
    order_reason: str | None
    stage_label: str | None
    facts: KeyFacts
    variants: tuple[Line, ...]
    status: tuple[Line, ...]
    onset: Line
    onset_row: OnsetRow
    benefit: Benefit
    more_benefits: tuple[Line, ...]
    side_effects: tuple[Line, ...]
    no_side_effects: str | None
    """Said instead of an empty list: never "none listed"."""
    cautions: tuple[Line, ...]
    practical: tuple[Line, ...]
    plasticity: Line
    questions: tuple[str, ...]
    points: tuple[PointLine, ...]
    hidden_points: int
    hidden_note: str | None
    reviewed: str
    safety: tuple[Line, ...] = ()
    """The key safety facts as lines for paper (``summary_safety``): printed for every reader, whatever the answers."""
    safety_more: int = 0
    """Cautions on the full card that are not key, so only the full handout prints them."""

    def strings(self) -> tuple[str, ...]:
        """Every string of the card, for parity and wording checks."""
        out: list[str] = [self.name, self.summary, self.how_given, *self.facts.strings()]
        for group in (self.variants, self.status, self.more_benefits, self.side_effects, self.cautions, self.practical):
            for line in group:
                out += line.strings
        out += [*self.onset.strings, *self.plasticity.strings, self.benefit.sentence, *self.questions]
        out += [p.text for p in self.points]
        for extra in (self.order_reason, self.stage_label, self.benefit.caveat, self.no_side_effects, self.hidden_note):
            if extra:
                out.append(extra)
        return tuple(out)


@dataclass(frozen=True, slots=True)
class DeckCell:
    option_id: str
    name: str
    main: str
    more: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    """A short list (side effects), in place of or under ``main``."""


@dataclass(frozen=True, slots=True)
class DeckPanel:
    """One topic across every chosen option, for a visit: short enough for large type on a shared screen."""

    id: str
    title: str
    cells: tuple[DeckCell, ...]
    first: bool
    """Brought forward because of what the person said matters."""
    note: str | None = None


@dataclass(frozen=True, slots=True)
class AnswerLine:
    question: str
    answer: str


@dataclass(frozen=True, slots=True)
class ReadinessLine:
    question: str
    answer: str | None
    if_no: str


@dataclass(frozen=True, slots=True)
class AskLine:
    option_name: str
    text: str
    from_answers: bool


@dataclass(frozen=True, slots=True)
class Presentation:
    audience: Audience
    options: tuple[OptionPresentation, ...]
    ordering_note: str
    benefit_caution: str
    crisis: Crisis
    matters: tuple[AnswerLine, ...]
    health: tuple[AnswerLine, ...]
    """Empty when health answers are not shown; see ``health_hidden``."""
    health_hidden: int
    """Health answers given but not shown to this audience."""
    readiness: tuple[ReadinessLine, ...] | None
    """None on a shared screen: readiness answers are the person's own."""
    questions: tuple[AskLine, ...]
    hidden_points: int
    sources: tuple[Reference, ...]
    onset_rows: tuple[OnsetRow, ...]
    answered: bool
    content_version: str
    last_reviewed: str
    disclaimer: str
    funding: str
    conflicts: str
    deck: tuple[DeckPanel, ...]
    fact_headings: tuple[str, ...] = field(default=FACT_HEADINGS)

    @property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.options)

    def option(self, option_id: str) -> OptionPresentation:
        return next(o for o in self.options if o.id == option_id)

    @property
    def hidden_points_note(self) -> str | None:
        return hidden_note(self.hidden_points, self.audience)


# --- wording helpers ------------------------------------------------------------------


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def hidden_note(count: int, audience: Audience) -> str | None:
    """Why some points are not shown, in words that reveal nothing about them."""
    if not count:
        return None
    points = _plural(count, "more point comes", "more points come")
    if audience.shared_screen:
        return f"{points} from private answers. They are hidden while the screen is shared."
    return f"{points} from your health answers. They are left off unless you choose to include them."


def benefit_figure(row: BenefitRow) -> str:
    return f"{row.treatment_words} vs {row.comparison_words}"


def _variant_name(card: OptionCard, applies_to: str | None) -> str | None:
    return card.variant_name(applies_to)


def _badge_label(label: str, year: int | None) -> str:
    return f"{label} ({year})" if year and str(year) not in label else label


def _status(card: OptionCard) -> tuple[Line, ...]:
    return tuple(
        Line(
            text=_badge_label(b.label, b.year),
            lead=STATUS_WORDS[b.kind],
            variant=_variant_name(card, b.applies_to),
            detail=b.detail,
            source_ids=tuple(b.source_ids),
        )
        for b in card.status
    )


def _status_short(card: OptionCard) -> tuple[str, ...]:
    """Kind words once each, with the short labels of the forms they apply to: short enough for a table cell.

    "Cleared (daily, theta-burst, accelerated (SNT))", not one "Cleared" a form; a badge for the whole option
    keeps the kind word alone.
    """
    forms: dict[tuple[str, bool], list[str]] = {}
    for b in card.status:
        label = card.variant_label(b.applies_to)
        labels = forms.setdefault((STATUS_WORDS[b.kind], label is not None), [])
        if label and label not in labels:
            labels.append(label)
    return tuple(f"{kind} ({', '.join(labels)})" if labels else kind for (kind, _), labels in forms.items())


def _ranked_side_effects(card: OptionCard) -> list[SideEffect]:
    """Most frequent first; the sort is stable, so equally common ones keep the card's order."""
    return sorted(card.side_effects, key=lambda s: FREQUENCY_RANK[s.frequency])


def side_effect_short(s: SideEffect) -> str:
    """"Feeling sick (nausea): very common, 29 in 100 vs 11 in 100 with placebo spray" where a source gives the pair."""
    numbers = s.numbers()
    return f"{s.name}: {s.frequency}" + (f", {numbers}" if numbers else "")


def _side_effects(card: OptionCard) -> tuple[Line, ...]:
    return tuple(
        Line(
            text=f"{s.frequency} ({FREQUENCY_WORDS[s.frequency]})" + (f"; {s.numbers()}" if s.numbers() else ""),
            lead=s.name,
            variant=_variant_name(card, s.applies_to),
            detail=s.detail,
            source_ids=tuple(s.source_ids),
            serious=s.serious,
        )
        for s in _ranked_side_effects(card)
    )


def _cautions(card: OptionCard) -> tuple[Line, ...]:
    ranked = sorted(card.cautions, key=lambda c: CAUTION_RANK[c.level])
    return tuple(
        Line(
            text=c.short,
            lead=CAUTION_WORDS[c.level],
            variant=_variant_name(card, c.applies_to),
            detail=c.text,
            source_ids=tuple(c.source_ids),
            serious=c.level == "do not use",
        )
        for c in ranked
    )


def summary_safety(card: OptionCard) -> tuple[Line, ...]:
    """The key items of ``must_know`` as lines for paper: the same words, with their kind and sources.

    Cautions lead with their level in words ("Not used when"), key practical notes with ``SAFETY_NOTE_WORD``;
    the form they apply to is the variant's short label, as in ``must_know``.
    """
    out = []
    for item in card.key_items:
        label = card.variant_label(item.applies_to)
        variant = f"{label[0].upper()}{label[1:]}" if label else None
        lead = CAUTION_WORDS[item.level] if isinstance(item, Caution) else SAFETY_NOTE_WORD
        serious = isinstance(item, Caution) and item.level == "do not use"
        out.append(Line(item.short or "", lead=lead, variant=variant, source_ids=tuple(item.source_ids), serious=serious))
    return tuple(out)


def must_know(card: OptionCard) -> tuple[str, ...]:
    """The option's key safety lines, each with the form it applies to."""
    out = []
    for item in card.key_items:
        text = item.short or ""
        variant = card.variant_label(item.applies_to)
        out.append(f"{variant[0].upper()}{variant[1:]}: {text}" if variant else text)
    return tuple(out)


def _cost_words(card: OptionCard) -> str:
    return COST_WORDS[card.practicalities.cost.level]


def _practical(card: OptionCard) -> tuple[Line, ...]:
    p = card.practicalities
    cost = p.cost
    lines = [
        Line(p.setting, lead="Where"),
        Line(f"{p.visits_first_8_weeks.words()}. {p.visits_note}", lead=FACT_VISITS),
        Line(p.time_per_visit, lead="Time per visit"),
        Line(f"{_cost_words(card)}. {cost.summary}", lead=FACT_COST, source_ids=tuple(cost.source_ids)),
        Line(p.coverage_note, lead="Insurance"),
    ]
    lines += [Line(n.text, variant=_variant_name(card, n.applies_to), source_ids=tuple(n.source_ids)) for n in p.notes]
    return tuple(lines)


def _with_study(study: str | None, caveat: str | None) -> str | None:
    parts = [f"Study: {study}." if study else "", caveat or ""]
    return " ".join(p for p in parts if p) or None


def _benefit(row: BenefitRow, study: str | None) -> Benefit:
    return Benefit(
        row=row,
        sentence=row.sentence,
        caveat=row.caveat,
        study=study,
        variant=row.variant_name,
        treatment_heading=f"With {row.treatment_label}",
        comparison_heading=f"With {row.comparison_label}",
        alt=f"Picture of 100 people twice. {row.sentence}",
    )


def _point_line(p: Point) -> PointLine:
    return PointLine(
        kind=POINT_KIND_QUESTION if p.is_question else p.level_label,
        level=p.level_label,
        text=p.text,
        because=f'You answered "{p.answer_label}" to: {p.topic}',
        source_ids=p.source_ids,
        is_question=p.is_question,
        answer=p.answer_label,
        topic=p.topic,
        question=p.topic,
    )


def _option(view: OptionView, onset: OnsetRow, row: BenefitRow, audience: Audience, no_side_effects: str) -> OptionPresentation:
    card = view.card
    shown = [p for p in view.points if audience.shows(p)]
    hidden = len(view.points) - len(shown)
    side_effects = _side_effects(card)
    facts = KeyFacts(
        option_id=card.id,
        name=card.short_name,
        stage_label=view.stage_label,
        onset=onset.short,
        status=_status_short(card),
        benefit_figure=benefit_figure(row),
        benefit_outcome=card.headline_benefit.outcome_words,
        benefit_comparison=f"vs {row.comparison_label}",
        benefit_who=row.group,
        benefit_when=row.time_frame,
        side_effects=tuple(side_effect_short(s) for s in _ranked_side_effects(card)[:TOP_SIDE_EFFECTS]),
        side_effects_more=max(0, len(side_effects) - TOP_SIDE_EFFECTS),
        visits=onset.visits_words,
        cost=_cost_words(card),
        cost_detail=card.practicalities.cost.short,
        must_know=must_know(card),
        points=len(shown),
        hidden_points=hidden,
    )
    plasticity = card.plasticity
    return OptionPresentation(
        id=card.id,
        name=card.name,
        short_name=card.short_name,
        summary=card.summary,
        how_given=card.how_given,
        order_reason=view.order_reason,
        stage_label=view.stage_label,
        facts=facts,
        variants=tuple(Line(v.detail, lead=v.name) for v in card.variants),
        status=_status(card),
        onset=Line(onset.text, detail=card.onset.summary, source_ids=tuple(card.onset.source_ids)),
        onset_row=onset,
        benefit=_benefit(row, card.headline_benefit.study),
        more_benefits=tuple(
            Line(b.sentence(), variant=_variant_name(card, b.applies_to), detail=_with_study(b.study, b.caveat),
                 source_ids=tuple(b.source_ids))
            for b in card.benefits
            if not b.headline
        ),
        side_effects=side_effects,
        no_side_effects=None if side_effects else no_side_effects,
        cautions=_cautions(card),
        practical=_practical(card),
        plasticity=Line(
            f"{plasticity.text} How sure: {CERTAINTY_WORDS[plasticity.certainty]}.",
            lead="How it may work",
            detail=plasticity.detail,
            source_ids=tuple(plasticity.source_ids),
        ),
        questions=tuple(card.questions_to_ask),
        points=tuple(_point_line(p) for p in shown),
        hidden_points=hidden,
        hidden_note=hidden_note(hidden, audience),
        reviewed=f"Card last reviewed {card.review.last_reviewed.isoformat()}.",
        safety=summary_safety(card),
        safety_more=sum(1 for c in card.cautions if not c.key),
    )


def _answers(comparison: Comparison, audience: Audience) -> tuple[AnswerLine, ...]:
    return tuple(
        AnswerLine(a.question, a.answer if audience.show_sensitive or a.shared_answer is None else a.shared_answer)
        for a in comparison.matters
    )


def _questions(asks: Sequence[QuestionToAsk], audience: Audience) -> tuple[AskLine, ...]:
    return tuple(AskLine(q.option_name, q.text, q.from_answers) for q in asks if audience.shows(q))


def _deck_cell(topic: str, view: OptionView, option: OptionPresentation, no_note: str) -> DeckCell:
    card, facts = view.card, option.facts
    p = card.practicalities
    more: tuple[str, ...]
    if topic == "onset":
        main, more = facts.onset, (facts.stage_label,) if facts.stage_label else ()
    elif topic == "benefit":
        main, more = facts.benefit_figure, (f"{facts.benefit_outcome}, {facts.benefit_comparison}; over {facts.benefit_when}",)
    elif topic == "side_effects":
        if facts.side_effects:
            more = (f"and {facts.side_effects_more} more on the full card",) if facts.side_effects_more else ()
            return DeckCell(card.id, card.short_name, "", more, facts.side_effects)
        main, more = option.no_side_effects or no_note, ()
    elif topic == "visits":
        main, more = f"{facts.visits} visits in the first 8 weeks", (f"Each visit: {p.time_per_visit}",)
    elif topic == "cost":
        main, more = facts.cost, (p.cost.summary,)
    elif topic == "stopping":
        main, more = (card.stopping.short if card.stopping else no_note), ()
    elif topic == "must_know":
        shown = facts.must_know[:DECK_MUST_KNOW]
        more = (f"and {len(facts.must_know) - len(shown)} more in Key facts",) if len(facts.must_know) > len(shown) else ()
        return DeckCell(card.id, card.short_name, "", more, shown)
    else:  # safety: pregnancy and breastfeeding
        main, more = (card.pregnancy.short if card.pregnancy else no_note), ()
    return DeckCell(card.id, card.short_name, main, tuple(m for m in more if m))


def _topic_first(topic: DeckTopic, comparison: Comparison, audience: Audience) -> bool:
    """Whether an answer brings this topic forward; a private answer never reorders a shared screen."""
    for when in topic.first_when:
        item = next((a for a in (*comparison.matters, *comparison.health) if a.question_id == when.question), None)
        if item is None or not any(v in when.answers for v in item.values):
            continue
        if item in comparison.health and not audience.show_health:
            continue
        if item.shared_answer is not None and not audience.show_sensitive:
            continue
        return True
    return False


def _deck(comparison: Comparison, options: Sequence[OptionPresentation], audience: Audience) -> tuple[DeckPanel, ...]:
    wording = comparison.wording
    panels = [
        DeckPanel(
            id=topic.id,
            title=topic.title,
            cells=tuple(
                _deck_cell(topic.id, view, option, wording.no_topic_note)
                for view, option in zip(comparison.options, options, strict=True)
            ),
            first=_topic_first(topic, comparison, audience),
            note=wording.deck_benefit_note if topic.id == "benefit" else None,
        )
        for topic in wording.deck_topics
    ]
    return tuple(sorted(panels, key=lambda p: not p.first))


def present(comparison: Comparison, audience: Audience) -> Presentation:
    """Word the comparison for one audience; pure, so the same inputs give the same strings everywhere."""
    options = tuple(
        _option(view, onset, row, audience, comparison.wording.no_side_effects)
        for view, onset, row in zip(comparison.options, comparison.onset_rows, comparison.benefit_rows, strict=True)
    )
    readiness = None
    if not audience.shared_screen:
        readiness = tuple(
            ReadinessLine(r.question, r.answer, r.if_no_paper if audience.on_paper else r.if_no) for r in comparison.readiness
        )
    about = comparison.about
    return Presentation(
        audience=audience,
        options=options,
        ordering_note=comparison.ordering_note or "",
        benefit_caution=comparison.benefit_caution,
        crisis=comparison.crisis,
        matters=_answers(comparison, audience),
        health=tuple(AnswerLine(a.question, a.answer) for a in comparison.health) if audience.show_health else (),
        health_hidden=0 if audience.show_health else len(comparison.health),
        readiness=readiness,
        questions=_questions(comparison.questions_to_ask, audience),
        hidden_points=sum(o.hidden_points for o in options),
        sources=comparison.sources,
        onset_rows=comparison.onset_rows,
        answered=comparison.answered,
        content_version=comparison.content_version,
        last_reviewed=comparison.last_reviewed,
        disclaimer=about.disclaimer,
        funding=about.funding,
        conflicts=about.conflicts,
        deck=_deck(comparison, options, audience),
    )

