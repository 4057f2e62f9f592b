"""Crisis help has one source, content/crisis.yaml, and survives broken content."""

from __future__ import annotations

from pathlib import Path

from decision_aid.loader import load_crisis
from decision_aid.models import Content
from decision_aid.ui import crisis


def test_the_fallback_is_word_for_word_the_crisis_file(content: Content) -> None:
    assert content.crisis == crisis.FALLBACK


def test_crisis_help_loads_on_its_own_when_an_option_card_is_broken(content_copy: Path) -> None:
    (content_copy / "options" / "ssri.yaml").write_text("id: [broken", encoding="utf-8")
    loaded = load_crisis(content_copy)
    assert loaded is not None and "988" in loaded.text


def test_the_banner_links_call_and_text_988_and_call_911(content: Content) -> None:
    html = crisis.banner_html(content.crisis)
    for href in ('href="tel:988"', 'href="sms:988"', 'href="tel:911"'):
        assert href in html
