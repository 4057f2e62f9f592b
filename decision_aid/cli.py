"""Command line: the same loader, engine and handout as the app, without a browser."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .loader import check_content


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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m decision_aid", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p_val = sub.add_parser("validate", help="check the content folder and report every problem")
    p_val.add_argument("--content", type=Path, default=None, help="content folder (default: the shipped one)")
    p_val.set_defaults(func=_validate)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))
