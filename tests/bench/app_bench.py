"""Server-side rerun time of each page (AppTest), against a one-line Streamlit script.

The baseline runs in the same process and the same minute, so the ratio says
how much of a rerun is the app's own work rather than Streamlit's or the
machine's. The Compare page is measured with all six options and busy answers,
its heaviest everyday state.
"""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from decision_aid.ui import nav, state

from .engine_bench import BUSY_ANSWERS
from .timing import line, median_ms

APP = str(Path(__file__).resolve().parents[2] / "app.py")
BASELINE = "import streamlit as st\nst.write('hello')\n"
TIMEOUT = 60



def _page_app(page: nav.PageSpec, ordering: str = "default") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state[state.ANSWERS] = dict(BUSY_ANSWERS)
    at.session_state[state.ORDERING] = ordering
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
    cases: list[tuple[str, nav.PageSpec, str]] = [(p.title, p, "default") for p in nav.ALL]
    cases.insert(3, ("Compare options (by what matters)", nav.COMPARE, "what_matters"))
    for label, page, ordering in cases:
        at = _page_app(page, ordering)
        value = median_ms(at.run, repeats)
        lines.append(line(label, value, base, "one-line script"))
    return lines


if __name__ == "__main__":
    print("\n".join(run()))
