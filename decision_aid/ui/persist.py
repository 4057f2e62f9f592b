"""Answers kept in the browser tab, so a reload or a lost connection does not lose them.

The tab's own ``sessionStorage`` holds a copy of what the person entered. The
browser keeps it for this tab only: another tab, another browser or another
person never sees it, and it is gone when the tab is closed. Nothing is kept on
the server's disk, written to a log or put in a web address; the copy travels
only over the page's own connection, inside the page script's data (page_script.py).

Every run hands the tab a fresh copy, with a token for the session. When the
tab holds a copy that another session wrote (after a reload, after opening a
page by its address, after the server restarted), it does not overwrite it:
it sends it back, and the session puts back what still fits the questionnaire
before the tab takes its copies again. A first visit, with nothing kept, needs
no such round trip. "Start over" hands the tab an empty copy, which removes it.
If the tab cannot keep a copy (storage blocked), the page's memory still
carries it across a lost connection, and the person is told that a reload
would clear their answers.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, get_args

import streamlit as st

from decision_aid.answers import READINESS_KEY, AnswersError, parse_answers
from decision_aid.models import Content
from decision_aid.ui import state
from decision_aid.ui.content import get_content
from decision_aid.usertext import MAX_NAME_CHARS, MAX_NOTES_CHARS
from decision_aid.viewmodel import Ordering

STORAGE_KEY = "decision-aid.answers"
FORMAT = 1
MAX_COPY_CHARS = 200_000
"""Far above any real copy (notes are capped at 20,000 characters); anything longer is not read."""
PAPERS = ("letter", "a4")

RESTORED = "The connection to the guide was lost for a moment. Your answers in this tab were brought back."
PARTLY = (
    "Some of your earlier answers could not be brought back, because this guide has changed since. "
    "Please check your answers."
)
LOST = (
    "Your earlier answers could not be brought back after the connection was lost. "
    "Sorry: please answer the questions again."
)
NO_STORAGE = (
    "This browser does not let the guide keep your answers in this tab, so reloading the page "
    "will clear them. They are still here until then."
)

JS = """
const KEY = __KEY__;
function storage() {
  try { const s = window.sessionStorage; s.getItem(KEY); return s; } catch (e) { return null; }
}
function kept(memory, s) {
  let text = null;
  if (s) { try { text = s.getItem(KEY); } catch (e) { text = null; } }
  if (text === null && typeof memory.copy === "string") { text = memory.copy; }
  return text;
}
function write(memory, s, copy, session) {
  if (typeof copy === "string" && copy !== "") {
    memory.copy = copy;
    memory.had = true;
    if (s) { try { s.setItem(KEY, copy); } catch (e) { /* full or blocked: the page's memory still has it */ } }
  } else {
    delete memory.copy;
    memory.had = false;
    if (s) { try { s.removeItem(KEY); } catch (e) { /* nothing kept */ } }
  }
  memory.writtenBy = session;
}
function watchConnection(memory) {
  // After a lost connection (a server restart) the page would sit unchanged until the next click,
  // which would then land in an empty session: hand the new session the copy as soon as it is back.
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || memory.watching) { return; }
  memory.watching = true;
  let lost = false;
  new MutationObserver(() => {
    const connected = app.getAttribute("data-test-connection-state") === "CONNECTED";
    if (!connected) { lost = true; } else if (lost) { lost = false; if (memory.send) { memory.send(); } }
  }).observe(app, { attributes: true, attributeFilter: ["data-test-connection-state"] });
}
function keepInTab(component) {
  const { data, setTriggerValue } = component;
  if (!data) { return; }
  const memory = window.__decisionAidTab || (window.__decisionAidTab = {});
  const s = storage();
  memory.send = () => setTriggerValue(
    "restored", { copy: kept(memory, s), storage: s ? "ok" : "unavailable", had: memory.had === true });
  watchConnection(memory);
  if (!data.restored) {
    // A copy this session did not write (after a reload or a restart) goes back to the session first;
    // until then the session's own, emptier copy must not replace it. A browser that keeps nothing
    // is named once, so the person can be told. A first visit, with nothing kept, costs no extra run.
    const copy = kept(memory, s);
    const foreign = copy !== null && copy !== "" && memory.writtenBy !== data.session;
    const unnamed = !s && memory.named !== data.session;
    if (foreign || unnamed) {
      memory.named = data.session;
      // "synced": the session has the tab's answers and the tab a fresh copy (browser tests wait for it).
      memory.synced = false;
      memory.send();
      return;
    }
  }
  write(memory, s, data.copy, data.session);
  memory.synced = true;
}
""".replace("__KEY__", json.dumps(STORAGE_KEY))

# --- what the tab's copy may hold (pure) --------------------------------------------


@dataclass(frozen=True, slots=True)
class Checked:
    values: dict[str, Any]
    """State key -> value, for what fits."""
    dropped: bool
    """Something in the copy did not fit (the content changed, or the copy was damaged)."""


def to_copy(snapshot: Mapping[str, Any]) -> str:
    """The text the tab keeps: empty when nothing is worth keeping, so the tab removes its copy."""
    if not snapshot:
        return ""
    return json.dumps({"format": FORMAT, **snapshot}, ensure_ascii=False, separators=(",", ":"))


def _answers(content: Content, raw: object) -> tuple[dict[str, Any], bool]:
    if not isinstance(raw, Mapping):
        return {}, True
    kept: dict[str, Any] = {}
    for key, value in raw.items():
        try:
            parsed = parse_answers(content, {key: value})
        except AnswersError:
            continue
        if key in parsed.values:
            kept[key] = list(parsed.values[key]) if isinstance(parsed.values[key], tuple) else parsed.values[key]
    return kept, len(kept) != len(raw)


def _readiness(content: Content, raw: object) -> tuple[dict[str, str], bool]:
    if not isinstance(raw, Mapping):
        return {}, True
    kept: dict[str, str] = {}
    for key, value in raw.items():
        try:
            kept.update(parse_answers(content, {READINESS_KEY: {key: value}}).readiness)
        except AnswersError:
            continue
    return kept, len(kept) != len(raw)


def check_copy(content: Content, text: str | None) -> Checked:
    """What of the tab's copy can be put back: every value is checked as if it had been typed in."""
    if not text:
        return Checked({}, False)
    if len(text) > MAX_COPY_CHARS:
        return Checked({}, True)
    try:
        raw = json.loads(text)
    except ValueError:
        return Checked({}, True)
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        return Checked({}, True)
    out: dict[str, Any] = {}
    dropped = False
    checks: dict[str, Any] = {
        "step": lambda v: type(v) is int and 0 <= v <= len(content.questionnaire.steps),
        "share": lambda v: type(v) is bool,
        "mode_chosen": lambda v: type(v) is bool,
        "large_print": lambda v: type(v) is bool,
        "include_health": lambda v: type(v) is bool,
        "selected": lambda v: isinstance(v, list) and all(isinstance(o, str) and o in content.options for o in v),
        "ordering": lambda v: v in get_args(Ordering),
        "paper": lambda v: v in PAPERS,
        "name": lambda v: isinstance(v, str) and len(v) <= MAX_NAME_CHARS,
        "notes": lambda v: isinstance(v, str) and len(v) <= MAX_NOTES_CHARS,
        "full_detail": lambda v: type(v) is bool,
        **{f"plan_{field}": (lambda v: isinstance(v, str) and len(v) <= MAX_NOTES_CHARS) for field in state.PLAN_FIELDS},
    }
    for name, value in raw.items():
        if name == "format":
            continue
        key = state.KEPT_IN_TAB.get(name)
        if key is None:
            dropped = True
        elif name == "answers":
            out[key], lost = _answers(content, value)
            dropped |= lost
        elif name == "readiness":
            out[key], lost = _readiness(content, value)
            dropped |= lost
        elif checks[name](value):
            out[key] = value
        else:
            dropped = True
    return Checked(out, dropped)


def notice_for(checked: Checked, reconnected: bool) -> str | None:
    """What to tell the person after asking the tab: never a silent loss.

    ``reconnected``: the page itself still held answers, so the connection was
    lost under it (a server restart), rather than the person reloading it. A
    reload that brings everything back needs no words; a page that went blank
    for a moment does.
    """
    if checked.values:
        if checked.dropped:
            return PARTLY
        return RESTORED if reconnected else None
    if checked.dropped or reconnected:
        return LOST
    return None


def notice() -> None:
    """At the top of the page: what happened to earlier answers, when there is anything to say."""
    text = state.tab_notice()
    if text == RESTORED:
        st.info(text, icon=":material/history:")
    elif text:
        st.warning(text, icon=":material/warning:")


# --- the page script's part (page_script.py) ------------------------------------


def on_restored(reply: Any) -> None:
    """The tab answered: put back what still fits, once per session, and note what to tell the person."""
    answer = reply.get("restored") if isinstance(reply, Mapping) else None
    if not isinstance(answer, Mapping) or state.tab_restored():
        return
    copy = answer.get("copy")
    checked = check_copy(get_content(), copy if isinstance(copy, str) else None)
    storage = "ok" if answer.get("storage") == "ok" else "unavailable"
    state.restore_from_tab(checked.values, notice_for(checked, answer.get("had") is True), storage)


def tab_data() -> dict[str, Any]:
    """What the page script hands the tab this run: the copy of the answers, made after the page ran."""
    return {"restored": state.tab_restored(), "session": state.tab_session(), "copy": to_copy(state.tab_snapshot())}


def storage_note() -> None:
    if state.tab_storage() == "unavailable" and state.tab_snapshot():
        st.caption(NO_STORAGE)
