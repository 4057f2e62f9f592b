"""Scroll back to the top after a step change.

Streamlit keeps the scroll position across reruns, so on a phone the next step
would open half-way down. The script is fixed text (no user input) and is only
sent in the one run after Back or Next. Its text never changes, so the
balancer's content security policy can allow exactly it by its hash
(deploy/haproxy.cfg); the step number sits beside it, in a hidden element, to
make each request a new element that runs again.
"""

from __future__ import annotations

import streamlit as st

from decision_aid.ui import state

PENDING = "da_scroll_pending"
COUNT = "da_scroll_count"

SCRIPT = (
    "(function(){"
    "var m=window.parent.document.querySelector('[data-testid=\"stMain\"]')||document.querySelector('[data-testid=\"stMain\"]');"
    "if(m){m.scrollTo(0,0);}window.scrollTo(0,0);"
    "})();"
)


def request_top() -> None:
    state.put(PENDING, True)
    state.put(COUNT, int(state.get(COUNT, 0)) + 1)


def apply() -> None:
    if state.pop(PENDING, False):
        step = int(state.get(COUNT, 0))
        st.html(f'<span hidden data-step="{step}"></span><script>{SCRIPT}</script>', unsafe_allow_javascript=True)
