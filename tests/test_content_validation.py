"""The loader refuses bad content and says where the problem is, in plain words."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import yaml

from decision_aid.loader import Problem, check_content

ROOT = Path(__file__).resolve().parent.parent


def _edit(folder: Path, rel: str, change) -> None:
    path = folder / rel
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _problems(folder: Path) -> list[Problem]:
    content, problems = check_content(folder)
    assert content is None, "broken content must not load"
    assert problems
    return problems


def _only(problems: list[Problem], file: str) -> list[Problem]:
    found = [p for p in problems if p.file == file]
    assert found, f"expected a problem in {file}, got: {[str(p) for p in problems]}"
    return found


def test_shipped_content_validates_from_the_command_line() -> None:
    result = subprocess.run([sys.executable, "-m", "decision_aid", "validate"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "is valid" in result.stdout
    assert len(result.stdout.strip().splitlines()) == 1


def test_missing_field_names_the_file_and_field(content_copy: Path) -> None:
    _edit(content_copy, "options/rtms.yaml", lambda d: d["onset"].pop("summary"))
    [problem] = _only(_problems(content_copy), "options/rtms.yaml")
    assert problem.field == "onset.summary"
    assert "required field is missing" in problem.message


def test_wrong_type_names_the_file_and_field(content_copy: Path) -> None:
    _edit(content_copy, "options/ssri.yaml", lambda d: d["benefits"][0].update(treatment_per_100="most people"))
    problems = _only(_problems(content_copy), "options/ssri.yaml")
    assert any(p.field.startswith("benefits[0].treatment_per_100") for p in problems)


def test_unknown_key_is_reported_not_ignored(content_copy: Path) -> None:
    _edit(content_copy, "options/exercise.yaml", lambda d: d["practicalities"].update(costt="free"))
    [problem] = _only(_problems(content_copy), "options/exercise.yaml")
    assert problem.field == "practicalities.costt"
    assert "unknown key" in problem.message


def test_unordered_onset_range_is_refused(content_copy: Path) -> None:
    def swap(d: dict) -> None:
        d["onset"]["first_effect"].update(min=10, typical=5, max=20)

    _edit(content_copy, "options/ketamine.yaml", swap)
    [problem] = _only(_problems(content_copy), "options/ketamine.yaml")
    assert problem.field == "onset.first_effect"
    assert "ordered" in problem.message


def test_unordered_benefit_range_is_refused(content_copy: Path) -> None:
    _edit(content_copy, "options/psychotherapy.yaml",
          lambda d: d["benefits"][0].update(treatment_per_100={"low": 60, "high": 40}))
    problems = _only(_problems(content_copy), "options/psychotherapy.yaml")
    assert any("treatment_per_100" in p.field and "ordered" in p.message for p in problems)


def test_unknown_source_id_is_named_with_its_path(content_copy: Path) -> None:
    _edit(content_copy, "options/active_monitoring.yaml", lambda d: d["onset"].update(source_ids=["nobody2099"]))
    [problem] = _only(_problems(content_copy), "options/active_monitoring.yaml")
    assert problem.field == "onset.source_ids[0]"
    assert "unknown source id 'nobody2099'" in problem.message


def test_rule_citing_unknown_source_is_refused(content_copy: Path) -> None:
    _edit(content_copy, "rules.yaml", lambda d: d["rules"][0].update(source_ids=["made_up"]))
    [problem] = _only(_problems(content_copy), "rules.yaml")
    assert problem.field == "rules[0].source_ids[0]"


def test_rule_for_unknown_question_or_answer_is_refused(content_copy: Path) -> None:
    def change(d: dict) -> None:
        d["rules"][0]["question"] = "favourite_colour"
        d["rules"][1]["when"] = ["maybe"]

    _edit(content_copy, "rules.yaml", change)
    fields = {p.field for p in _only(_problems(content_copy), "rules.yaml")}
    assert {"rules[0].question", "rules[1].when[0]"} <= fields


def test_yaml_syntax_error_gives_the_line(content_copy: Path) -> None:
    path = content_copy / "about.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "purpose: [unclosed")
    path.write_text("\n".join(lines), encoding="utf-8")
    [problem] = _only(_problems(content_copy), "about.yaml")
    assert problem.field.startswith("line ")
    assert "YAML syntax error" in problem.message


def test_duplicate_yaml_key_is_refused(content_copy: Path) -> None:
    path = content_copy / "options/ssri.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\nname: Another name\n", encoding="utf-8")
    [problem] = _only(_problems(content_copy), "options/ssri.yaml")
    assert "duplicate key 'name'" in problem.message


def test_review_date_in_the_future_is_refused(content_copy: Path) -> None:
    future = {"last_reviewed": "2999-01-01", "next_review_due": "3000-01-01"}
    _edit(content_copy, "options/rtms.yaml", lambda d: d["review"].update(future))
    [problem] = _only(_problems(content_copy), "options/rtms.yaml")
    assert problem.field == "review.last_reviewed"
    assert "future" in problem.message


def test_missing_option_file_is_reported(content_copy: Path) -> None:
    (content_copy / "options/exercise.yaml").unlink()
    [problem] = _only(_problems(content_copy), "options/exercise.yaml")
    assert problem.message == "file is missing"


def test_option_without_a_headline_benefit_is_refused(content_copy: Path) -> None:
    _edit(content_copy, "options/ssri.yaml", lambda d: [b.update(headline=False) for b in d["benefits"]])
    problems = _only(_problems(content_copy), "options/ssri.yaml")
    assert any("headline" in p.message for p in problems)


def test_every_problem_is_reported_in_one_pass(content_copy: Path) -> None:
    _edit(content_copy, "options/rtms.yaml", lambda d: d["onset"].pop("summary"))
    _edit(content_copy, "options/ssri.yaml", lambda d: d.update(colour="blue"))
    files = {p.file for p in _problems(content_copy)}
    assert {"options/rtms.yaml", "options/ssri.yaml"} <= files


def test_validate_command_prints_file_and_field_and_exits_1(content_copy: Path) -> None:
    _edit(content_copy, "options/rtms.yaml", lambda d: d["onset"].pop("summary"))
    result = subprocess.run(
        [sys.executable, "-m", "decision_aid", "validate", "--content", str(content_copy)],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 1
    assert "options/rtms.yaml: onset.summary: required field is missing" in result.stderr
    assert "Traceback" not in result.stderr


def test_shipped_content_has_no_review_date_in_the_future(content) -> None:
    today = dt.date.today()
    assert content.about.review.last_reviewed <= today
    assert all(card.review.last_reviewed <= today for card in content.options.values())


# --- rules added with the clinical review ---------------------------------------------


def test_a_dollar_figure_in_the_short_cost_line_needs_a_source(content_copy: Path) -> None:
    _edit(content_copy, "options/exercise.yaml",
          lambda d: d["practicalities"]["cost"].update(short="About $40 a month for a gym", source_ids=[]))
    [problem] = _only(_problems(content_copy), "options/exercise.yaml")
    assert problem.field == "practicalities.cost"
    assert "dollar figure" in problem.message


def test_a_side_effect_number_without_its_comparison_is_refused(content_copy: Path) -> None:
    def change(d: dict) -> None:
        d["side_effects"][0].pop("comparison_per_100")

    _edit(content_copy, "options/ketamine.yaml", change)
    [problem] = _only(_problems(content_copy), "options/ketamine.yaml")
    assert problem.field == "side_effects[0]"
    assert "together" in problem.message


def test_every_option_marks_a_few_key_facts_and_not_too_many(content_copy: Path) -> None:
    def none(d: dict) -> None:
        for caution in d["cautions"]:
            caution.pop("key", None)
        for note in d["practicalities"]["notes"]:
            note.pop("key", None)

    _edit(content_copy, "options/ssri.yaml", none)
    _edit(content_copy, "options/ketamine.yaml", lambda d: [c.update(key=True) for c in d["cautions"]])
    problems = _problems(content_copy)
    for rel in ("options/ssri.yaml", "options/ketamine.yaml"):
        [problem] = _only(problems, rel)
        assert "key" in problem.message


def test_the_glossary_must_explain_the_words_the_cards_rely_on(content_copy: Path) -> None:
    _edit(content_copy, "about.yaml", lambda d: d.update(glossary=[g for g in d["glossary"] if g["term"] != "sham"]))
    [problem] = _only(_problems(content_copy), "about.yaml")
    assert problem.field == "glossary"
    assert "sham" in problem.message


def test_the_change_log_is_oldest_first_and_records_the_latest_review(content_copy: Path) -> None:
    _edit(content_copy, "about.yaml", lambda d: d.update(change_log=list(reversed(d["change_log"]))))
    [problem] = _only(_problems(content_copy), "about.yaml")
    assert problem.field == "change_log"

    def stale(d: dict) -> None:
        d["change_log"] = d["change_log"][:1]

    _edit(content_copy, "about.yaml", lambda d: d.update(change_log=list(reversed(d["change_log"]))))
    _edit(content_copy, "about.yaml", stale)
    [problem] = _only(_problems(content_copy), "about.yaml")
    assert problem.field == "change_log[0].date"
    assert "older than review.last_reviewed" in problem.message


def test_a_change_log_date_in_the_future_is_refused(content_copy: Path) -> None:
    _edit(content_copy, "about.yaml", lambda d: d["change_log"].append(
        {"date": "2999-01-01", "change": "A change.", "event": "A review."}))
    [problem] = _only(_problems(content_copy), "about.yaml")
    assert problem.field.endswith(".date")
    assert "future" in problem.message
