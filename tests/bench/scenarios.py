"""What the simulated people do on a live server: answer the questionnaire, compare, look at the timeline.

Everything goes through the widgets, by key, as a person's clicks would, so
the server runs the same callbacks and reruns it runs for a browser: "On my
own" on Start, each questionnaire step with Next, "See the options side by
side" at the readiness check, the Compare page's order and view controls and
its "More" buttons, the page links, and the handout's download.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Mapping, Sequence

from decision_aid.loader import load_content
from decision_aid.models import Step
from decision_aid.ui import nav, state
from decision_aid.ui.pages.compare import ORDER_LABELS, VIEW_LABELS

from .engine_bench import BUSY_ANSWERS
from .protocol import Download, Session

ORDER_KEY = "w_order"
VIEW_KEY = "w_view"
ACTIONS_KEY = "da_page"
DOWNLOAD_KEY = "download_pdf"
DEFAULT_ORDER, BY_WHAT_MATTERS = "default", "what_matters"


@functools.cache
def _steps() -> tuple[Step, ...]:
    """Loaded once: loading blocks the event loop every simulated person shares."""
    return tuple(load_content().questionnaire.steps)


async def answer_questionnaire(session: Session, answers: Mapping[str, str | Sequence[str]]) -> None:
    """From Start: "On my own", each step's answers with Next, then "See the options side by side" (Compare)."""
    await session.click("mode_own")
    for step in _steps():
        for question in step.questions:
            value = answers.get(question.id)
            if value is None:
                continue
            if question.kind == "single":
                await session.choose(state.question_key(question.id), state.choice_values(question).index(str(value)))
            else:
                for chosen in value:
                    await session.check(state.choice_key(question.id, chosen), True)
        await session.click("step_next")
    await session.click("step_done")  # the readiness check is optional: straight on to Compare


async def busy_person(url: str) -> Session:
    """A session holding the benchmark's busy answers (the Compare page's heaviest everyday state), on Compare."""
    session = await Session.open(url)
    await answer_questionnaire(session, BUSY_ANSWERS)
    return session


async def short_visit(url: str) -> None:
    """A brief visit: one answer, the comparison, the timeline, the handout and its PDF; then the tab is closed."""
    session = await Session.open(url)
    try:
        await session.click("mode_own")
        await session.choose(state.question_key(_steps()[0].questions[0].id), 0)
        await session.goto(nav.COMPARE.url)
        await session.goto(nav.TIMELINE.url)
        await session.goto(nav.HANDOUT.url)
        await download_handout(session)
    finally:
        await session.close()


async def portable_person(url: str) -> Session:
    """Any build's questionnaire answered the same way, on Compare: for a same-run comparison with an older build.

    "On my own", the first choice of every one-choice question on each step,
    Next until the step that ends the questionnaire, then on to the comparison.
    Only keys every build since the first has had are used.
    """
    session = await Session.open(url)
    await session.click("mode_own")
    while not session.has("step_done"):
        for key in _question_radios(session):
            await session.choose(key, 0)
        await session.click("step_next")
    await session.click("step_done")
    return session


def _question_radios(session: Session) -> list[str]:
    return [k for k, (kind, _, _) in session.widgets.items() if kind == "radio" and k.startswith("q_")]


async def to_question_step(session: Session) -> None:
    """On What matters: from the readiness check (it has no questions), Back to the last step that has some."""
    if not _question_radios(session):
        await session.click("step_back")


async def to_readiness(session: Session) -> None:
    """On What matters: Next until the readiness check, the step that ends the questionnaire."""
    while not session.has("step_done"):
        await session.click("step_next")


async def answer_again(session: Session) -> None:
    """Change the first single-choice answer on the questionnaire step on screen (between its first two choices).

    Its first time, a person who left from the readiness check goes Back a step first.
    """
    await to_question_step(session)
    await _toggle(session, _question_radios(session)[0])


async def change_order(session: Session) -> None:
    await _toggle(session, ORDER_KEY)


async def change_view(session: Session) -> None:
    """Between the Compare page's first two views, whatever a build calls them."""
    await _toggle(session, VIEW_KEY)


async def set_order(session: Session, ordering: str) -> None:
    """On the Compare page: choose the order unless it is already the one on screen."""
    await _set(session, ORDER_KEY, ORDER_LABELS[ordering])


async def show(session: Session, view: str) -> None:
    """On the Compare page: show key facts, full details, one topic at a time or one option."""
    await _set(session, VIEW_KEY, VIEW_LABELS[view])


async def open_option(session: Session) -> None:
    """On the key facts: the first "More" button, which shows that option's full card."""
    more = [a for a in session.html_actions if a.startswith("open:")]
    if not more:
        raise RuntimeError("no \"More\" button on the Compare page's key facts")
    await session.press_html(ACTIONS_KEY, more[0])


async def download_handout(session: Session) -> Download:
    """On the Handout page: the download button, whose PDF is made on the click."""
    download = await session.download(DOWNLOAD_KEY)
    if not download.body.startswith(b"%PDF"):
        raise RuntimeError("the handout download is not a PDF")
    return download


async def _set(session: Session, key: str, label: str) -> None:
    if session.chosen(key) != label:
        await session.choose(key, session.labels(key).index(label))


async def _toggle(session: Session, key: str) -> None:
    on_first = session.chosen(key) == session.labels(key)[0]
    await session.choose(key, 1 if on_first else 0)


def _open(page: nav.PageSpec) -> Callable[[Session], Awaitable[object]]:
    async def go(session: Session) -> object:
        return await session.goto(page.url)

    return go


def _show(view: str) -> Callable[[Session], Awaitable[object]]:
    return functools.partial(show, view=view)


Action = tuple[str, Callable[[Session], Awaitable[object]]]

CYCLE: tuple[Action, ...] = (
    ("open Compare", _open(nav.COMPARE)),
    ("change the order", change_order),
    ("open an option (More)", open_option),
    ("one topic at a time", _show(state.VIEW_DECK)),
    ("full details", _show(state.VIEW_DETAILS)),
    ("key facts", _show(state.VIEW_OVERVIEW)),
    ("open Timeline", _open(nav.TIMELINE)),
    ("open What matters", _open(nav.QUESTIONS)),
    ("answer a question", answer_again),
    ("open Handout", _open(nav.HANDOUT)),
)
"""One person's loop under load: each action is one rerun a click causes (the PDF is measured on its own)."""


PORTABLE_CYCLE: tuple[Action, ...] = (
    ("open Compare", _open(nav.COMPARE)),
    ("change the order", change_order),
    ("change the view", change_view),
    ("change the view back", change_view),
    ("open Timeline", _open(nav.TIMELINE)),
    ("open What matters", _open(nav.QUESTIONS)),
    ("answer a question", answer_again),
    ("open Handout", _open(nav.HANDOUT)),
)
"""The same loop with only what every build has had (its pages, the order and view controls, the questions):
for a same-run comparison with an older build, which draws its own views and has no "More" buttons."""


async def run_cycle(session: Session, cycle: Sequence[Action] = CYCLE) -> None:
    for _, action in cycle:
        await action(session)
