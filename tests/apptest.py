"""Helpers for driving the app in-process with AppTest."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block

from decision_aid.loader import load_content
from decision_aid.models import Content
from decision_aid.ui import nav, state

CONTENT = load_content()
MATTERS_STEP = next(i for i, s in enumerate(CONTENT.questionnaire.steps) if s.id == "matters")
ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
TIMEOUT = 60


def open_app() -> AppTest:
    return AppTest.from_file(APP, default_timeout=TIMEOUT).run()


def go(at: AppTest, page: nav.PageSpec) -> AppTest:
    return at.switch_page(page.path).run()


def no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def html_text(node: AppTest | Block) -> str:
    return "\n".join(e.value for e in node.html)


def step_to(at: AppTest, index: int) -> None:
    """Walk the questionnaire forward with Next until step ``index`` (0-based)."""
    while int(at.session_state[state.STEP]) < index if state.STEP in at.session_state else index > 0:
        at.button(key="step_next").click().run()


def rule_text(content: Content, question: str, option: str, answer: str) -> str:
    return next(r.text for r in content.rules if r.question == question and r.option == option and answer in r.when)


def answer(at: AppTest, content: Content, question_id: str, value: str) -> None:
    """Answer one single-choice question on its own step of the questionnaire."""
    go(at, nav.QUESTIONS)
    index = next(i for i, s in enumerate(content.questionnaire.steps) if any(q.id == question_id for q in s.questions))
    step_to(at, index)
    at.radio(key=state.question_key(question_id)).set_value(value).run()
