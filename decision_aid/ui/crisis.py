"""Crisis help and the short disclaimer, shown at the top of every page.

The crisis text is fixed here rather than read from content so it still shows
when the content folder is broken: it must never depend on anything else working.
"""

from __future__ import annotations

import streamlit as st

CRISIS_HTML = (
    '<div class="da-crisis" role="note" aria-label="Crisis help">'
    "<strong>Need help now?</strong> If you are thinking about suicide or feel you cannot stay safe, "
    'call or text <a href="tel:988">988</a> (Suicide &amp; Crisis Lifeline, US, any time), '
    'or <a href="sms:988">send a text to 988</a>. '
    'If you are in immediate danger, call <a href="tel:911">911</a>.'
    "</div>"
)

DISCLAIMER = (
    "This tool shares general information to help you talk with a clinician. "
    "It does not diagnose, it does not say which option to choose, and it is not for emergencies."
)


def crisis_banner() -> None:
    st.html(CRISIS_HTML)


def disclaimer() -> None:
    st.caption(DISCLAIMER)
