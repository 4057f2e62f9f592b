"""Patient-facing summaries read at about US grade 8."""

from __future__ import annotations

import textstat

MAX_AVERAGE_GRADE = 8.0
MAX_SINGLE_GRADE = 10.0


def test_option_summaries_average_grade_8_or_below(content) -> None:
    grades = {o.id: textstat.flesch_kincaid_grade(o.summary) for o in content.options.values()}
    average = sum(grades.values()) / len(grades)
    assert average <= MAX_AVERAGE_GRADE, grades
    assert max(grades.values()) <= MAX_SINGLE_GRADE, grades


def test_rule_texts_stay_plain(content) -> None:
    grades = [textstat.flesch_kincaid_grade(rule.text) for rule in content.rules]
    assert sum(grades) / len(grades) <= 9.0


def test_questions_stay_plain(content) -> None:
    texts = [q.text for q in content.questionnaire.questions.values()]
    grades = [textstat.flesch_kincaid_grade(t) for t in texts]
    assert sum(grades) / len(grades) <= MAX_AVERAGE_GRADE
