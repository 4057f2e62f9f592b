"""The clinical review's corrections stay made.

Each test names one finding of the review (issue 9) and fails if a later edit
undoes it: a fact removed, a figure reverted, or a warning no longer printed
for everyone.
"""

from __future__ import annotations

from decision_aid.models import Content, OptionCard


def _key_texts(card: OptionCard) -> str:
    return " ".join(getattr(item, "short", "") + " " + item.text for item in card.key_items)


def _all_text(card: OptionCard) -> str:
    return " ".join(str(v) for v in _strings(card.model_dump()))


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


# --- ketamine -------------------------------------------------------------------------


def test_at_home_ketamine_warning_is_a_key_fact_with_the_fda_source(content: Content) -> None:
    card = content.options["ketamine"]
    at_home = [c for c in card.cautions if "fda_compounded_ketamine2023" in c.source_ids]
    assert at_home and at_home[0].key
    assert "not" in at_home[0].text and "approved" in at_home[0].text
    assert content.references["fda_compounded_ketamine2023"].kind == "safety communication"


def test_typical_first_effect_of_ketamine_is_weeks_not_one_day(content: Content) -> None:
    onset = content.options["ketamine"].onset
    assert onset.first_effect.days("typical") >= 7
    assert onset.first_effect.days("min") <= 1 and onset.first_effect.days("max") >= 28
    assert "8 more in 100" in onset.summary


def test_the_suicidal_thoughts_approval_says_it_was_not_shown_to_prevent_suicide(content: Content) -> None:
    badge = next(b for b in content.options["ketamine"].status if "suicidal" in b.label)
    assert "who now have suicidal thoughts" in badge.label and "sudden" not in badge.label
    assert "Not shown to lower suicidal thoughts or prevent suicide" in badge.label
    assert badge.year == 2020
    for phrase in ("hospital-level care", "not a crisis treatment", "988", "911"):
        assert phrase in badge.detail, phrase


def test_ketamine_has_an_active_comparator_and_an_active_placebo_result(content: Content) -> None:
    benefits = {b.id: b for b in content.options["ketamine"].benefits}
    escape = benefits["esketamine_vs_quetiapine_remission"]
    assert (escape.treatment_per_100.low, escape.comparison_per_100.low) == (27, 18)
    assert escape.comparison_kind == "active treatment"
    assert "reif2023" in escape.source_ids
    midazolam = benefits["iv_ketamine_vs_midazolam_remission"]
    assert "midazolam" in midazolam.comparison_label


def test_withdrawal_design_unblinding_and_trial_deaths_are_stated(content: Content) -> None:
    card = content.options["ketamine"]
    sustain = next(b for b in card.benefits if b.id == "esketamine_relapse_sustain1")
    assert "switched" in (sustain.caveat or "")
    assert "guess" in (card.headline_benefit.caveat or "")
    assert any("died by suicide" in c.text for c in card.cautions)


def test_driving_ride_home_rems_and_fading_benefit_print_for_everyone(content: Content) -> None:
    keys = _key_texts(content.options["ketamine"])
    for phrase in ("drive", "take you home", "REMS", "Schedule III", "fades"):
        assert phrase in keys, phrase


def test_bdnf_link_is_credited_to_autry_2011_and_synapses_to_li_2010(content: Content) -> None:
    plasticity = content.options["ketamine"].plasticity
    assert {"li2010", "autry2011"} <= set(plasticity.source_ids)
    assert "Autry" in (plasticity.detail or "") and "BDNF" in (plasticity.detail or "")
    assert "BDNF" not in plasticity.text and "mTOR" not in plasticity.text


def test_brain_bleed_contraindication_names_a_history_of_bleeding(content: Content) -> None:
    assert any("history of bleeding in the brain" in c.text for c in content.options["ketamine"].cautions)


def test_katz_2021_is_cited_with_authors_and_maker_affiliation(content: Content) -> None:
    katz = content.references["cpt2020_esketamine"]
    assert katz.citation.startswith("Katz EG")
    assert "109(2):536-546" in katz.citation
    assert "Janssen" in (katz.note or "")
    assert katz.kind == "post hoc analysis"


# --- SSRI ---------------------------------------------------------------------------


def test_ssri_boxed_warning_gives_numbers_per_1000_by_age(content: Content) -> None:
    boxed = next(c for c in content.options["ssri"].cautions if "Boxed warning" in c.short)
    assert boxed.key
    assert "1,000" in boxed.text and "14 more" in boxed.text and "6 fewer" in boxed.text


def test_ssri_headline_uses_fda_trial_data_not_a_mostly_tricyclic_pool(content: Content) -> None:
    headline = content.options["ssri"].headline_benefit
    assert "stone2022" in headline.source_ids
    assert "arroll2005" not in headline.source_ids


def test_ssri_card_covers_relapse_blunting_persistent_sexual_harm_falls_and_pregnancy(content: Content) -> None:
    card = content.options["ssri"]
    text = _all_text(card)
    assert any(b.outcome == "relapse" and "geddes2003" in b.source_ids for b in card.benefits)
    for phrase in ("emotional blunting", "lasted after stopping", "falls", "pulmonary hypertension", "Paroxetine"):
        assert phrase in text, phrase


# --- not starting a new treatment, exercise, rTMS, talk therapy --------------------------


def test_not_starting_shows_the_natural_course_a_harm_and_when_to_come_back(content: Content) -> None:
    card = content.options["active_monitoring"]
    headline = card.headline_benefit
    assert "whiteford2013" in headline.source_ids and headline.treatment_per_100.low == 23
    assert headline.time_frame == "3 months"
    assert card.side_effects and "worse" in card.side_effects[0].name.lower()
    assert any(c.key and "sooner" in c.text for c in card.cautions)
    assert "may start to help" not in card.onset.summary


def test_the_natural_course_is_not_drawn_as_a_treatment_effect(content: Content) -> None:
    """Both rows are the same untreated people: nothing in them can read as what waiting adds over treatment."""
    card = content.options["active_monitoring"]
    headline = card.headline_benefit
    assert headline.comparison_kind == "same group, earlier" and headline.comparison_per_100.high == 0
    assert "not a comparison with treatment" in (headline.caveat or "")
    assert "47 in 100" in (headline.caveat or "") and "47 in 100" in card.onset.summary
    assert "still depressed" in card.onset.full_label


def test_not_starting_names_same_day_warning_signs_and_no_uk_promise(content: Content) -> None:
    card = content.options["active_monitoring"]
    red_flags = next(c for c in card.cautions if c.key and "sooner" in c.text)
    for phrase in ("988", "hear or believe things others do not", "unusually high", "racing thoughts",
                   "stop eating or drinking", "alcohol or drugs"):
        assert phrase in red_flags.text, phrase
    assert "should get in touch" not in card.how_given
    assert "Ask who will contact you" in card.how_given


def test_exercise_shows_a_harm_row_and_smaller_effects_in_better_trials(content: Content) -> None:
    card = content.options["exercise"]
    assert card.side_effects and "niemeijer2020" in card.side_effects[0].source_ids
    assert "krogh2017" in card.headline_benefit.source_ids


def test_rtms_scalp_pain_is_shown_against_sham_and_remission_against_sham(content: Content) -> None:
    card = content.options["rtms"]
    pain = next(s for s in card.side_effects if s.name.startswith("Scalp pain"))
    assert pain.numbers() == "41 in 100 vs 0 in 100 with sham rTMS (first session)"
    remission = next(b for b in card.benefits if b.id == "rtms_remission_sham")
    assert (remission.treatment_per_100.low, remission.comparison_per_100.low) == (19, 5)
    assert {"oreardon2007", "george2010"} <= set(card.headline_benefit.source_ids)


def test_talk_therapy_has_a_us_badge_and_the_combination_result(content: Content) -> None:
    card = content.options["psychotherapy"]
    assert any("apa2019" in b.source_ids for b in card.status)
    assert any("cuijpers2014_combined" in n.source_ids for n in card.practicalities.notes)
    assert "waiting lists" in (card.headline_benefit.caveat or "")


# --- the new cards ------------------------------------------------------------------


def test_ect_card_states_memory_effects_relapse_and_the_anesthetic_as_key_facts(content: Content) -> None:
    card = content.options["ect"]
    keys = _key_texts(card)
    for phrase in ("Memory", "relapsed", "anesthetic"):
        assert phrase in keys, phrase
    assert "husain2004" in card.onset.source_ids


def test_ect_is_shown_as_a_first_choice_for_psychotic_or_life_threatening_depression(content: Content) -> None:
    card = content.options["ect"]
    assert "psychosis" in card.summary and "life-threatening" in card.summary
    first_line = [b for b in card.status if b.kind == "guideline first-line"]
    assert first_line and "milev2016_canmat" in first_line[0].source_ids
    assert "psychosis" in first_line[0].detail


def test_medicine_change_card_covers_switching_add_ons_and_their_burden(content: Content) -> None:
    card = content.options["medicine_change"]
    text = _all_text(card)
    for phrase in ("aripiprazole", "lithium", "bupropion", "mirtazapine", "STAR*D", "blood tests"):
        assert phrase in text, phrase
    assert any(s.numbers() for s in card.side_effects)


# --- about, references, handout wording ------------------------------------------------


def test_about_says_who_wrote_it_what_review_it_lacks_and_how_to_propose_changes(content: Content) -> None:
    about = content.about
    assert "contributors" in about.authorship
    assert "No independent panel" in about.authorship and "tested with patients" in about.authorship
    assert "issue page" in about.propose_changes
    assert "at least 1 antidepressant, and often 2 or more" in " ".join(m.body for m in about.methods)


def test_no_source_points_at_the_retired_pubmed_health_site(content: Content) -> None:
    assert not [r.id for r in content.references.values() if r.url and "pubmedhealth" in r.url]


def test_regulatory_facts_cite_records_not_trade_news(content: Content) -> None:
    for card in content.options.values():
        for badge in card.status:
            if badge.kind == "approved":
                kinds = {content.references[s].kind for s in badge.source_ids}
                assert "news report" not in kinds, (card.id, badge.label)


def test_the_esketamine_cost_line_reads_as_month_one_then_monthly(content: Content) -> None:
    short = content.options["ketamine"].practicalities.cost.short
    assert "$5,600 in month 1" in short and "$1,700-2,200 a month" in short and "2020" in short


# --- third review: harms as detailed as benefits -----------------------------------------


def test_ect_summary_makes_no_unsourced_claim_to_beat_medicines(content: Content) -> None:
    summary = content.options["ect"].summary
    assert "helped more people than medicines" not in summary
    assert "In older trials" in summary and "mixed results" in summary


def test_ect_lists_the_common_after_effects_and_the_serious_physical_risks(content: Content) -> None:
    card = content.options["ect"]
    names = " ".join(s.name for s in card.side_effects)
    for phrase in ("Headache", "aching muscles", "sore jaw", "feeling sick", "heart rate and blood pressure",
                   "Serious heart or lung problems", "seizure that lasts too long"):
        assert phrase in names, phrase
    assert any("mania" in c.text for c in card.cautions)
    risk = next(c for c in card.cautions if "No health condition always rules ECT out" in c.text)
    assert risk.key and "apa_ect2001" in risk.source_ids


def test_ect_death_figure_is_per_session_and_per_course_without_reassurance(content: Content) -> None:
    death = next(s for s in content.options["ect"].side_effects if s.name.startswith("Death"))
    assert death.frequency == "rare"
    assert "100,000 sessions" in death.detail and "10,000 courses" in death.detail
    assert "surgery" not in death.detail


def test_ect_in_pregnancy_names_the_worst_harms_and_the_last_resort_advice(content: Content) -> None:
    """The case-report review found some babies died and advises ECT in pregnancy only as a last resort;
    it does not speak to the risks of untreated depression, so no sentence leans on it for that."""
    assert "nice_ta59" not in content.references
    card = content.options["ect"]
    pregnancy = next(c for c in card.cautions if "pregnancy" in c.text)
    rule = next(r for r in content.rules if r.question == "pregnant_or_breastfeeding" and r.option == "ect")
    for text in (pregnancy.text, rule.text):
        assert "slowed heartbeat in the baby" in text and "early labor" in text
        assert "some babies died" in text and "only as a last resort" in text
        assert "whether ECT caused them, is not known" in text
        assert "untreated severe depression" not in text
    assert "leiknes2013" in pregnancy.source_ids and "leiknes2013" in rule.source_ids
    assert card.pregnancy is not None
    assert "some babies died" in card.pregnancy.short and "last resort" in card.pregnancy.short


def test_ect_memory_caution_includes_the_ketamine_trial_finding(content: Content) -> None:
    memory = content.options["ect"].cautions[0]
    assert "ekstrand2022" in memory.source_ids and "lasting memory loss" in memory.text


def test_add_on_restlessness_lithium_and_bupropion_limits_are_stated(content: Content) -> None:
    card = content.options["medicine_change"]
    keys = _key_texts(card)
    assert "boxed warning" in keys.lower() and "panic" in keys
    assert "Bupropion must not be used" in keys and "eating disorder" in keys
    lithium = next(c for c in card.cautions if c.key and "Lithium needs" in c.text)
    for phrase in ("too high is dangerous", "ibuprofen", "kidney and thyroid", "overdose"):
        assert phrase in lithium.text, phrase
    assert any("cipriani2013_lithium" in c.source_ids for c in card.cautions)
    akathisia = next(s for s in card.side_effects if "akathisia" in s.name)
    assert "berman2007" in akathisia.source_ids and "placebo" in akathisia.detail
    # One comparison group per number pair: the placebo-controlled trial's figures, with the veterans' trial in words.
    assert akathisia.numbers() == "23 in 100 vs 5 in 100 with a placebo add-on"
    assert "4 in 100 who switched to bupropion" in akathisia.detail


def test_dissociation_is_a_range_across_trials_not_the_lowest_figure(content: Content) -> None:
    dissociation = content.options["ketamine"].side_effects[0]
    assert dissociation.numbers() == "27 to 41 in 100 vs 4 to 9 in 100 with placebo spray"


def test_mania_warning_signs_tell_people_to_contact_the_prescriber(content: Content) -> None:
    for option in ("ssri", "medicine_change", "rtms"):
        mania = next(c for c in content.options[option].cautions if "mania" in c.short or "high mood" in c.short)
        assert "promptly" in mania.text and "little sleep" in mania.text, option


def test_regulatory_and_label_sources_point_at_records_not_copies_or_trial_background(content: Content) -> None:
    assert "dailymed.nlm.nih.gov" in (content.references["abilify_label"].url or "")
    assert "fava2020" not in content.references
    itbs = next(b for b in content.options["rtms"].status if b.applies_to == "itbs")
    assert content.references[itbs.source_ids[0]].kind == "regulatory decision"
