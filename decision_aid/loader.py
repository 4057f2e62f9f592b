"""Load the content folder into one validated, immutable ``Content``.

A clinician edits YAML, not Python, so every problem is reported as
file, field path and a plain sentence, and all problems are collected in one
pass: fixing one error at a time and re-running is a poor editing loop.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .models import (
    About,
    Content,
    Crisis,
    OptionCard,
    OrderingContent,
    OtherTreatments,
    Question,
    Questionnaire,
    Reference,
    Rules,
    Wording,
    source_id_paths,
)
from .safeio import FileProblem, MissingFile, read_text
from .yamlload import MAX_FILE_BYTES, YamlProblem, load_yaml

M = TypeVar("M", bound=BaseModel)

DEFAULT_CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"

OPTIONS_DIR = "options"
REFERENCES_FILE = "references.yaml"
ABOUT_FILE = "about.yaml"
OTHER_FILE = "other_treatments.yaml"
QUESTIONNAIRE_FILE = "questionnaire.yaml"
RULES_FILE = "rules.yaml"
ORDERING_FILE = "ordering.yaml"
CRISIS_FILE = "crisis.yaml"
WORDING_FILE = "wording.yaml"


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


def _plain(error: ErrorDetails) -> str:
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
        data = load_yaml(read_text(path, MAX_FILE_BYTES))
    except MissingFile:
        problems.append(Problem(rel, "", "file is missing"))
        return None
    except FileProblem as exc:
        problems.append(Problem(rel, "", f"file {exc}"))
        return None
    except YamlProblem as exc:
        problems.append(Problem(rel, exc.where, exc.message))
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


def _answer_problems(
    questions: dict[str, Question], rel: str, path: str, question_id: str, answers: dict[str, list[str]]
) -> list[Problem]:
    """A reference to a question and some of its answers: the question must exist and each answer be one of its choices."""
    question = questions.get(question_id)
    if question is None:
        return [Problem(rel, f"{path}.question" if path else "question", f"unknown question id '{question_id}'")]
    valid = {c.value for c in question.choices}
    out = []
    for key, values in answers.items():
        for i, answer in enumerate(values):
            if answer not in valid:
                out.append(
                    Problem(
                        rel,
                        f"{path}.{key}[{i}]" if path else f"{key}[{i}]",
                        f"'{answer}' is not a choice of question '{question_id}' (choices: {', '.join(sorted(valid))})",
                    )
                )
    return out


def _option_problems(known: Sequence[str], rel: str, path: str, option_ids: str | Sequence[str]) -> list[Problem]:
    """Every option id named must be one the content has; a single id is reported at ``path``, a list item by index."""
    items = [(path, option_ids)] if isinstance(option_ids, str) else [(f"{path}[{i}]", o) for i, o in enumerate(option_ids)]
    return [
        Problem(rel, where, f"unknown option id '{o}' (options: {', '.join(known)})") for where, o in items if o not in known
    ]


def _ordering_problems(ordering: OrderingContent, questions: dict[str, Question], option_ids: list[str]) -> list[Problem]:
    rel = ORDERING_FILE
    out: list[Problem] = []
    stage_q = ordering.stage_question
    if stage_q not in questions:
        out.append(Problem(rel, "stage_question", f"unknown question id '{stage_q}'"))
    for s_i, stage in enumerate(ordering.stages):
        if stage_q in questions:
            out += _answer_problems(questions, rel, f"stages[{s_i}]", stage_q, {"when": stage.when})
        out += _option_problems(option_ids, rel, f"stages[{s_i}].order", stage.order)
        missing = [o for o in option_ids if o not in stage.order]
        if missing:
            out.append(Problem(rel, f"stages[{s_i}].order", f"leaves out option(s) {', '.join(missing)}: list every option"))
    for l_i, later in enumerate(ordering.later):
        out += _option_problems(option_ids, rel, f"later[{l_i}].option", later.option)
        if stage_q in questions:
            out += _answer_problems(questions, rel, f"later[{l_i}]", stage_q, {"stage_answers": later.stage_answers})
    for m_i, move in enumerate(ordering.moves):
        out += _answer_problems(questions, rel, f"moves[{m_i}]", move.question, {"when": move.when})
        out += _option_problems(option_ids, rel, f"moves[{m_i}].options", move.options)
    return out


def _listed_option_ids(root: Path, ordering: OrderingContent | None) -> list[str]:
    """The options to load: those ordering.yaml lists, or, when it is broken, the files present (to check them anyway)."""
    if ordering is not None:
        return list(ordering.option_ids)
    return sorted(p.stem for p in (root / OPTIONS_DIR).glob("*.yaml"))


def check_content(directory: Path | None = None, today: dt.date | None = None) -> tuple[Content | None, list[Problem]]:
    """Return the bundle (or None) and every problem found; never raises for bad content."""
    root = Path(directory) if directory is not None else DEFAULT_CONTENT_DIR
    today = today or dt.date.today()
    problems: list[Problem] = []
    if not root.is_dir():
        # The folder's own name only: the app shows problems to its users, who must not see server paths.
        return None, [Problem(root.name or "content", "", "content folder not found")]

    refs_raw = _read_yaml(root / REFERENCES_FILE, REFERENCES_FILE, problems)
    references: dict[str, Reference] = {}
    if refs_raw is not None:
        if not isinstance(refs_raw, dict) or not isinstance(refs_raw.get("references"), list):
            problems.append(Problem(REFERENCES_FILE, "references", "expected a list under 'references:'"))
        else:
            for i, item in enumerate(refs_raw["references"]):
                sub: list[Problem] = []
                ref = _validate(Reference, item, REFERENCES_FILE, sub)
                problems.extend(Problem(p.file, f"references[{i}].{p.field}", p.message) for p in sub)
                if ref is None:
                    continue
                if ref.id in references:
                    problems.append(Problem(REFERENCES_FILE, f"references[{i}].id", f"duplicate reference id '{ref.id}'"))
                if ref.year > today.year:
                    problems.append(Problem(REFERENCES_FILE, f"references[{i}].year", f"year {ref.year} is in the future"))
                references[ref.id] = ref

    def load(model: type[M], rel: str) -> M | None:
        return cast("M | None", _validate(model, _read_yaml(root / rel, rel, problems), rel, problems))

    ordering = load(OrderingContent, ORDERING_FILE)
    option_ids = _listed_option_ids(root, ordering)
    options: dict[str, OptionCard] = {}
    raw_by_file: dict[str, Any] = {}
    for option_id in option_ids:
        rel = f"{OPTIONS_DIR}/{option_id}.yaml"
        card = load(OptionCard, rel)
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
            if extra.stem not in option_ids:
                problems.append(
                    Problem(f"{OPTIONS_DIR}/{extra.name}", "",
                            f"option file not listed in {ORDERING_FILE}; add '{extra.stem}' to every stage's order there")
                )

    about = load(About, ABOUT_FILE)
    if about is not None and about.review.last_reviewed > today:
        problems.append(Problem(ABOUT_FILE, "review.last_reviewed", f"date {about.review.last_reviewed} is in the future"))
    if about is not None:
        last = len(about.change_log) - 1
        newest = about.change_log[last].date
        if newest > today:
            problems.append(Problem(ABOUT_FILE, f"change_log[{last}].date", f"date {newest} is in the future"))
        elif newest < about.review.last_reviewed:
            problems.append(Problem(
                ABOUT_FILE, f"change_log[{last}].date",
                f"the newest entry ({newest}) is older than review.last_reviewed "
                f"({about.review.last_reviewed}): log what the review changed",
            ))
    other = load(OtherTreatments, OTHER_FILE)
    questionnaire = load(Questionnaire, QUESTIONNAIRE_FILE)
    rules = load(Rules, RULES_FILE)
    crisis = load(Crisis, CRISIS_FILE)
    wording = load(Wording, WORDING_FILE)
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
                problems += _answer_problems(
                    questions, RULES_FILE, f"rules[{r_i}]", rule.question, {"when": rule.when, "ask_when": rule.ask_when}
                )
                problems += _option_problems(option_ids, RULES_FILE, f"rules[{r_i}].option", rule.option)
        if ordering is not None:
            problems += _ordering_problems(ordering, questions, option_ids)
        if wording is not None:
            for t_i, topic in enumerate(wording.deck_topics):
                for w_i, when in enumerate(topic.first_when):
                    problems += _answer_problems(
                        questions, WORDING_FILE, f"deck_topics[{t_i}].first_when[{w_i}]", when.question,
                        {"answers": when.answers},
                    )

    parts = (about, other, questionnaire, rules, ordering, crisis, wording)
    if problems or any(part is None for part in parts):
        return None, problems
    assert about and other and questionnaire and rules and ordering and crisis and wording
    content = Content(
        options=options, references=references, about=about, other=other, questionnaire=questionnaire,
        rules=rules.rules, ordering=ordering, crisis=crisis, wording=wording,
    )
    return content, []


def load_crisis(directory: Path | None = None) -> Crisis | None:
    """Crisis help on its own, so the app can show it even when the rest of the content is broken."""
    root = Path(directory) if directory is not None else DEFAULT_CONTENT_DIR
    problems: list[Problem] = []
    return cast("Crisis | None", _validate(Crisis, _read_yaml(root / CRISIS_FILE, CRISIS_FILE, problems), CRISIS_FILE, problems))


def load_content(directory: Path | None = None, today: dt.date | None = None) -> Content:
    content, problems = check_content(directory, today)
    if content is None:
        raise ContentError(problems)
    return content
