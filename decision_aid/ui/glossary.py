"""The glossary (response, remission, sham...), shown on the About page and under the comparison."""

from __future__ import annotations

from decision_aid.models import Content
from decision_aid.ui.text import h


def glossary_html(content: Content) -> str:
    """A description list, so each term is announced with its meaning."""
    items = "".join(f"<dt>{h(g.term)}</dt><dd>{h(g.meaning)}</dd>" for g in content.about.glossary)
    return f'<dl class="da-glossary">{items}</dl>'
