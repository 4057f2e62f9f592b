"""Scroll back to the top after a step change, and move focus to the new step's heading.

Streamlit keeps the scroll position across reruns, so on a phone the next step
would open half-way down; and focus would stay on the Next button, so a screen
reader would not say that a new step began. Focusing the step heading (named
"Step 2 of 5: ...") announces it. The heading of the step asked for is found
by its number, so a heading still on screen from the step before is never the
one focused. The script is fixed text (no user input) and is only
sent in the one run after Back or Next. It must not hold "<" before a letter or
digit: Streamlit's HTML sanitizer then drops the whole script as possible markup. Its text never changes, so the
balancer's content security policy can allow exactly it by its hash
(deploy/haproxy.cfg); the step number sits beside it, in a hidden element, to
make each request a new element that runs again.
"""

from __future__ import annotations

import streamlit as st

from decision_aid.ui import state

PENDING = "da_scroll_pending"
COUNT = "da_scroll_count"
STEP_HEADING_ID = "da-step-heading"

SCRIPT = (
    "(function(){"
    "var d=(window.parent&&window.parent.document)||document;"
    "var m=d.querySelector('[data-testid=\"stMain\"]');"
    "if(m){m.scrollTo(0,0);}window.scrollTo(0,0);"
    "var a=d.querySelectorAll('[data-da-focus]');if(!a.length){return;}"
    "var want=a[a.length-1].getAttribute('data-da-focus'),n=0;"
    "(function f(){"
    "var e=d.querySelector('#da-step-heading[data-step=\"'+want+'\"]');"
    "if(e){e.focus({preventScroll:true});}else if(80>n++){setTimeout(f,50);}"
    "})();"
    "})();"
)


def request_top() -> None:
    state.put(PENDING, True)
    state.put(COUNT, int(state.get(COUNT, 0)) + 1)


def apply(focus_step: int | None = None) -> None:
    """Send the script once after a step change; ``focus_step`` names the heading to focus (its data-step)."""
    if state.pop(PENDING, False):
        count = int(state.get(COUNT, 0))
        focus = f' data-da-focus="{int(focus_step)}"' if focus_step is not None else ""
        st.html(f'<span hidden data-count="{count}"{focus}></span><script>{SCRIPT}</script>', unsafe_allow_javascript=True)
