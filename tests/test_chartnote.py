"""The chart note: the Presentation's words for the record, health answers only when included, never a name."""

from __future__ import annotations

import datetime as dt
import inspect
from pathlib import Path

import pytest

from decision_aid.answers import parse_answers
from decision_aid.chartnote import NOT_DECIDED, chart_note
from decision_aid.engine import build_comparison
from decision_aid.models import Content
from decision_aid.presentation import Audience, present

from .cli_support import answers_file, run_cli

ANSWERS = {
    "speed": "very",
    "side_effects_avoid": ["sexual"],
    "metal_in_head": "yes",
    "readiness": {"sure": "no", "support": "yes"},
}
METAL = "Is there any metal or an implanted device in or near your head?"




def _health_point(content: Content) -> str:
    return next(r.text for r in content.rules if r.question == "metal_in_head" and r.option == "rtms" and "yes" in r.when)


def _note(content: Content, include_health: bool, **typed: str) -> str:
    comparison = build_comparison(content, parse_answers(content, ANSWERS), ["rtms", "ssri"])
    return chart_note(present(comparison, Audience.paper(include_health)), date=dt.date(2026, 3, 4), **typed)


def test_note_command_without_health_leaves_health_answers_and_points_out(tmp_path: Path, content: Content) -> None:
    result = run_cli("note", "--answers", str(answers_file(tmp_path, ANSWERS)), "--options", "rtms,ssri", "--date", "2026-03-04")
    assert result.returncode == 0, result.stderr
    note = result.stdout
    assert "Date: 2026-03-04" in note
    assert "- Repetitive transcranial magnetic stimulation (rTMS)" in note
    assert "Which side effects would you most want to avoid? Sexual side effects" in note
    assert "Do you feel sure about which option, if any, you want to talk about? No" in note
    assert f"Decision: {NOT_DECIDED}" in note
    assert METAL not in note
    assert _health_point(content) not in note
    assert "- Not included (1 given)." in note
    assert "Not included: 1 more from health answers" in note


def test_note_command_with_health_includes_them(tmp_path: Path, content: Content) -> None:
    result = run_cli("note",
        "--answers", str(answers_file(tmp_path, ANSWERS)), "--options", "rtms,ssri", "--include-health",
        "--decision", "Referral for rTMS assessment", "--follow-up", "Review in 4 weeks",
    )
    assert result.returncode == 0, result.stderr
    note = result.stdout
    assert f"{METAL} Yes" in note
    assert _health_point(content) in note
    assert "Not included" not in note
    assert "Decision: Referral for rTMS assessment" in note
    assert "Follow-up: Review in 4 weeks" in note
    assert f"Date: {dt.date.today().isoformat()}" in note


@pytest.mark.parametrize(
    ("answers", "options", "needle"),
    [
        ({"speed": "fast"}, "ssri", "'fast' is not a valid answer to 'speed'"),
        ({"shoe_size": "9"}, "ssri", "unknown question id 'shoe_size'"),
        ("[1, 2]", "ssri", "not a JSON object"),
        ("{not json", "ssri", "not valid JSON (line 1"),
        ({"speed": "very"}, "ssri,lithium", "--options: unknown option id(s): lithium"),
    ],
)
def test_bad_input_gets_one_line_and_exit_code_2(tmp_path: Path, answers: object, options: str, needle: str) -> None:
    result = run_cli("note", "--answers", str(answers_file(tmp_path, answers)), "--options", options)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert needle in lines[0]
    assert result.stdout == ""


def test_a_bad_date_gets_one_line(tmp_path: Path) -> None:
    result = run_cli("note", "--answers", str(answers_file(tmp_path, {})), "--options", "ssri", "--date", "2026-02-30")
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "YYYY-MM-DD" in result.stderr


def test_an_empty_answers_file_gives_a_note_with_nothing_stated(tmp_path: Path) -> None:
    result = run_cli("note", "--answers", str(answers_file(tmp_path, "")), "--options", "exercise")
    assert result.returncode == 0, result.stderr
    assert "- none stated" in result.stdout
    assert "Not answered" in result.stdout


def test_note_lays_out_the_presentation_words(content: Content) -> None:
    comparison = build_comparison(content, parse_answers(content, ANSWERS), ["rtms", "ssri"])
    presentation = present(comparison, Audience.paper(include_health=True))
    note = chart_note(presentation, date=dt.date(2026, 3, 4))
    for option in presentation.options:
        assert f"- {option.name}" in note
        for point in option.points:
            assert f"{option.short_name}: {point.kind}: {point.text}" in note
    for line in presentation.matters:
        assert f"{line.question} {line.answer}" in note


def test_typed_decision_and_follow_up_stay_on_their_own_line(content: Content) -> None:
    note = _note(content, False, decision="Start SSRI\nFollow-up: forged\x1b[31m", follow_up="Call in\r\n2 weeks")
    assert "Decision: Start SSRI Follow-up: forged[31m" in note
    assert note.count("Follow-up:") == 2
    assert "Follow-up: Call in 2 weeks" in note
    assert "\x1b" not in note and "\r" not in note


def test_a_note_is_never_made_for_a_shared_screen(content: Content) -> None:
    comparison = build_comparison(content, parse_answers(content, ANSWERS), ["rtms"])
    with pytest.raises(ValueError, match="never for a shared screen"):
        chart_note(present(comparison, Audience.screen(shared=True, reveal=True)), date=dt.date(2026, 3, 4))


def test_chart_note_takes_no_name() -> None:
    """The note is never given the person's name, so it cannot print it."""
    parameters = inspect.signature(chart_note).parameters
    assert set(parameters) == {"presentation", "date", "decision", "follow_up"}
