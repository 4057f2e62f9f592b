"""Each health and practical rule puts its point on the right card, at the right level, with its source.

The table is the clinical review's list of rules (issue 9, item 4) plus the rules
for the ECT and medicine-change cards. A row names the answer, the card, the level
a clinician expects, the source that must back the point, and a phrase the point
must contain, so a rule that drifts to another card, softens its level, loses its
source or changes its meaning fails here.
"""

from __future__ import annotations

import pytest

from decision_aid.answers import parse_answers
from decision_aid.engine import points_for
from decision_aid.models import Content

# (question, answer, card, level, source that must back the point, phrase the point must contain)
RULES: list[tuple[str, str, str, str, str, str]] = [
    # psychosis: every card other than ketamine points to antipsychotic-plus-antidepressant and ECT
    ("psychosis_history", "yes", "ssri", "specialist_advice", "nice_ng222", "antipsychotic"),
    ("psychosis_history", "yes", "psychotherapy", "specialist_advice", "nice_ng222", "ECT"),
    ("psychosis_history", "yes", "exercise", "specialist_advice", "nice_ng222", "ECT"),
    ("psychosis_history", "yes", "active_monitoring", "specialist_advice", "nice_ng222", "antipsychotic"),
    ("psychosis_history", "yes", "rtms", "specialist_advice", "nice_ng222", "antipsychotic"),
    ("psychosis_history", "yes", "medicine_change", "specialist_advice", "nice_ng222", "antipsychotic"),
    ("psychosis_history", "yes", "ect", "specialist_advice", "milev2016_canmat", "first choice"),
    ("psychosis_history", "yes", "ketamine", "caution", "spravato_label", "psychosis"),
    ("psychosis_history", "yes", "ssri", "specialist_advice", "nice_ng222", "the same day if you feel unsafe"),
    # bipolar disorder: ketamine and not starting a treatment, besides the antidepressant cards and rTMS
    ("bipolar_history", "yes", "ketamine", "caution", "spravato_label", "not for depression in bipolar disorder"),
    ("bipolar_history", "yes", "active_monitoring", "discuss", "zoloft_label", "before any antidepressant"),
    ("bipolar_history", "yes", "ssri", "caution", "zoloft_label", "mania"),
    ("bipolar_history", "yes", "medicine_change", "caution", "zoloft_label", "high mood"),
    ("bipolar_history", "yes", "rtms", "caution", "rossi2021", "mania"),
    # ...and each says depression in bipolar disorder is treated differently
    ("bipolar_history", "yes", "ssri", "caution", "goodwin2009_bap", "antidepressant on its own is usually avoided"),
    ("bipolar_history", "yes", "active_monitoring", "discuss", "goodwin2009_bap", "treated differently"),
    # 65 and over: falls, low sodium and bleeding on SSRIs
    ("age_65_or_over", "yes", "ssri", "caution", "coupland2011", "falls"),
    ("age_65_or_over", "yes", "ssri", "caution", "jacob2006", "sodium"),
    ("age_65_or_over", "yes", "ssri", "caution", "loke2007", "Bleeding"),
    ("age_65_or_over", "yes", "ect", "discuss", "nice_ng222", "older people"),
    ("age_65_or_over", "yes", "ect", "discuss", "kellner2016_pride", "aged 60 and over"),
    ("age_65_or_over", "yes", "medicine_change", "discuss", "abilify_label", "dementia"),
    # heart: citalopram's heart rhythm limit, and ketamine at caution level
    ("heart_or_mobility_limits", "yes", "ssri", "caution", "fda_citalopram2011", "citalopram"),
    ("heart_or_mobility_limits", "yes", "ssri", "caution", "fda_citalopram2011", "If you live with a heart condition"),
    ("heart_or_mobility_limits", "yes", "ketamine", "caution", "spravato_label", "blood pressure"),
    ("heart_or_mobility_limits", "yes", "ect", "discuss", "nice_ng222", "anesthetic"),
    # alcohol or drug problems: rTMS seizure risk and SSRI interactions
    ("substance_use", "yes", "rtms", "caution", "rossi2021", "seizure"),
    ("substance_use", "yes", "ssri", "caution", "zoloft_label", "serotonin syndrome"),
    ("substance_use", "yes", "ketamine", "caution", "spravato_label", "misused"),
    # pregnancy: the options without medicine get a point too
    ("pregnant_or_breastfeeding", "yes", "psychotherapy", "discuss", "nice_cg192", "no medicine"),
    ("pregnant_or_breastfeeding", "yes", "exercise", "discuss", "nice_cg192", "no medicine"),
    ("pregnant_or_breastfeeding", "yes", "rtms", "discuss", "rossi2021", "no medicine"),
    ("pregnant_or_breastfeeding", "yes", "active_monitoring", "discuss", "nice_cg192", "maternity team"),
    ("pregnant_or_breastfeeding", "yes", "ect", "specialist_advice", "leiknes2013", "slowed heartbeat in the baby"),
    ("pregnant_or_breastfeeding", "yes", "ssri", "discuss", "fda_paroxetine2005", "Paroxetine"),
    ("pregnant_or_breastfeeding", "yes", "ketamine", "caution", "spravato_label", "advises against"),
    # about one visit a week: the visit load of rTMS, esketamine and ECT
    ("visits", "weekly", "rtms", "discuss", "blumberger2018", "most weekdays"),
    ("visits", "weekly", "ketamine", "discuss", "spravato_label", "two visits a week"),
    ("visits", "weekly", "ect", "discuss", "nice_ect_surveillance2024", "2 or 3 times a week"),
    # seizures: the point leads with "your risk is higher than this"
    ("seizure_history", "yes", "rtms", "specialist_advice", "taylor2021_tms_seizure", "your risk is higher than"),
    ("seizure_history", "yes", "rtms", "specialist_advice", "lerner2019", "without risk factors"),
    ("seizure_history", "yes", "ect", "specialist_advice", "apa_ect2001", "controlled seizure"),
    ("seizure_history", "yes", "medicine_change", "caution", "bupropion_label", "must not be used with a seizure disorder"),
    # implants and ECT; getting home after an anesthetic
    ("metal_in_head", "yes", "ect", "discuss", "nice_ng222", "implant"),
    ("metal_in_head", "yes", "rtms", "specialist_advice", "rossi2021", "metal"),
    ("ride_home", "no", "ect", "discuss", "nice_ect_surveillance2024", "drive"),
    ("ride_home", "no", "ketamine", "discuss", "spravato_label", "drive"),
    # quick relief: figures, never a promise
    ("speed", "very", "ketamine", "discuss", "turkoz2021", "17 in 100"),
    ("speed", "very", "ect", "discuss", "husain2004", "34 in 100"),
    ("speed", "very", "medicine_change", "discuss", "mohamed2017", "weeks"),
    # side effects a person wants to avoid
    ("side_effects_avoid", "memory", "ect", "discuss", "sackeim2007", "memory"),
    ("side_effects_avoid", "weight_sleep", "medicine_change", "discuss", "mohamed2017", "sleepy"),
    ("side_effects_avoid", "spaced_out", "ketamine", "discuss", "spravato_label", "27 to 41 in 100"),
    ("side_effects_avoid", "weight_sleep", "ketamine", "discuss", "spravato_label", "23 in 100"),
    ("side_effects_avoid", "nausea_dizziness", "ect", "discuss", "apa_ect2001", "no reliable figure"),
    # ECT and bipolar disorder; ECT and blood pressure or brain blood vessels
    ("bipolar_history", "yes", "ect", "discuss", "saatcioglu2009", "switch to high mood"),
    ("high_blood_pressure_or_vascular", "yes", "ect", "caution", "apa_ect2001", "blood pressure rises"),
    ("side_effects_avoid", "sexual", "medicine_change", "discuss", "serretti2009", "sexual"),
    ("side_effects_avoid", "stopping_symptoms", "medicine_change", "discuss", "henssler2024", "stopping the old medicine"),
    ("side_effects_avoid", "scalp_headache", "ect", "discuss", "haghighi2016", "22 in 100"),
    # cost and insurance: ECT costs a lot without insurance, like ketamine and rTMS
    ("cost", "a_lot", "ect", "discuss", "nice_ect_surveillance2024", "costly without insurance"),
    ("insurance", "no", "ect", "discuss", "nice_ect_surveillance2024", "costly without coverage"),
]


def _point(content: Content, question: str, answer: str, card: str):
    raw = {question: [answer] if content.questionnaire.questions[question].kind == "multi" else answer}
    found = [p for p in points_for(content, parse_answers(content, raw))[card] if p.question_id == question]
    assert len(found) == 1, f"{question}={answer} should raise exactly one point on {card}, got {len(found)}"
    return found[0]


@pytest.mark.parametrize(("question", "answer", "card", "level", "source", "phrase"), RULES,
                         ids=[f"{q}={a}->{c}" for q, a, c, *_ in RULES])
def test_rule_puts_its_point_on_the_card_at_its_level_with_its_source(
    content: Content, question: str, answer: str, card: str, level: str, source: str, phrase: str
) -> None:
    point = _point(content, question, answer, card)
    assert point.level == level
    assert source in point.source_ids
    assert phrase.lower() in point.text.lower()
    assert not point.is_question


def test_the_seizure_point_leads_with_the_persons_higher_risk(content: Content) -> None:
    point = _point(content, "seizure_history", "yes", "rtms")
    first_sentence = point.text.split(". ")[0]
    assert "your risk is higher than" in first_sentence


def test_every_health_answer_of_unsure_asks_instead_of_stating(content: Content) -> None:
    for question, answer, card, *_ in RULES:
        if answer != "yes" or not content.questionnaire.questions[question].health:
            continue
        point = _point(content, question, "unsure", card)
        assert point.is_question and point.text.endswith("?"), (question, card)


