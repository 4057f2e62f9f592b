"""The handout's sections, as lists of platypus flowables.

Every word about an option comes from the ``Presentation`` (the same words the
screen shows); these functions only lay it out, with the fixed headings and
labels of ``labels``. Text from content or from the person reaches reportlab
only through ``para`` (escaped, one run of text) or as a bold lead-in, which
reportlab draws without reading markup.

The summary is what most people need on paper: the options side by side, what
matters to the person, the points and questions their answers raised, the
safety facts every reader gets, a plan, and the sources of what is printed.
``full_detail`` adds every option's card in full after it.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, FrameBreak, KeepTogether, Spacer, Table, TableStyle

from ..models import Reference
from ..presentation import (
    FACT_BENEFIT,
    FACT_COST,
    FACT_ONSET,
    FACT_SIDE_EFFECTS,
    FACT_STATUS,
    FACT_VISITS,
    AnswerLine,
    Line,
    OptionPresentation,
    PointLine,
    Presentation,
)
from . import labels
from .drawings import icon_array, icon_legend, onset_timeline
from .fit import CellText, cell_height, fit_widths
from .fonts import fonts
from .markup import Para, content_markup, esc, has_rtl, para, typed_text
from .settings import HandoutSettings
from .styles import INK, LIGHT, RULE, SHADE, Styles
from .widgets import LabelledLines, WritingLines

SUMMARY_HEADS = (FACT_ONSET, FACT_STATUS, FACT_BENEFIT, FACT_SIDE_EFFECTS, FACT_VISITS, FACT_COST)
PER_TABLE = 4
PAPER_SIDE_EFFECTS = 2
LARGE_PRINT_PER_TABLE = 2
MANY_OPTIONS = 4
GENERAL_QUESTIONS_WHEN_MANY = 2
GENERAL_QUESTIONS_WHEN_MOST = 0
MOST_OPTIONS = 6
PLAN_LINES = 2
PLAN_SPACING = 1.7
"""Ruled lines about 6.6 mm apart, in body-size units: narrow-ruled paper, room for handwriting."""
BULLET = "\u2022"


@dataclass(frozen=True)
class Context:
    p: Presentation
    settings: HandoutSettings
    st: Styles
    full_width: float
    column_width: float
    printed: dt.date
    cited: dict[str, int] = field(default_factory=dict)
    """Source id -> its number, in order of first citation on paper (filled while the story is built)."""
    known_sources: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "known_sources", frozenset(ref.id for ref in self.p.sources))

    @property
    def full(self) -> bool:
        return self.settings.full_detail

    def cite(self, source_ids: Iterable[str]) -> str:
        """Bracketed numbers into the source list; sources are numbered in the order the paper first cites them."""
        nums = set()
        for sid in source_ids:
            if sid in self.known_sources:
                nums.add(self.cited.setdefault(sid, len(self.cited) + 1))
        return f" [{_number_runs(sorted(nums))}]" if nums else ""


def _number_runs(numbers: Sequence[int]) -> str:
    """"1, 2, 3, 7" as "1\u20133, 7": three or more numbers in a row print as a range, as reference lists do."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}\u2013{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs)


def _date_words(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def _with_variant(variant: str | None, text: str) -> str:
    return f"{variant}: {text}" if variant else text


def _sentence(text: str) -> str:
    text = text.rstrip()
    return text if text.endswith((".", "?", "!")) else f"{text}."


def line_text(line: Line, ctx: Context, *, detail: bool = False, detail_only: bool = False) -> str:
    """A presented line as one sentence: its form (variant), its text, optionally its longer words, its sources."""
    body = line.detail if detail_only and line.detail else line.text
    text = _with_variant(line.variant, body)
    if detail and not detail_only and line.detail:
        text = f"{_sentence(text)} {line.detail}"
    return text + ctx.cite(line.source_ids)


def _grid_style(st: Styles, header: bool = True, label_column: bool = True) -> TableStyle:
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
        cmds.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    if label_column:
        cmds.append(("BACKGROUND", (0, 1 if header else 0), (0, -1), LIGHT))
    return TableStyle(cmds)


class WholeTable(Table):
    """A table that moves to the next column or page whole rather than split, when it fits one."""

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        page_height = self._doctemplateAttr("height")  # a full column: the frames below the margins
        if page_height is not None and self._height > page_height:
            return list(super().split(avail_width, avail_height))  # taller than any page: rows must part
        frame = self._doctemplateAttr("frame")
        if frame is not None and frame._atTop:
            return [FrameBreak(), self]  # the short rest of a page: go on in the next column, whole
        return []


# --- header and the options side by side -------------------------------------------------


def header(ctx: Context) -> list[Flowable]:
    st, p = ctx.st, ctx.p
    out: list[Flowable] = [para(labels.TITLE, st.title), para(labels.SUBTITLE, st.subtitle)]
    dated = f"{_date_words(ctx.printed)}. Content version {p.content_version}, last checked {p.last_reviewed}."
    if ctx.settings.name:
        out.append(para(ctx.settings.name, st.subtitle, lead=labels.PREPARED_FOR, private=True))
    out.append(para(dated, st.subtitle, lead=labels.DATE))
    out.append(para(f"{p.crisis.text} {p.crisis.more}", st.box, lead=p.crisis.heading))
    return out


def _benefit_cell(o: OptionPresentation, ctx: Context) -> list[CellText]:
    """The figure in bold and what it counts; who was studied, for how long and against what follow the table."""
    st, f = ctx.st, o.facts
    out: list[CellText] = []
    if o.benefit.variant:
        out.append(CellText(o.benefit.variant, st.cell))
    out += [CellText(f.benefit_figure + ctx.cite(o.benefit.row.source_ids), st.cell_head),
            CellText(f.benefit_outcome, st.cell)]
    return out


def _side_effects_cell(o: OptionPresentation, ctx: Context) -> list[CellText]:
    """The most frequent side effects in the KeyFacts words, with their numbers and sources; and how many more.

    The presentation ranks ``facts.side_effects`` and ``side_effects`` the same way, so the first lines are
    the ones shown.
    """
    f = o.facts
    if not f.side_effects:
        return [CellText(o.no_side_effects or "", ctx.st.cell)]
    shown = f.side_effects[:PAPER_SIDE_EFFECTS]
    cited = ctx.cite(sid for line in o.side_effects[: len(shown)] for sid in line.source_ids)
    more = len(f.side_effects) - len(shown) + f.side_effects_more
    words = "; ".join(shown) + cited + (f"; and {more} more" if more else "")
    return [CellText(words, ctx.st.cell)]


def _facts_cells(o: OptionPresentation, ctx: Context) -> list[list[CellText]]:
    """One option's key facts, in the words of ``KeyFacts`` (the screen's overview says the same), by heading."""
    st, f = ctx.st, o.facts
    return [
        [CellText(f.onset, st.cell)],
        [CellText("; ".join(f.status), st.cell)],
        _benefit_cell(o, ctx),
        _side_effects_cell(o, ctx),
        [CellText(f.visits, st.cell)],
        [CellText(f.cost, st.cell_head), CellText(f.cost_detail, st.cell)],
    ]


def _name_cell(o: OptionPresentation, st: Styles) -> list[CellText]:
    out = [CellText(o.facts.name, st.cell_head)]
    if o.facts.stage_label:
        out.append(CellText(o.facts.stage_label, st.cell_small))
    return out


def _chunks(items: Sequence[OptionPresentation], size: int) -> list[Sequence[OptionPresentation]]:
    """Split into tables of near-equal width so no table has one lonely narrow column."""
    count = -(-len(items) // size)
    per = -(-len(items) // count)
    return [items[i : i + per] for i in range(0, len(items), per)]


def _paras(cell: Sequence[CellText]) -> list[Flowable]:
    return [para(c.text, c.style) for c in cell]


def _facts_tables(ctx: Context) -> list[list[Flowable]]:
    """Options side by side, a few to a table (as on the screen: a column an option, a row a fact); each table whole.

    Columns get the widths that make the table shortest (``fit``): an option with long cells gets a wider column.
    """
    st = ctx.st
    large = ctx.settings.large_print
    longest = max(stringWidth(word, st.cell_head.fontName, st.cell_head.fontSize)
                  for head in SUMMARY_HEADS for word in head.split())
    pad = st.base * 0.35
    label_w = max(ctx.full_width * (0.2 if large else 0.12), longest + pad * 2 + 2)
    label_cells = [[CellText(head, st.cell_head)] for head in (labels.OPTION_HEAD, *SUMMARY_HEADS)]
    label_rows = [cell_height(cell, label_w - pad * 2) for cell in label_cells]
    out: list[list[Flowable]] = []
    for group in _chunks(ctx.p.options, LARGE_PRINT_PER_TABLE if large else PER_TABLE):
        columns = [[_name_cell(o, st), *_facts_cells(o, ctx)] for o in group]
        widths = fit_widths(columns, label_rows, ctx.full_width - label_w, pad * 2)
        data = [[_paras(label), *(_paras(column[row]) for column in columns)] for row, label in enumerate(label_cells)]
        t = WholeTable(data, colWidths=[label_w, *widths], repeatRows=1)
        t.setStyle(_grid_style(st))
        out.append([t, Spacer(1, st.gap * 1.2)])
    return out


def overview(ctx: Context) -> list[Flowable]:
    st, p = ctx.st, ctx.p
    out: list[Flowable] = [para(labels.H_SUMMARY, st.h2_loose)]
    if p.ordering_note:
        out.append(para(p.ordering_note, st.small))
    if not ctx.full:
        out.append(para(labels.SUMMARY_KEY, st.small))
    # The caution follows the first table: before it, it would push that table whole onto the next page; after
    # the first it takes the room a second table would not fit in, where it is read before the next options.
    caution = KeepTogether([para(p.benefit_caution, st.point, lead=labels.BENEFIT_CAUTION_LEAD)])
    first, *rest = _facts_tables(ctx)
    return [*out, *first, caution, *(f for table in rest for f in table)]


def _benefit_words(o: OptionPresentation) -> str:
    """Who the table's figure is about, for how long and against what, as markup with bold labels.

    Small type, as on the screen's overview: it qualifies the figure in the table, which cites the same sources.
    """
    f, row = o.facts, o.benefit.row
    variant = f"{esc(o.benefit.variant)}. " if o.benefit.variant else ""
    return (
        f"{variant}<b>{labels.BENEFIT_WHO}</b> {esc(_sentence(f.benefit_who))} "
        f"<b>{labels.BENEFIT_WHEN}</b> {esc(_sentence(f.benefit_when))} "
        f"<b>{labels.BENEFIT_AGAINST}</b> {esc(_sentence(row.comparison_label))}"
    )


def _option_heading(o: OptionPresentation, ctx: Context) -> Flowable:
    """The option's name, and in small type how many of its cautions only the full handout prints."""
    st = ctx.st
    if not o.safety_more or ctx.full:
        return para(o.facts.name, st.h3)
    words = esc(labels.safety_more(o.safety_more))
    more = f'<font name="{fonts().regular}" size="{st.small_size}" color="#595959">{words}</font>'
    return content_markup(f"{esc(o.facts.name)} {more}", st.h3)


def _general_cap(ctx: Context) -> int | None:
    """How many of each card's general questions the summary prints; those raised by answers always print."""
    count = len(ctx.p.options)
    if count >= MOST_OPTIONS:
        return GENERAL_QUESTIONS_WHEN_MOST
    return GENERAL_QUESTIONS_WHEN_MANY if count >= MANY_OPTIONS else None


def each_option(ctx: Context) -> list[Flowable]:
    """What the table cannot hold, one option after another.

    Who its figure is about, for how long and against what; its own safety
    facts, printed for every reader whatever the answers; and the card's own
    questions to ask, as many as the number of options leaves room for. The
    points the person's answers raised are printed under those answers
    (``matters``), so each answer is said once.
    """
    st, p = ctx.st, ctx.p
    out: list[Flowable] = [para(labels.H_EACH, st.h2)]
    asks: dict[str, list[tuple[str, bool]]] = {}
    for q in p.questions:
        asks.setdefault(q.option_name, []).append((q.text, q.from_answers))
    cap = _general_cap(ctx)
    left_out = 0
    for o in p.options:
        out += [_option_heading(o, ctx), content_markup(_benefit_words(o), st.figure_note)]
        for line in o.safety:
            out.append(_bullet(line, line_text(line, ctx), ctx))
        # A question the answers raised is printed with the points, under the answer behind it.
        general = [text for text, from_answers in asks.get(o.facts.name, []) if not from_answers]
        left_out += len(general[cap:]) if cap is not None else 0
        for text in general[:cap]:
            out.append(para(text, st.tick, lead=_tick(False)))
    if left_out and not ctx.full:
        out.append(para(labels.more_questions(left_out), st.small))
    return out


# --- what the person said, and what it raised ------------------------------------------


def _point(option: str, pt: PointLine, ctx: Context, *, because: bool) -> Flowable:
    """A point under the answer that raised it: the option and the kind of point in bold, then the point and its sources."""
    text = pt.text + ctx.cite(pt.source_ids) + (f" ({pt.because})" if because else "")
    lead = f"{option} \u2013 {pt.kind}:"
    shaded = para(text, ctx.st.raised, lead=lead) if has_rtl(text) else Para(f"<b>{esc(lead)}</b> {esc(text)}", ctx.st.raised)
    # Whole, never parted by a page turn: half a caution at the foot of a page reads as the whole of it.
    return KeepTogether([shaded])


def _answers_with_points(items: Sequence[AnswerLine], raised: dict[str, list[tuple[str, PointLine]]],
                         ctx: Context) -> list[Flowable]:
    """Each question with the person's answer in bold, and under it the points that answer raised, by option."""
    st = ctx.st
    out: list[Flowable] = []
    for item in items:
        out.append(Para(f"{esc(item.question)} <b>{esc(item.answer)}</b>", st.bullet, bulletText=BULLET))
        out += [_point(option, pt, ctx, because=False) for option, pt in raised.pop(item.question, [])]
    return out


def matters(ctx: Context) -> list[Flowable]:
    """The person's answers, each followed by the points it raised for the options; health ones only when asked for."""
    st, p = ctx.st, ctx.p
    raised: dict[str, list[tuple[str, PointLine]]] = {}
    for o in p.options:
        for pt in o.points:
            raised.setdefault(pt.question, []).append((o.facts.name, pt))
    out: list[Flowable] = [para(labels.H_MATTERS, st.h2)]
    out += _answers_with_points(p.matters, raised, ctx) if p.matters else [para(labels.NO_MATTERS, st.body)]
    if p.audience.show_health:
        out.append(para(labels.H_HEALTH, st.h3))
        out += _answers_with_points(p.health, raised, ctx) if p.health else [para(labels.NO_HEALTH, st.body)]
    else:
        out.append(para(labels.health_left_off(p.health_hidden, p.hidden_points), st.small))
    # A point whose answer is not listed above still prints, with the answer behind it in its own words.
    out += [_point(option, pt, ctx, because=True) for points in raised.values() for option, pt in points]
    if not any(o.points for o in p.options):
        out.append(para(labels.NO_POINTS, st.small))
    return out


def _tick(ticked: bool) -> str:
    if fonts().has("\u2610\u2612"):
        return "\u2612" if ticked else "\u2610"
    return "[x]" if ticked else "[  ]"


def _plan_item(label: str, typed: str, ctx: Context) -> Flowable:
    """One plan line: the label, then what the person wrote, or a ruled line to write on beside it and one below."""
    st = ctx.st
    if typed:
        return para(typed, st.lead, lead=f"{label}:", private=True)
    return LabelledLines(label if label.endswith(".") else f"{label}:", fonts().bold, st.base, st.base * PLAN_SPACING, PLAN_LINES)


def plan(ctx: Context) -> list[Flowable]:
    """What was decided and what happens next; lines to write on wherever the person left a field empty."""
    st, p, pl = ctx.st, ctx.p, ctx.settings.plan
    out: list[Flowable] = [para(labels.H_PLAN, st.h2)]
    if pl.decision:
        out.append(para(pl.decision, st.lead, lead=f"{labels.PLAN_DECISION}:", private=True))
    else:
        out.append(_plan_item(f"{labels.PLAN_DECISION}: {labels.PLAN_NOT_DECIDED}", "", ctx))
    out.append(_plan_item(labels.PLAN_JUDGE, pl.judge_when, ctx))
    out.append(_plan_item(labels.PLAN_SIDE_EFFECT, pl.if_side_effect, ctx))
    out.append(_plan_item(labels.PLAN_NO_HELP, pl.if_no_help, ctx))
    out.append(para(p.crisis.short, st.lead, lead=f"{labels.PLAN_CRISIS}:"))
    out.append(_plan_item(labels.PLAN_CRISIS_PEOPLE, pl.crisis_people, ctx))
    out.append(_plan_item(labels.PLAN_NEXT_VISIT, pl.next_visit, ctx))
    if not ctx.settings.notes:
        out.append(_plan_item(labels.PLAN_NOTES, "", ctx))
    return out


def readiness(ctx: Context) -> list[Flowable]:
    """Each question with Yes/No boxes; answered ones are ticked, a "no" shows its help, the rest are left to tick."""
    st, p = ctx.st, ctx.p
    items = p.readiness or ()
    box_w = st.base * 6.6
    rows = []
    for item in items:
        boxes = f"{_tick(item.answer == 'yes')} Yes {_tick(item.answer == 'no')} No"
        rows.append([para(item.question, st.cell), para(boxes, st.cell, private=item.answer is not None)])
    t = WholeTable(rows, colWidths=[ctx.column_width - box_w, box_w])
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), st.base * 0.3),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), st.gap * 0.3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, SHADE),
    ]))
    out: list[Flowable] = [KeepTogether([para(labels.H_READINESS, st.h2), para(labels.READINESS_INTRO, st.small), t])]
    for item in items:
        if item.answer == "no":
            out.append(para(f"{item.question} {item.if_no}", st.raised, lead=labels.YOU_SAID_NO, private=True))
    return out


def notes(ctx: Context) -> list[Flowable]:
    """What the person typed, with room to add more; with nothing typed, the plan ends with lines for notes."""
    st = ctx.st
    if not ctx.settings.notes:
        return []
    out: list[Flowable] = [para(labels.H_NOTES, st.h2), *typed_text(ctx.settings.notes, st.body)]
    out.append(WritingLines(spacing=st.base * PLAN_SPACING, min_lines=2, max_lines=2))
    return out


def resume(ctx: Context) -> list[Flowable]:
    """The resume code and its QR square, only when the person asked for it."""
    code = ctx.settings.resume_code
    if not code:
        return []
    st = ctx.st
    side = st.base * 7
    widget = QrCodeWidget(code, barLevel="M", barFillColor=INK)
    x0, y0, x1, y1 = widget.getBounds()
    qr = Drawing(side, side, transform=[side / (x1 - x0), 0, 0, side / (y1 - y0), 0, 0])
    qr.add(widget)
    words: list[Flowable] = [para(labels.H_RESUME, st.label), para(code, st.cell_head, private=True),
                             para(labels.RESUME_INTRO, st.small)]
    t = WholeTable([[qr, words]], colWidths=[side + st.base, ctx.column_width - side - st.base])
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOX", (0, 0), (-1, -1), 0.8, INK),
        ("LEFTPADDING", (0, 0), (-1, -1), st.base * 0.4),
        ("RIGHTPADDING", (0, 0), (-1, -1), st.base * 0.4),
        ("TOPPADDING", (0, 0), (-1, -1), st.base * 0.4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), st.base * 0.4),
    ]))
    return [Spacer(1, st.gap), t]


def about(ctx: Context) -> list[Flowable]:
    st, p = ctx.st, ctx.p
    return [
        para(labels.H_ABOUT, st.h2),
        para(p.disclaimer, st.small),
        para(p.funding, st.small_lead, lead=labels.FUNDING),
        para(p.conflicts, st.small_lead, lead=labels.CONFLICTS),
    ]


# --- every option in full (the appendix) -----------------------------------------------


def _benefit_block(o: OptionPresentation, ctx: Context) -> list[Flowable]:
    """The icon array with its sentence beside it; the caveat runs full width below."""
    st, b = ctx.st, o.benefit
    pitch = st.base * (0.5 if st.two_columns else 0.62)
    drawing = icon_array(b.row, st, pitch)
    words = [para(_with_variant(b.variant, b.sentence) + ctx.cite(b.row.source_ids), st.cell)]
    left = drawing.width + st.base * 0.8
    t = Table([[drawing, words]], colWidths=[left, ctx.column_width - left])
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), st.gap * 0.5),
    ]))
    out: list[Flowable] = [t]
    if b.caveat:
        out.append(para(b.caveat, st.lead, lead=labels.KEEP_IN_MIND))
    return out


def _bullet(line: Line, text: str, ctx: Context) -> Flowable:
    """A list item with its lead-in in bold inside the text, so a long lead-in never squeezes the first line."""
    if not line.lead:
        return para(text, ctx.st.bullet, lead=BULLET)
    if has_rtl(text):
        return para(text, ctx.st.bullet, lead=f"{BULLET} {line.lead}:")
    return content_markup(f"<b>{esc(line.lead)}:</b> {esc(text)}", ctx.st.bullet, BULLET)


def _bullets(lines: Sequence[Line], ctx: Context, *, detail: bool = True, detail_only: bool = False) -> list[Flowable]:
    """List items, each kept whole on its page or column when it fits one: a harm's numbers are read together."""
    out: list[Flowable] = []
    for line in lines:
        text = line_text(line, ctx, detail=detail, detail_only=detail_only)
        out.append(KeepTogether([_bullet(line, text, ctx)]))
    return out


def option_section(o: OptionPresentation, ctx: Context) -> list[Flowable]:
    """One option's card in full: every status, result, side effect, caution and practical point."""
    st = ctx.st
    out: list[Flowable] = [para(o.name, st.option_title)]
    for extra in (o.stage_label, o.order_reason):
        if extra:
            out.append(para(extra, st.small, private=extra == o.order_reason))  # the reason names answers
    out += _bullets(o.status, ctx)
    out.append(para(o.summary, st.lead, lead=labels.WHAT_IT_IS))
    out += _bullets(o.variants, ctx)
    out.append(para(o.how_given, st.lead, lead=labels.HOW_GIVEN))
    out.append(para(line_text(o.onset, ctx, detail=True), st.lead, lead=labels.WHEN_IT_MAY_HELP))
    out.append(para(labels.H_CARD_BENEFITS, st.h3))
    out += _benefit_block(o, ctx)
    out += _bullets(o.more_benefits, ctx)
    out.append(para(labels.H_CARD_SIDE_EFFECTS, st.h3))
    out += _bullets(o.side_effects, ctx) if o.side_effects else [para(o.no_side_effects, st.body)]
    if o.cautions:
        out.append(para(labels.H_CARD_CAUTIONS, st.h3))
        out += _bullets(o.cautions, ctx)  # the short line, as on screen, then its full words
    out.append(para(labels.H_CARD_PRACTICAL, st.h3))
    out += _bullets(o.practical, ctx)
    out.append(para(line_text(o.plasticity, ctx, detail=True), st.lead, lead=f"{o.plasticity.lead}:"))
    if o.questions:
        out.append(para(labels.H_CARD_QUESTIONS, st.h3))
        out += [para(q, st.tick, lead=_tick(False)) for q in o.questions]
    out.append(para(o.reviewed, st.small))
    return out


def appendix(ctx: Context) -> list[Flowable]:
    st = ctx.st
    out: list[Flowable] = [CondPageBreak(ctx.st.leading * 12), KeepTogether([
        para(labels.H_APPENDIX, st.h2),
        para(labels.FREQUENCY_KEY, st.small),
        para(labels.H_TIMELINE, st.h3),
        onset_timeline(ctx.p.onset_rows, ctx.column_width, st, sentences=False),
    ]), icon_legend(st, ctx.column_width)]
    for o in ctx.p.options:
        out += option_section(o, ctx)
    return out


# --- sources --------------------------------------------------------------------------------


def short_citation(ref: Reference) -> str:
    """First author (or the body that wrote it) and year, then how to find it: enough to look the source up.

    "Cipriani 2018", not "Cipriani et al. 2018": the address that follows finds the source, and the list stays short.
    """
    authors = ref.citation.partition(". ")[0]
    if "," in authors:
        authors = authors.split(",")[0].strip().rsplit(" ", 1)[0]
    found = ref.locator()[0].removeprefix("https://").removeprefix("http://")
    return f"{authors.rstrip('.')} {ref.year}. {found}"


ADDRESS_BREAK = re.compile(r"(?=[/?&=.\-_])")
"""A long web address breaks before a slash, question mark or ampersand, where a reader expects it to."""


@functools.lru_cache(maxsize=1024)
def _source_markup(text: str, room: float, style: ParagraphStyle) -> str:
    """A citation as markup; a web address longer than a line is broken at its slashes, filling each line.

    reportlab would otherwise move the address to a line of its own and then cut it between any two letters.
    Kept per process: a citation is content, and measuring a long address piece by piece costs more than the
    rest of the source list.
    """
    head, _, address = text.rpartition(" ")
    if stringWidth(address, style.fontName, style.fontSize) <= room:
        return esc(text)
    lines, line = [], f"{head} "
    for piece in ADDRESS_BREAK.split(address):
        if line.strip() and stringWidth(line + piece, style.fontName, style.fontSize) > room:
            lines.append(line)
            line = ""
        line += piece
    lines.append(line)
    return "<br/>".join(esc(text.rstrip()) for text in lines)


def sources(ctx: Context) -> list[Flowable]:
    """The sources cited on these pages, numbered as cited; the full handout lists every source behind the options."""
    st, p = ctx.st, ctx.p
    out: list[Flowable] = [para(labels.H_SOURCES, st.h2)]
    by_id = {ref.id: ref for ref in p.sources}
    if ctx.full:
        for ref in p.sources:
            ctx.cited.setdefault(ref.id, len(ctx.cited) + 1)
    room = ctx.column_width - st.source.leftIndent - st.source.rightIndent
    for source_id, number in ctx.cited.items():
        markup = _source_markup(short_citation(by_id[source_id]), room, st.source)
        out.append(content_markup(markup, st.source, f"{number}."))
    rest = len(p.sources) - len(ctx.cited)
    if rest:
        out.append(para(labels.more_sources(rest), st.small))
    return out


def story(ctx: Context) -> tuple[list[Flowable], list[Flowable]]:
    """The full-width start (header and the options side by side), then the rest (two columns in normal print)."""
    start = [*header(ctx), *overview(ctx)]
    # The option blocks come first: paragraphs fill whatever room the last table leaves on its page.
    rest = [*each_option(ctx), *matters(ctx), *readiness(ctx), *plan(ctx), *notes(ctx), *resume(ctx), *about(ctx)]
    if ctx.full:
        rest += appendix(ctx)
    rest += sources(ctx)
    return start, rest
