"""Timeline: when each option may start to help, and how many visits it takes early on."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from decision_aid.ui import charts, nav, state, style
from decision_aid.ui.content import get_content
from decision_aid.ui.text import h


def render() -> None:
    content = get_content()
    style.narrow()
    st.title("Timeline", anchor=False)
    comparison = state.comparison(content)
    if comparison is None:
        st.warning("No options are picked on the Compare page. Pick at least one there to see it here.")
        return
    st.markdown(
        "These are typical times from studies. Many people feel better sooner or later than this, "
        "and some do not improve with a given option. The options shown are the ones picked on the Compare page."
    )
    rows = comparison.onset_rows
    # Figures in an order drawn from answers are not shared between sessions, but this session keeps its own.
    timeline_figure, visits_figure = state.remembered(
        "timeline_figures", (rows,), lambda: charts.timeline_figures(rows, (tuple(s.order) for s in content.ordering.stages))
    )

    st.header("When it may start to help", anchor=False)
    st.caption("The time line is stretched so that hours, days, weeks and months all fit.")
    st.html(charts.TIMELINE_KEY_HTML)
    _chart_with_words(
        timeline_figure,
        "timeline_chart",
        "Timeline chart of when each option may start to help.",
        "The same facts in words",
        [r.text for r in rows],
    )

    st.header("Visits in the first 8 weeks", anchor=False)
    _chart_with_words(
        visits_figure,
        "visits_chart",
        "Bar chart of visits in the first 8 weeks.",
        "Visits in words",
        [f"{r.name}: {r.visits_words} visits in the first 8 weeks." for r in rows],
    )
    nav.next_links((nav.COMPARE, "Back to the options side by side"), (nav.HANDOUT, "Make a handout to take with you"))


def _chart_with_words(figure: go.Figure, key: str, alt: str, heading: str, lines: list[str]) -> None:
    """A static chart followed by the same facts as a list, for screen readers and anyone who prefers words."""
    st.plotly_chart(
        figure, config=charts.STATIC_CONFIG, theme=None, key=key, alt=f"{alt} The same facts are listed below it."
    )
    items = "".join(f"<li>{h(line)}</li>" for line in lines)
    st.html(f'<div class="da-alt"><h3>{h(heading)}</h3><ul>{items}</ul></div>')


if __name__ == "__main__":
    render()
