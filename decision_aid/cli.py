"""Command line: the same loader, engine and handout as the app, without a browser."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from . import chartnote
from .answers import Answers, AnswersError, parse_answers
from .engine import SelectionError, build_comparison, points_for, stage_for
from .loader import ContentError, check_content, load_content
from .models import Content

EXIT_BAD_INPUT = 2


class InputError(Exception):
    """A bad argument or input file: one line to stderr, exit 2."""


def read_answers(content: Content, path: Path) -> Answers:
    """Read a JSON answers file; an empty file means nothing was answered."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read answers file {path}: {exc.__class__.__name__}") from exc
    if not text.strip():
        return Answers()
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"answers file {path} is not valid JSON (line {exc.lineno}, column {exc.colno})") from exc
    if not isinstance(raw, dict):
        raise InputError(f"answers file {path} must hold a JSON object of question id to answer")
    try:
        return parse_answers(content, raw)
    except AnswersError as exc:
        raise InputError(f"answers file {path}: {exc}") from exc


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
            print(problem, file=sys.stderr)
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


def _handout_date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise InputError(f"--date must be a real date written YYYY-MM-DD, not {text!r}") from exc


def _handout_notes(path: Path | None) -> str:
    if path is None:
        return ""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read notes file {path}: {exc.__class__.__name__}") from exc


def _handout(args: argparse.Namespace) -> int:
    # Imported here so validate and considerations do not pay for loading reportlab.
    from .handout import HandoutSettings, build_handout

    if args.paper not in PAPERS:
        raise InputError(f"--paper must be one of {', '.join(PAPERS)}, not {args.paper!r}")
    if args.order not in ORDERS:
        raise InputError(f"--order must be one of {', '.join(ORDERS)}, not {args.order!r}")
    selected = [o.strip() for o in args.options.split(",") if o.strip()]
    settings = HandoutSettings(
        paper=args.paper,
        large_print=args.large_print,
        name=args.name or "",
        notes=_handout_notes(args.notes),
        include_health=args.include_health,
        date=_handout_date(args.date),
        full_detail=args.full_detail,
    )
    content = load_content(args.content)
    answers = read_answers(content, args.answers)
    try:
        comparison = build_comparison(content, answers, selected, ordering=args.order)
    except SelectionError as exc:
        raise InputError(f"--options: {exc}") from exc
    pdf = build_handout(comparison, settings)
    try:
        args.output.write_bytes(pdf)
    except OSError as exc:
        raise InputError(f"cannot write {args.output}: {exc.__class__.__name__}") from exc
    print(f"Wrote {args.output} ({len(pdf):,} bytes).")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m decision_aid", description=__doc__)
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
    p_hand.add_argument("--content", type=Path, default=None, help=argparse.SUPPRESS)
    p_hand.set_defaults(func=_handout)

    chartnote.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return 1
