"""Every patient-facing text in content/ reads at about US grade 8.

Each text field a person can see is measured with the Flesch-Kincaid grade: the
median over all fields must be 8 or below and no field may score above 10.

Two adjustments keep the measure honest rather than lenient:

- Words that must stay, because they are what the person will hear from a
  clinician or read on a pill box (medicine names, "depression",
  "antidepressant", the glossary terms), are swapped for a one-syllable stand-in
  before measuring. The allowlist is short and every entry is a name or a term
  the About page's glossary explains; ordinary long words still count.
- Grade formulas need running text, so fields under MIN_WORDS words (names,
  headings, side-effect names, answer labels) are not measured on their own.

Plasticity ``detail`` is left out on purpose: it is the technical version behind
a "details for the curious" fold; its plain counterparts ``text`` and ``short``
are measured. Reference citations are not patient text.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator
from typing import Any

import textstat

from decision_aid.models import Content

MAX_MEDIAN_GRADE = 8.0
MAX_SINGLE_GRADE = 10.0
MIN_WORDS = 8

ALLOWLIST = (
    # medicine and product names
    "esketamine", "ketamine", "spravato", "sertraline", "escitalopram", "citalopram", "fluoxetine",
    "paroxetine", "aripiprazole", "brexpiprazole", "quetiapine", "bupropion", "mirtazapine", "venlafaxine",
    "duloxetine", "lithium", "olanzapine", "risperidone", "midazolam", "psilocybin", "ibuprofen", "naproxen",
    "warfarin", "benzodiazepines", "opioids", "tramadol", "amphetamines", "linezolid", "phenelzine",
    "tranylcypromine", "antipsychotic", "antipsychotics", "antidepressant", "antidepressants",
    # the condition and the glossary's terms
    "depression", "depressive", "bipolar", "remission", "response", "placebo", "psychotherapy", "electroconvulsive",
    "anesthesia", "anesthetic", "dissociation", "psychosis", "psychotic", "hyponatremia", "akathisia",
    "treatment-resistant",
)
_ALLOWED = re.compile(r"\b(" + "|".join(re.escape(w) for w in ALLOWLIST) + r")\b", re.IGNORECASE)

SKIP_KEYS = frozenset({
    # identifiers, enums and machine fields
    "id", "value", "kind", "level", "certainty", "frequency", "outcome", "comparison_kind", "applies_to",
    "question", "option", "options", "when", "ask_when", "stage_answers", "source_ids", "combining_source_ids",
    "unit", "href", "content_version", "stage_question", "order", "selected", "by", "date", "study",
    # the technical fold, by design
    "detail_for_the_curious",
})


def _plain(text: str) -> str:
    return _ALLOWED.sub("drug", text)


def _texts(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, sub in value.items():
            if key in SKIP_KEYS and not isinstance(sub, dict):
                continue
            if key == "detail" and path.endswith("plasticity"):
                continue
            yield from _texts(sub, f"{path}.{key}" if path else key)
    elif isinstance(value, list | tuple):
        for i, sub in enumerate(value):
            yield from _texts(sub, f"{path}[{i}]")


def patient_texts(content: Content) -> list[tuple[str, str]]:
    """(where, text) for every text a person can read, references aside."""
    dumped = content.model_dump(mode="json", exclude={"references"})
    return [(where, text) for where, text in _texts(dumped) if len(text.split()) >= MIN_WORDS]


def grade(text: str) -> float:
    return float(textstat.flesch_kincaid_grade(_plain(text)))


def test_every_patient_text_reads_at_about_grade_8(content: Content) -> None:
    texts = patient_texts(content)
    assert len(texts) > 500, "the walk must reach cards, rules, questionnaire, about and wording"
    grades = {where: grade(text) for where, text in texts}
    too_hard = {where: round(g, 1) for where, g in grades.items() if g > MAX_SINGLE_GRADE}
    assert not too_hard, too_hard
    assert statistics.median(grades.values()) <= MAX_MEDIAN_GRADE


def test_the_walk_reaches_every_kind_of_patient_text(content: Content) -> None:
    wheres = " ".join(where for where, _ in patient_texts(content))
    for part in ("options.ketamine.summary", "benefits[0].caveat", "side_effects[0].detail", "cautions[0].text",
                 "plasticity.text", "stopping.short", "pregnancy.short",
                 "rules[0].text", "questionnaire.steps[0].questions[0].help", "about.glossary",
                 "ordering.moves[0].reason", "other.treatments[0].text", "wording.empty_answers"):
        assert part in wheres, part


def test_allowlisted_names_are_measured_as_short_words_and_other_long_words_still_count() -> None:
    assert grade("Esketamine and antidepressant tablets.") < grade("Extraordinarily complicated bureaucratic institutions.")
    assert _plain("Esketamine helps some people") == "drug helps some people"
