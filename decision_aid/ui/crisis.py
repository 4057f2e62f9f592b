"""Crisis help at the top of every page, from ``content/crisis.yaml``.

It is loaded on its own, before the rest of the content, so a broken option
card never takes crisis help off the screen. Only if that one file cannot be
read does the app fall back to ``FALLBACK``, which a test keeps word for word
equal to the file.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from decision_aid.loader import load_crisis
from decision_aid.models import Crisis, CrisisLink
from decision_aid.ui.content import content_dir
from decision_aid.ui.text import h

FALLBACK = Crisis(
    heading="Need help now?",
    text=(
        "If you are thinking about suicide or feel you cannot stay safe, call or text 988 "
        "(Suicide & Crisis Lifeline, US, any time). If you are in immediate danger, call 911."
    ),
    short="In crisis? Call or text 988 (Suicide & Crisis Lifeline). In immediate danger, call 911.",
    more=(
        "988 is free and open 24 hours a day, 7 days a week. You can also chat at 988lifeline.org. "
        "Outside the US, call your local emergency number."
    ),
    links=[
        CrisisLink(label="Call 988", href="tel:988"),
        CrisisLink(label="Text 988", href="sms:988"),
        CrisisLink(label="Call 911", href="tel:911"),
    ],
)


@st.cache_resource(show_spinner=False)
def _load(directory: str | None) -> Crisis:
    return load_crisis(Path(directory) if directory else None) or FALLBACK


def crisis() -> Crisis:
    return _load(content_dir())


def banner_html(c: Crisis) -> str:
    links = " ".join(f'<a class="da-crisis-link" href="{h(link.href)}">{h(link.label)}</a>' for link in c.links)
    return (
        '<div class="da-crisis" role="region" aria-label="Crisis help">'
        f"<strong>{h(c.heading)}</strong> {h(c.text)} <span class=\"da-crisis-links\">{links}</span></div>"
    )


def fixed_bar_html(c: Crisis) -> str:
    """A compact bar a phone keeps at the bottom of the screen (the CSS shows it only on narrow screens)."""
    links = " ".join(f'<a href="{h(link.href)}">{h(link.label)}</a>' for link in c.links)
    return (
        f'<nav class="da-crisis-fixed" aria-label="Crisis help, always on screen"><strong>{h(c.heading)}</strong> '
        f"{links}</nav>"
    )


def crisis_banner() -> None:
    c = crisis()
    st.html(banner_html(c) + fixed_bar_html(c))
