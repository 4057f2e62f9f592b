"""Plotly figures for the screen, drawn from the view model's rows.

The rows (onset days, ticks) come from ``viewmodel``, so the
screen and the PDF show the same numbers. Figures are static pictures: no mode
bar, no zoom, nothing that traps a finger scrolling on a phone. Every figure is
shown next to its text alternative by the page that uses it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import plotly.graph_objects as go

from decision_aid.ui.text import h
from decision_aid.viewmodel import TIME_AXIS_DAYS, TIME_TICKS, OnsetRow

STATIC_CONFIG: dict[str, Any] = {"displayModeBar": False, "staticPlot": True, "responsive": True}

INK = "#1a1a1a"
BLUE = "#1f5f8b"
LIGHT_BLUE = "#a9c8e0"
RANGE_BLUE = "#5b8db8"  # 3.5:1 on white, for range bars (graphics need 3:1)
GREY = "#595959"
FONT = {"family": '"Source Sans", sans-serif', "size": 14, "color": INK}  # Streamlit's bundled font

TIMELINE_KEY_HTML = (
    '<p class="da-key">'
    f'<span class="da-key-item"><span style="color:{BLUE}">&#9679;</span> May start to help (typical)</span> '
    f'<span class="da-key-item"><span class="da-swatch" style="background:{RANGE_BLUE}"></span> its range</span> '
    f'<span class="da-key-item"><span style="color:{INK}">&#9670;</span> Fuller effect (typical)</span> '
    f'<span class="da-key-item"><span class="da-swatch" style="background:{GREY}"></span> its range</span></p>'
)

def _tick_text() -> list[str]:
    """Number over unit ("1<br>week"), so labels fit a phone without tilting or being dropped.

    Where two ticks in a row share a unit ("3 months", "6 months"), the unit is written
    once, under the later one: on a phone they sit too close for both words.
    """
    parts = [label.split(" ", 1) for _, label in TIME_TICKS]
    out = []
    for i, (number, unit) in enumerate(parts):
        shared = i + 1 < len(parts) and parts[i + 1][1] == unit
        out.append(h(number) if shared else f"{h(number)}<br>{h(unit)}")
    return out


def _log(days: float) -> float:
    return math.log10(days)


def _name_labels(rows: tuple[OnsetRow, ...], ys: list[float]) -> list[dict[str, Any]]:
    """Option names written above each row, so a phone needs no wide left margin."""
    return [
        {
            "x": 0,
            "xref": "paper",
            "y": y + 0.36,
            "yref": "y",
            "xanchor": "left",
            "yanchor": "bottom",
            "showarrow": False,
            "text": f"<b>{h(row.name)}</b>",
            "font": FONT,
        }
        for row, y in zip(rows, ys, strict=True)
    ]


def _row_positions(n: int) -> list[float]:
    return [float(n - 1 - i) for i in range(n)]


def timeline(rows: tuple[OnsetRow, ...]) -> go.Figure:
    """When each option may start to help and reach a fuller effect, on one log time axis."""
    n = len(rows)
    ys = _row_positions(n)
    up, down = 0.17, -0.15
    first_x: list[float | None] = []
    first_y: list[float | None] = []
    full_x: list[float | None] = []
    full_y: list[float | None] = []
    for row, y in zip(rows, ys, strict=True):
        first_x += [row.first_min_days, row.first_max_days, None]
        first_y += [y + up, y + up, None]
        full_x += [row.full_min_days, row.full_max_days, None]
        full_y += [y + down, y + down, None]
    traces = [
        go.Scatter(
            x=first_x, y=first_y, mode="lines", name="May start to help (range)",
            line={"color": RANGE_BLUE, "width": 11}, hoverinfo="skip",
        ),
        go.Scatter(
            x=[r.first_typical_days for r in rows], y=[y + up for y in ys], mode="markers",
            name="May start to help (typical)",
            marker={"symbol": "circle", "size": 13, "color": BLUE, "line": {"color": "#ffffff", "width": 1.5}},
            hoverinfo="skip",
        ),
        go.Scatter(
            x=full_x, y=full_y, mode="lines", name="Fuller effect (range)",
            line={"color": GREY, "width": 11}, hoverinfo="skip",
        ),
        go.Scatter(
            x=[r.full_typical_days for r in rows], y=[y + down for y in ys], mode="markers",
            name="Fuller effect (typical)",
            marker={"symbol": "diamond", "size": 14, "color": INK, "line": {"color": "#ffffff", "width": 1.5}},
            hoverinfo="skip",
        ),
    ]
    fig = go.Figure(data=traces)
    fig.update_layout(
        height=110 + 74 * n,
        margin={"l": 8, "r": 12, "t": 8, "b": 8},
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
        font=FONT,
        annotations=_name_labels(rows, ys),
        showlegend=False,
        xaxis={
            "type": "log",
            "range": [_log(TIME_AXIS_DAYS[0]), _log(TIME_AXIS_DAYS[1])],
            "tickvals": [d for d, _ in TIME_TICKS],
            "ticktext": _tick_text(),
            "tickangle": 0,
            "showgrid": True,
            "gridcolor": "#d5dde5",
            "fixedrange": True,
            "automargin": True,
            "title": {"text": "Time after starting (stretched scale)", "standoff": 8},
        },
        yaxis={"visible": False, "range": [-0.45, n - 0.25], "fixedrange": True},
    )
    return fig


def visits(rows: tuple[OnsetRow, ...]) -> go.Figure:
    """Visits in the first 8 weeks for each option, as a range."""
    n = len(rows)
    ys = _row_positions(n)
    fig = go.Figure(
        data=[
            go.Bar(
                y=ys,
                x=[max(r.visits_high - r.visits_low, 0.4) for r in rows],
                base=[r.visits_low for r in rows],
                orientation="h",
                marker={"color": BLUE},
                text=[r.visits_words for r in rows],
                textposition="outside",
                textfont=FONT,
                cliponaxis=False,
                hoverinfo="skip",
                width=0.4,
            )
        ]
    )
    top = max([r.visits_high for r in rows] + [10])
    fig.update_layout(
        height=110 + 62 * n,
        margin={"l": 8, "r": 40, "t": 8, "b": 8},
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
        font=FONT,
        showlegend=False,
        annotations=_name_labels(rows, [y - 0.1 for y in ys]),
        xaxis={"range": [0, top * 1.15], "fixedrange": True, "gridcolor": "#d5dde5", "automargin": True,
               "title": {"text": "Visits in the first 8 weeks", "standoff": 8}},
        yaxis={"visible": False, "range": [-0.5, n - 0.2], "fixedrange": True},
    )
    return fig


def timeline_figures(
    rows: tuple[OnsetRow, ...], shared_orders: Iterable[tuple[str, ...]]
) -> tuple[go.Figure, go.Figure]:
    """The Timeline page's two figures, built once per process for each set of options in a content order.

    Rows are content alone, so a figure drawn from them is the same for everyone
    and can be shared, as long as their order is one that content defines (a
    stage's usual line of care, ``shared_orders``). The order "by what matters"
    comes from answers, so figures in that order are drawn for the person
    and never kept here (the person's own session keeps them). Shared figures are read by many sessions at once:
    nothing may change them.
    """
    shown = {row.option_id for row in rows}
    picked = tuple(row.option_id for row in rows)
    if any(picked == tuple(o for o in order if o in shown) for order in shared_orders):
        return _figures_in_content_order(rows)
    return timeline(rows), visits(rows)


@lru_cache(maxsize=1024)  # each set of options a person can pick, in each stage's order
def _figures_in_content_order(rows: tuple[OnsetRow, ...]) -> tuple[go.Figure, go.Figure]:
    return timeline(rows), visits(rows)
