"""Everything a person enters lives here, in their own browser session only.

This is the only module that touches ``st.session_state``: pages read and write
through it, so what is kept, and what "Start over" removes, is decided in one
place. Streamlit forgets a widget's value once the widget is not drawn, so
answers are kept under our own keys and widgets are re-seeded from them on
every page. Nothing is kept on disk or in a process-wide cache, and "Start
over" clears the whole session rather than a list of keys, so a key added
later cannot survive it.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar, cast

import streamlit as st

from decision_aid.answers import READINESS_KEY, Answers, AnswersError, parse_answers
from decision_aid.engine import build_comparison, default_selection, stage_for
from decision_aid.models import PREFER_NOT_TO_SAY, Content, Question
from decision_aid.presentation import Audience, Presentation, present
from decision_aid.viewmodel import Comparison, Ordering

# Stored values (our keys: Streamlit never drops these).
ANSWERS = "da_answers"
READINESS = "da_readiness"
STEP = "da_step"
STEP_ADDRESS = "da_step_address"
"""The step the page address named at the last run: a different one now means the browser moved in its history."""
SHARE = "da_share_mode"
MODE_CHOSEN = "da_mode_chosen"
REVEAL = "da_reveal_health"
SELECTED = "da_selected"
ORDERING = "da_ordering"
VIEW = "da_view"
FOCUS_OPTION = "da_focus_option"
RUN = "da_run"
PAPER = "da_paper"
LARGE_PRINT = "da_large_print"
NAME = "da_name"
NOTES = "da_notes"
INCLUDE_HEALTH = "da_include_health"
FULL_DETAIL = "da_full_detail"
PRINT_CODE = "da_print_code"
PLAN_PREFIX = "da_plan_"
"""One stored plan line a field of ``HandoutSettings.plan`` (``da_plan_decision`` ...)."""
PDF = "da_pdf"
CONFIRM_RESET = "da_confirm_reset"
JUST_RESET = "da_just_reset"
LAST_PAGE = "da_last_page"
PRIVATE_ASK = "da_private_ask"
PRIVATE_OPEN = "da_private_open"
TAB_RESTORED = "da_tab_restored"
TAB_SESSION = "da_tab_session"
TAB_NOTICE = "da_tab_notice"
TAB_STORAGE = "da_tab_storage"
MEMO_PREFIX = "da_memo_"
"""What this session last made (its comparison, wording, Compare markup, Timeline figures and page objects),
each with what it was made from (``remembered``)."""

PLAN_FIELDS = ("decision", "judge_when", "if_side_effect", "if_no_help", "crisis_people", "next_visit")
"""The handout plan's fields (``handout.settings.Plan``; a test keeps the two lists the same)."""

KEPT_IN_TAB: dict[str, str] = {
    "answers": ANSWERS,
    "readiness": READINESS,
    "step": STEP,
    "share": SHARE,
    "mode_chosen": MODE_CHOSEN,
    "selected": SELECTED,
    "ordering": ORDERING,
    "paper": PAPER,
    "large_print": LARGE_PRINT,
    "name": NAME,
    "notes": NOTES,
    "include_health": INCLUDE_HEALTH,
    "full_detail": FULL_DETAIL,
    "print_code": PRINT_CODE,
    **{f"plan_{field}": f"{PLAN_PREFIX}{field}" for field in PLAN_FIELDS},
}
"""What the browser tab keeps so a reload or a lost connection does not lose it (name in the tab -> key here).

Never the prepared PDF, and never "show my health answers", which must be chosen again."""

WIDGET_PREFIXES = ("q_", "r_", "w_")
"""Keys of widgets that are seeded from stored values: forgotten when stored values are replaced."""

MIN_COMPARE = 2
VIEW_OVERVIEW = "overview"
VIEW_DETAILS = "details"
VIEW_DECK = "deck"
VIEW_OPTION = "option"
VIEWS = (VIEW_OVERVIEW, VIEW_DETAILS, VIEW_DECK, VIEW_OPTION)


# --- small generic helpers -------------------------------------------------------


def get(key: str, default: Any = None) -> Any:
    return st.session_state.get(key, default)


def put(key: str, value: Any) -> None:
    st.session_state[key] = value


def pop(key: str, default: Any = None) -> Any:
    return st.session_state.pop(key, default)


T = TypeVar("T")


def remembered(purpose: str, made_from: tuple[object, ...], make: Callable[[], T]) -> T:
    """The value this session last made from ``made_from``, or a new one, kept in its place.

    Most reruns change nothing a page's comparison depends on (a view switched,
    a page opened again, the page script answering), and building and wording
    the comparison was the largest part of a Compare rerun. One value per
    purpose, so a session holds a few at most; it lives in the session like the
    answers it comes from (never a process-wide cache), and Start over clears it.
    """
    slot = MEMO_PREFIX + purpose
    held = st.session_state.get(slot)
    if held is not None and held[0] == made_from:
        return cast(T, held[1])
    value = make()
    st.session_state[slot] = (made_from, value)
    return value


def widget_value(widget_key: str, default: Any = None) -> Any:
    """A widget's current value, read in its own callback."""
    return st.session_state.get(widget_key, default)


def seed(widget_key: str, value: Any) -> None:
    """Give a widget its stored value when Streamlit has forgotten it (it was not drawn last run)."""
    if widget_key not in st.session_state:
        st.session_state[widget_key] = value


def bind(widget_key: str, store_key: str, default: Any) -> None:
    """Seed ``widget_key`` from ``store_key``; pair with ``on_change=save, args=(widget_key, store_key)``."""
    seed(widget_key, st.session_state.get(store_key, default))


def save(widget_key: str, store_key: str) -> None:
    """Widget callback: copy the widget's value to the key that outlives the widget."""
    st.session_state[store_key] = st.session_state.get(widget_key)
    forget_pdf()


# --- questionnaire answers -----------------------------------------------------------


def answer_store() -> dict[str, Any]:
    return cast(dict[str, Any], st.session_state.setdefault(ANSWERS, {}))


def readiness_store() -> dict[str, str]:
    return cast(dict[str, str], st.session_state.setdefault(READINESS, {}))


def question_key(question_id: str) -> str:
    return f"q_{question_id}"


def choice_key(question_id: str, value: str) -> str:
    return f"q_{question_id}__{value}"


def readiness_key(item_id: str) -> str:
    return f"r_{item_id}"


def choice_values(question: Question) -> list[str]:
    """The question's own choices plus "Prefer not to say", which every question offers."""
    return [c.value for c in question.choices] + [PREFER_NOT_TO_SAY]


def seed_question(question: Question) -> None:
    stored = answer_store().get(question.id)
    if question.kind == "single":
        seed(question_key(question.id), stored)
        return
    chosen = set(stored or ())
    for value in choice_values(question):
        seed(choice_key(question.id, value), value in chosen)


def _keep(store: dict[str, Any], key: str, value: object) -> None:
    """Store an answer, or drop it when cleared, so an unanswered question leaves no trace."""
    if value is None:
        store.pop(key, None)
    else:
        store[key] = value


def save_single(question_id: str) -> None:
    _keep(answer_store(), question_id, st.session_state.get(question_key(question_id)))


def save_multi(question_id: str, values: Sequence[str], changed: str, drawn: Sequence[str] | None = None) -> None:
    """Checkbox callback; "Prefer not to say" and the real choices exclude each other.

    ``values`` are all of the question's choices in order; ``drawn`` the ones on
    screen now (a private choice is not drawn on a shared screen). A choice that
    is not drawn keeps its stored answer, unless "Prefer not to say" clears it.
    """
    drawn = values if drawn is None else drawn
    before = set(answer_store().get(question_id) or ())
    ticked = {v for v in drawn if st.session_state.get(choice_key(question_id, v))}
    if changed in ticked:
        if changed == PREFER_NOT_TO_SAY:
            ticked, before = {PREFER_NOT_TO_SAY}, set()
        else:
            ticked.discard(PREFER_NOT_TO_SAY)
            before.discard(PREFER_NOT_TO_SAY)
        for value in drawn:
            st.session_state[choice_key(question_id, value)] = value in ticked
    kept = {v for v in before if v not in drawn}
    chosen = [v for v in values if v in ticked or v in kept]
    _keep(answer_store(), question_id, chosen or None)


def seed_readiness(item_id: str) -> None:
    seed(readiness_key(item_id), readiness_store().get(item_id))


def save_readiness(item_id: str) -> None:
    _keep(readiness_store(), item_id, st.session_state.get(readiness_key(item_id)))


def answers(content: Content) -> Answers:
    """The stored answers, checked against the questionnaire."""
    raw: dict[str, object] = dict(answer_store())
    raw[READINESS_KEY] = dict(readiness_store())
    try:
        return parse_answers(content, raw)
    except AnswersError:
        # Only possible if content changed under a live session: keep what still fits.
        kept: dict[str, object] = {}
        for key, value in raw.items():
            try:
                parse_answers(content, {key: value})
            except AnswersError:
                continue
            kept[key] = value
        return parse_answers(content, kept)


def health_ids(content: Content) -> frozenset[str]:
    return frozenset(q.id for q in content.questionnaire.questions.values() if q.health)


def answered_count(question_ids: Iterable[str]) -> int:
    store = answer_store()
    return sum(1 for q in question_ids if store.get(q))


# --- selection, ordering, the comparison -----------------------------------------


def selected(content: Content) -> list[str]:
    """The picked options in the order the stage gives; the stage's own selection until the person picks."""
    chosen = get(SELECTED)
    order = stage_for(content, answers(content)).order
    if chosen is None:
        return list(default_selection(content, answers(content)))
    return [o for o in order if o in chosen]


def ordering() -> Ordering:
    return cast(Ordering, get(ORDERING, "default"))


def comparison(content: Content, minimum: int = 1, options: Sequence[str] | None = None) -> Comparison | None:
    """The comparison for this person; None when fewer than ``minimum`` options are picked."""
    made_from = (
        content,
        repr(answer_store()),
        repr(readiness_store()),
        repr(get(SELECTED)),
        ordering(),
        None if options is None else tuple(options),
    )

    def build() -> tuple[int, Comparison | None]:
        chosen = list(options) if options is not None else selected(content)
        return len(chosen), build_comparison(content, answers(content), chosen, ordering()) if chosen else None

    # The one-option view keeps its own, so going to it and back rebuilds neither.
    count, built = remembered("comparison" if options is None else "comparison_one", made_from, build)
    return built if count >= minimum else None


def presentation(comparison: Comparison, audience: Audience, purpose: str = "presentation") -> Presentation:
    """The comparison worded for ``audience``, made again only when either changes."""
    return remembered(purpose, (comparison, audience), lambda: present(comparison, audience))


def view() -> str:
    chosen = get(VIEW, VIEW_OVERVIEW)
    return chosen if chosen in VIEWS else VIEW_OVERVIEW


def open_option(option_id: str) -> None:
    """Show one option's full card (the overview's "More" links)."""
    put(FOCUS_OPTION, option_id)
    put(VIEW, VIEW_OPTION)
    st.session_state.pop("w_view", None)
    st.session_state.pop("w_focus", None)


def next_run() -> int:
    """A number that changes every rerun, for page scripts that must run again after each one."""
    count = int(get(RUN, 0)) + 1
    put(RUN, count)
    return count


def audience() -> Audience:
    """Who can see the screen now: the presentation words private answers for this."""
    return Audience.screen(share_mode(), bool(get(REVEAL, False)))


# --- screen sharing -------------------------------------------------------------


def share_mode() -> bool:
    return bool(get(SHARE, False))


def health_hidden() -> bool:
    """Health answers stay off a shared screen until the person chooses to show them."""
    return share_mode() and not bool(get(REVEAL, False))


def choose_mode(share: bool) -> None:
    put(SHARE, share)
    put(MODE_CHOSEN, True)
    hide_private()
    # Forget the mode widgets so they are re-seeded from the choice just made.
    st.session_state.pop("w_share", None)


def hide_private() -> None:
    """Put every private answer out of sight again: health answers, private choices, readiness."""
    put(REVEAL, False)
    for key in [k for k in st.session_state if str(k).startswith("w_reveal_")]:
        del st.session_state[key]
    st.session_state.pop(PRIVATE_ASK, None)
    st.session_state.pop(PRIVATE_OPEN, None)


def on_page(title: str) -> None:
    """Called before each page: whatever showed private answers on the last page turns itself off.

    A person who showed their health answers on one page should not find them
    still on screen on the next, when the room may have changed.
    """
    if get(LAST_PAGE) != title:
        hide_private()
        st.session_state.pop(TAB_NOTICE, None)
        put(LAST_PAGE, title)


# --- private answers on a shared screen ----------------------------------------


def private_asked(where: str) -> bool:
    return get(PRIVATE_ASK) == where


def private_open(where: str) -> bool:
    """Whether the private questions of ``where`` (a questionnaire step) are on screen right now."""
    return get(PRIVATE_OPEN) == where


def ask_private(where: str) -> None:
    put(PRIVATE_ASK, where)


def open_private(where: str) -> None:
    st.session_state.pop(PRIVATE_ASK, None)
    put(PRIVATE_OPEN, where)


def private_answered(question_ids: Iterable[str], choices: Iterable[tuple[str, str]], readiness_ids: Iterable[str]) -> int:
    """How many private items have an answer: whole questions, single private choices, readiness items."""
    store = answer_store()
    count = sum(1 for q in question_ids if store.get(q))
    count += sum(1 for q, value in choices if value in (store.get(q) or ()))
    ready = readiness_store()
    return count + sum(1 for r in readiness_ids if ready.get(r))


# --- handout ----------------------------------------------------------------------


def forget_pdf() -> None:
    """A prepared PDF goes stale as soon as anything changes; drop it rather than offer old content."""
    st.session_state.pop(PDF, None)


# --- kept in the browser tab -------------------------------------------------------


def tab_snapshot() -> dict[str, Any]:
    """What the tab keeps, under its names there; values left at their defaults are not kept."""
    out: dict[str, Any] = {}
    for name, key in KEPT_IN_TAB.items():
        value = st.session_state.get(key)
        if value is not None and value != "" and value != {}:
            out[name] = value
    return out


def tab_restored() -> bool:
    return bool(get(TAB_RESTORED))


def tab_session() -> str:
    """A random token for this session, so the tab can tell its own copy from one another session wrote."""
    return cast(str, st.session_state.setdefault(TAB_SESSION, secrets.token_hex(8)))


def restore_from_tab(values: dict[str, Any], notice: str | None, storage: str) -> None:
    """Put back what the tab kept (already checked), once per session."""
    _replace(values)
    put(TAB_RESTORED, True)
    put(TAB_STORAGE, storage)
    if notice:
        put(TAB_NOTICE, notice)


def tab_notice() -> str | None:
    """What to say about earlier answers; it stays until the person moves to another page."""
    return cast(str | None, get(TAB_NOTICE))


def tab_storage() -> str | None:
    return cast(str | None, get(TAB_STORAGE))


def _replace(values: dict[str, Any]) -> None:
    """Set stored values and forget the widgets drawn from the old ones, so they are re-seeded."""
    for key in [k for k in st.session_state if str(k).startswith(WIDGET_PREFIXES)]:
        del st.session_state[key]
    for key, value in values.items():
        st.session_state[key] = value
    forget_pdf()


def add_answers(values: dict[str, Any], readiness: dict[str, str]) -> None:
    """Answers brought in from a resume code: they replace answers to the same questions, others stay."""
    merged = dict(answer_store())
    merged.update(values)
    ready = dict(readiness_store())
    ready.update(readiness)
    _replace({ANSWERS: merged, READINESS: ready})


# --- start over -------------------------------------------------------------------


def reset_all() -> None:
    """Forget every answer, choice, name and note in this session at once.

    The whole session is cleared, Streamlit's widget values included, so no key
    can be missed; only the flag that tells the Start page to confirm is set
    again, with the one that tells the tab its copy is to be removed (not put back).
    """
    st.session_state.clear()
    st.query_params.clear()  # the questionnaire's step in the address goes too: the next visit starts at step 1
    st.session_state[JUST_RESET] = True
    st.session_state[TAB_RESTORED] = True
