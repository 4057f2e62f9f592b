"""`python -m decision_aid considerations`: points per option as JSON, clear errors for bad files."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from decision_aid.loader import load_content

from .cli_support import run_cli

CONTENT = load_content()



def test_considerations_prints_points_keyed_by_option(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"metal_in_head": "yes", "blood_thinners": "unsure"}))
    result = run_cli("considerations", "--answers", str(answers))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == list(CONTENT.option_ids)
    [rtms_point] = data["rtms"]
    assert [p["question"] for p in data["ect"]] == ["metal_in_head"]
    assert rtms_point["question"] == "metal_in_head"
    assert rtms_point["level"] == "specialist_advice"
    assert "metal" in rtms_point["text"]
    assert all(p["kind"] == "question to ask" for p in data["ssri"])
    assert data["exercise"] == []


def _assert_one_line_error(result: subprocess.CompletedProcess[str], needle: str) -> None:
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert needle in lines[0]


def test_answers_file_that_is_not_json_exits_2(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text("metal_in_head: yes")
    _assert_one_line_error(run_cli("considerations", "--answers", str(answers)), "not valid JSON")


def test_unknown_question_id_exits_2(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"favourite_colour": "blue"}))
    _assert_one_line_error(run_cli("considerations", "--answers", str(answers)), "unknown question id 'favourite_colour'")


def test_invalid_answer_value_exits_2(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"metal_in_head": "perhaps"}))
    _assert_one_line_error(run_cli("considerations", "--answers", str(answers)), "'perhaps' is not a valid answer")


def test_answers_file_that_is_a_list_exits_2(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text("[1, 2]")
    _assert_one_line_error(run_cli("considerations", "--answers", str(answers)), "JSON object")


def test_missing_answers_file_exits_2(tmp_path: Path) -> None:
    _assert_one_line_error(run_cli("considerations", "--answers", str(tmp_path / "nope.json")), "cannot read answers file")


def test_empty_answers_file_means_nothing_answered(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text("")
    result = run_cli("considerations", "--answers", str(answers))
    assert result.returncode == 0
    assert all(points == [] for points in json.loads(result.stdout).values())
