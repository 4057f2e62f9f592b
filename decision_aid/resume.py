"""A resume code: a person's answers written as a short code they can carry to another browser.

Nothing is stored on a server: the code *is* the answers, so it keeps working
after a restart, on another machine running the same guide, and it can never
let one person reach another's answers. The price is that anyone who has the
code can read the answers in it, which is why health answers go in only when
the person asks, and why the app says so next to the choice.

How it is built, and why:

- Every question is one digit of a mixed-radix number: a single-choice question
  has a digit for "not answered", each choice and "Prefer not to say"; a
  multiple-choice question a digit for each set of choices (or "Prefer not to
  say"); a readiness item "not answered", "yes" or "no". With the shipped
  questionnaire that is about 32 bits without health answers, 58 with them.
- A 21-bit CRC (the CAN FD polynomial) follows the number. It is computed over
  a fingerprint of the questionnaire's layout, whether health answers are in,
  and the number. A CRC of degree 21 catches every error burst of up to 21
  bits, so any single mistyped character (5 bits) and any swap of two
  neighbouring characters (10 bits) is always refused; anything else passes
  by chance about once in two million. A code made for a different
  questionnaire (a later version of the guide) fails the same check instead
  of filling in the wrong questions.
- The number and its check are mixed with a fixed pattern (an exclusive or,
  which leaves the CRC's guarantees as they are), so a code does not show at
  a glance how much was answered.
- The result is written in Crockford's base 32 (digits and capital letters
  without I, L, O and U, so it can be read aloud and typed on a phone), in
  groups of four: 11 characters without health answers, 16 with them.

The check protects against mistakes, not against a forger: the format is
public, and a code only ever fills in answers the person could have given
themselves. It is not encryption either, as the app's warning says.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from .answers import READINESS_KEY, Answers, AnswersError, parse_answers
from .models import PREFER_NOT_TO_SAY, Content

FORMAT_VERSION = 1
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
"""Crockford's base 32."""
_DIGIT = {ch: i for i, ch in enumerate(ALPHABET)}
_LOOKALIKES = {"O": "0", "I": "1", "L": "1"}
_SEPARATORS = " -\u2010\u2011\u2012\u2013\u2014\t\n\r"
BITS_PER_CHAR = 5
GROUP = 4

CHECK_BITS = 21
_POLY = 0x102899
"""CRC-21/CAN-FD: x^21 + x^20 + x^13 + x^11 + x^7 + x^4 + x^3 + 1 (the x^21 term is implied)."""
_CHECK_MASK = (1 << CHECK_BITS) - 1
_FINGERPRINT_BITS = 32

READY_VALUES = ("yes", "no")

EMPTY_MESSAGE = "Type or paste your code first."
CHARACTER_MESSAGE = (
    "This code has a character that is never in a code. Codes use only numbers and capital letters. "
    "Check it and try again."
)
LENGTH_MESSAGE = "This code is too short or too long. Check that you typed all of it."
CHECK_MESSAGE = (
    "This code does not work. Check it for typing mistakes and try again. "
    "A code made with a different version of this guide cannot be used here."
)


class ResumeCodeError(ValueError):
    """A code that cannot be read; the message is plain enough to show the person as it is."""


@dataclass(frozen=True, slots=True)
class _Slot:
    """One digit of the number: one question or readiness item."""

    key: str
    kind: Literal["single", "multi", "readiness"]
    values: tuple[str, ...]
    """The answers in digit order (without "not answered")."""

    @property
    def radix(self) -> int:
        if self.kind == "multi":
            # Every set of the real choices (the empty set is "not answered"), plus "Prefer not to say".
            return (1 << len(self.values)) + 1
        return len(self.values) + 1

    def digit(self, answers: Answers) -> int:
        if self.kind == "readiness":
            value = answers.readiness.get(self.key)
            return 0 if value is None else self.values.index(value) + 1
        chosen = answers.selected(self.key)
        if not chosen:
            return 0
        if self.kind == "single":
            return self.values.index(chosen[0]) + 1
        if PREFER_NOT_TO_SAY in chosen:
            return 1 << len(self.values)
        return sum(1 << self.values.index(v) for v in chosen)

    def answer(self, digit: int) -> str | list[str] | None:
        if digit == 0:
            return None
        if self.kind != "multi":
            return self.values[digit - 1]
        if digit == 1 << len(self.values):
            return [PREFER_NOT_TO_SAY]
        return [v for i, v in enumerate(self.values) if digit >> i & 1]


@dataclass(frozen=True, slots=True)
class _Layout:
    slots: tuple[_Slot, ...]
    with_health: bool
    fingerprint: int
    whitening: bytes
    """Mixed into the written code so that it does not show how much was answered (mostly zeros)."""

    @property
    def capacity(self) -> int:
        """How many different answer sets this layout can hold."""
        total = 1
        for slot in self.slots:
            total *= slot.radix
        return total

    @property
    def value_bits(self) -> int:
        return (self.capacity - 1).bit_length()

    @property
    def mask(self) -> int:
        width = self.value_bits + CHECK_BITS
        return int.from_bytes(self.whitening, "big") & ((1 << width) - 1)

    @property
    def length(self) -> int:
        """Characters in a code of this layout (without the dashes)."""
        return -(-(self.value_bits + CHECK_BITS) // BITS_PER_CHAR)


@dataclass(frozen=True, slots=True)
class Resumed:
    """What a code held."""

    answers: Answers
    with_health: bool
    """Whether the code carried health answers (possibly none answered)."""


def _slots(content: Content, health: bool) -> list[_Slot]:
    slots: list[_Slot] = []
    for step in content.questionnaire.steps:
        for q in step.questions:
            if q.health != health:
                continue
            real = tuple(c.value for c in q.choices)
            if q.kind == "single":
                slots.append(_Slot(q.id, "single", (*real, PREFER_NOT_TO_SAY)))
            else:
                slots.append(_Slot(q.id, "multi", real))
    if not health:
        slots += [_Slot(item.id, "readiness", READY_VALUES) for item in content.questionnaire.readiness]
    return slots


def _layout(content: Content, with_health: bool) -> _Layout:
    slots = _slots(content, health=False) + (_slots(content, health=True) if with_health else [])
    described = [FORMAT_VERSION, with_health, [[s.key, s.kind, list(s.values)] for s in slots]]
    digest = hashlib.sha256(json.dumps(described, separators=(",", ":")).encode("utf-8")).digest()
    whitening = hashlib.sha256(b"whitening" + digest).digest()
    return _Layout(tuple(slots), with_health, int.from_bytes(digest[: _FINGERPRINT_BITS // 8], "big"), whitening)


def _bits(value: int, width: int) -> Iterator[int]:
    for i in range(width - 1, -1, -1):
        yield value >> i & 1


def _check(layout: _Layout, value: int) -> int:
    """CRC of the layout's fingerprint, the health flag and the number, most significant bit first."""
    register = 0
    message = [*_bits(layout.fingerprint, _FINGERPRINT_BITS), int(layout.with_health), *_bits(value, layout.value_bits)]
    for bit in message:
        feedback = (register >> (CHECK_BITS - 1) & 1) ^ bit
        register = (register << 1) & _CHECK_MASK
        if feedback:
            register ^= _POLY & _CHECK_MASK
    return register


def _number(layout: _Layout, answers: Answers) -> int:
    value = 0
    for slot in reversed(layout.slots):
        value = value * slot.radix + slot.digit(answers)
    return value


def _spell(number: int, length: int) -> str:
    chars = []
    for _ in range(length):
        number, digit = divmod(number, 1 << BITS_PER_CHAR)
        chars.append(ALPHABET[digit])
    return "".join(reversed(chars))


def group(code: str) -> str:
    """Dashes every four characters, so a code can be read out and typed in chunks."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def encode(content: Content, answers: Answers, with_health: bool) -> str:
    """The code for these answers; health answers are left out unless ``with_health``."""
    layout = _layout(content, with_health)
    value = _number(layout, answers)
    return group(_spell((value << CHECK_BITS | _check(layout, value)) ^ layout.mask, layout.length))


def normalise(code: str) -> str:
    """The characters that count: case, dashes and spaces do not, and O, I and L are read as 0, 1 and 1."""
    out = []
    for ch in code.upper():
        if ch in _SEPARATORS:
            continue
        out.append(_LOOKALIKES.get(ch, ch))
    return "".join(out)


def _raw_answers(layout: _Layout, text: str) -> dict[str, object] | None:
    """The answers spelled by ``text`` under ``layout``, or None when its check does not hold."""
    number = 0
    for ch in text:
        number = number << BITS_PER_CHAR | _DIGIT[ch]
    number ^= layout.mask
    value, check = number >> CHECK_BITS, number & _CHECK_MASK
    if value >= layout.capacity or check != _check(layout, value):
        return None
    raw: dict[str, object] = {}
    readiness: dict[str, object] = {}
    for slot in layout.slots:
        value, digit = divmod(value, slot.radix)
        answer = slot.answer(digit)
        if answer is None:
            continue
        if slot.kind == "readiness":
            readiness[slot.key] = answer
        else:
            raw[slot.key] = answer
    if readiness:
        raw[READINESS_KEY] = readiness
    return raw


def decode(content: Content, code: str) -> Resumed:
    """The answers a code holds; a ``ResumeCodeError`` with a plain message when it cannot be read."""
    text = normalise(code)
    if not text:
        raise ResumeCodeError(EMPTY_MESSAGE)
    if any(ch not in _DIGIT for ch in text):
        raise ResumeCodeError(CHARACTER_MESSAGE)
    layouts = [layout for layout in (_layout(content, False), _layout(content, True)) if layout.length == len(text)]
    if not layouts:
        raise ResumeCodeError(LENGTH_MESSAGE)
    for layout in layouts:
        raw = _raw_answers(layout, text)
        if raw is not None:
            try:
                return Resumed(parse_answers(content, raw), layout.with_health)
            except AnswersError:  # only if the digits and the questionnaire disagree, which the check rules out
                break
    raise ResumeCodeError(CHECK_MESSAGE)


def code_lengths(content: Content) -> Sequence[int]:
    """Characters in a code without and with health answers (dashes not counted)."""
    return (_layout(content, False).length, _layout(content, True).length)
