"""What the simulated people do on a live server: answer the questionnaire, compare, look at the timeline.

Everything goes through the widgets, by key, as a person's clicks would, so
the server runs the same callbacks and reruns it runs for a browser.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Mapping, Sequence

from decision_aid.loader import load_content
from decision_aid.models import Step
from decision_aid.ui import nav, state

from .engine_bench import BUSY_ANSWERS
from .protocol import Session

ORDER_KEY = "w_order"
DEFAULT_ORDER, BY_WHAT_MATTERS = 0, 1


@functools.cache
def _steps() -> tuple[Step, ...]:
    """Loaded once: loading blocks the event loop every simulated person shares."""
    return tuple(load_content().questionnaire.steps)


async def answer_questionnaire(session: Session, answers: Mapping[str, str | Sequence[str]]) -> None:
    """From the Start page: "On my own", then each step's answers, pressing Next between steps."""
    await session.click("mode_own")
    steps = _steps()
    for number, step in enumerate(steps):
        for question in step.questions:
            value = answers.get(question.id)
            if value is None:
                continue
            if question.kind == "single":
                await session.choose(state.question_key(question.id), state.choice_values(question).index(str(value)))
            else:
                for chosen in value:
                    await session.check(state.choice_key(question.id, chosen), True)
        if number < len(steps) - 1:
            await session.click("step_next")


async def busy_person(url: str) -> Session:
    """A session holding the benchmark's busy answers (the Compare page's heaviest everyday state)."""
    session = await Session.open(url)
    await answer_questionnaire(session, BUSY_ANSWERS)
    return session


async def short_visit(url: str) -> None:
    """A brief visit: one answer, the comparison, the timeline; then the tab is closed."""
    session = await Session.open(url)
    try:
        await session.click("mode_own")
        await session.choose(state.question_key("speed"), 0)
        await session.goto(nav.COMPARE.url)
        await session.goto(nav.TIMELINE.url)
    finally:
        await session.close()


async def answer_again(session: Session) -> None:
    """Change the first single-choice answer on the questionnaire step on screen (between its first two choices)."""
    key = next(k for k, (kind, _, _) in session.widgets.items() if kind == "radio" and k.startswith("q_"))
    await _toggle(session, key)


async def change_order(session: Session) -> None:
    await _toggle(session, ORDER_KEY)


async def set_order(session: Session, index: int) -> None:
    """On the Compare page: choose the order unless it is already the one on screen."""
    _, element, _ = session.widgets[ORDER_KEY]
    current = session.values.get(element.id)
    if current is None or current.string_value != element.options[index]:
        await session.choose(ORDER_KEY, index)


async def _toggle(session: Session, key: str) -> None:
    _, element, _ = session.widgets[key]
    current = session.values.get(element.id)
    on_first = current is not None and current.string_value == element.options[0]
    await session.choose(key, 1 if on_first else 0)


def _open(page: nav.PageSpec) -> Callable[[Session], Awaitable[object]]:
    async def go(session: Session) -> object:
        return await session.goto(page.url)

    return go


Action = tuple[str, Callable[[Session], Awaitable[object]]]

CYCLE: tuple[Action, ...] = (
    ("open Compare", _open(nav.COMPARE)),
    ("change the order", change_order),
    ("open Timeline", _open(nav.TIMELINE)),
    ("open What matters", _open(nav.QUESTIONS)),
    ("answer a question", answer_again),
)
"""One person's loop under load: each action is one rerun a click causes."""


async def run_cycle(session: Session) -> None:
    for _, action in CYCLE:
        await action(session)
