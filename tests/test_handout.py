"""The PDF handout, read back with pypdf: what it prints, on how many pages, and what it keeps private."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re

import pypdf
import pytest

from decision_aid.answers import Answers, parse_answers
from decision_aid.engine import build_comparison
from decision_aid.handout import HandoutSettings, build_handout
from decision_aid.handout.labels import CRISIS_SHORT
from decision_aid.handout.styles import styles_for
from decision_aid.loader import load_content
from decision_aid.models import Content
from decision_aid.viewmodel import Comparison

DATE = dt.date(2025, 3, 1)
TYPICAL_ANSWERS = {
    "speed": "somewhat",
    "side_effects_avoid": ["sexual"],
    "medicine": "open",
    "visits": "weekly",
    "cost": "somewhat",
    "readiness": {"sure": "no", "informed": "yes"},
}
HEALTH_ANSWERS = {"speed": "very", "seizure_history": "yes", "pregnant_or_breastfeeding": "unsure"}

CONTENT = load_content()


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Line breaks in the PDF are layout, not content: compare text with whitespace collapsed."""
    return re.sub(r"\s+", " ", text).strip()


def build(comparison: Comparison, **settings: object) -> bytes:
    settings.setdefault("date", DATE)
    return build_handout(comparison, HandoutSettings(**settings))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def all_six(content: Content) -> Comparison:
    return build_comparison(content, parse_answers(content, TYPICAL_ANSWERS))


@pytest.fixture(scope="module")
def all_six_text(all_six: Comparison) -> str:
    return flat(" ".join(pages_text(build(all_six))))


def test_handout_names_the_chosen_options_and_no_others(content: Content) -> None:
    comparison = build_comparison(content, Answers(), ["ketamine", "ssri"])
    text = flat(" ".join(pages_text(build(comparison))))
    for option_id in ("ketamine", "ssri"):
        assert flat(content.options[option_id].name) in text
    for option_id in ("rtms", "psychotherapy", "exercise", "active_monitoring"):
        assert flat(content.options[option_id].name) not in text


def test_each_option_shows_its_time_to_onset_in_words(all_six: Comparison, all_six_text: str) -> None:
    for row in all_six.onset_rows:
        assert flat(row.text) in all_six_text, row.option_id


def test_each_option_shows_its_benefit_sentence_next_to_its_icon_array(all_six: Comparison, all_six_text: str) -> None:
    for row in all_six.benefit_rows:
        assert flat(row.sentence) in all_six_text, row.option_id


def test_every_page_has_the_crisis_line_and_page_x_of_y(all_six: Comparison) -> None:
    for settings in ({}, {"large_print": True}, {"paper": "a4"}):
        pages = pages_text(build(all_six, **settings))
        assert len(pages) > 1
        for number, text in enumerate(pages, start=1):
            assert flat(CRISIS_SHORT) in flat(text), (settings, number)
            assert "988" in text and "911" in text
            assert f"Page {number} of {len(pages)}" in text, (settings, number)


def test_typed_name_and_notes_are_printed(content: Content) -> None:
    comparison = build_comparison(content, Answers(), ["exercise"])
    pdf = build(comparison, name="Zoë Παπαδοπούλου-Иванова", notes="Ask about walking groups.\nBring my list of medicines.")
    text = flat(" ".join(pages_text(pdf)))
    assert "Zoë Παπαδοπούλου-Иванова" in text
    assert "Ask about walking groups." in text
    assert "Bring my list of medicines." in text


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("answers", [{}, TYPICAL_ANSWERS], ids=["no answers", "typical answers"])
def test_the_six_usual_options_fit_on_seven_pages_in_normal_print(content: Content, paper: str, answers: dict) -> None:
    """Seven, not six, since the clinical review added harms, trials and their sources to every card."""
    comparison = build_comparison(content, parse_answers(content, answers))
    assert [o.id for o in comparison.options] == list(CONTENT.ordering.default_stage.selected)
    pages = pages_text(build(comparison, paper=paper))
    assert len(pages) <= 7


def test_base_type_is_at_least_9_point_and_12_point_in_large_print() -> None:
    assert styles_for(False).body.fontSize >= 9
    assert styles_for(True).body.fontSize >= 12
    assert styles_for(True).small.fontSize > styles_for(False).small.fontSize


def test_large_print_and_a4_build_and_read_back(all_six: Comparison) -> None:
    normal = pypdf.PdfReader(io.BytesIO(build(all_six)))
    large = pypdf.PdfReader(io.BytesIO(build(all_six, large_print=True, paper="a4")))
    assert len(large.pages) > len(normal.pages)
    width, height = (float(v) for v in large.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)
    width, height = (float(v) for v in normal.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (612, 792)


def test_same_inputs_with_a_fixed_date_give_the_same_bytes(content: Content) -> None:
    first = build(build_comparison(content, parse_answers(content, TYPICAL_ANSWERS)), name="Ana", notes="x & y")
    second = build(build_comparison(content, parse_answers(content, TYPICAL_ANSWERS)), name="Ana", notes="x & y")
    assert first == second
    assert build(build_comparison(content, Answers()), date=dt.date(2025, 3, 2)) != build(
        build_comparison(content, Answers())
    )


def test_printed_date_is_the_date_asked_for(content: Content) -> None:
    text = flat(" ".join(pages_text(build(build_comparison(content, Answers(), ["ssri"]), date=dt.date(2024, 7, 9)))))
    assert "July 9, 2024" in text


def test_health_answers_are_left_off_unless_asked_for(content: Content) -> None:
    comparison = build_comparison(content, parse_answers(content, HEALTH_ANSWERS))
    assert comparison.health
    seizure_question = content.questionnaire.questions["seizure_history"].text
    seizure_point = next(p for p in comparison.option("rtms").points if p.question_id == "seizure_history")

    pregnancy_questions = [p.text for view in comparison.options for p in view.points if p.is_question]
    assert pregnancy_questions

    hidden = flat(" ".join(pages_text(build(comparison))))
    assert flat(seizure_question) not in hidden
    assert flat(seizure_point.text) not in hidden
    assert all(flat(q) not in hidden for q in pregnancy_questions)
    assert "left off this handout" in hidden

    shown = flat(" ".join(pages_text(build(comparison, include_health=True))))
    assert flat(seizure_question) in shown
    assert flat(seizure_point.text) in shown


def test_pdf_metadata_has_title_and_subject_but_never_the_name(content: Content) -> None:
    pdf = build(build_comparison(content, Answers(), ["ssri"]), name="Margarethe Quellenberg")
    info = pypdf.PdfReader(io.BytesIO(pdf)).metadata
    assert info is not None
    assert info.title and info.subject
    assert b"Margarethe" not in pdf
    assert all("Margarethe" not in str(value) for value in info.values())


def test_what_matters_answers_are_printed(all_six: Comparison, all_six_text: str) -> None:
    assert all_six.matters
    for item in all_six.matters:
        assert flat(item.question) in all_six_text
        assert flat(item.answer) in all_six_text


def test_points_from_answers_are_printed_with_their_level_in_words(content: Content) -> None:
    comparison = build_comparison(content, parse_answers(content, HEALTH_ANSWERS))
    text = flat(" ".join(pages_text(build(comparison, include_health=True))))
    points = [p for view in comparison.options for p in view.points]
    assert points
    for point in points:
        assert f"{point.level_label}:" in text
        assert flat(point.text) in text


def test_questions_raised_by_answers_are_always_printed_and_general_ones_capped_with_many_options(
    all_six: Comparison, all_six_text: str
) -> None:
    for question in all_six.questions_to_ask:
        if question.from_answers:
            assert flat(question.text) in all_six_text
    for view in all_six.options:
        for general in view.card.questions_to_ask[:3]:
            assert flat(general) in all_six_text
    assert "More questions for each option are on the Compare page" in all_six_text


def test_every_question_to_ask_is_printed_for_two_options(content: Content) -> None:
    comparison = build_comparison(content, parse_answers(content, {"ride_home": "unsure"}), ["ketamine", "ssri"])
    text = flat(" ".join(pages_text(build(comparison))))
    assert any(q.from_answers for q in comparison.questions_to_ask)
    for question in comparison.questions_to_ask:
        assert flat(question.text) in text


def test_readiness_no_shows_its_help_and_unanswered_items_get_blank_boxes(all_six: Comparison, all_six_text: str) -> None:
    by_id = {item.id: item for item in all_six.readiness}
    assert by_id["sure"].answer == "no"
    assert flat(by_id["sure"].if_no) in all_six_text
    assert "☐ Yes ☒ No" in all_six_text  # "sure": no
    assert "☒ Yes ☐ No" in all_six_text  # "informed": yes
    unanswered = [item for item in all_six.readiness if item.answer is None]
    assert all_six_text.count("☐ Yes ☐ No") == len(unanswered)
    assert all(flat(item.if_no) not in all_six_text for item in unanswered)


def test_sources_are_numbered_and_each_can_be_found(all_six: Comparison, all_six_text: str) -> None:
    assert "Sources" in all_six_text
    assert re.search(r"\b1\. ", all_six_text)
    squashed = all_six_text.replace(" ", "")
    cited = [ref for ref in all_six.sources if flat(ref.citation).replace(" ", "") in squashed]
    assert len(cited) >= 10
    for ref in cited:
        finder = f"doi:{ref.doi}" if ref.doi else f"PMID{ref.pmid}" if ref.pmid else f"PMCID{ref.pmcid}" if ref.pmcid else ref.url
        assert finder and finder.replace(" ", "") in squashed, ref.id


def test_disclaimer_funding_and_conflicts_are_printed(all_six: Comparison, all_six_text: str) -> None:
    about = all_six.about
    for text in (about.disclaimer, about.funding, about.conflicts, all_six.crisis.text, all_six.crisis.more):
        assert flat(text) in all_six_text


def test_key_facts_name_what_the_app_adds_and_full_detail_prints_every_caution(content: Content) -> None:
    comparison = build_comparison(content, Answers(), ["psychotherapy"])
    card = content.options["psychotherapy"]
    compact = flat(" ".join(pages_text(build(comparison))))
    full = flat(" ".join(pages_text(build(comparison, full_detail=True))))
    assert "More in the app" in compact
    for caution in card.cautions:
        assert flat(caution.text) in full
    assert flat(card.plasticity.text) in full
    assert len(full) > len(compact)


def test_key_facts_handout_prints_every_caution_and_how_it_may_work(content: Content) -> None:
    """Harms get equal space on paper: no caution is left to the app alone."""
    comparison = build_comparison(content, parse_answers(content, {"antidepressants_tried": "two_or_more"}))
    assert len(comparison.options) == len(content.options)
    compact = flat(" ".join(pages_text(build(comparison))))
    for card in (view.card for view in comparison.options):
        for caution in card.cautions:
            assert flat(caution.short or caution.text) in compact, (card.id, caution.short)
        assert flat(card.plasticity.short or card.plasticity.text) in compact, card.id


def test_content_text_with_markup_characters_prints_literally(content: Content) -> None:
    comparison = build_comparison(content, Answers(), ["exercise"])
    view = comparison.options[0]
    card = view.card.model_copy(update={"summary": "Walk & talk <b>often</b> -- 5 < 10 > 2 &amp; more."})
    odd = dataclasses.replace(comparison, options=(dataclasses.replace(view, card=card),))
    text = flat(" ".join(pages_text(build(odd))))
    assert "Walk & talk <b>often</b> -- 5 < 10 > 2 &amp; more." in text
