"""`python -m decision_aid handout`: the same builder from the command line, with one-line errors for bad input."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pypdf

from .cli_support import answers_file, run_cli


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli("handout", *args)


def _text(pdf: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(pdf.read_bytes())).pages)


def _assert_one_line_error(result: subprocess.CompletedProcess[str], needle: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert needle in lines[0]


def test_handout_command_writes_a_pdf_with_the_chosen_options(tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    notes = tmp_path / "notes.txt"
    notes.write_text("Ask about <b>side effects</b> & costs.", encoding="utf-8")
    result = run_cli("handout",
        "--answers", str(answers_file(tmp_path, {"speed": "very"})), "--options", "ketamine,ssri",
        "--name", "Zoë", "--notes", str(notes), "--paper", "a4", "--large-print", "--include-health",
        "--date", "2025-01-02", "--order", "what_matters", "-o", str(out),
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    text = _text(out)
    assert "Ketamine or esketamine" in text and "SSRI" in text
    assert "Zoë" in text
    assert "Ask about <b>side effects</b> & costs." in text
    assert "January 2, 2025" in text


def test_empty_answers_file_means_nothing_answered(tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    result = _run("--answers", str(answers_file(tmp_path, "")), "--options", "exercise", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "No answers given yet." in _text(out)


def test_same_date_gives_the_same_file(tmp_path: Path) -> None:
    answers = str(answers_file(tmp_path, {"cost": "a_lot"}))
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for out in (first, second):
        assert _run("--answers", answers, "--options", "rtms", "--date", "2025-05-05", "-o", str(out)).returncode == 0
    assert first.read_bytes() == second.read_bytes()


def test_unknown_option_id_exits_2_with_one_line_error(tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    result = _run("--answers", str(answers_file(tmp_path, {})), "--options", "ketamine,magic", "-o", str(out))
    _assert_one_line_error(result, "unknown option id(s): magic")
    assert not out.exists()


def test_unreadable_answers_file_exits_2(tmp_path: Path) -> None:
    result = _run("--answers", str(tmp_path / "missing.json"), "--options", "ssri", "-o", str(tmp_path / "out.pdf"))
    _assert_one_line_error(result, "cannot read answers file")


def test_answers_file_that_is_not_json_exits_2(tmp_path: Path) -> None:
    result = _run("--answers", str(answers_file(tmp_path, "speed: very")), "--options", "ssri", "-o", str(tmp_path / "o.pdf"))
    _assert_one_line_error(result, "not valid JSON")


def test_answers_that_do_not_fit_the_questionnaire_exit_2(tmp_path: Path) -> None:
    result = _run("--answers", str(answers_file(tmp_path, {"speed": "warp"})), "--options", "ssri", "-o", str(tmp_path / "o.pdf"))
    _assert_one_line_error(result, "'warp' is not a valid answer")


def test_bad_date_exits_2(tmp_path: Path) -> None:
    answers = str(answers_file(tmp_path, {}))
    result = _run("--answers", answers, "--options", "ssri", "--date", "2025-02-30", "-o", str(tmp_path / "o.pdf"))
    _assert_one_line_error(result, "--date must be a real date written YYYY-MM-DD")


def test_bad_paper_and_missing_notes_file_exit_2(tmp_path: Path) -> None:
    answers = str(answers_file(tmp_path, {}))
    _assert_one_line_error(_run("--answers", answers, "--options", "ssri", "--paper", "legal", "-o", str(tmp_path / "o.pdf")),
                           "--paper must be one of letter, a4")
    _assert_one_line_error(
        _run("--answers", answers, "--options", "ssri", "--notes", str(tmp_path / "none.txt"), "-o", str(tmp_path / "o.pdf")),
        "cannot read notes file",
    )
