"""The Compare page in-process: key facts first, full details aligned, the deck, one option, and privacy."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from decision_aid.answers import Answers, parse_answers
from decision_aid.engine import build_comparison
from decision_aid.models import Content
from decision_aid.presentation import FACT_HEADINGS, Audience, present
from decision_aid.ui import nav, state
from decision_aid.ui.details import SECTIONS
from decision_aid.ui.text import h

from .apptest import CONTENT, answer, go, html_text, no_exception, open_app, rule_text


def compare(at: AppTest, view: str | None = None) -> AppTest:
    go(at, nav.COMPARE)
    if view is not None:
        at.segmented_control(key="w_view").set_value(view).run()
    no_exception(at)
    return at


def points_under(html: str, option_name: str) -> str:
    """The points listed under one option's heading in the overview's points block."""
    match = re.search(rf"<h3>{re.escape(h(option_name))}</h3><ul>(.*?)</ul>", html)
    return match.group(1) if match else ""


def test_compare_opens_with_key_facts_for_the_default_options() -> None:
    at = compare(open_app())
    page = html_text(at)
    default = CONTENT.ordering.default_stage.selected
    for option_id in default:
        assert f'id="da-col-{option_id}"' in page
    for heading in FACT_HEADINGS:
        assert f'<th scope="row">{h(heading)}</th>' in page
    assert "cannot be compared directly" in page
    assert not at.get("plotly_chart"), "no chart bundle on Compare: icon arrays are inline SVG"


def test_key_facts_cells_use_the_presentation_words() -> None:
    at = compare(open_app())
    page = html_text(at)
    p = present(build_comparison(CONTENT, Answers()), Audience.screen(False))
    for option in p.options:
        for text in option.facts.strings():
            assert h(text) in page, text


def test_with_no_answers_the_page_invites_some_and_still_shows_every_default_option() -> None:
    at = compare(open_app())
    assert any(CONTENT.wording.empty_answers.split()[0] in i.value for i in at.info)
    assert len(re.findall(r'id="da-col-', html_text(at))) == len(CONTENT.ordering.default_stage.selected)


def test_metal_in_head_yes_puts_a_specialist_point_under_rtms_only(content: Content) -> None:
    at = open_app()
    answer(at, content, "metal_in_head", "yes")
    page = html_text(compare(at))
    expected = h(rule_text(content, "metal_in_head", "rtms", "yes"))
    assert expected in points_under(page, content.options["rtms"].short_name)
    assert "Ask a specialist" in points_under(page, content.options["rtms"].short_name)
    assert expected not in points_under(page, content.options["ssri"].short_name)


def test_an_answer_changed_after_comparing_changes_the_comparison_at_once(content: Content) -> None:
    """The session keeps the last comparison it made; a changed answer must never show the old one."""
    at = open_app()
    rtms = content.options["rtms"].short_name
    expected = h(rule_text(content, "metal_in_head", "rtms", "yes"))
    assert expected not in points_under(html_text(compare(at)), rtms)
    answer(at, content, "metal_in_head", "yes")
    assert expected in points_under(html_text(compare(at)), rtms)
    answer(at, content, "metal_in_head", "no")
    assert expected not in points_under(html_text(compare(at)), rtms)


def test_an_unsure_answer_shows_a_question_to_ask(content: Content) -> None:
    rule = next(r for r in content.rules if r.question == "metal_in_head" and r.option == "rtms")
    assert rule.ask
    at = open_app()
    answer(at, content, "metal_in_head", "unsure")
    rtms = points_under(html_text(compare(at)), content.options["rtms"].short_name)
    assert h(rule.ask) in rtms and "Question to ask" in rtms


@pytest.mark.parametrize("entry", ["start_button", "top_switch"])
def test_screen_share_hides_health_points_until_revealed_in_every_view(content: Content, entry: str) -> None:
    at = open_app()
    answer(at, content, "metal_in_head", "yes")
    if entry == "start_button":
        go(at, nav.START)
        at.button(key="mode_clinician").click().run()
    else:
        at.toggle(key="w_share").set_value(True).run()
    assert at.session_state.get(state.SHARE)
    expected = h(rule_text(content, "metal_in_head", "rtms", "yes"))
    for view in (state.VIEW_OVERVIEW, state.VIEW_DETAILS):
        page = html_text(compare(at, view))
        assert expected not in page, view
        assert "hidden while the screen is shared" in page, view
    at.segmented_control(key="w_view").set_value(state.VIEW_OPTION).run()
    at.selectbox(key="w_focus").set_value("rtms").run()
    assert expected not in html_text(at)
    at.toggle(key="w_reveal_compare").set_value(True).run()
    assert expected in html_text(at)
    assert at.session_state[state.ANSWERS]["metal_in_head"] == "yes", "hiding never drops the answer"


def test_a_private_what_matters_answer_is_worded_neutrally_on_a_shared_screen(content: Content) -> None:
    comparison = build_comparison(content, parse_answers(content, {"side_effects_avoid": ["sexual"]}))
    shared = present(comparison, Audience.screen(True))
    alone = present(comparison, Audience.screen(False))
    assert [a.answer for a in shared.matters] == ["A side effect you want to avoid"]
    assert [a.answer for a in alone.matters] == ["Sexual side effects"]
    assert all("exual" not in p.text for o in shared.options for p in o.points)
    assert any("exual" in p.text for o in alone.options for p in o.points)


def test_fewer_than_two_options_asks_to_pick_more() -> None:
    at = compare(open_app())
    at.pills(key="w_pick").set_value(["ssri"]).run()
    assert any("at least 2" in w.value for w in at.warning)


def test_ordering_by_what_matters_gives_each_option_its_reason(content: Content) -> None:
    at = open_app()
    answer(at, content, "speed", "very")
    at = compare(at, state.VIEW_DETAILS)
    at.segmented_control(key="w_order").set_value("what_matters").run()
    page = html_text(at)
    assert h(content.ordering.what_matters_note) in page
    assert page.count("Why it is in this place:") == len(content.ordering.default_stage.selected)


def test_full_details_lay_every_section_out_across_every_option() -> None:
    page = html_text(compare(open_app(), state.VIEW_DETAILS))
    n = len(CONTENT.ordering.default_stage.selected)
    for title, _ in SECTIONS:
        assert f"<summary>{h(title)}</summary>" in page
    assert page.count('<details class="da-section">') == len(SECTIONS)
    assert page.count("<tbody><tr><td") == len(SECTIONS), "one row of cells per section"
    assert page.count("<td data-label=") == len(SECTIONS) * n


def test_one_option_shows_that_option_alone_with_every_section(content: Content) -> None:
    at = open_app()
    at.session_state[state.VIEW] = state.VIEW_OPTION
    at.session_state[state.FOCUS_OPTION] = "ketamine"
    page = html_text(compare(at))
    assert page.count('<article class="da-card"') == 1
    assert h(content.options["ketamine"].name) in page
    for variant in content.options["ketamine"].variants:
        assert h(variant.name) in page
    for title, _ in SECTIONS:
        assert f"<h3>{h(title)}</h3>" in page


def test_the_deck_lists_every_topic_and_brings_what_matters_first(content: Content) -> None:
    at = open_app()
    answer(at, content, "cost", "a_lot")
    page = html_text(compare(at, state.VIEW_DECK))
    topics = re.findall(r'data-da-topic="\d+" role="group" aria-labelledby="da-topic-h-([a-z_]+)"', page)
    assert topics[0] == "cost"
    assert sorted(topics) == sorted(t.id for t in content.wording.deck_topics)
    assert page.count('class="da-deck-panel"') == len(topics)
    assert page.count(" hidden>") == len(topics) - 1, "one topic shows at a time"


def test_a_pregnancy_answer_never_reorders_the_deck_on_a_shared_screen(content: Content) -> None:
    comparison = build_comparison(content, parse_answers(content, {"pregnant_or_breastfeeding": "yes"}))
    assert present(comparison, Audience.screen(False)).deck[0].id == "safety"
    assert present(comparison, Audience.screen(True)).deck[0].id != "safety"
