"""A plain-text note for the clinician's record of a shared-decision conversation.

The third renderer of the Presentation, beside the screen and the paper: it
lays out the words the Presentation already chose, so the record says what the
person saw. It never holds the person's name (it is not given one), and
health-based points and answers appear only when the Presentation was made
for an audience that includes them. It is never made for a shared screen.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TypeVar

from .presentation import Audience, Presentation, present
from .usertext import clean_user_text

TITLE = "Shared decision-making note: depression treatment options"
NOT_DECIDED = "Not decided yet."
NO_FOLLOW_UP = "None recorded."
MAX_TYPED_CHARS = 1_000
"""What was decided and the follow-up are one line each in a record, not a letter."""

_ParserT = TypeVar("_ParserT", bound=argparse.ArgumentParser)
"""The command line's own parser class, which argparse gives every subcommand's parser too."""


def _typed(text: str | None) -> str:
    return clean_user_text(text, MAX_TYPED_CHARS, single_line=True)


def _list(lines: list[str], empty: str) -> list[str]:
    return [f"- {line}" for line in lines] or [f"- {empty}"]


def chart_note(presentation: Presentation, *, date: dt.date, decision: str | None = None, follow_up: str | None = None) -> str:
    """The note, as text to paste into a record.

    ``decision`` and ``follow_up`` are typed by the clinician; empty means not
    decided yet and nothing recorded.
    """
    p = presentation
    if p.audience.shared_screen or p.readiness is None:
        raise ValueError("a chart note is made for the record, never for a shared screen")
    lines = [
        TITLE,
        f"Date: {date.isoformat()}",
        f"Decision aid content version {p.content_version}, last reviewed {p.last_reviewed}. "
        "It gives information only: it does not diagnose or recommend an option.",
        "",
        "Options discussed:",
        *_list([o.name for o in p.options], "none"),
        "",
        "The person's stated priorities:",
        *_list([f"{a.question} {a.answer}" for a in p.matters], "none stated"),
        "",
        "Points raised by their answers:",
    ]
    points = [
        f"{o.short_name}: {pt.kind}: {pt.text} (answered \"{pt.answer}\" to: {pt.topic})"
        for o in p.options
        for pt in o.points
    ]
    lines += _list(points, "none")
    if p.hidden_points:
        lines.append(f"- Not included: {p.hidden_points} more from health answers (the person did not include them).")
    lines += ["", "Health answers:"]
    if p.audience.show_health:
        lines += _list([f"{a.question} {a.answer}" for a in p.health], "none given")
    else:
        given = f" ({p.health_hidden} given)" if p.health_hidden else ""
        lines.append(f"- Not included{given}.")
    lines += ["", "Readiness to decide (the person's answers):"]
    lines += _list([f"{r.question} {(r.answer or 'not answered').capitalize()}" for r in p.readiness], "none")
    asks = [f"{q.option_name}: {q.text}" for q in p.questions if q.from_answers]
    if asks:
        lines += ["", "Questions raised by their answers:", *_list(asks, "none")]
    lines += [
        "",
        f"Decision: {_typed(decision) or NOT_DECIDED}",
        f"Follow-up: {_typed(follow_up) or NO_FOLLOW_UP}",
    ]
    return "\n".join(lines) + "\n"


# --- command line ------------------------------------------------------------------


def _date(text: str | None) -> dt.date:
    """The handout's strict YYYY-MM-DD reading, so both commands accept the same dates."""
    from .cli import _handout_date

    return _handout_date(text) or dt.date.today()


def _run(args: argparse.Namespace) -> int:
    # Imported here: the command line module registers this command, so importing it at the top would be circular.
    from .cli import InputError, read_answers
    from .engine import SelectionError, build_comparison
    from .loader import load_content

    date = _date(args.date)
    content = load_content(args.content)
    answers = read_answers(content, args.answers)
    selected = [o.strip() for o in args.options.split(",") if o.strip()]
    try:
        comparison = build_comparison(content, answers, selected)
    except SelectionError as exc:
        raise InputError(f"--options: {exc}") from exc
    presentation = present(comparison, Audience.paper(include_health=args.include_health))
    sys.stdout.write(chart_note(presentation, date=date, decision=args.decision, follow_up=args.follow_up))
    return 0


def register(commands: argparse._SubParsersAction[_ParserT]) -> None:
    """Add ``note`` to the command line's commands."""
    parser = commands.add_parser("note", help="print a plain-text note for the clinician's record (never the name)")
    parser.add_argument("--answers", type=Path, required=True, help="JSON file: question id -> answer (empty: none)")
    parser.add_argument("--options", required=True, help="comma-separated option ids discussed")
    parser.add_argument("--include-health", action="store_true", help="include health answers and the points they raise")
    parser.add_argument("--decision", default=None, help=f"what was decided (default: {NOT_DECIDED!r})")
    parser.add_argument("--follow-up", default=None, help="the follow-up agreed")
    parser.add_argument("--date", default=None, help="date on the note, YYYY-MM-DD (default: today)")
    parser.add_argument("--content", type=Path, default=None, help=argparse.SUPPRESS)
    parser.set_defaults(func=_run)
