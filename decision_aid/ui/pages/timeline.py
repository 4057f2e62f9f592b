"""Timeline: when each option may start to help, and how many visits it takes early on."""

from __future__ import annotations

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

    st.header("When it may start to help", anchor=False)
    st.caption("The time line is stretched so that hours, days, weeks and months all fit.")
    st.html(charts.TIMELINE_KEY_HTML)
    st.plotly_chart(
        charts.timeline(rows),
        config=charts.STATIC_CONFIG,
        theme=None,
        key="timeline_chart",
        alt="Timeline chart of when each option may start to help. The same facts are listed below it.",
    )
    st.html(
        '<div class="da-alt"><h3>The same facts in words</h3><ul>'
        + "".join(f"<li>{h(r.text)}</li>" for r in rows)
        + "</ul></div>"
    )

    st.header("Visits in the first 8 weeks", anchor=False)
    st.plotly_chart(
        charts.visits(rows),
        config=charts.STATIC_CONFIG,
        theme=None,
        key="visits_chart",
        alt="Bar chart of visits in the first 8 weeks. The same facts are listed below it.",
    )
    st.html(
        '<div class="da-alt"><h3>Visits in words</h3><ul>'
        + "".join(f"<li>{h(r.name)}: {h(r.visits_words)} visits in the first 8 weeks.</li>" for r in rows)
        + "</ul></div>"
    )
    nav.next_links((nav.COMPARE, "Back to the options side by side"), (nav.HANDOUT, "Make a handout to take with you"))


if __name__ == "__main__":
    render()
