"""Command line: the same loader, engine and handout as the app, without a browser."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
from pathlib import Path
from typing import NoReturn

from . import chartnote
from .answers import Answers, AnswersError, parse_answers_json
from .engine import SelectionError, build_comparison, points_for, stage_for
from .loader import ContentError, check_content, load_content
from .models import Content
from .safeio import KB, FileProblem, MissingFile, WouldReplace, check_replaceable, os_reason, read_text, write_atomically
from .usertext import MAX_ERROR_CHARS, MAX_NAME_CHARS, MAX_NOTES_CHARS, clean_user_text, shown

EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 70  # sysexits' EX_SOFTWARE: a fault in this program, not in what it was given
EXIT_INTERRUPTED = 130

ANSWERS_FILE_LIMIT = 64 * KB
"""A full set of answers is under 2 KB; the cap keeps /dev/zero or a stray download out of memory."""
NOTES_FILE_LIMIT = 128 * KB
"""Room for the handout's 20,000 characters of notes in any script, at up to four bytes each."""
PATH_CHARS = 80


class InputError(Exception):
    """A bad argument or input file: one line to stderr, exit 2."""


def _file(path: Path) -> str:
    return shown(str(path), PATH_CHARS)


def _read(path: Path, what: str, limit: int) -> str:
    try:
        return read_text(path, limit)
    except MissingFile as exc:
        raise InputError(f"cannot read {what} {_file(path)}: it {exc}") from exc
    except FileProblem as exc:
        raise InputError(f"{what} {_file(path)} {exc}") from exc


def read_answers(content: Content, path: Path) -> Answers:
    """Read a JSON answers file; an empty file means nothing was answered."""
    text = _read(path, "answers file", ANSWERS_FILE_LIMIT)
    try:
        return parse_answers_json(content, text)
    except AnswersError as exc:
        raise InputError(f"answers file {_file(path)}: {exc}") from exc


def _considerations(args: argparse.Namespace) -> int:
    content = load_content(args.content)
    answers = read_answers(content, args.answers)
    points = points_for(content, answers)
    out = {
        option_id: [
            {
                "question": p.question_id,
                "answer": p.answer_label,
                "level": p.level,
                "kind": "question to ask" if p.is_question else "point to discuss",
                "text": p.text,
                "source_ids": list(p.source_ids),
            }
            for p in points[option_id]
        ]
        # The order the Compare page shows for these answers (the stage's usual line of care).
        for option_id in stage_for(content, answers).order
    }
    print(json.dumps(out, indent=2, ensure_ascii=False))
    return 0


def _validate(args: argparse.Namespace) -> int:
    content, problems = check_content(args.content)
    if content is None:
        for problem in problems:
            _say(str(problem))
        print(f"{len(problems)} problem(s) found in content.", file=sys.stderr)
        return 1
    n_refs = len(content.references)
    n_rules = len(content.rules)
    print(
        f"Content {content.version} is valid: {len(content.options)} options, "
        f"{n_refs} references, {len(content.questionnaire.questions)} questions, {n_rules} rules."
    )
    return 0


PAPERS = ("letter", "a4")
ORDERS = ("default", "what_matters")
PDF_HEADER = b"%PDF-"
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _handout_date(text: str | None) -> dt.date | None:
    """Exactly YYYY-MM-DD: ``fromisoformat`` alone also takes 20260101 and 2026-W01-1, which the help does not promise."""
    if text is None:
        return None
    try:
        if _ISO_DATE.fullmatch(text):
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise InputError(f"--date must be a real date written YYYY-MM-DD, not '{shown(text)}'")


def _handout_name(text: str) -> str:
    name = clean_user_text(text, len(text), single_line=True)
    if len(name) > MAX_NAME_CHARS:
        raise InputError(f"--name has {len(name):,} characters; the handout prints at most {MAX_NAME_CHARS}")
    return name


def _handout_notes(path: Path | None) -> str:
    """Notes are refused, not cut, when too long: a handout silently missing the end of them misleads."""
    if path is None:
        return ""
    text = _read(path, "notes file", NOTES_FILE_LIMIT)
    notes = clean_user_text(text, len(text))
    if len(notes) > MAX_NOTES_CHARS:
        raise InputError(
            f"notes file {_file(path)} has {len(notes):,} characters; the handout prints at most {MAX_NOTES_CHARS:,}"
        )
    return notes


def _check_output(path: Path, force: bool) -> None:
    try:
        check_replaceable(path, PDF_HEADER, "PDF")
    except WouldReplace as exc:
        if not force:
            raise InputError(f"{_file(path)} {exc}; choose another name, or add --force to replace it") from exc
    except FileProblem as exc:
        raise InputError(f"{_file(path)} {exc}") from exc


def _handout(args: argparse.Namespace) -> int:
    # Imported here so validate and considerations do not pay for loading reportlab.
    from .handout import HandoutSettings, build_handout

    if args.paper not in PAPERS:
        raise InputError(f"--paper must be one of {', '.join(PAPERS)}, not '{shown(args.paper)}'")
    if args.order not in ORDERS:
        raise InputError(f"--order must be one of {', '.join(ORDERS)}, not '{shown(args.order)}'")
    selected = [o.strip() for o in args.options.split(",") if o.strip()]
    settings = HandoutSettings(
        paper=args.paper,
        large_print=args.large_print,
        name=_handout_name(args.name or ""),
        notes=_handout_notes(args.notes),
        include_health=args.include_health,
        date=_handout_date(args.date),
        full_detail=args.full_detail,
    )
    _check_output(args.output, args.force)
    content = load_content(args.content)
    answers = read_answers(content, args.answers)
    try:
        comparison = build_comparison(content, answers, selected, ordering=args.order)
    except SelectionError as exc:
        raise InputError(f"--options: {exc}") from exc
    pdf = build_handout(comparison, settings)
    try:
        write_atomically(args.output, pdf)
    except OSError as exc:
        raise InputError(f"cannot write {_file(args.output)}: {os_reason(exc)}; nothing was written") from exc
    print(f"Wrote {_file(args.output)} ({len(pdf):,} bytes).")
    return 0


class _Parser(argparse.ArgumentParser):
    """Argument errors end like every other bad input: one escaped, bounded line and exit 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        _say(f"error: {message}")
        raise SystemExit(EXIT_BAD_INPUT)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m decision_aid", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p_val = sub.add_parser("validate", help="check the content folder and report every problem")
    p_val.add_argument("--content", type=Path, default=None, help="content folder (default: the shipped one)")
    p_val.set_defaults(func=_validate)

    p_con = sub.add_parser("considerations", help="print the points to discuss, per option, as JSON")
    p_con.add_argument("--answers", type=Path, required=True, help="JSON file: question id -> answer")
    p_con.add_argument("--content", type=Path, default=None, help=argparse.SUPPRESS)
    p_con.set_defaults(func=_considerations)

    p_hand = sub.add_parser("handout", help="write the printable PDF handout for the chosen options")
    p_hand.add_argument("--answers", type=Path, required=True, help="JSON file: question id -> answer (empty: none)")
    p_hand.add_argument("--options", required=True, help="comma-separated option ids (see content/ordering.yaml)")
    p_hand.add_argument("--name", default="", help="name to print on the handout (never put in the file's metadata)")
    p_hand.add_argument("--notes", type=Path, default=None, help="text file of notes to print")
    p_hand.add_argument("--paper", default="letter", help="letter (default) or a4")
    p_hand.add_argument("--large-print", action="store_true", help="bigger type")
    p_hand.add_argument("--include-health", action="store_true", help="print health answers and the points they raise")
    p_hand.add_argument("--full-detail", action="store_true", help="print everything on each option's card (longer)")
    p_hand.add_argument("--date", default=None, help="printed date, YYYY-MM-DD (default: today)")
    p_hand.add_argument("--order", default="default", help="default, or what_matters to order by your answers")
    p_hand.add_argument("-o", "--output", type=Path, required=True, help="where to write the PDF")
    p_hand.add_argument("--force", action="store_true", help="replace the output file even if it is not a PDF")
    p_hand.add_argument("--content", type=Path, default=None, help=argparse.SUPPRESS)
    p_hand.set_defaults(func=_handout)

    chartnote.register(sub)
    return parser


def _say(line: str) -> None:
    """One line to stderr that cannot flood or take over a terminal, whatever it echoes."""
    print(shown(line, MAX_ERROR_CHARS), file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run one command; whatever happens, the person sees lines of text, never a traceback."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except InputError as exc:
        _say(f"error: {exc}")
        return EXIT_BAD_INPUT
    except ContentError as exc:
        for problem in exc.problems:
            _say(str(problem))
        return 1
    except KeyboardInterrupt:
        _say("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``| head``); stop quietly, and keep Python from complaining at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:
        _say(f"error: unexpected {exc.__class__.__name__}; please report it with the command that caused it")
        return EXIT_INTERNAL
