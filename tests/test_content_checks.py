"""Every check the README promises, one row each: break one thing, and validate names the file, field and problem.

Each row edits a copy of the shipped content in one place. The test asserts that
loading fails, and that one reported problem is in the expected file, at a field
starting with the expected path, with a message containing the expected words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from decision_aid.loader import Problem, check_content

Edit = Callable[[Any], None]


def _set(path: str, value: object) -> Edit:
    """An edit that sets a dotted path ("cautions.0.applies_to") to ``value``."""

    def edit(data: Any) -> None:
        *parents, last = path.split(".")
        node = data
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return edit


def _pop(path: str) -> Edit:
    def edit(data: Any) -> None:
        *parents, last = path.split(".")
        node = data
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        node.pop(int(last) if isinstance(node, list) else last)

    return edit


def _headlines(count: int) -> Edit:
    def edit(data: Any) -> None:
        for i, benefit in enumerate(data["benefits"]):
            benefit["headline"] = i < count

    return edit


def _no_harms(data: Any) -> None:
    data["side_effects"] = []
    data["cautions"] = []


def _duplicate_reference(data: Any) -> None:
    data["references"][1]["id"] = data["references"][0]["id"]


def _no_locator(data: Any) -> None:
    for key in ("doi", "pmid", "pmcid", "url"):
        data["references"][0].pop(key, None)


def _drop_last_option_from_stage(data: Any) -> None:
    stage = data["stages"][1]
    dropped = stage["order"].pop()
    stage["selected"] = [o for o in stage["selected"] if o != dropped]


def _two_defaults(data: Any) -> None:
    for stage in data["stages"]:
        stage.pop("when", None)


def _duplicate_question(data: Any) -> None:
    data["steps"][1]["questions"][1]["id"] = data["steps"][1]["questions"][0]["id"]


NEXT_YEAR = dt.date.today().year + 1

# (name, file, edit, expected field prefix, words expected in the message)
ROWS: list[tuple[str, str, Edit, str, str]] = [
    ("missing field", "options/rtms.yaml", _pop("onset.summary"), "onset.summary", "required field is missing"),
    ("wrong type", "options/ssri.yaml", _set("benefits.0.treatment_per_100", "most people"), "benefits[0].treatment_per_100", ""),
    ("unknown key", "options/exercise.yaml", _set("practicalities.costt", "free"), "practicalities.costt", "unknown key"),
    ("unordered onset range", "options/ketamine.yaml",
     _set("onset.first_effect", {"unit": "days", "min": 10, "typical": 5, "max": 20}), "onset.first_effect", "ordered"),
    ("unordered benefit range", "options/psychotherapy.yaml", _set("benefits.0.treatment_per_100", {"low": 60, "high": 40}),
     "benefits[0].treatment_per_100", "ordered"),
    ("onset out of order", "options/ssri.yaml", _set("onset.full_effect", {"unit": "days", "min": 1, "typical": 1, "max": 1}),
     "onset", "must not come after"),
    ("unknown source in a card", "options/exercise.yaml", _set("onset.source_ids", ["no_such_source"]), "onset.source_ids[0]",
     "unknown source id 'no_such_source'"),
    ("unknown source in a rule", "rules.yaml", _set("rules.0.source_ids", ["no_such_source"]), "rules[0].source_ids[0]",
     "unknown source id"),
    ("unknown source in other treatments", "other_treatments.yaml", _set("treatments.0.source_ids", ["no_such_source"]),
     "treatments[0].source_ids[0]", "unknown source id"),
    ("applies_to naming no variant", "options/ketamine.yaml", _set("cautions.0.applies_to", "no_such_form"), "",
     "applies_to 'no_such_form' is not one of this option's variants"),
    ("no headline benefit", "options/ssri.yaml", _headlines(0), "", "exactly one benefit must have headline"),
    ("two headline benefits", "options/ketamine.yaml", _headlines(2), "", "exactly one benefit must have headline"),
    ("an option with no harms", "options/exercise.yaml", _no_harms, "", "harms get equal space"),
    ("review due before it was done", "options/rtms.yaml", _set("review.next_review_due", "2001-01-01"), "review",
     "must come after"),
    ("option review in the future", "options/ssri.yaml", _set("review", {"last_reviewed": f"{NEXT_YEAR}-01-01",
                                                                       "next_review_due": f"{NEXT_YEAR + 1}-01-01"}),
     "review.last_reviewed", "in the future"),
    ("about review in the future", "about.yaml", _set("review", {"last_reviewed": f"{NEXT_YEAR}-01-01",
                                                              "next_review_due": f"{NEXT_YEAR + 1}-01-01"}),
     "review.last_reviewed", "in the future"),
    ("card id not its file name", "options/ssri.yaml", _set("id", "exercise"), "id", "does not match the file name"),
    ("duplicate reference id", "references.yaml", _duplicate_reference, "references[1].id", "duplicate reference id"),
    ("reference nobody can find", "references.yaml", _no_locator, "references[0]", "doi, pmid, pmcid or url"),
    ("reference from the future", "references.yaml", _set("references.0.year", NEXT_YEAR), "references[0].year", "in the future"),
    ("rule for an unknown question", "rules.yaml", _set("rules.0.question", "no_such_question"), "rules[0].question",
     "unknown question id"),
    ("rule for an unknown answer", "rules.yaml", _set("rules.0.when", ["maybe_later"]), "rules[0].when[0]",
     "'maybe_later' is not a choice"),
    ("rule for an unknown option", "rules.yaml", _set("rules.0.option", "no_such_option"), "rules[0].option",
     "unknown option id 'no_such_option'"),
    ("rule asking without a question", "rules.yaml", _set("rules.0.ask", None), "rules[0]", "ask_when needs an 'ask'"),
    ("duplicate question id", "questionnaire.yaml", _duplicate_question, "steps[1].questions[1].id", "duplicate question id"),
    ("stage leaving out an option", "ordering.yaml", _drop_last_option_from_stage, "",
     "every stage must order the same set of options"),
    ("stage for an unknown answer", "ordering.yaml", _set("stages.1.when", ["dozens"]), "stages[1].when[0]", "not a choice"),
    ("stage question unknown", "ordering.yaml", _set("stage_question", "no_such_question"), "stage_question",
     "unknown question id"),
    ("two default stages", "ordering.yaml", _two_defaults, "", "exactly one stage must have no 'when'"),
    ("later label for an unknown option", "ordering.yaml", _set("later.0.option", "no_such_option"), "later[0].option",
     "unknown option id"),
    ("move for an unknown answer", "ordering.yaml", _set("moves.0.when", ["ludicrous"]), "moves[0].when[0]", "not a choice"),
    ("move for an unknown option", "ordering.yaml", _set("moves.0.options", ["no_such_option"]), "moves[0].options[0]",
     "unknown option id"),
    ("move that moves nothing", "ordering.yaml", _set("moves.0.by", 0), "moves[0].by", "not 0"),
    ("reason words without a place", "ordering.yaml", _set("reason_words.moved_up", "Moved up."), "reason_words",
     "must contain {old}"),
    ("crisis text without 988", "crisis.yaml", _set("text", "Call someone."), "", "must name 988"),
    ("crisis link that is not a phone number", "crisis.yaml", _set("links.0.href", "https://example.org"), "links[0].href", ""),
    ("deck topic for an unknown answer", "wording.yaml", _set("deck_topics.0.first_when.0.answers", ["never_ever"]),
     "deck_topics[0].first_when[0].answers[0]", "not a choice"),
]


def _edit(folder: Path, rel: str, edit: Edit) -> None:
    path = folder / rel
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _matches(problem: Problem, rel: str, field: str, words: str) -> bool:
    return problem.file == rel and problem.field.startswith(field) and words in problem.message


@pytest.mark.parametrize(("rel", "edit", "field", "words"), [row[1:] for row in ROWS], ids=[row[0] for row in ROWS])
def test_one_broken_thing_is_named_by_file_field_and_problem(content_copy: Path, rel: str, edit: Edit, field: str,
                                                             words: str) -> None:
    _edit(content_copy, rel, edit)
    content, problems = check_content(content_copy)
    assert content is None, "broken content must not load"
    assert any(_matches(p, rel, field, words) for p in problems), [str(p) for p in problems]


def test_an_option_file_not_listed_in_the_order_is_named(content_copy: Path) -> None:
    (content_copy / "options" / "tai_chi.yaml").write_text((content_copy / "options" / "exercise.yaml").read_text())
    _, problems = check_content(content_copy)
    assert any(p.file == "options/tai_chi.yaml" and "not listed in ordering.yaml" in p.message for p in problems)


def test_a_listed_option_without_a_file_is_named(content_copy: Path) -> None:
    (content_copy / "options" / "rtms.yaml").unlink()
    _, problems = check_content(content_copy)
    assert any(p.file == "options/rtms.yaml" and "missing" in p.message for p in problems)
