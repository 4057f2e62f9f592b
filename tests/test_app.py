"""The Streamlit app driven in-process with AppTest: pages, the questionnaire, state and privacy."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
import textstat

from decision_aid.answers import Answers, parse_answers
from decision_aid.engine import build_comparison
from decision_aid.models import PREFER_NOT_TO_SAY, Content
from decision_aid.ui import nav, state
from decision_aid.ui.content import CONTENT_DIR_ENV
from decision_aid.ui.pages import start as start_page
from decision_aid.ui.text import h, md

from .apptest import CONTENT, MATTERS_STEP, ROOT, go, html_text, no_exception, open_app, step_to


@pytest.mark.parametrize("page", nav.ALL, ids=[p.url for p in nav.ALL])
def test_every_page_opens_without_an_exception(page: nav.PageSpec) -> None:
    at = go(open_app(), page)
    no_exception(at)
    assert at.title, "each page has a title"
    crisis = html_text(at)
    assert 'href="tel:988"' in crisis and 'href="tel:911"' in crisis, "crisis help shows on every page"
    assert at.button(key="reset_ask"), "Start over is on every page"


@pytest.mark.parametrize("page", nav.ALL, ids=[p.url for p in nav.ALL])
def test_every_page_opens_in_screen_share_mode(page: nav.PageSpec) -> None:
    at = open_app()
    at.button(key="mode_clinician").click().run()
    no_exception(at)
    go(at, page)
    no_exception(at)
    assert "font-size: 20px" in html_text(at), "screen-share mode enlarges the type"


def test_start_page_says_what_the_tool_is_not(content: Content) -> None:
    at = open_app()
    text = " ".join(m.value for m in at.markdown)
    assert "does not diagnose" in text
    assert "not for emergencies" in text
    assert not re.search(r"\bbest\b|we recommend", text, re.IGNORECASE)


def test_choosing_with_my_clinician_turns_on_screen_share_and_opens_the_questions() -> None:
    at = open_app()
    at.button(key="mode_clinician").click().run()
    no_exception(at)
    assert at.session_state[state.SHARE] is True
    assert at.title[0].value == "What matters to you"


def test_questionnaire_can_be_walked_end_to_end(content: Content) -> None:
    at = open_app()
    at.button(key="mode_own").click().run()
    steps = content.questionnaire.steps
    for i, step in enumerate(steps):
        assert f"Step {i + 1} of {len(steps) + 1}" in at.get("progress")[0].proto.text
        for question in step.questions:
            first = question.choices[0].value
            if question.kind == "single":
                at.radio(key=state.question_key(question.id)).set_value(first)
            else:
                at.checkbox(key=state.choice_key(question.id, first)).check()
        at.run()
        no_exception(at)
        at.button(key="step_next").click().run()
    assert f"Step {len(steps) + 1} of {len(steps) + 1}" in at.get("progress")[0].proto.text
    item = content.questionnaire.readiness[0]
    at.radio(key=state.readiness_key(item.id)).set_value("no").run()
    assert any(item.if_no.split()[0] in i.value for i in at.info), "a 'no' shows its help"
    at.button(key="step_done").click().run()
    no_exception(at)
    assert at.title[0].value == "Compare options"
    answered = at.session_state[state.ANSWERS]
    assert set(answered) == set(content.questionnaire.questions)
    assert at.session_state[state.READINESS] == {item.id: "no"}


def test_every_question_offers_prefer_not_to_say(content: Content) -> None:
    at = open_app()
    go(at, nav.QUESTIONS)
    for i, step in enumerate(content.questionnaire.steps):
        step_to(at, i)
        for question in step.questions:
            if question.kind == "single":
                assert "Prefer not to say" in at.radio(key=state.question_key(question.id)).options
            else:
                assert at.checkbox(key=state.choice_key(question.id, PREFER_NOT_TO_SAY)).label == "Prefer not to say"


def test_prefer_not_to_say_clears_other_choices_of_a_multi_question(content: Content) -> None:
    question = next(q for q in content.questionnaire.questions.values() if q.kind == "multi")
    at = go(open_app(), nav.QUESTIONS)
    step_to(at, MATTERS_STEP)
    at.checkbox(key=state.choice_key(question.id, question.choices[0].value)).check().run()
    at.checkbox(key=state.choice_key(question.id, PREFER_NOT_TO_SAY)).check().run()
    assert at.session_state[state.ANSWERS][question.id] == [PREFER_NOT_TO_SAY]
    assert not at.checkbox(key=state.choice_key(question.id, question.choices[0].value)).value


def test_answers_are_kept_when_moving_between_pages() -> None:
    at = go(open_app(), nav.QUESTIONS)
    step_to(at, MATTERS_STEP)
    at.radio(key=state.question_key("speed")).set_value("very").run()
    go(at, nav.COMPARE)
    go(at, nav.QUESTIONS)
    assert at.radio(key=state.question_key("speed")).value == "very"
    at.button(key="step_next").click().run()
    at.button(key="step_back").click().run()
    assert at.radio(key=state.question_key("speed")).value == "very"


def test_start_over_clears_answers() -> None:
    at = go(open_app(), nav.QUESTIONS)
    step_to(at, MATTERS_STEP)
    at.radio(key=state.question_key("speed")).set_value("very").run()
    go(at, nav.HANDOUT)
    at.text_input(key="w_name").input("Sam").run()
    at.button(key="reset_ask").click().run()
    assert at.button(key="reset_yes"), "Start over asks for confirmation first"
    at.button(key="reset_yes").click().run()
    no_exception(at)
    assert at.title[0].value == "Thinking about treatment for depression"
    assert any("cleared" in s.value for s in at.success)
    for key in (state.ANSWERS, state.NAME, "w_name", state.question_key("speed")):
        assert key not in at.session_state or not at.session_state[key]
    go(at, nav.QUESTIONS)
    step_to(at, MATTERS_STEP)
    assert at.radio(key=state.question_key("speed")).value is None


def test_start_over_can_be_cancelled() -> None:
    at = go(open_app(), nav.QUESTIONS)
    step_to(at, MATTERS_STEP)
    at.radio(key=state.question_key("speed")).set_value("very").run()
    at.button(key="reset_ask").click().run()
    at.button(key="reset_no").click().run()
    assert at.session_state[state.ANSWERS] == {"speed": "very"}


def test_timeline_charts_have_text_alternatives() -> None:
    at = go(open_app(), nav.TIMELINE)
    no_exception(at)
    assert len(at.get("plotly_chart")) == 2
    text = html_text(at)
    for row in build_comparison(CONTENT, Answers(), CONTENT.ordering.default_stage.selected).onset_rows:
        assert h(row.text) in text, "each chart row is also said in words"
    assert "visits in the first 8 weeks" in text


def test_handout_is_made_only_when_downloaded_and_never_kept_in_the_session(monkeypatch: pytest.MonkeyPatch) -> None:
    from decision_aid.handout import HandoutSettings
    from decision_aid.ui.pages import handout as handout_page

    at = go(open_app(), nav.HANDOUT)
    no_exception(at)
    [button] = at.get("download_button")
    assert button.proto.deferred_file_id, "the PDF is made when the person clicks, not on every rerun"
    assert state.PDF not in at.session_state, "no copy of the PDF is kept in the session"

    expiries: list[float] = []

    class Timer:
        def __init__(self, delay: float, action: object) -> None:
            expiries.append(delay)
            self.daemon = False

        def start(self) -> None:
            pass

    from decision_aid.ui import served_files

    monkeypatch.setattr(served_files.threading, "Timer", Timer)
    comparison = build_comparison(CONTENT, parse_answers(CONTENT, {}))
    pdf = handout_page._pdf_maker(comparison, HandoutSettings(name="Sam"))()
    assert pdf.startswith(b"%PDF")
    assert len(expiries) == 1 and handout_page.PDF_LIFETIME_S <= expiries[0] < 30, "each download schedules its removal"


def test_handout_page_names_what_cannot_be_printed_and_counts_typed_text() -> None:
    at = go(open_app(), nav.HANDOUT)
    at.text_input(key="w_name").input("Zoë 😀").run()
    assert any("cannot be printed" in w.value for w in at.warning)
    assert any("Grinning face" in t.value for t in at.text)
    assert any("of 120 characters used" in c.value for c in at.caption)
    at.text_input(key="w_name").input("x" * 130).run()
    assert any("10 characters over the limit of 120" in e.value for e in at.error), "a long paste is not dropped silently"
    assert at.session_state[state.NAME] == "x" * 130


def test_health_points_left_off_are_counted_with_one_click_to_add_them(content: Content) -> None:
    at = open_app()
    at.session_state[state.ANSWERS] = {"seizure_history": "yes", "speed": "very"}
    go(at, nav.HANDOUT)
    assert any("based on your health answers" in i.value and "not printed" in i.value for i in at.info)
    at.button(key="add_health").click().run()
    assert at.checkbox(key="w_health").value is True
    assert not any("not printed" in i.value for i in at.info)


def test_handout_contents_count_only_the_points_it_will_print(content: Content) -> None:
    """Points from health answers are left off the PDF by default, so the count must leave them out too."""
    raw = {"speed": "very", "seizure_history": "yes"}
    points = [p for v in build_comparison(content, parse_answers(content, raw)).options for p in v.points]
    health = sum(1 for p in points if content.questionnaire.questions[p.question_id].health)
    assert 0 < health < len(points)
    at = open_app()
    at.session_state[state.ANSWERS] = raw
    go(at, nav.HANDOUT)
    no_exception(at)
    contents = " ".join(m.value for m in at.markdown)
    assert f"\\({len(points) - health} raised by your answers" in contents
    at.checkbox(key="w_health").check().run()
    contents = " ".join(m.value for m in at.markdown)
    assert f"\\({len(points)} raised by your answers" in contents

def test_typed_name_is_shown_as_plain_text_only() -> None:
    typed = "**Sam** <img src=x onerror=alert(1)>"
    at = go(open_app(), nav.HANDOUT)
    at.text_input(key="w_name").input(typed).run()
    assert any(t.value == typed for t in at.text), "shown with st.text"
    assert not any(typed in m.value for m in at.markdown)
    assert "onerror" not in html_text(at)


def test_about_page_lists_sources_with_review_dates(content: Content) -> None:
    at = go(open_app(), nav.ABOUT)
    text = html_text(at)
    for option_id in CONTENT.option_ids:
        assert content.options[option_id].review.last_reviewed.isoformat() in text
    for word in ("very common", "rare"):
        assert word in text
    assert md(content.other.treatments[0].name) in [s.value for s in at.subheader]


def test_bad_content_shows_readable_problems_instead_of_a_traceback(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (content_copy / "about.yaml").write_text("content_version: 1\n", encoding="utf-8")
    monkeypatch.setenv(CONTENT_DIR_ENV, str(content_copy))
    at = open_app()
    no_exception(at)
    assert at.error, "a calm error message"
    lines = at.text[0].value
    assert "about.yaml: content_version:" in lines
    assert 'href="tel:988"' in html_text(at), "crisis help still shows"


def test_widget_labels_from_content_hold_no_markdown_characters(content: Content) -> None:
    """Labels are passed unescaped (they double as accessible names), so content must keep them plain."""
    labels = [q.text for q in content.questionnaire.questions.values()]
    labels += [c.label for q in content.questionnaire.questions.values() for c in q.choices]
    labels += [r.question for r in content.questionnaire.readiness]
    labels += [o.short_name for o in content.options.values()]
    for text in labels:
        assert not re.search(r"[*_`$\\\[\]<>#~|]", text), text


def test_fixed_ui_wording_is_plain_and_never_directive() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "decision_aid" / "ui").rglob("*.py"))
    assert not re.search(r"\bbest\b|we recommend|you have\b", source, re.IGNORECASE)
    for text in start_page.start_lines(CONTENT, [*CONTENT.wording.start_does, *CONTENT.wording.start_does_not]):
        assert textstat.flesch_kincaid_grade(text) <= 10, text


def test_no_answer_derived_data_is_cached_or_written() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "decision_aid" / "ui").rglob("*.py"))
    source += (ROOT / "app.py").read_text(encoding="utf-8")
    assert "cache_data" not in source
    assert not re.search(r"\bopen\(|write_text|write_bytes|logging\.", source)


def test_streamlit_config_keeps_answers_private_and_the_server_quiet() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert config["browser"]["serverAddress"], "a set address stops the start-up public-IP lookup"
    assert config["client"]["showErrorDetails"] == "none"
    assert config["server"]["enableXsrfProtection"] is True


def test_the_step_change_script_survives_streamlits_html_sanitizer() -> None:
    """DOMPurify drops a script whose text has "<" before a letter or digit; the focus move would then never run."""
    import re

    from decision_aid.ui import scroll

    assert not re.search(r"<[/\w]", scroll.SCRIPT)
    assert scroll.STEP_HEADING_ID in scroll.SCRIPT


def _names_in_drawing_order(spec: str, names: list[str]) -> list[str]:
    return sorted(names, key=lambda name: spec.index(json.dumps(name)[1:-1]))


def test_timeline_charts_follow_the_order_chosen_on_compare_after_the_answers_change() -> None:
    """The session keeps the figures it drew; a new order from new answers must draw them again."""
    at = go(open_app(), nav.TIMELINE)
    at.session_state[state.ORDERING] = "what_matters"
    selected = list(CONTENT.ordering.default_stage.selected)
    orders = []
    for speed in ("not_much", "very"):
        at.session_state[state.ANSWERS] = {"speed": speed}
        go(at, nav.TIMELINE)
        no_exception(at)
        rows = build_comparison(CONTENT, parse_answers(CONTENT, {"speed": speed}), selected, "what_matters").onset_rows
        names = [row.name for row in rows]
        for chart in at.get("plotly_chart"):
            assert _names_in_drawing_order(chart.proto.spec, names) == names, speed
        orders.append(names)
    assert orders[0] != orders[1], "the two answers must give two orders, or this test shows nothing"
