"""A person's answers, checked against the questionnaire.

Answers only ever live in memory (the browser session or one CLI call). They
are checked on the way in so the engine can trust them: an unknown question id
or an answer that is not one of the choices is a clear error, never ignored.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .models import PREFER_NOT_TO_SAY, Content, Question
from .usertext import quoted

READINESS_KEY = "readiness"
AnswerValue = str | tuple[str, ...]

MAX_NESTING = 20
"""Answers nest two deep at most (an object of lists, the readiness object); deeper is refused, not recursed into."""
MAX_NUMBER_DIGITS = 30
"""No answer is a number; a longer one is refused before Python is asked to convert thousands of digits."""


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
        raise AnswersError(f"answer to '{question.id}' must be a single text value, not {_kind(value)}")
    allowed = [c.value for c in question.choices] + [PREFER_NOT_TO_SAY]
    if value not in allowed:
        raise AnswersError(f"{_shown(value)} is not a valid answer to '{question.id}' (choices: {', '.join(allowed)})")
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
            raise AnswersError(f"{_shown(item)} is not a valid answer to '{question.id}' (choices: {', '.join(allowed)})")
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
            raise AnswersError(f"unknown question id {_shown(key)}")
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
            raise AnswersError(f"unknown readiness item {_shown(key)} (items: {', '.join(sorted(ids))})")
        if answer is None or answer == "":
            continue
        if answer not in ("yes", "no"):
            raise AnswersError(f"readiness item '{key}' must be 'yes' or 'no', not {_shown(answer)}")
        out[key] = answer
    return out


def parse_answers_json(content: Content, text: str) -> Answers:
    """Answers from JSON text (an answers file); empty text means nothing was answered.

    The text may come from anyone, so every way it can be wrong ends in one
    ``AnswersError`` sentence: never a traceback, a recursion error, or a
    conversion of a 5,000-digit number.
    """
    if text.startswith("\ufeff"):
        raise AnswersError("byte-order mark (BOM) at the start; save it as UTF-8 without a BOM")
    if not text.strip():
        return Answers()
    try:
        raw = json.loads(text, parse_int=_small_int, parse_constant=_no_constant, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        raise AnswersError(f"not valid JSON (line {exc.lineno}, column {exc.colno})") from exc
    except RecursionError as exc:
        raise AnswersError(_too_deep()) from exc
    if not isinstance(raw, dict):
        raise AnswersError("not a JSON object of question id to answer")
    if _nesting(raw) > MAX_NESTING:
        raise AnswersError(_too_deep())
    return parse_answers(content, raw)


def _small_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise AnswersError(f"a number {len(digits.lstrip('-')):,} digits long; answers are words, not numbers")
    return int(digits)


def _no_constant(name: str) -> object:
    raise AnswersError(f"not valid JSON ({name} is not a JSON value)")


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in pairs:
        if key in out:
            raise AnswersError(f"the key {quoted(key)} is given twice; keep one")
        out[key] = value
    return out


def _nesting(value: object) -> int:
    """How deep lists and objects nest, without recursion and without looking past the limit."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_NESTING:
            return depth
        deepest = max(deepest, depth)
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return deepest


def _too_deep() -> str:
    return f"lists or objects nested more than {MAX_NESTING} levels deep; answers need at most 2"


def _kind(value: object) -> str:
    """What a value is, in words, without converting it to text (a huge number cannot be)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    return f"a {type(value).__name__}"


def _shown(value: object) -> str:
    """A value echoed in a message: quoted, escaped and cut if text, else described."""
    return quoted(value) if isinstance(value, str) else _kind(value)
