"""Screen-share privacy, the tab's copy, resume codes and the chart note, driven in-process with AppTest."""

from __future__ import annotations

import dataclasses
import json
import re
import tomllib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from decision_aid import resume
from decision_aid.answers import parse_answers
from decision_aid.handout.settings import Plan
from decision_aid.models import PREFER_NOT_TO_SAY, Content
from decision_aid.ui import nav, note_panel, page_script, persist, resume_panel, shell, state
from decision_aid.ui.text import h

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
SIDE = "side_effects_avoid"
NAME = "Zebediah Quill"


def open_app(shared: bool = False) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    if shared:
        at.button(key="mode_clinician").click().run()
    return at


def go(at: AppTest, page: nav.PageSpec) -> AppTest:
    return at.switch_page(page.path).run()


def step_index(content: Content, step_id: str) -> int:
    return next(i for i, s in enumerate(content.questionnaire.steps) if s.id == step_id)


def step_to(at: AppTest, index: int) -> None:
    at.session_state[state.STEP] = index
    go(at, nav.QUESTIONS)


def page_words(at: AppTest) -> str:
    """Everything drawn as text or as a widget label, to look for words that must not be on screen."""
    parts = [e.value for kind in ("markdown", "caption", "info", "success", "warning", "error", "text", "code")
             for e in getattr(at, kind)]
    parts += [e.value for e in at.html]
    parts += [e.label for kind in ("checkbox", "radio", "toggle", "text_input") for e in getattr(at, kind)]
    # Markdown escapes ("\\,") are undone, so sentences can be looked for as written.
    return re.sub(r"\\([^\w\s])", r"\1", "\n".join(str(p) for p in parts))


def tab_data(at: AppTest) -> dict[str, object]:
    store = next(e for e in at.get("bidi_component") if e.key == page_script.KEY)
    return json.loads(store.proto.json)


def no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


# --- screen-share mode --------------------------------------------------------------


def test_the_show_health_switch_turns_itself_off_when_the_page_changes(content: Content) -> None:
    at = open_app(shared=True)
    at.session_state[state.ANSWERS] = {"metal_in_head": "yes"}
    go(at, nav.COMPARE)
    point = h(next(r.text for r in content.rules if r.question == "metal_in_head" and r.option == "rtms"))
    at.toggle(key="w_reveal_compare").set_value(True).run()
    assert point in page_words(at)
    go(at, nav.TIMELINE)
    go(at, nav.COMPARE)
    no_exception(at)
    assert at.toggle(key="w_reveal_compare").value is False
    assert point not in page_words(at)


def test_a_private_choice_is_answered_privately_and_then_shows_only_neutral_words(content: Content) -> None:
    question = content.questionnaire.questions[SIDE]
    sexual = next(c for c in question.choices if c.shared_label)
    at = open_app(shared=True)
    step_to(at, step_index(content, "matters"))
    with pytest.raises(KeyError):
        at.checkbox(key=state.choice_key(SIDE, sexual.value))
    assert sexual.label not in page_words(at)
    assert "1 choice is private" in page_words(at)

    at.button(key="private_ask").click().run()
    at.button(key="private_yes").click().run()
    at.checkbox(key=state.choice_key(SIDE, sexual.value)).check().run()
    at.button(key="private_done").click().run()
    no_exception(at)
    words = page_words(at)
    assert sexual.label not in words
    assert f"Chosen privately: {sexual.shared_label}" in words
    assert "So far you answered 1 of 1" in words

    other = next(c.value for c in question.choices if not c.shared_label)
    at.checkbox(key=state.choice_key(SIDE, other)).check().run()
    assert at.session_state[state.ANSWERS][SIDE] == [sexual.value, other], "a public tick keeps the private one"
    at.checkbox(key=state.choice_key(SIDE, PREFER_NOT_TO_SAY)).check().run()
    assert at.session_state[state.ANSWERS][SIDE] == [PREFER_NOT_TO_SAY], "'Prefer not to say' clears the private one too"


def test_the_private_step_closes_when_the_person_moves_on(content: Content) -> None:
    at = open_app(shared=True)
    step_to(at, step_index(content, "health"))
    at.button(key="private_ask").click().run()
    at.button(key="private_yes").click().run()
    assert at.radio(key=state.question_key("metal_in_head"))
    at.button(key="step_next").click().run()
    at.button(key="step_back").click().run()
    with pytest.raises(KeyError):
        at.radio(key=state.question_key("metal_in_head"))
    at.button(key="private_ask").click().run()
    at.button(key="private_yes").click().run()
    go(at, nav.ABOUT)
    go(at, nav.QUESTIONS)
    with pytest.raises(KeyError):
        at.radio(key=state.question_key("metal_in_head"))


def test_readiness_answers_are_not_shown_on_a_shared_screen(content: Content) -> None:
    at = open_app(shared=True)
    step_to(at, len(content.questionnaire.steps))
    item = content.questionnaire.readiness[0]
    with pytest.raises(KeyError):
        at.radio(key=state.readiness_key(item.id))
    assert item.question in page_words(at), "the questions can still be talked through"
    at.button(key="private_ask").click().run()
    at.button(key="private_yes").click().run()
    at.radio(key=state.readiness_key(item.id)).set_value("no").run()
    assert item.if_no.split(".")[0] in page_words(at)
    at.button(key="private_done").click().run()
    assert item.if_no.split(".")[0] not in page_words(at)
    assert "So far you answered 1 of 4" in page_words(at)
    assert at.session_state[state.READINESS] == {item.id: "no"}


def test_on_the_own_screen_nothing_is_private(content: Content) -> None:
    at = open_app()
    step_to(at, step_index(content, "health"))
    assert at.radio(key=state.question_key("metal_in_head"))
    with pytest.raises(KeyError):
        at.button(key="private_ask")


def test_a_typed_name_and_notes_are_masked_and_not_echoed_on_a_shared_screen() -> None:
    at = open_app(shared=True)
    at.session_state[state.NAME] = NAME
    at.session_state[state.NOTES] = "ask about the blue pills"
    go(at, nav.HANDOUT)
    no_exception(at)
    assert at.text_input(key="w_name").proto.type == at.text_input(key="w_name").proto.PASSWORD
    assert all(NAME not in t.value and "blue pills" not in t.value for t in at.text)
    at.toggle(key="w_share").set_value(False).run()
    assert any(NAME in t.value for t in at.text), "on one's own screen the name is shown back"


# --- chart note -----------------------------------------------------------------------


def test_the_chart_note_is_copyable_and_never_holds_the_name() -> None:
    at = open_app()
    at.session_state[state.ANSWERS] = {"speed": "very", "metal_in_head": "yes"}
    at.session_state[state.NAME] = NAME
    go(at, nav.HANDOUT)
    note = next(c.value for c in at.code if "Shared decision-making note" in c.value)
    assert NAME not in note
    assert "How important is it to you to feel some relief quickly" in note
    assert "Is there any metal" not in note
    at.checkbox(key="w_note_health").check().run()
    at.text_input(key="w_plan_decision").input("Try exercise first").run()
    at.text_input(key="w_plan_next_visit").input("June 3").run()
    note = next(c.value for c in at.code if "Shared decision-making note" in c.value)
    assert "Is there any metal or an implanted device in or near your head? Yes" in note
    assert "Decision: Try exercise first" in note
    assert "Follow-up: Next visit: June 3" in note


def test_the_chart_note_is_not_drawn_on_a_shared_screen() -> None:
    at = open_app(shared=True)
    at.session_state[state.ANSWERS] = {"speed": "very"}
    go(at, nav.HANDOUT)
    no_exception(at)
    assert not any("Shared decision-making note" in c.value for c in at.code)
    assert note_panel.HIDDEN in page_words(at)


# --- resume code ------------------------------------------------------------------------


def make_code(at: AppTest, with_health: bool) -> str:
    go(at, nav.START)
    if with_health:
        at.checkbox(key=resume_panel.HEALTH).check().run()
    at.toggle(key=resume_panel.SHOW).set_value(True).run()
    return at.code[0].value


def use_code(at: AppTest, code: str, where: str = "start") -> None:
    at.text_input(key=f"w_code_in_{where}").input(code).run()
    at.button(key=f"code_use_{where}").click().run()


ANSWERS = {"speed": "very", SIDE: ["sexual"], "metal_in_head": "yes"}


@pytest.mark.parametrize("with_health", [False, True])
def test_a_resume_code_carries_the_answers_to_a_fresh_session(content: Content, with_health: bool) -> None:
    first = open_app()
    first.session_state[state.ANSWERS] = ANSWERS
    first.session_state[state.READINESS] = {"sure": "no"}
    code = make_code(first, with_health)
    assert code == resume.encode(content, parse_answers(content, {**ANSWERS, "readiness": {"sure": "no"}}), with_health)

    second = open_app()
    use_code(second, code)
    no_exception(second)
    assert any("added from your code" in s.value for s in second.success)
    expected = dict(ANSWERS) if with_health else {k: v for k, v in ANSWERS.items() if k != "metal_in_head"}
    assert second.session_state[state.ANSWERS] == expected
    assert second.session_state[state.READINESS] == {"sure": "no"}


def test_a_tampered_code_is_refused_with_a_plain_message_and_changes_nothing(content: Content) -> None:
    code = resume.encode(content, parse_answers(content, ANSWERS), False)
    tampered = code[:-1] + ("A" if code[-1] != "A" else "B")
    at = open_app()
    at.session_state[state.ANSWERS] = {"cost": "a_lot"}
    go(at, nav.START)
    use_code(at, tampered)
    assert [e.value for e in at.error] == [resume.CHECK_MESSAGE]
    assert at.session_state[state.ANSWERS] == {"cost": "a_lot"}


def test_code_answers_join_the_answers_already_given(content: Content) -> None:
    code = resume.encode(content, parse_answers(content, {"metal_in_head": "no", "speed": "very"}), True)
    at = open_app()
    at.session_state[state.ANSWERS] = {"cost": "a_lot", "speed": "somewhat"}
    go(at, nav.START)
    use_code(at, code)
    assert at.session_state[state.ANSWERS] == {"cost": "a_lot", "speed": "very", "metal_in_head": "no"}


def test_on_a_shared_screen_the_code_is_not_shown_and_is_typed_masked(content: Content) -> None:
    at = open_app(shared=True)
    at.session_state[state.ANSWERS] = ANSWERS
    go(at, nav.START)
    assert not at.code
    assert resume_panel.HIDDEN_WHILE_SHARED in page_words(at)
    box = at.text_input(key="w_code_in_start")
    assert box.proto.type == box.proto.PASSWORD


def test_health_answers_can_be_brought_in_on_the_health_step_without_showing_the_questions(content: Content) -> None:
    code = resume.encode(content, parse_answers(content, {"metal_in_head": "yes", "seizure_history": "no"}), True)
    at = open_app(shared=True)
    step_to(at, step_index(content, "health"))
    use_code(at, code, where="health")
    no_exception(at)
    words = page_words(at)
    assert "So far you answered 2 of 11" in words
    assert not any(q.text in words for q in content.questionnaire.questions.values() if q.health)
    assert at.session_state[state.ANSWERS] == {"metal_in_head": "yes", "seizure_history": "no"}


# --- the tab's copy -------------------------------------------------------------------------


def test_a_new_session_tells_the_tab_it_has_not_heard_from_it_so_the_tab_keeps_its_copy() -> None:
    """The tab only replaces a copy another session wrote once this session has taken it back (see the browser tests)."""
    at = open_app()
    data = tab_data(at)
    assert data["restored"] is False
    assert data["copy"] == ""
    session = data["session"]
    go(at, nav.ABOUT)
    assert tab_data(at)["session"] == session, "one token for the whole session"
    assert open_app().session_state[state.TAB_SESSION] != session, "another session has another token"


def test_the_tab_gets_a_copy_of_each_change_and_an_empty_one_after_start_over(content: Content) -> None:
    at = open_app()
    at.session_state[state.ANSWERS] = {"speed": "very"}
    at.session_state[state.NAME] = NAME
    go(at, nav.HANDOUT)
    at.text_input(key="w_plan_decision").input("Not yet").run()
    data = tab_data(at)
    kept = json.loads(str(data["copy"]))
    assert kept["answers"] == {"speed": "very"} and kept["name"] == NAME and kept["plan_decision"] == "Not yet"
    assert "pdf" not in str(data["copy"]).lower()

    at.button(key="reset_ask").click().run()
    at.button(key="reset_yes").click().run()
    no_exception(at)
    data = tab_data(at)
    assert data["copy"] == ""
    assert data["restored"] is True, "after Start over the tab's copy is removed, never sent back"


def test_a_restore_notice_shows_once_at_the_top_until_the_page_changes() -> None:
    at = open_app()
    at.session_state[state.TAB_NOTICE] = persist.LOST
    at.run()
    assert [w.value for w in at.warning] == [persist.LOST]
    go(at, nav.ABOUT)
    assert persist.LOST not in [w.value for w in at.warning]


ADDRESS_USES = {
    "st.query_params.clear()",
    "st.page_link(page, label=label or spec.title, icon=spec.icon, query_params=address_params(spec))",
    "st.switch_page(page.path, query_params=address_params(page))",
    "st.query_params[STEP_PARAM] = str(step + 1)",
    'raw = st.query_params.get(STEP_PARAM, "")',
}
"""The only uses of the page address: the questionnaire's step number, so the browser's Back retraces the steps."""


def test_nothing_but_the_questionnaire_step_goes_in_the_address() -> None:
    sources = [*(ROOT / "decision_aid" / "ui").rglob("*.py"), ROOT / "app.py"]
    uses = {
        line.split("#")[0].strip()
        for path in sources
        for line in path.read_text(encoding="utf-8").splitlines()
        if "query_params" in line
    }
    assert uses == ADDRESS_USES
    assert nav.address_params(nav.COMPARE) is None
    source = "\n".join(p.read_text(encoding="utf-8") for p in sources)
    assert not re.search(r"bind\s*=", source)


def test_the_only_mark_after_a_hash_is_an_option_id_from_an_early_more_click(content: Content) -> None:
    """An option id from the content, never an answer; the page script takes it out of the address again."""
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "decision_aid" / "ui").rglob("*.py"))
    assert set(re.findall(r'href="#([^"]*)"', sources)) == {"{EARLY_OPEN}{h(o.id)}"}
    assert sources.count("location.hash") == 1, "the script reads the address's hash in one place only"
    at = open_app()
    go(at, nav.COMPARE)
    marks = set(re.findall(r'href="#([^"]*)"', "".join(e.value for e in at.html)))
    assert marks and marks <= {f"da-open-{option_id}" for option_id in content.options}


def test_an_html_action_naming_no_option_is_ignored(content: Content, monkeypatch: pytest.MonkeyPatch) -> None:
    """The id may come from the address, so only the content's own options are opened."""
    opened: list[str] = []
    monkeypatch.setattr(shell, "get_content", lambda: content)
    monkeypatch.setattr(state, "open_option", opened.append)
    monkeypatch.setattr(nav, "go", lambda page: None)
    for action in ("open:<script>", "open:", "open:rtms/../x", "close:rtms", "open:rtms"):
        shell._on_action(action)
    assert opened == ["rtms"]


def test_the_questionnaire_address_holds_the_step_number_and_nothing_else() -> None:
    at = open_app()
    at.switch_page(nav.QUESTIONS.path).run()
    at.session_state[state.ANSWERS] = {"speed": "very"}
    at.button(key="step_next").click().run()
    assert dict(at.query_params) == {"step": ["2"]} or dict(at.query_params) == {"step": "2"}


def test_the_tab_keeps_every_field_of_the_handout_plan() -> None:
    assert tuple(f.name for f in dataclasses.fields(Plan)) == state.PLAN_FIELDS


def test_when_the_browser_keeps_no_copy_the_person_is_told_a_reload_would_clear_the_answers() -> None:
    at = open_app()
    at.session_state[state.TAB_RESTORED] = True
    at.session_state[state.TAB_STORAGE] = "unavailable"
    at.run()
    assert persist.NO_STORAGE not in page_words(at), "nothing to lose yet, nothing to say"
    at.session_state[state.ANSWERS] = {"speed": "very"}
    at.run()
    assert persist.NO_STORAGE in page_words(at)


def test_the_server_log_level_never_records_answers_or_file_ids() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["logger"]["level"] in ("warning", "error")
