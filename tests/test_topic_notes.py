"""The visit deck answers "stopping" and "pregnancy" for every option from the card itself.

Without a note the deck falls back to "ask your clinician", so a card losing its
note, or a note losing the safety point it exists for, fails here.
"""

from __future__ import annotations

from decision_aid.answers import parse_answers
from decision_aid.engine import build_comparison
from decision_aid.models import Content, TopicNote
from decision_aid.presentation import Audience, present


def _note(content: Content, option_id: str, topic: str) -> TopicNote:
    note = getattr(content.options[option_id], topic)
    assert isinstance(note, TopicNote), f"{option_id} has no {topic} note"
    return note


def test_every_option_has_its_own_stopping_and_pregnancy_note(content: Content) -> None:
    missing = [f"{card.id}.{topic}" for card in content.options.values() for topic in ("stopping", "pregnancy")
               if getattr(card, topic) is None]
    assert not missing


def test_the_deck_shows_each_card_note_not_the_fallback(content: Content) -> None:
    comparison = build_comparison(content, parse_answers(content, {}), selected=content.option_ids)
    deck = {panel.id: panel for panel in present(comparison, Audience.screen(shared=True)).deck}
    for topic, field in (("stopping", "stopping"), ("safety", "pregnancy")):
        cells = {cell.option_id: cell.main for cell in deck[topic].cells}
        assert set(cells) == set(content.option_ids)
        for option_id, main in cells.items():
            assert main == _note(content, option_id, field).short
            assert main != content.wording.no_topic_note


def test_medicine_notes_keep_the_slow_stop_and_esketamine_stays_not_recommended_in_pregnancy(
    content: Content,
) -> None:
    for option_id in ("ssri", "medicine_change"):
        assert "slowly" in _note(content, option_id, "stopping").short
    assert "not recommended" in _note(content, "ketamine", "pregnancy").short
    assert "specialist" in _note(content, "ect", "pregnancy").short


def test_non_drug_pregnancy_notes_say_plainly_that_no_medicine_is_used(content: Content) -> None:
    for option_id in ("psychotherapy", "rtms", "active_monitoring"):
        assert "no medicine" in _note(content, option_id, "pregnancy").short.lower()
