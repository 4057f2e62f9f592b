"""The command line met by a hostile or unlucky user: every bad input ends in one short, harmless line and exit 2.

Each case is a file or argument a person could really pass: a number of
thousands of digits, /dev/zero, a terminal escape sequence, a full disk, a
document they did not mean to replace. None may end in a traceback, flood the
terminal, act on it, or leave a damaged file behind.
"""

from __future__ import annotations

import io
import json
import os
import re
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest

from decision_aid import cli
from decision_aid.answers import MAX_NESTING
from decision_aid.usertext import MAX_ERROR_CHARS, MAX_NOTES_CHARS

ROOT = Path(__file__).resolve().parent.parent
ESC = "\x1b]0;owned\x07\x1b[2J"  # retitle the terminal window, then clear the screen


def run_cli(*args: str, preexec_fn: Callable[[], None] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "decision_aid", *args],
        capture_output=True, text=True, cwd=ROOT, timeout=120, preexec_fn=preexec_fn,
    )


def assert_one_safe_line(result: subprocess.CompletedProcess[str], needle: str, code: int = cli.EXIT_BAD_INPUT) -> str:
    """Exit code, exactly one bounded line on stderr, nothing a terminal would act on, no traceback."""
    assert result.returncode == code, result.stderr[:2000]
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr[:2000]
    [line] = lines
    assert len(line) <= MAX_ERROR_CHARS
    assert not re.search(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e]", line), repr(line)
    assert needle in line, line
    return line


def answers_file(folder: Path, text: str | bytes, name: str = "answers.json") -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def handout(folder: Path, *extra: str, answers: str = "{}", output: Path | None = None, **kw) -> subprocess.CompletedProcess[str]:
    out = output or folder / "out.pdf"
    return run_cli("handout", "--answers", str(answers_file(folder, answers)), "--options", "ssri", "-o", str(out), *extra, **kw)


def considerations(folder: Path, text: str | bytes) -> subprocess.CompletedProcess[str]:
    return run_cli("considerations", "--answers", str(answers_file(folder, text)))


# Answers files


def test_a_number_of_thousands_of_digits_is_refused_as_an_answer(tmp_path: Path) -> None:
    result = considerations(tmp_path, '{"speed": ' + "9" * 5000 + "}")
    assert_one_safe_line(result, "a number 5,000 digits long")


def test_json_nested_two_thousand_deep_is_refused(tmp_path: Path) -> None:
    result = considerations(tmp_path, '{"speed": ' + "[" * 2000 + "]" * 2000 + "}")
    assert_one_safe_line(result, f"nested more than {MAX_NESTING} levels deep")


def test_json_nested_below_the_recursion_limit_is_refused_the_same_way(tmp_path: Path) -> None:
    result = considerations(tmp_path, '{"side_effects_avoid": ' + "[" * 100 + "]" * 100 + "}")
    assert_one_safe_line(result, f"nested more than {MAX_NESTING} levels deep")


@pytest.mark.parametrize("option", ["--answers", "--notes"])
def test_dev_zero_as_answers_or_notes_is_refused_at_the_size_cap(tmp_path: Path, option: str) -> None:
    answers = "/dev/zero" if option == "--answers" else str(answers_file(tmp_path, "{}"))
    args = ["--answers", answers] if option == "--answers" else ["--answers", answers, "--notes", "/dev/zero"]
    result = run_cli("handout", *args, "--options", "ssri", "-o", str(tmp_path / "out.pdf"))
    cap = "64 KB" if option == "--answers" else "128 KB"
    assert_one_safe_line(result, f"/dev/zero is larger than the {cap} limit")
    assert not (tmp_path / "out.pdf").exists()


def test_a_50_megabyte_value_gives_one_short_line(tmp_path: Path) -> None:
    result = considerations(tmp_path, '{"speed": "' + "x" * 50_000_000 + '"}')
    assert_one_safe_line(result, "larger than the 64 KB limit")


def test_a_long_bad_value_under_the_cap_is_cut_in_the_error_line(tmp_path: Path) -> None:
    result = considerations(tmp_path, '{"speed": "' + "x" * 60_000 + 'END"}')
    line = assert_one_safe_line(result, "is not a valid answer to 'speed'")
    assert re.search(r"'x+…x+END' is not", line), line


@pytest.mark.parametrize(
    "answers",
    [{ESC: "very"}, {"speed": ESC}, {"readiness": {ESC: "yes"}}, {"readiness": {"sure": ESC}}],
    ids=["key", "value", "readiness key", "readiness value"],
)
def test_escape_sequences_in_answers_are_shown_escaped(tmp_path: Path, answers: dict) -> None:
    line = assert_one_safe_line(considerations(tmp_path, json.dumps(answers)), "answer")
    assert "\\x1b]0;owned\\x07\\x1b[2J" in line


def test_escape_sequences_in_options_and_other_arguments_are_shown_escaped(tmp_path: Path) -> None:
    for extra, needle in [
        (["--options", f"ssri,{ESC}"], "unknown option id(s): \\x1b]0;owned"),
        (["--paper", ESC], "--paper must be one of letter, a4, not '\\x1b]0;owned"),
        (["--date", ESC], "--date must be a real date written YYYY-MM-DD, not '\\x1b]0;owned"),
    ]:
        assert_one_safe_line(handout(tmp_path, *extra), needle)


def test_escape_sequences_in_a_file_name_are_shown_escaped(tmp_path: Path) -> None:
    result = run_cli("considerations", "--answers", str(tmp_path / f"missing{ESC}.json"))
    assert_one_safe_line(result, "\\x07\\x1b[2J.json: it does not exist")


def test_argument_errors_are_escaped_and_exit_2(tmp_path: Path) -> None:
    result = run_cli("considerations", "--answers", "a.json", f"--colour{ESC}")
    assert result.returncode == cli.EXIT_BAD_INPUT
    assert "\x1b" not in result.stderr and "Traceback" not in result.stderr
    assert "unrecognized arguments: --colour\\x1b]0;owned" in result.stderr


def test_duplicate_json_keys_are_refused(tmp_path: Path) -> None:
    result = considerations(tmp_path, '{"speed": "very", "speed": "not_much"}')
    assert_one_safe_line(result, "the key 'speed' is given twice")


def test_duplicate_keys_inside_readiness_are_refused(tmp_path: Path) -> None:
    result = considerations(tmp_path, '{"readiness": {"sure": "yes", "sure": "no"}}')
    assert_one_safe_line(result, "the key 'sure' is given twice")


def test_a_byte_order_mark_is_named(tmp_path: Path) -> None:
    result = considerations(tmp_path, b'\xef\xbb\xbf{"speed": "very"}')
    assert_one_safe_line(result, "byte-order mark (BOM)")


def test_utf16_and_other_non_utf8_files_are_named_as_such(tmp_path: Path) -> None:
    assert_one_safe_line(considerations(tmp_path, '{"speed": "very"}'.encode("utf-16")), "save it as UTF-8")
    assert_one_safe_line(considerations(tmp_path, b'{"speed": "\xff"}'), "is not UTF-8 text (byte 12")


def test_nan_is_not_json(tmp_path: Path) -> None:
    assert_one_safe_line(considerations(tmp_path, '{"speed": NaN}'), "not valid JSON (NaN is not a JSON value)")


def test_a_folder_as_the_answers_file_is_refused(tmp_path: Path) -> None:
    assert_one_safe_line(run_cli("considerations", "--answers", str(tmp_path)), "is a folder, not a file")


# Notes and name


def test_notes_longer_than_the_handout_prints_are_refused_not_cut(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("n" * (MAX_NOTES_CHARS + 1), encoding="utf-8")
    result = handout(tmp_path, "--notes", str(notes))
    assert_one_safe_line(result, f"has 20,001 characters; the handout prints at most {MAX_NOTES_CHARS:,}")
    assert not (tmp_path / "out.pdf").exists()


def test_a_name_longer_than_the_handout_prints_is_refused(tmp_path: Path) -> None:
    assert_one_safe_line(handout(tmp_path, "--name", "N" * 121), "--name has 121 characters")


# Writing the PDF


def _file_size_limit(size: int) -> Callable[[], None]:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return limit


def test_a_write_that_fails_half_way_keeps_the_old_pdf_and_leaves_no_part_file(tmp_path: Path) -> None:
    out = tmp_path / "handout.pdf"
    old = b"%PDF-1.4 the handout printed last week\n"
    out.write_bytes(old)
    result = handout(tmp_path, output=out, preexec_fn=_file_size_limit(8_000))
    assert_one_safe_line(result, "cannot write")
    assert "File too large; nothing was written" in result.stderr
    assert out.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.json", "handout.pdf"]


def test_a_write_that_fails_half_way_leaves_no_file_at_all(tmp_path: Path) -> None:
    result = handout(tmp_path, preexec_fn=_file_size_limit(8_000))
    assert_one_safe_line(result, "cannot write")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.json"]


def test_a_document_that_is_not_a_pdf_is_not_replaced(tmp_path: Path) -> None:
    thesis = tmp_path / "thesis.docx"
    thesis.write_bytes(b"PK\x03\x04 four years of work")
    result = handout(tmp_path, output=thesis)
    assert_one_safe_line(result, "thesis.docx already exists and is not a PDF; choose another name, or add --force")
    assert thesis.read_bytes() == b"PK\x03\x04 four years of work"


def test_force_replaces_a_file_that_is_not_a_pdf(tmp_path: Path) -> None:
    target = tmp_path / "old.txt"
    target.write_text("scratch", encoding="utf-8")
    result = handout(tmp_path, "--force", output=target)
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(b"%PDF-")


def test_an_earlier_pdf_is_replaced_and_keeps_its_permissions(tmp_path: Path) -> None:
    out = tmp_path / "handout.pdf"
    out.write_bytes(b"%PDF-1.4 older handout")
    out.chmod(0o640)
    result = handout(tmp_path, output=out)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-") and len(out.read_bytes()) > 1000
    assert out.stat().st_mode & 0o777 == 0o640


def test_a_new_pdf_gets_the_usual_permissions_not_the_temporary_files(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    os.umask(umask)
    assert handout(tmp_path).returncode == 0
    assert (tmp_path / "out.pdf").stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_symbolic_link_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.pdf"
    real.write_bytes(b"%PDF-1.4 old")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    assert handout(tmp_path, output=link).returncode == 0
    assert link.is_symlink()
    assert len(real.read_bytes()) > 1000


def test_a_folder_a_device_or_a_missing_folder_is_never_written(tmp_path: Path) -> None:
    assert_one_safe_line(handout(tmp_path, "--force", output=tmp_path), "is a folder; give a file name")
    pipe = tmp_path / "pipe.pdf"
    os.mkfifo(pipe)
    assert_one_safe_line(handout(tmp_path, "--force", output=pipe), "is not a regular file")
    assert_one_safe_line(handout(tmp_path, output=tmp_path / "nowhere" / "out.pdf"), "its folder does not exist")


# Dates


@pytest.mark.parametrize("text", ["20260101", "2026-1-1", "2026-W01-1", "２０２６-01-01", "2026-01-01T00:00", " 2026-01-01"])
def test_only_yyyy_mm_dd_is_a_date(tmp_path: Path, text: str) -> None:
    assert_one_safe_line(handout(tmp_path, "--date", text), "--date must be a real date written YYYY-MM-DD")


@pytest.mark.parametrize("text", ["0001-01-01", "0999-12-31", "9999-12-31"])
def test_pdf_dates_are_well_formed_for_any_year(tmp_path: Path, text: str) -> None:
    out = tmp_path / "out.pdf"
    result = handout(tmp_path, "--date", text, output=out)
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    stamps = re.findall(rb"\((D:[^)]*)\)", data)
    assert stamps, "the PDF carries its dates"
    digits = text.replace("-", "").encode()
    assert all(s == b"D:" + digits + b"000000+00'00'" for s in stamps), stamps
    info = pypdf.PdfReader(io.BytesIO(data)).metadata
    assert info is not None and info.creation_date_raw == f"D:{text.replace('-', '')}000000+00'00'"


# Nothing else escapes either


def test_a_closed_output_pipe_ends_quietly(tmp_path: Path) -> None:
    answers = answers_file(tmp_path, '{"metal_in_head": "yes"}')
    proc = subprocess.Popen(
        [sys.executable, "-m", "decision_aid", "considerations", "--answers", str(answers)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert proc.stdout is not None
    proc.stdout.close()  # the reader goes away before the JSON is written, as with `| head -c0`
    _, err = proc.communicate(timeout=120)
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert proc.returncode == 1


def test_an_unexpected_fault_is_one_line_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_: object) -> None:
        raise RuntimeError("engine fault\nwith a second line")

    monkeypatch.setattr(cli, "points_for", broken)
    code = cli.main(["considerations", "--answers", str(answers_file(tmp_path, "{}"))])
    err = capsys.readouterr().err
    assert code == cli.EXIT_INTERNAL
    assert err.splitlines() == ["error: unexpected RuntimeError; please report it with the command that caused it"]
