"""The onset timeline and icon arrays, drawn with reportlab graphics.

They read the same rows the on-screen plotly charts use (``OnsetRow``,
``BenefitRow``), so paper and screen cannot disagree about a number. Meaning is
carried by shape, pattern and words rather than colour, so a black-and-white
print still reads: black, grey and empty squares, a legend in words, a circle
and a diamond. A row of squares is one dashed stroke and all rows of one kind
share a path, which keeps 1,200 icons cheap to build and to draw.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.shapes import Circle, Drawing, Line, Path, Polygon, Rect, String
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from ..viewmodel import TIME_AXIS_DAYS, TIME_TICKS, BenefitRow, OnsetRow
from . import labels
from .fonts import fonts
from .styles import INK, MAYBE, MID, PAPER, RULE, SHADE, Styles


def _lines(text: str, font: str, size: float, width: float) -> list[str]:
    return simpleSplit(fonts().printable(text), font, size, width) or [""]


def _text_block(d: Drawing, lines: Sequence[str], x: float, top: float, font: str, size: float,
                anchor: str = "start") -> float:
    """Draw lines downward from ``top``; return the y below the block."""
    leading = size * 1.2
    y = top
    for line in lines:
        y -= leading
        d.add(String(x, y + size * 0.22, line, fontName=font, fontSize=size, fillColor=INK, textAnchor=anchor))
    return y


# --- onset timeline ---------------------------------------------------------------


def _log_x(days: float, x0: float, x1: float) -> float:
    lo, hi = TIME_AXIS_DAYS
    days = min(max(days, lo), hi)
    return x0 + (math.log(days) - math.log(lo)) / (math.log(hi) - math.log(lo)) * (x1 - x0)


def _diamond(x: float, y: float, r: float) -> Polygon:
    return Polygon([x - r, y, x, y + r, x + r, y, x, y - r], fillColor=INK, strokeColor=None)


def _tick_rows(ticks: Sequence[tuple[float, str]], x0: float, x1: float, size: float) -> list[tuple[float, str, int]]:
    """Put each tick label on the first line where it clears the label before it, so none overlap."""
    placed: list[tuple[float, str, int]] = []
    right_edge: list[float] = []
    for days, label in ticks:
        x = _log_x(days, x0, x1)
        half = _width(label, size) / 2
        row = next((i for i, edge in enumerate(right_edge) if x - half > edge + size * 0.4), len(right_edge))
        if row == len(right_edge):
            right_edge.append(0.0)
        right_edge[row] = x + half
        placed.append((x, label, row))
    return placed


def _legend_items(d: Drawing, items: Sequence[tuple[str, str]], x0: float, width: float, top: float,
                  size: float, mark: float) -> float:
    """Shapes with their words, wrapped onto more lines when narrow; returns the y below them."""
    f = fonts()
    lead = size * 1.6
    x, y = x0, top - lead
    for kind, words in items:
        w = mark * 2.4 + _width(words, size)
        if x > x0 and x + w > width:
            x, y = x0, y - lead
        cy = y + size * 0.35
        if kind == "first":
            d.add(Circle(x + mark * 0.5, cy, mark * 0.42, fillColor=INK, strokeColor=None))
        elif kind == "full":
            d.add(_diamond(x + mark * 0.5, cy, mark * 0.55))
        else:
            d.add(Rect(x, cy - mark / 2, mark * 1.8, mark, fillColor=SHADE, strokeColor=MID, strokeWidth=0.5))
        d.add(String(x + mark * 2.2, y, words, fontName=f.regular, fontSize=size, fillColor=INK))
        x += w + size * 1.5
    return y - size * 0.5


def onset_timeline(rows: Sequence[OnsetRow], width: float, st: Styles, sentences: bool = True) -> Drawing:
    """One bar per option on a log time axis, each with its sentence in words.

    In normal print the sentence sits beside its bar; in large print the bars
    take the full width and the sentence runs under each bar instead. Without
    ``sentences`` (the handout prints each one beside its option) the bars
    take the whole width.
    """
    f = fonts()
    size = st.small_size
    lead = size * 1.2
    bar_h = size * 1.1
    beside = st.two_columns or not sentences
    name_w = width * ((0.13 if st.two_columns else 0.18) if sentences else 0.22)
    text_w = (width * 0.46 if st.two_columns else width - name_w) if sentences else 0.0
    x0 = name_w + size * 0.5
    x1 = (width - text_w - size * 1.5) if beside else width - size
    text_x = width - text_w if beside else name_w

    row_lines = [_lines(r.text, f.regular, size, text_w) if sentences else [] for r in rows]
    name_lines = [_lines(r.name, f.bold, size, name_w - 2) for r in rows]
    if beside:
        heights = [max(len(t), len(n)) * lead + size * 0.8 for t, n in zip(row_lines, name_lines, strict=True)]
    else:
        heights = [max(bar_h + size * 0.6 + len(t) * lead, len(n) * lead) + size * 0.8
                   for t, n in zip(row_lines, name_lines, strict=True)]
    ticks = _tick_rows(TIME_TICKS, x0, x1, size)
    tick_lines = 1 + max(row for _, _, row in ticks)
    axis_h = lead * tick_lines + size * 0.6
    legend = (("first", labels.TIMELINE_FIRST), ("full", labels.TIMELINE_FULL), ("range", labels.TIMELINE_RANGE))
    probe = Drawing(width, 0)
    legend_h = -_legend_items(probe, legend, x0, width, 0.0, size, bar_h)
    height = axis_h + sum(heights) + legend_h
    d = Drawing(width, height)

    top = height - axis_h
    for x, label, tick_row in ticks:
        y = height - lead * (tick_row + 1)
        d.add(String(x, y + size * 0.2, label, fontName=f.regular, fontSize=size, fillColor=INK, textAnchor="middle"))
    d.add(Line(x0, top, x1, top, strokeColor=MID, strokeWidth=0.6))

    # All dotted guide lines go in one path, drawn first so bars sit on top of them.
    guides = Path(strokeColor=RULE, strokeWidth=0.5, strokeDashArray=[1.5, 1.5], fillColor=None)
    d.add(guides)
    y_top = top
    for row, h, t_lines, n_lines in zip(rows, heights, row_lines, name_lines, strict=True):
        mid = y_top - size * 0.4 - lead * 0.5
        # Guide lines stop above the sentence when it runs under the bar, so they never cross words.
        guide_end = y_top - h if beside else mid - bar_h / 2 - size * 0.2
        for x, _, _ in ticks:
            guides.moveTo(x, y_top)
            guides.lineTo(x, guide_end)
        _text_block(d, n_lines, 0, y_top - size * 0.4, f.bold, size)
        text_top = y_top - size * 0.4 if beside else mid - bar_h / 2 - size * 0.3
        _text_block(d, t_lines, text_x, text_top, f.regular, size)
        bx0 = _log_x(row.first_min_days, x0, x1)
        bx1 = _log_x(row.full_max_days, x0, x1)
        d.add(Rect(bx0, mid - bar_h / 2, max(bx1 - bx0, 1.0), bar_h, fillColor=SHADE, strokeColor=MID, strokeWidth=0.5))
        d.add(Circle(_log_x(row.first_typical_days, x0, x1), mid, bar_h * 0.42, fillColor=INK, strokeColor=None))
        d.add(_diamond(_log_x(row.full_typical_days, x0, x1), mid, bar_h * 0.55))
        y_top -= h
        d.add(Line(0, y_top, width, y_top, strokeColor=SHADE, strokeWidth=0.4))
    _legend_items(d, legend, x0, width, legend_h, size, bar_h)
    return d


def _width(text: str, size: float, bold: bool = False) -> float:
    f = fonts()
    return stringWidth(text, f.bold if bold else f.regular, size)


# --- icon arrays ---------------------------------------------------------------------


def _row_runs(states: Sequence[str]) -> dict[str, list[tuple[int, int, int]]]:
    """(row, first column, count) runs of one state, so each run is drawn as one stroke."""
    runs: dict[str, list[tuple[int, int, int]]] = {"yes": [], "maybe": [], "no": []}
    for row in range(10):
        cells = states[row * 10 : row * 10 + 10]
        start = 0
        for col in range(1, 11):
            if col == 10 or cells[col] != cells[start]:
                runs[cells[start]].append((row, start, col - start))
                start = col
    return runs


def _squares(d: Drawing, runs: Sequence[tuple[int, int, int]], x0: float, y0: float, pitch: float,
             side: float, color: object) -> None:
    """Rows of squares as dashed thick strokes, all in one path: each run restarts the dash pattern."""
    if not runs:
        return
    path = Path(strokeColor=color, strokeWidth=side, strokeLineCap=0, strokeDashArray=[side, pitch - side],
                fillColor=None)
    for row, col, count in runs:
        y = y0 + (9 - row) * pitch + pitch / 2
        x = x0 + col * pitch + (pitch - side) / 2
        path.moveTo(x, y)
        path.lineTo(x + (count - 1) * pitch + side, y)
    d.add(path)


def _grid(d: Drawing, states: Sequence[str], x0: float, y0: float, pitch: float) -> None:
    """10x10 icons filled row by row from the top left: black 'yes', grey 'maybe', empty 'no', all outlined."""
    outer = pitch * 0.8
    inner = outer - 1.2
    runs = _row_runs(states)
    _squares(d, runs["yes"], x0, y0, pitch, outer, INK)
    _squares(d, runs["maybe"] + runs["no"], x0, y0, pitch, outer, MID)
    _squares(d, runs["maybe"], x0, y0, pitch, inner, MAYBE)
    _squares(d, runs["no"], x0, y0, pitch, inner, PAPER)


def icon_array(row: BenefitRow, st: Styles, pitch: float) -> Drawing:
    """Two 10x10 grids: people with the treatment, and with what it was compared against."""
    f = fonts()
    size = st.small_size
    lead = size * 1.2
    grid_w = pitch * 10
    gap = pitch * 2.6
    label_w = grid_w + gap * 0.8  # labels may run a little past their grid
    width = grid_w + gap + label_w
    heads = [_lines(row.treatment_label, f.regular, size, label_w), _lines(row.comparison_label, f.regular, size, label_w)]
    counts = [_lines(row.treatment_words, f.bold, size, label_w), _lines(row.comparison_words, f.bold, size, label_w)]
    head_h = max(len(h) for h in heads) * lead + size * 0.3
    count_h = max(len(c) for c in counts) * lead + size * 0.2
    height = head_h + grid_w + count_h
    d = Drawing(width, height)
    for i, states in enumerate((row.treatment_states, row.comparison_states)):
        gx = i * (grid_w + gap)
        _text_block(d, heads[i], gx, height, f.regular, size)
        _grid(d, states, gx, count_h, pitch)
        _text_block(d, counts[i], gx, count_h - size * 0.1, f.bold, size)
    return d


def icon_legend(st: Styles, width: float) -> Drawing:
    """What the three kinds of square mean, in shapes and words; wraps onto more lines when narrow."""
    f = fonts()
    size = st.small_size
    side = size * 0.95
    lead = size * 1.35
    pieces: list[tuple[str | None, str]] = [(None, labels.BENEFIT_LEGEND)]
    pieces += [("yes", labels.LEGEND_YES), ("maybe", labels.LEGEND_MAYBE), ("no", labels.LEGEND_NO)]
    placed: list[tuple[int, float, str | None, str]] = []
    line, x = 0, 0.0
    for state, words in pieces:
        w = (side + size * 0.4 if state else 0) + _width(words, size)
        if x > 0 and x + w > width:
            line, x = line + 1, 0.0
        placed.append((line, x, state, words))
        x += w + size * 1.2
    height = (line + 1) * lead
    d = Drawing(width, height)
    for line_no, x, state, words in placed:
        y = height - (line_no + 1) * lead + size * 0.35
        if state:
            _grid_key(d, state, x, y - size * 0.1, side)
            x += side + size * 0.4
        d.add(String(x, y, words, fontName=f.regular, fontSize=size, fillColor=INK))
    return d


def _grid_key(d: Drawing, state: str, x: float, y: float, side: float) -> None:
    """One legend square drawn exactly like the squares in the grids."""
    fill = {"yes": INK, "maybe": MAYBE, "no": PAPER}[state]
    d.add(Rect(x, y, side, side, fillColor=fill, strokeColor=INK if state == "yes" else MID, strokeWidth=0.6))
