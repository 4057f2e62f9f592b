"""A person's answers, checked against the questionnaire.

Answers only ever live in memory (the browser session or one CLI call). They
are checked on the way in so the engine can trust them: an unknown question id
or an answer that is not one of the choices is a clear error, never ignored.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .models import PREFER_NOT_TO_SAY, Content, Question

READINESS_KEY = "readiness"
AnswerValue = str | tuple[str, ...]


class AnswersError(ValueError):
    """An answers file or form value that does not fit the questionnaire."""


class Answers(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    values: dict[str, AnswerValue] = Field(default_factory=dict)
    readiness: dict[str, Literal["yes", "no"]] = Field(default_factory=dict)

    def get(self, question_id: str) -> AnswerValue | None:
        return self.values.get(question_id)

    def selected(self, question_id: str) -> tuple[str, ...]:
        """Chosen values as a tuple, so single and multi questions are handled alike."""
        value = self.values.get(question_id)
        if value is None:
            return ()
        return value if isinstance(value, tuple) else (value,)


def _check_single(question: Question, value: object) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise AnswersError(f"answer to '{question.id}' must be a single text value, not {type(value).__name__}")
    allowed = [c.value for c in question.choices] + [PREFER_NOT_TO_SAY]
    if value not in allowed:
        raise AnswersError(f"'{value}' is not a valid answer to '{question.id}' (choices: {', '.join(allowed)})")
    return value


def _check_multi(question: Question, value: object) -> tuple[str, ...] | None:
    if value is None:
        return None
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list | tuple):
        raise AnswersError(f"answer to '{question.id}' must be a list of choices")
    allowed = [c.value for c in question.choices] + [PREFER_NOT_TO_SAY]
    out: list[str] = []
    for item in items:
        if not isinstance(item, str) or item not in allowed:
            raise AnswersError(f"'{item}' is not a valid answer to '{question.id}' (choices: {', '.join(allowed)})")
        if item not in out:
            out.append(item)
    if PREFER_NOT_TO_SAY in out and len(out) > 1:
        out = [PREFER_NOT_TO_SAY]
    return tuple(out) or None


def parse_answers(content: Content, raw: Mapping[str, object]) -> Answers:
    """Check raw answers (question id -> value, plus optional 'readiness') against the questionnaire."""
    if not isinstance(raw, Mapping):
        raise AnswersError("answers must be an object of question id to answer")
    questions = content.questionnaire.questions
    values: dict[str, AnswerValue] = {}
    readiness: dict[str, Literal["yes", "no"]] = {}
    for key, value in raw.items():
        if key == READINESS_KEY:
            readiness = _parse_readiness(content, value)
            continue
        question = questions.get(key)
        if question is None:
            raise AnswersError(f"unknown question id '{key}'")
        checked = _check_single(question, value) if question.kind == "single" else _check_multi(question, value)
        if checked is not None:
            values[key] = checked
    return Answers(values=values, readiness=readiness)


def _parse_readiness(content: Content, value: object) -> dict[str, Literal["yes", "no"]]:
    if not isinstance(value, Mapping):
        raise AnswersError("'readiness' must be an object of item id to 'yes' or 'no'")
    ids = {item.id for item in content.questionnaire.readiness}
    out: dict[str, Literal["yes", "no"]] = {}
    for key, answer in value.items():
        if key not in ids:
            raise AnswersError(f"unknown readiness item '{key}' (items: {', '.join(sorted(ids))})")
        if answer is None or answer == "":
            continue
        if answer not in ("yes", "no"):
            raise AnswersError(f"readiness item '{key}' must be 'yes' or 'no', not {answer!r}")
        out[key] = answer
    return out
