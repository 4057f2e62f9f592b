"""The handout's sections, as lists of platypus flowables.

Everything shown comes from the ``Comparison``; these functions only choose
words and layout. Text from content or from the person reaches reportlab only
through ``para`` (escaped, one run of text) or as a bold lead-in, which
reportlab draws without reading markup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import unescape

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from ..models import FREQUENCY_WORDS, OptionCard, range_words
from ..viewmodel import AnswerItem, BenefitRow, Comparison, OnsetRow, OptionView, Point, QuestionToAsk, days_words
from . import labels
from .drawings import icon_array, icon_legend, onset_timeline
from .fonts import fonts
from .markup import para, typed_text
from .settings import HandoutSettings
from .styles import LIGHT, RULE, SHADE, Styles
from .widgets import WritingLines

MAX_WORD_SHARE = 0.2  # a longer word (a web address) is broken rather than widening its column further
SUMMARY_SHARES = (0.105, 0.115, 0.12, 0.37, 0.17, 0.06, 0.06)
FREQUENCY_RANK = {"very common": 0, "common": 1, "uncommon": 2, "rare": 3, "very rare": 4}
TABLE_SIDE_EFFECTS = 3
LARGE_PRINT_PER_TABLE = 2
MANY_OPTIONS = 4
GENERAL_QUESTIONS_WHEN_MANY = 3
CAUTION_ORDER = {"do not use": 0, "caution": 1, "discuss": 2}
BULLET = "\u2022"


@dataclass(frozen=True)
class Context:
    comparison: Comparison
    settings: HandoutSettings
    st: Styles
    full_width: float
    column_width: float
    printed: dt.date
    cited: dict[str, int] = field(default_factory=dict)
    """Source id -> its number, in order of first citation on paper (filled while the story is built)."""
    known_sources: frozenset[str] = field(init=False)
    health_questions: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "known_sources", frozenset(ref.id for ref in self.comparison.sources))
        object.__setattr__(self, "health_questions", frozenset(a.question_id for a in self.comparison.health))

    def cite(self, source_ids: Iterable[str]) -> str:
        """Bracketed numbers into the source list; sources are numbered in the order the paper first cites them."""
        nums = set()
        for sid in source_ids:
            if sid in self.known_sources:
                nums.add(self.cited.setdefault(sid, len(self.cited) + 1))
        return f" [{', '.join(map(str, sorted(nums)))}]" if nums else ""

    def shows_point(self, point: Point) -> bool:
        """Points raised by health answers stay off the paper unless the person chose to print health answers."""
        return self.settings.include_health or point.question_id not in self.health_questions


def _date_words(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def _with_variant(variant: str | None, text: str) -> str:
    return f"{variant}: {text}" if variant else text


# --- overview -----------------------------------------------------------------


def header(ctx: Context) -> list[Flowable]:
    st, c = ctx.st, ctx.comparison
    out: list[Flowable] = [para(labels.TITLE, st.title), para(labels.SUBTITLE, st.subtitle)]
    if ctx.settings.name:
        out.append(para(ctx.settings.name, st.subtitle, lead="Prepared for:", private=True))
    out.append(para(
        f"{_date_words(ctx.printed)}. Content version {c.content_version}, last checked {c.last_reviewed}.",
        st.subtitle, lead="Date:",
    ))
    out.append(para(c.about.crisis, st.box, lead="If you need help now:"))
    return out


def _answer_table(items: Sequence[AnswerItem], ctx: Context) -> Table:
    st = ctx.st
    # A row exists only because the person answered: neither cell may stay in the process-wide parse cache.
    data = [[para(i.question, st.cell, private=True), para(i.answer, st.cell_head, private=True)] for i in items]
    answer_w = ctx.column_width * 0.34
    t = Table(data, colWidths=[ctx.column_width - answer_w, answer_w])
    t.setStyle(_grid_style(st, header=False))
    return t


def matters(ctx: Context) -> list[Flowable]:
    st, c = ctx.st, ctx.comparison
    out: list[Flowable] = [para(labels.H_MATTERS, st.h2)]
    out.append(_answer_table(c.matters, ctx) if c.matters else para(labels.NO_MATTERS, st.body))
    if ctx.settings.include_health:
        out.append(para(labels.H_HEALTH, st.h3))
        out.append(_answer_table(c.health, ctx) if c.health else para(labels.NO_HEALTH, st.body))
    else:
        out.append(para(labels.HEALTH_LEFT_OFF, st.small))
    return out


def _grid_style(st: Styles, header: bool = True) -> TableStyle:
    pad = st.base * 0.35
    cmds: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), pad * 0.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad * 0.5),
    ]
    if header:
        cmds += [("BACKGROUND", (0, 0), (-1, 0), SHADE), ("BACKGROUND", (0, 1), (0, -1), LIGHT)]
    return TableStyle(cmds)


def _onset_cell(row: OnsetRow, st: Styles) -> list[Flowable]:
    return [
        para(f"First: about {days_words(row.first_typical_days)}", st.cell),
        para(f"Fuller: about {days_words(row.full_typical_days)}", st.cell),
    ]


def _badge_label(label: str, year: int | None) -> str:
    return f"{label} ({year})" if year and str(year) not in label else label


def _status_cell(card: OptionCard, st: Styles) -> list[Flowable]:
    """Kind words only (each said once); the option's section gives each badge in full."""
    words = dict.fromkeys(labels.STATUS_WORDS.get(b.kind, b.kind) for b in card.status)
    return [para(w, st.cell) for w in words]


def _benefit_cell(row: BenefitRow, st: Styles) -> list[Flowable]:
    out: list[Flowable] = []
    if row.variant_name:
        out.append(para(row.variant_name, st.cell_head))
    out += [
        para(
            f"{row.treatment_words}, vs "
            f"{range_words(row.comparison_low, row.comparison_high)} with {row.comparison_label}; "
            f"{labels.OUTCOME_WORDS.get(row.outcome, row.outcome)}.",
            st.cell,
        ),
        para(f"Who: {row.group}. Over: {row.time_frame}.", st.cell),
    ]
    return out


def _side_effects_cell(card: OptionCard, st: Styles) -> list[Flowable]:
    ranked = sorted(card.side_effects, key=lambda s: FREQUENCY_RANK[s.frequency])
    shown = ranked[:TABLE_SIDE_EFFECTS]
    out: list[Flowable] = [para(s.name, st.cell) for s in shown]
    if len(ranked) > len(shown):
        out.append(para(f"and {len(ranked) - len(shown)} more", st.cell))
    return out or [para("None listed", st.cell)]


def _cost_words(card: OptionCard) -> str:
    cost = card.practicalities.cost
    return labels.COST_WORDS.get(cost.level, cost.level)


def _longest_word(cell: object) -> float:
    paras = cell if isinstance(cell, list) else [cell]
    widest = 0.0
    for p in paras:
        style = p.style
        bullet = stringWidth(p.bulletText, style.bulletFontName, style.fontSize) if p.bulletText else 0.0
        words = unescape(p.text).split()
        widest = max([widest, bullet, *(stringWidth(w, style.fontName, style.fontSize) for w in words)])
    return widest


def _column_widths(data: list[list[object]], shares: Sequence[float], total: float, padding: float) -> list[float]:
    """Share out the width, but never squeeze a column below its longest word; the widest column gives way."""
    need = [min(max(_longest_word(row[i]) for row in data) + padding + 1, total * MAX_WORD_SHARE) for i in range(len(shares))]
    widths = [max(total * share, n) for share, n in zip(shares, need, strict=True)]
    flexible = max(range(len(widths)), key=lambda i: shares[i])
    widths[flexible] -= sum(widths) - total
    return widths


def _summary_cells(v: OptionView, ctx: Context) -> list[object]:
    st, c = ctx.st, ctx.comparison
    onset = next(r for r in c.onset_rows if r.option_id == v.id)
    benefit = next(r for r in c.benefit_rows if r.option_id == v.id)
    return [
        _onset_cell(onset, st),
        _status_cell(v.card, st),
        _benefit_cell(benefit, st),
        _side_effects_cell(v.card, st),
        para(onset.visits_words, st.cell),
        para(_cost_words(v.card), st.cell),
    ]


SUMMARY_HEADS = (labels.ROW_ONSET, labels.ROW_STATUS, labels.ROW_BENEFIT, labels.ROW_SIDE_EFFECTS, labels.ROW_VISITS,
                 labels.ROW_COST)


def _summary_by_row(ctx: Context) -> list[Flowable]:
    """Normal print: one row an option, so six options fit one table at a readable width."""
    st = ctx.st
    data: list[list[object]] = [[para(h, st.cell_head) for h in (labels.ROW_OPTION, *SUMMARY_HEADS)]]
    for v in ctx.comparison.options:
        data.append([para(v.card.short_name, st.cell_head), *_summary_cells(v, ctx)])
    widths = _column_widths(data, SUMMARY_SHARES, ctx.full_width, st.base * 0.35 * 2)
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(_grid_style(st))
    return [t]


def _chunks(items: Sequence[OptionView], size: int) -> list[Sequence[OptionView]]:
    """Split into tables of near-equal width so no table has one lonely narrow column."""
    count = -(-len(items) // size)
    per = -(-len(items) // count)
    return [items[i : i + per] for i in range(0, len(items), per)]


def _summary_by_column(ctx: Context) -> list[Flowable]:
    """Large print: options side by side two at a time, so the bigger type still has room."""
    st = ctx.st
    label_w = ctx.full_width * 0.2
    out: list[Flowable] = []
    for group in _chunks(ctx.comparison.options, LARGE_PRINT_PER_TABLE):
        cells = [_summary_cells(v, ctx) for v in group]
        data: list[list[object]] = [[para("", st.cell_head), *(para(v.card.short_name, st.cell_head) for v in group)]]
        for i, head in enumerate(SUMMARY_HEADS):
            data.append([para(head, st.cell_head), *(cell[i] for cell in cells)])
        col_w = (ctx.full_width - label_w) / len(group)
        t = Table(data, colWidths=[label_w] + [col_w] * len(group), repeatRows=1)
        t.setStyle(_grid_style(st))
        out += [t, Spacer(1, st.gap * 1.5)]
    return out


def summary_table(ctx: Context) -> list[Flowable]:
    st, c = ctx.st, ctx.comparison
    out: list[Flowable] = [para(labels.H_SUMMARY, st.h2_loose)]
    if c.ordering_note:
        out.append(para(c.ordering_note, st.small))
    out += _summary_by_column(ctx) if ctx.settings.large_print else _summary_by_row(ctx)
    out.append(KeepTogether([para(c.benefit_caution, st.point, lead="Before you compare numbers:")]))
    return out


def timeline(ctx: Context) -> list[Flowable]:
    st, c = ctx.st, ctx.comparison
    return [para(labels.H_TIMELINE, st.h2), onset_timeline(c.onset_rows, ctx.full_width, st)]


# --- points and option sections ------------------------------------------------------


def points(ctx: Context) -> list[Flowable]:
    st, c = ctx.st, ctx.comparison
    out: list[Flowable] = [para(labels.H_POINTS, st.h2)]
    shown = [(v, [p for p in v.points if ctx.shows_point(p)]) for v in c.options]
    shown = [(v, ps) for v, ps in shown if ps]
    if not shown:
        out.append(para(labels.NO_POINTS, st.body))
    for view, pts in shown:
        out.append(para(view.name, st.h3, private=True))  # present only because an answer raised a point
        for p in pts:
            # Statements already say what was answered ("You said ..."); a question needs its answer beside it.
            if p.is_question:
                text = f"Question to ask: {p.text}{ctx.cite(p.source_ids)} (My answer: {p.answer_label}.)"
            else:
                text = f"{p.text}{ctx.cite(p.source_ids)}"
            out.append(para(text, st.point, lead=f"{p.level_label}:", private=True))  # raised by an answer
    return out


def _benefit_block(row: BenefitRow, ctx: Context) -> list[Flowable]:
    """The icon array with its sentence beside it; the caveat runs full width below."""
    st = ctx.st
    pitch = st.base * (0.53 if st.two_columns else 0.7)
    drawing = icon_array(row, st, pitch)
    words = [para(_with_variant(row.variant_name, row.sentence) + ctx.cite(row.source_ids), st.cell)]
    left = drawing.width + st.base
    t = Table([[drawing, words]], colWidths=[left, ctx.column_width - left])
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), st.gap * 0.5),
    ]))
    out: list[Flowable] = [t]
    if row.caveat:
        out.append(para(row.caveat, st.lead, lead="Keep in mind:"))
    return out


def _onset_words(row: OnsetRow) -> str:
    return (
        f"May start to help after about {days_words(row.first_typical_days)} "
        f"({days_words(row.first_min_days)} to {days_words(row.first_max_days)}); "
        f"fuller effect by about {days_words(row.full_typical_days)}."
    )


def _cost_line(card: OptionCard) -> str:
    cost = card.practicalities.cost
    text = labels.COST_WORDS.get(cost.level, cost.level)
    if cost.low_usd is not None and cost.high_usd is not None:
        money = f"${cost.low_usd:,}" if cost.low_usd == cost.high_usd else f"${cost.low_usd:,} to ${cost.high_usd:,}"
        text += f": about {money} {cost.per or ''}".rstrip()
    return text + "."


def _status_lines(card: OptionCard, ctx: Context) -> list[Flowable]:
    if ctx.settings.full_detail:
        out: list[Flowable] = []
        for badge in card.status:
            word = labels.STATUS_WORDS.get(badge.kind, badge.kind)
            text = f"{_with_variant(card.variant_name(badge.applies_to), _badge_label(badge.label, badge.year))}. {badge.detail}"
            out.append(para(text + ctx.cite(badge.source_ids), ctx.st.lead, lead=f"{word}:"))
        return out
    groups: dict[str | None, list[str]] = {}
    for badge in card.status:
        word = labels.STATUS_WORDS.get(badge.kind, badge.kind)
        groups.setdefault(badge.applies_to, []).append(
            f"{word}: {_badge_label(badge.label, badge.year)}{ctx.cite(badge.source_ids)}"
        )
    parts = [_with_variant(card.variant_name(variant), "; ".join(items)) for variant, items in groups.items()]
    return [para(". ".join(parts) + ".", ctx.st.lead, lead="Status:")]


def _about_lines(card: OptionCard, onset: OnsetRow, ctx: Context) -> list[Flowable]:
    st = ctx.st
    out: list[Flowable] = [para(card.summary, st.lead, lead="What it is:")]
    if ctx.settings.full_detail:
        out += [para(v.detail, st.bullet, lead=f"{BULLET} {v.name}:") for v in card.variants]
    out.append(para(card.how_given, st.lead, lead="How it is given:"))
    when = card.onset.summary if ctx.settings.full_detail else _onset_words(onset)
    out.append(para(when + ctx.cite(card.onset.source_ids), st.lead, lead="When it may help:"))
    return out


def _benefit_lines(card: OptionCard, row: BenefitRow, ctx: Context) -> list[Flowable]:
    st = ctx.st
    out: list[Flowable] = [para("People helped, out of 100", st.h3)] if ctx.settings.full_detail else []
    out += _benefit_block(row, ctx)
    if ctx.settings.full_detail:
        for b in card.benefits:
            if b.headline:
                continue
            text = _with_variant(card.variant_name(b.applies_to), b.sentence()) + ctx.cite(b.source_ids)
            if b.caveat:
                text += f" Keep in mind: {b.caveat}"
            out.append(para(text, st.bullet, lead=BULLET))
    return out


def _side_effect_lines(card: OptionCard, ctx: Context) -> list[Flowable]:
    st = ctx.st
    if not card.side_effects:
        return []
    if ctx.settings.full_detail:
        out: list[Flowable] = [para("Side effects", st.h3)]
        for s in card.side_effects:
            variant = f" ({card.variant_name(s.applies_to)})" if s.applies_to else ""
            serious = "Serious. " if s.serious else ""
            text = f"{s.frequency} ({FREQUENCY_WORDS[s.frequency]}). {serious}{s.detail}{ctx.cite(s.source_ids)}"
            out.append(para(f"{s.name}{variant}: {text}", st.bullet, lead=BULLET))
        return out
    groups: dict[str | None, list[str]] = {}
    for s in card.side_effects:
        serious = ", serious" if s.serious else ""
        groups.setdefault(s.applies_to, []).append(f"{s.name} ({s.frequency}{serious}){ctx.cite(s.source_ids)}")
    parts = [_with_variant(card.variant_name(variant), "; ".join(items)) for variant, items in groups.items()]
    return [para(". ".join(parts) + ".", st.lead, lead="Side effects:")]


def _caution_lines(card: OptionCard, ctx: Context) -> list[Flowable]:
    """Every caution, always: the key-facts handout prints each one's short line so harms keep equal space."""
    st = ctx.st
    full = ctx.settings.full_detail
    out: list[Flowable] = [para("Cautions", st.h3)] if card.cautions and full else []
    for k in sorted(card.cautions, key=lambda k: CAUTION_ORDER.get(k.level, 9)):
        word = labels.CAUTION_WORDS.get(k.level, k.level)
        body = k.text if full else k.short
        text = _with_variant(card.variant_name(k.applies_to), body) + ctx.cite(k.source_ids)
        out.append(para(text, st.bullet, lead=f"{BULLET} {word}:"))
    return out


def _plasticity_line(card: OptionCard, ctx: Context) -> Flowable:
    note = card.plasticity
    certainty = labels.CERTAINTY_WORDS.get(note.certainty, note.certainty)
    body = note.text if ctx.settings.full_detail else note.short
    return para(f"{body} How sure: {certainty}.{ctx.cite(note.source_ids)}", ctx.st.lead, lead="How it may work:")


def _practical_lines(card: OptionCard, ctx: Context) -> list[Flowable]:
    st = ctx.st
    pr = card.practicalities
    visits = pr.visits_first_8_weeks.words()
    if ctx.settings.full_detail:
        out: list[Flowable] = [
            para("Practical points", st.h3),
            para(pr.setting, st.bullet, lead=f"{BULLET} Where:"),
            para(f"{visits}. {pr.visits_note}", st.bullet, lead=f"{BULLET} Visits, first 8 weeks:"),
            para(pr.time_per_visit, st.bullet, lead=f"{BULLET} Each visit:"),
            para(f"{_cost_line(card)} {pr.cost.summary}{ctx.cite(pr.cost.source_ids)}", st.bullet, lead=f"{BULLET} Cost:"),
            para(pr.coverage_note, st.bullet, lead=f"{BULLET} Insurance:"),
        ]
        for note in pr.notes:
            text = _with_variant(card.variant_name(note.applies_to), note.text) + ctx.cite(note.source_ids)
            out.append(para(text, st.bullet, lead=BULLET))
        return out
    return [para(
        f"{visits} visits in the first 8 weeks. Each visit: {pr.time_per_visit} Cost: {_cost_line(card)}"
        f"{ctx.cite(pr.cost.source_ids)}",
        st.lead, lead="Practical points:",
    )]


def option_section(view: OptionView, ctx: Context) -> list[Flowable]:
    """One option: the key facts, or with ``full_detail`` everything on its card.

    Six options' cards hold far more text than six pages; the key facts keep
    what a first conversation needs (what it is, how it is given, when it may
    help, how many it helped, side effects, what rules it out, visits and
    cost) and say on the page what the app has in addition.
    """
    st, c = ctx.st, ctx.comparison
    card = view.card
    onset = next(r for r in c.onset_rows if r.option_id == card.id)
    benefit = next(r for r in c.benefit_rows if r.option_id == card.id)
    out: list[Flowable] = [para(card.name, st.option_title)]
    if view.order_reason:
        out.append(para(view.order_reason, st.small, private=True))  # says which answers moved it
    out += _status_lines(card, ctx)
    out += _about_lines(card, onset, ctx)
    out += _benefit_lines(card, benefit, ctx)
    out += _side_effect_lines(card, ctx)
    out += _caution_lines(card, ctx)
    out += _practical_lines(card, ctx)
    out.append(_plasticity_line(card, ctx))
    if not ctx.settings.full_detail:
        more_results = sum(1 for b in card.benefits if not b.headline)
        out.append(para(labels.in_the_app(more_results, bool(card.side_effects)), st.small))
    return out


def options(ctx: Context) -> list[Flowable]:
    st = ctx.st
    out: list[Flowable] = [KeepTogether([
        para(labels.H_OPTIONS, st.h2),
        para(labels.FREQUENCY_KEY, st.small),
        icon_legend(st, ctx.column_width),
    ])]
    for view in ctx.comparison.options:
        out += option_section(view, ctx)
    return out


# --- end matter --------------------------------------------------------------------------


def _tick(ticked: bool) -> str:
    if fonts().has("\u2610\u2612"):
        return "\u2612" if ticked else "\u2610"
    return "[x]" if ticked else "[  ]"


def questions(ctx: Context) -> list[Flowable]:
    st, c = ctx.st, ctx.comparison
    hidden = {(p.option_id, p.text) for v in c.options for p in v.points if p.is_question and not ctx.shows_point(p)}
    out: list[Flowable] = [para(labels.H_QUESTIONS, st.h2)]
    by_option: dict[str, list[QuestionToAsk]] = {}
    for q in c.questions_to_ask:
        if not (q.from_answers and (q.option_id, q.text) in hidden):
            by_option.setdefault(q.option_name, []).append(q)
    if not by_option:
        out.append(para(labels.NO_QUESTIONS, st.body))
    # With many options the general questions are capped so every page stays within six sides;
    # questions raised by the person's own answers are always printed.
    cap = GENERAL_QUESTIONS_WHEN_MANY if len(c.options) >= MANY_OPTIONS else None
    capped = False
    for name, qs in by_option.items():
        out.append(para(name, st.h3))
        general = [q for q in qs if not q.from_answers]
        keep = [q for q in qs if q.from_answers] + general[:cap]
        capped = capped or len(keep) < len(qs)
        for q in keep:
            mark = f" ({labels.FROM_ANSWERS})" if q.from_answers else ""
            out.append(para(q.text + mark, st.tick, lead=_tick(False), private=q.from_answers))
    if capped:
        out.append(para(labels.MORE_QUESTIONS_IN_APP, st.small))
    return out


def readiness(ctx: Context) -> list[Flowable]:
    """Each question with Yes/No boxes; answered ones are ticked, a "no" shows its help, the rest are left to tick."""
    st, c = ctx.st, ctx.comparison
    out: list[Flowable] = [para(labels.H_READINESS, st.h2), para(labels.READINESS_INTRO, st.small)]
    box_w = st.base * 8.5
    rows = []
    for item in c.readiness:
        boxes = f"{_tick(item.answer == 'yes')} Yes  {_tick(item.answer == 'no')} No"
        rows.append([para(item.question, st.cell), para(boxes, st.cell, private=item.answer is not None)])
    t = Table(rows, colWidths=[ctx.column_width - box_w, box_w])
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), st.base * 0.3),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), st.gap * 0.3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, SHADE),
    ]))
    out.append(t)
    for item in c.readiness:
        if item.answer == "no":
            out.append(para(f"{item.question} {item.if_no}", st.point, lead="You said no:", private=True))
    return out


def notes(ctx: Context) -> list[Flowable]:
    st = ctx.st
    out: list[Flowable] = [para(labels.H_NOTES, st.h2)]
    if ctx.settings.notes:
        out += typed_text(ctx.settings.notes, st.body)
    out.append(para(labels.NOTES_INTRO, st.small))
    out.append(WritingLines(spacing=st.base * 2.4, min_lines=3, max_lines=10))
    return out


def sources(ctx: Context) -> list[Flowable]:
    """The sources cited on these pages, numbered as cited; the app lists the rest."""
    st, c = ctx.st, ctx.comparison
    out: list[Flowable] = [para(labels.H_SOURCES, st.h2)]
    by_id = {ref.id: ref for ref in c.sources}
    # A source a point cites may be listed only because of an answer; so may the count of the rest.
    from_points = {sid for view in c.options for p in view.points for sid in p.source_ids}
    for source_id, number in ctx.cited.items():
        ref = by_id[source_id]
        entry = f"{ref.citation} {ref.locator()[0]}"
        out.append(para(entry, st.source, lead=f"{number}.", private=source_id in from_points))
    rest = len(c.sources) - len(ctx.cited)
    if rest:
        out.append(para(labels.more_sources(rest), st.small, private=True))
    return out


def about(ctx: Context) -> list[Flowable]:
    st, c = ctx.st, ctx.comparison
    a = c.about
    return [KeepTogether([
        para(labels.H_ABOUT, st.h2),
        para(a.disclaimer, st.body),
        para(a.funding, st.lead, lead="Funding:"),
        para(a.conflicts, st.lead, lead="Conflicts of interest:"),
        para(f"Content version {c.content_version}, last checked {c.last_reviewed}.", st.small),
    ])]


def story(ctx: Context) -> tuple[list[Flowable], list[Flowable]]:
    """The full-width overview, then the rest (two columns in normal print)."""
    overview = [*header(ctx), *summary_table(ctx), *timeline(ctx)]
    # Notes sit beside the questions and readiness check they answer; sources close the handout.
    rest = [*matters(ctx), *points(ctx), *options(ctx), *questions(ctx), *readiness(ctx), *notes(ctx), *about(ctx),
            *sources(ctx)]
    return overview, rest
