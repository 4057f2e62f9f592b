"""Load the content folder into one validated, immutable ``Content``.

A clinician edits YAML, not Python, so every problem is reported as
file, field path and a plain sentence, and all problems are collected in one
pass: fixing one error at a time and re-running is a poor editing loop.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .models import (
    OPTION_IDS,
    About,
    Content,
    OptionCard,
    OtherTreatments,
    Questionnaire,
    Reference,
    Rules,
    source_id_paths,
)

DEFAULT_CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"

OPTIONS_DIR = "options"
REFERENCES_FILE = "references.yaml"
ABOUT_FILE = "about.yaml"
OTHER_FILE = "other_treatments.yaml"
QUESTIONNAIRE_FILE = "questionnaire.yaml"
RULES_FILE = "rules.yaml"


@dataclass(frozen=True)
class Problem:
    file: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
        return f"{where}: {self.message}"


class ContentError(Exception):
    """Raised when the content folder cannot be trusted; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class _UniqueKeyLoader(yaml.SafeLoader):
    """Safe loader that refuses duplicate keys, which plain YAML silently overwrites."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{key}'", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

_PLAIN_MESSAGES = {
    "missing": "required field is missing",
    "extra_forbidden": "unknown key (check the spelling, or remove it)",
}


def _field_path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _plain(error: dict[str, Any]) -> str:
    if error["type"] in _PLAIN_MESSAGES:
        return _PLAIN_MESSAGES[error["type"]]
    message = str(error["msg"])
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    if error["type"] not in ("value_error", "assertion_error") and "input" in error:
        got = repr(error["input"])
        message += f" (got {got[:60]})"
    return message


def _read_yaml(path: Path, rel: str, problems: list[Problem]) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(Problem(rel, "", "file is missing"))
        return None
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(rel, "", f"cannot be read ({exc.__class__.__name__})"))
        return None
    try:
        data = yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + 1}, column {mark.column + 1}" if mark is not None else "unknown line"
        reason = getattr(exc, "problem", None) or str(exc)
        problems.append(Problem(rel, line, f"YAML syntax error: {reason}"))
        return None
    if data is None:
        problems.append(Problem(rel, "", "file is empty"))
    return data


def _validate(model: type[BaseModel], data: Any, rel: str, problems: list[Problem]) -> Any:
    if data is None:
        return None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            problems.append(Problem(rel, _field_path(error["loc"]), _plain(error)))
        return None


def check_content(directory: Path | None = None, today: dt.date | None = None) -> tuple[Content | None, list[Problem]]:
    """Return the bundle (or None) and every problem found; never raises for bad content."""
    root = Path(directory) if directory is not None else DEFAULT_CONTENT_DIR
    today = today or dt.date.today()
    problems: list[Problem] = []
    if not root.is_dir():
        return None, [Problem(str(root), "", "content folder not found")]

    refs_raw = _read_yaml(root / REFERENCES_FILE, REFERENCES_FILE, problems)
    references: dict[str, Reference] = {}
    if refs_raw is not None:
        if not isinstance(refs_raw, dict) or not isinstance(refs_raw.get("references"), list):
            problems.append(Problem(REFERENCES_FILE, "references", "expected a list under 'references:'"))
        else:
            for i, item in enumerate(refs_raw["references"]):
                ref = _validate(Reference, item, REFERENCES_FILE, sub := [])
                problems.extend(Problem(p.file, f"references[{i}].{p.field}", p.message) for p in sub)
                if ref is None:
                    continue
                if ref.id in references:
                    problems.append(Problem(REFERENCES_FILE, f"references[{i}].id", f"duplicate reference id '{ref.id}'"))
                if ref.year > today.year:
                    problems.append(Problem(REFERENCES_FILE, f"references[{i}].year", f"year {ref.year} is in the future"))
                references[ref.id] = ref

    options: dict[str, OptionCard] = {}
    raw_by_file: dict[str, Any] = {}
    for option_id in OPTION_IDS:
        rel = f"{OPTIONS_DIR}/{option_id}.yaml"
        card = _validate(OptionCard, _read_yaml(root / rel, rel, problems), rel, problems)
        if card is None:
            continue
        if card.id != option_id:
            problems.append(Problem(rel, "id", f"id '{card.id}' does not match the file name '{option_id}'"))
        if card.review.last_reviewed > today:
            problems.append(Problem(rel, "review.last_reviewed", f"date {card.review.last_reviewed} is in the future"))
        options[option_id] = card
        raw_by_file[rel] = card.model_dump()
    options_dir = root / OPTIONS_DIR
    if options_dir.is_dir():
        for extra in sorted(options_dir.glob("*.yaml")):
            if extra.stem not in OPTION_IDS:
                problems.append(
                    Problem(f"{OPTIONS_DIR}/{extra.name}", "", f"unknown option file; expected one of {', '.join(OPTION_IDS)}")
                )

    about = _validate(About, _read_yaml(root / ABOUT_FILE, ABOUT_FILE, problems), ABOUT_FILE, problems)
    if about is not None and about.review.last_reviewed > today:
        problems.append(Problem(ABOUT_FILE, "review.last_reviewed", f"date {about.review.last_reviewed} is in the future"))
    other = _validate(OtherTreatments, _read_yaml(root / OTHER_FILE, OTHER_FILE, problems), OTHER_FILE, problems)
    questionnaire = _validate(
        Questionnaire, _read_yaml(root / QUESTIONNAIRE_FILE, QUESTIONNAIRE_FILE, problems), QUESTIONNAIRE_FILE, problems
    )
    rules = _validate(Rules, _read_yaml(root / RULES_FILE, RULES_FILE, problems), RULES_FILE, problems)
    for rel, model in ((OTHER_FILE, other), (RULES_FILE, rules)):
        if model is not None:
            raw_by_file[rel] = model.model_dump()

    if refs_raw is not None:
        for rel, raw in raw_by_file.items():
            for path, sid in source_id_paths(raw):
                if sid not in references:
                    problems.append(Problem(rel, path, f"unknown source id '{sid}' (not in {REFERENCES_FILE})"))

    if questionnaire is not None:
        questions = questionnaire.questions
        seen: set[str] = set()
        for s_i, step in enumerate(questionnaire.steps):
            for q_i, q in enumerate(step.questions):
                if q.id in seen:
                    problems.append(
                        Problem(QUESTIONNAIRE_FILE, f"steps[{s_i}].questions[{q_i}].id", f"duplicate question id '{q.id}'")
                    )
                seen.add(q.id)
        if rules is not None:
            for r_i, rule in enumerate(rules.rules):
                question = questions.get(rule.question)
                if question is None:
                    problems.append(
                        Problem(RULES_FILE, f"rules[{r_i}].question", f"unknown question id '{rule.question}'")
                    )
                    continue
                valid = {c.value for c in question.choices}
                for key in ("when", "ask_when"):
                    for a_i, answer in enumerate(getattr(rule, key)):
                        if answer not in valid:
                            problems.append(
                                Problem(
                                    RULES_FILE,
                                    f"rules[{r_i}].{key}[{a_i}]",
                                    f"'{answer}' is not a choice of question '{rule.question}' "
                                    f"(choices: {', '.join(sorted(valid))})",
                                )
                            )

    if problems or about is None or other is None or questionnaire is None or rules is None:
        return None, problems
    return (
        Content(options=options, references=references, about=about, other=other, questionnaire=questionnaire, rules=rules.rules),
        [],
    )


def load_content(directory: Path | None = None, today: dt.date | None = None) -> Content:
    content, problems = check_content(directory, today)
    if content is None:
        raise ContentError(problems)
    return content
