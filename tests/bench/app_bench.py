"""Server-side rerun time of each page (AppTest), against a one-line Streamlit script.

The baseline runs in the same process and the same minute, so the ratio says
how much of a rerun is the app's own work rather than Streamlit's or the
machine's. Every page is measured with busy answers and the options the
Compare page first shows, its heaviest everyday state, in each of its views.
"""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from decision_aid.loader import load_content
from decision_aid.ui import nav, state

from .engine_bench import BUSY_ANSWERS
from .timing import line, median_ms

APP = str(Path(__file__).resolve().parents[2] / "app.py")
BASELINE = "import streamlit as st\nst.write('hello')\n"
TIMEOUT = 60
LONGEST_STEP = max(enumerate(load_content().questionnaire.steps), key=lambda s: len(s[1].questions))[0]
"""What matters to you is measured on its longest step (the health questions)."""


def _page_app(page: nav.PageSpec, ordering: str = "default", view: str = state.VIEW_OVERVIEW) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state[state.ANSWERS] = dict(BUSY_ANSWERS)
    at.session_state[state.ORDERING] = ordering
    at.session_state[state.VIEW] = view
    at.session_state[state.STEP] = LONGEST_STEP
    at.run()
    at.switch_page(page.path).run()
    if at.exception:
        raise RuntimeError(f"{page.title}: {[e.value for e in at.exception]}")
    return at


def run(repeats: int = 20) -> list[str]:
    baseline_app = AppTest.from_string(BASELINE, default_timeout=TIMEOUT).run()

    def baseline() -> object:
        return baseline_app.run()

    base = median_ms(baseline, repeats)
    lines = [f"App reruns (AppTest, server side, median of {repeats} after warm-up)"]
    cases: list[tuple[str, nav.PageSpec, str, str]] = [
        (f"{p.title} (health step)" if p is nav.QUESTIONS else p.title, p, "default", state.VIEW_OVERVIEW)
        for p in nav.ALL
    ]
    cases[3:3] = [
        ("Compare options (by what matters)", nav.COMPARE, "what_matters", state.VIEW_OVERVIEW),
        ("Compare options: full details", nav.COMPARE, "default", state.VIEW_DETAILS),
        ("Compare options: one topic at a time", nav.COMPARE, "default", state.VIEW_DECK),
        ("Compare options: one option", nav.COMPARE, "default", state.VIEW_OPTION),
    ]
    for label, page, ordering, view in cases:
        at = _page_app(page, ordering, view)
        value = median_ms(at.run, repeats)
        lines.append(line(label, value, base, "one-line script"))
    return lines


if __name__ == "__main__":
    print("\n".join(run()))
