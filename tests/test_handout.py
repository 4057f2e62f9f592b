"""The PDF handout, read back with pypdf and poppler: what it prints, on how many pages, at what size, what it keeps private."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import statistics
import subprocess
from pathlib import Path
from typing import Any

import pypdf
import pytest

from decision_aid.answers import Answers, parse_answers
from decision_aid.engine import build_comparison
from decision_aid.handout import HandoutSettings, build_handout, labels
from decision_aid.handout.sections import SUMMARY_HEADS
from decision_aid.handout.settings import Plan
from decision_aid.handout.styles import styles_for
from decision_aid.models import Content
from decision_aid.presentation import Audience, present
from decision_aid.viewmodel import Comparison
from tests.handout_support import with_eight_options

DATE = dt.date(2025, 3, 1)
TYPICAL_ANSWERS = {
    "speed": "somewhat",
    "side_effects_avoid": ["sexual"],
    "medicine": "open",
    "visits": "weekly",
    "cost": "somewhat",
    "readiness": {"sure": "no", "informed": "yes"},
}
HEALTH_ANSWERS = {"speed": "very", "seizure_history": "yes", "pregnant_or_breastfeeding": "unsure"}
BUSY_ANSWERS = {**TYPICAL_ANSWERS, "metal_in_head": "yes", "seizure_history": "yes", "ride_home": "unsure"}


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Line breaks in the PDF are layout, not content: compare text with whitespace collapsed."""
    return re.sub(r"\s+", " ", text).strip()


def text_of(pdf: bytes) -> str:
    return flat(" ".join(pages_text(pdf)))


def build(comparison: Comparison, **settings: Any) -> bytes:
    settings.setdefault("date", DATE)
    return build_handout(comparison, HandoutSettings(**settings))


def word_heights(pdf: bytes, tmp_path: Path) -> list[float]:
    """Each word's height as poppler reads it (``pdftotext -bbox``): the size a reader sees, in points."""
    source = tmp_path / "handout.pdf"
    source.write_bytes(pdf)
    html = subprocess.run(["pdftotext", "-bbox", str(source), "-"], capture_output=True, text=True, check=True).stdout
    return [float(y1) - float(y0) for y0, y1 in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', html)]


@pytest.fixture(scope="module")
def all_six(content: Content) -> Comparison:
    return build_comparison(content, parse_answers(content, TYPICAL_ANSWERS), list(content.option_ids))


@pytest.fixture(scope="module")
def all_six_text(all_six: Comparison) -> str:
    return text_of(build(all_six))


@pytest.fixture(scope="module")
def eight(content: Content) -> Comparison:
    """Eight options (two stand-ins until the new cards land) with answers that raise points."""
    bigger = with_eight_options(content)
    return build_comparison(bigger, parse_answers(bigger, BUSY_ANSWERS), list(bigger.option_ids))


def test_handout_names_the_chosen_options_and_no_others(content: Content) -> None:
    comparison = build_comparison(content, Answers(), ["ketamine", "ssri"])
    text = text_of(build(comparison))
    for option_id in ("ketamine", "ssri"):
        assert flat(content.options[option_id].short_name) in text
    for option_id in ("rtms", "psychotherapy", "exercise", "active_monitoring"):
        assert flat(content.options[option_id].name) not in text
        assert f"{content.options[option_id].short_name} +" not in text, "no heading for an option left out"


def test_the_options_table_uses_the_key_facts_words_of_the_presentation(all_six: Comparison, all_six_text: str) -> None:
    """The screen's overview prints the same KeyFacts; if the paper rewords one, this fails."""
    p = present(all_six, Audience.paper(False))
    for o in p.options:
        f = o.facts
        for words in (f.name, f.onset, *f.status, f.benefit_figure, f.benefit_outcome, f.benefit_who, f.benefit_when,
                      f.visits, f.cost):
            assert flat(words) in all_six_text, (o.id, words)
        for side_effect in f.side_effects[:2] or (o.no_side_effects or "",):  # paper prints the two most frequent
            assert flat(side_effect) in all_six_text, (o.id, side_effect)
    for heading in SUMMARY_HEADS:
        assert all(word in all_six_text for word in heading.split()), heading


def test_harms_never_print_none_listed(all_six: Comparison, all_six_text: str) -> None:
    assert "None listed" not in all_six_text
    for view in all_six.options:
        if not view.card.side_effects:
            assert flat(all_six.wording.no_side_effects) in all_six_text, view.id


def test_harm_figures_print_as_x_in_100_vs_y_in_100_where_the_content_gives_both(content: Content) -> None:
    counted = [(o.id, s) for o in content.options.values() for s in o.side_effects if s.numbers()]
    assert counted, "the reviewed content gives harm numbers for some side effects"
    comparison = build_comparison(content, Answers(), list(content.option_ids))
    text = text_of(build(comparison, full_detail=True))
    for option_id, side_effect in counted:
        assert flat(side_effect.numbers() or "") in text, (option_id, side_effect.name)


def test_every_page_has_the_crisis_line_and_page_x_of_y(all_six: Comparison) -> None:
    for settings in ({}, {"large_print": True}, {"paper": "a4"}, {"full_detail": True}):
        pages = pages_text(build(all_six, **settings))
        assert len(pages) > 1
        for number, text in enumerate(pages, start=1):
            assert flat(all_six.crisis.short) in flat(text), (settings, number)
            assert f"Page {number} of {len(pages)}" in text, (settings, number)


def test_typed_name_and_notes_are_printed(content: Content) -> None:
    comparison = build_comparison(content, Answers(), ["exercise"])
    pdf = build(comparison, name="Zoë Παπαδοπούλου-Иванова", notes="Ask about walking groups.\nBring my list of medicines.")
    text = text_of(pdf)
    assert "Zoë Παπαδοπούλου-Иванова" in text
    assert "Ask about walking groups." in text
    assert "Bring my list of medicines." in text


SUMMARY_PAGES_EIGHT = 5
"""The goal is four. With the reviewed cards (harm numbers, cost lines, key safety facts) the options tables alone
fill two pages for eight options, so the summary takes five; the six usual options take four on A4, five on Letter."""


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_the_summary_of_eight_options_is_11_point_on_five_pages(eight: Comparison, paper: str, tmp_path: Path) -> None:
    assert len(eight.options) == 8
    pdf = build(eight, paper=paper, name="Sam Example", notes="Ask about sleep.")
    assert len(pages_text(pdf)) <= SUMMARY_PAGES_EIGHT
    assert statistics.median(word_heights(pdf, tmp_path)) >= 11.0


@pytest.mark.parametrize(("paper", "most"), [("letter", 5), ("a4", 4)])
def test_the_summary_of_the_six_usual_options(content: Content, paper: str, most: int) -> None:
    comparison = build_comparison(content, parse_answers(content, TYPICAL_ANSWERS))
    assert len(comparison.options) == len(content.ordering.default_stage.selected)
    assert len(pages_text(build(comparison, paper=paper, name="Sam Example"))) <= most


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_large_print_of_eight_options_is_14_point_within_ten_pages(eight: Comparison, paper: str, tmp_path: Path) -> None:
    pdf = build(eight, paper=paper, large_print=True)
    assert len(pages_text(pdf)) <= 10
    assert statistics.median(word_heights(pdf, tmp_path)) >= 14.0


def test_every_option_fits_the_summary_budget_with_no_answers_too(content: Content) -> None:
    comparison = build_comparison(content, Answers(), list(content.option_ids))
    assert len(pages_text(build(comparison))) <= SUMMARY_PAGES_EIGHT


def test_type_sizes_are_at_least_11_point_and_14_point_in_large_print() -> None:
    assert styles_for(False).body.fontSize >= 11 and styles_for(False).cell.fontSize >= 11
    assert styles_for(True).body.fontSize >= 14 and styles_for(True).cell.fontSize >= 14
    assert styles_for(True).small.fontSize > styles_for(False).small.fontSize


@pytest.mark.parametrize("large_print", [False, True], ids=["normal print", "large print"])
def test_tables_are_kept_whole(eight: Comparison, large_print: bool) -> None:
    """Every options table starts and ends on one page, and the readiness table is never split."""
    pdf = build(eight, large_print=large_print)
    pages = [flat(t) for t in pages_text(pdf)]
    first, last = "How soon it may help", "Visits in the first 8 weeks"
    for number, text in enumerate(pages, start=1):
        assert text.count(first) == text.count(last), number
    questions = [item.question for item in eight.readiness]
    holding = [n for n, text in enumerate(pages) if flat(questions[0]) in text]
    assert len(holding) == 1
    assert all(flat(q) in pages[holding[0]] for q in questions), "the readiness table is on one page"


def test_the_large_print_tables_take_two_options_each(eight: Comparison) -> None:
    text = text_of(build(eight, large_print=True))
    assert text.count("How soon it may help") == 4


def test_large_print_and_a4_build_and_read_back(all_six: Comparison) -> None:
    normal = pypdf.PdfReader(io.BytesIO(build(all_six)))
    large = pypdf.PdfReader(io.BytesIO(build(all_six, large_print=True, paper="a4")))
    assert len(large.pages) > len(normal.pages)
    width, height = (float(v) for v in large.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)
    width, height = (float(v) for v in normal.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (612, 792)


def test_same_inputs_with_a_fixed_date_give_the_same_bytes(content: Content) -> None:
    first = build(build_comparison(content, parse_answers(content, TYPICAL_ANSWERS)), name="Ana", notes="x & y")
    second = build(build_comparison(content, parse_answers(content, TYPICAL_ANSWERS)), name="Ana", notes="x & y")
    assert first == second
    assert build(build_comparison(content, Answers()), date=dt.date(2025, 3, 2)) != build(
        build_comparison(content, Answers())
    )


def test_printed_date_is_the_date_asked_for(content: Content) -> None:
    text = text_of(build(build_comparison(content, Answers(), ["ssri"]), date=dt.date(2024, 7, 9)))
    assert "July 9, 2024" in text


def test_health_answers_are_left_off_unless_asked_for(content: Content) -> None:
    comparison = build_comparison(content, parse_answers(content, HEALTH_ANSWERS), list(content.option_ids))
    assert comparison.health
    seizure_question = content.questionnaire.questions["seizure_history"].text
    seizure_point = next(p for p in comparison.option("rtms").points if p.question_id == "seizure_history")
    pregnancy_questions = [p.text for view in comparison.options for p in view.points if p.is_question]
    assert pregnancy_questions

    hidden = text_of(build(comparison))
    assert flat(seizure_question) not in hidden
    assert flat(seizure_point.text) not in hidden
    assert all(flat(q) not in hidden for q in pregnancy_questions)
    assert "Left off this handout" in hidden

    shown = text_of(build(comparison, include_health=True))
    assert flat(seizure_question) in shown
    assert flat(seizure_point.text) in shown


def test_each_options_own_safety_facts_print_even_with_health_answers_left_off(all_six: Comparison) -> None:
    """Card content reveals no answer, so it prints for everyone: the esketamine blood-pressure caution included."""
    text = text_of(build(all_six))
    p = present(all_six, Audience.paper(False))
    for o in p.options:
        assert o.safety, o.id
        for line in o.safety:
            assert flat(line.text) in text, (o.id, line.text)
    assert "do not use" in {c.level for c in all_six.option("rtms").card.cautions}
    rtms = present(all_six, Audience.paper(False)).option("rtms")
    assert rtms.safety[0].serious, "a 'do not use' caution comes first"


def test_the_summary_prints_exactly_the_cards_key_safety_facts(content: Content) -> None:
    """The content marks what everyone must see (``key``); the summary prints those and counts the rest."""
    comparison = build_comparison(content, Answers(), list(content.option_ids))
    text = text_of(build(comparison))
    for view in comparison.options:
        card = view.card
        for item in card.key_items:
            assert flat(item.short or "") in text, (card.id, item.short)
        keyed = flat(" ".join(i.short or "" for i in card.key_items))
        unkeyed = [c for c in card.cautions if not c.key and flat(c.short) not in keyed and len(c.short) > 40]
        assert all(flat(c.short) not in text for c in unkeyed), card.id


def test_pdf_metadata_has_title_and_subject_but_never_the_name(content: Content) -> None:
    pdf = build(build_comparison(content, Answers(), ["ssri"]), name="Margarethe Quellenberg")
    info = pypdf.PdfReader(io.BytesIO(pdf)).metadata
    assert info is not None
    assert info.title and info.subject
    assert b"Margarethe" not in pdf
    assert all("Margarethe" not in str(value) for value in info.values())


def test_what_matters_answers_are_printed(all_six: Comparison, all_six_text: str) -> None:
    assert all_six.matters
    for item in all_six.matters:
        assert flat(item.question) in all_six_text
        assert flat(item.answer) in all_six_text


def test_points_from_answers_are_printed_with_their_kind_in_words(content: Content) -> None:
    comparison = build_comparison(content, parse_answers(content, HEALTH_ANSWERS), list(content.option_ids))
    text = text_of(build(comparison, include_health=True))
    p = present(comparison, Audience.paper(True))
    points = [pt for o in p.options for pt in o.points]
    assert points
    for point in points:
        assert f"{point.kind}:" in text
        assert flat(point.text) in text


def test_questions_raised_by_answers_always_print_and_general_ones_scale_with_the_options(
    all_six: Comparison, all_six_text: str, content: Content
) -> None:
    for question in all_six.questions_to_ask:
        if question.from_answers:
            assert flat(question.text) in all_six_text
    assert "to ask in the full handout" in all_six_text
    four = build_comparison(content, Answers(), ["psychotherapy", "exercise", "ssri", "rtms"])
    text = text_of(build(four))
    for view in four.options:
        for general in view.card.questions_to_ask[:2]:
            assert flat(general) in text


def test_every_question_to_ask_is_printed_for_two_options(content: Content) -> None:
    comparison = build_comparison(content, parse_answers(content, {"ride_home": "unsure"}), ["ketamine", "ssri"])
    text = text_of(build(comparison))
    assert any(q.from_answers for q in comparison.questions_to_ask)
    for question in comparison.questions_to_ask:
        assert flat(question.text) in text


def test_readiness_no_shows_its_help_and_unanswered_items_get_blank_boxes(all_six: Comparison, all_six_text: str) -> None:
    by_id = {item.id: item for item in all_six.readiness}
    assert by_id["sure"].answer == "no"
    assert flat(by_id["sure"].if_no_paper) in all_six_text
    assert "☐ Yes ☒ No" in all_six_text  # "sure": no
    assert "☒ Yes ☐ No" in all_six_text  # "informed": yes
    unanswered = [item for item in all_six.readiness if item.answer is None]
    assert all_six_text.count("☐ Yes ☐ No") == len(unanswered)
    assert all(flat(item.if_no_paper) not in all_six_text for item in unanswered)


def test_paper_never_points_to_pages_of_the_app(content: Content) -> None:
    """A "no" to every readiness question prints the help worded for paper, never "the Compare page" or "go back"."""
    answers = parse_answers(content, {"readiness": {item.id: "no" for item in content.questionnaire.readiness}})
    text = text_of(build(build_comparison(content, answers, list(content.option_ids))))
    for item in content.questionnaire.readiness:
        assert flat(item.if_no_paper) in text
    for words in ("Compare page", "Go back", "go back", "on the Start page", "in the app"):
        assert words not in text, words


def test_sources_are_a_short_numbered_list_and_each_can_be_found(all_six: Comparison, all_six_text: str) -> None:
    assert "Sources" in all_six_text
    numbers = [int(n) for n in re.findall(r"\[(\d+)(?:, \d+)*\]", all_six_text)]
    assert numbers and max(numbers) <= len(all_six.sources)
    squashed = all_six_text.replace(" ", "")
    listed = 0
    for ref in all_six.sources:
        finder = ref.locator()[0].removeprefix("https://").removeprefix("http://").replace(" ", "")
        if f"{ref.year}.{finder}" in squashed:
            listed += 1
    assert listed >= 10
    assert "more sources" in all_six_text


def test_disclaimer_funding_conflicts_and_crisis_help_are_printed(all_six: Comparison, all_six_text: str) -> None:
    about = all_six.about
    for text in (about.disclaimer, about.funding, about.conflicts, all_six.crisis.text, all_six.crisis.more):
        assert flat(text) in all_six_text


def test_full_detail_adds_every_card_in_full_after_the_summary(content: Content) -> None:
    comparison = build_comparison(content, Answers(), ["psychotherapy", "ketamine"])
    compact = text_of(build(comparison))
    full = text_of(build(comparison, full_detail=True))
    for option_id in ("psychotherapy", "ketamine"):
        card = content.options[option_id]
        for caution in card.cautions:  # a long caution may part across columns: its start and end are printed
            assert flat(caution.text)[:60] in full and flat(caution.text)[-40:] in full, caution.short
        assert flat(card.plasticity.text) in full
        assert flat(card.headline_benefit.sentence()) in full
        for question in card.questions_to_ask:
            assert flat(question) in full
    assert "(full handout)" in compact
    assert flat(content.options["ketamine"].cautions[-1].text) not in compact
    assert len(full) > 2 * len(compact)


def test_the_summary_and_the_timeline_follow_the_comparisons_one_order(content: Content) -> None:
    comparison = build_comparison(content, Answers(), ["ketamine", "exercise", "ssri"], ordering="default")
    names = [v.card.short_name for v in comparison.options]
    text = text_of(build(comparison, full_detail=True))
    table = text[text.index("Option"):]
    assert [table.index(n) for n in names] == sorted(table.index(n) for n in names)
    more = text[text.index(labels.H_EACH):]
    assert [more.index(n) for n in names] == sorted(more.index(n) for n in names)


def test_the_plan_prints_what_the_person_wrote_or_lines_to_write_on(content: Content) -> None:
    comparison = build_comparison(content, Answers(), ["ssri"])
    empty = text_of(build(comparison))
    assert labels.PLAN_NOT_DECIDED in empty
    for label in (labels.PLAN_JUDGE, labels.PLAN_SIDE_EFFECT, labels.PLAN_NO_HELP, labels.PLAN_NEXT_VISIT):
        assert f"{label}:" in empty
    plan = Plan(decision="Start sertraline", judge_when="At the visit in 6 weeks", if_side_effect="Call the clinic",
                if_no_help="Talk about therapy", crisis_people="My sister 555-0100", next_visit="May 2 at 10:00")
    filled = text_of(build(comparison, plan=plan))
    for value in (plan.decision, plan.judge_when, plan.if_side_effect, plan.if_no_help, plan.crisis_people, plan.next_visit):
        assert value in filled
    assert labels.PLAN_NOT_DECIDED not in filled
    assert flat(comparison.crisis.short) in filled


def test_nothing_on_paper_sends_the_reader_to_an_app_screen(all_six_text: str) -> None:
    assert not re.search(r"\bin the app\b|\bgo back to\b|\bclick\b|\btap\b", all_six_text, re.IGNORECASE)


def test_a_resume_code_prints_with_its_qr_square_only_when_asked(content: Content) -> None:
    comparison = build_comparison(content, Answers(), ["ssri"])
    without = build(comparison)
    code = "DA1-7QX4-KM2P-99RT"
    with_code = build(comparison, resume_code=code)
    assert code not in text_of(without) and labels.H_RESUME not in text_of(without)
    assert code in text_of(with_code) and labels.H_RESUME in text_of(with_code)
    assert len(with_code) > len(without) + 500, "the QR square is drawn"


def test_content_text_with_markup_characters_prints_literally(content: Content) -> None:
    comparison = build_comparison(content, Answers(), ["exercise"])
    view = comparison.options[0]
    card = view.card.model_copy(update={"summary": "Walk & talk <b>often</b> -- 5 < 10 > 2 &amp; more."})
    odd = dataclasses.replace(comparison, options=(dataclasses.replace(view, card=card),))
    text = text_of(build(odd, full_detail=True))
    assert "Walk & talk <b>often</b> -- 5 < 10 > 2 &amp; more." in text


def _dark_pixels_in_footer(pdf: bytes, tmp_path: Path) -> list[int]:
    """Render the bottom band of each page in grey and count dark pixels: the crisis line as a reader sees it."""
    source = tmp_path / "footer.pdf"
    source.write_bytes(pdf)
    counts = []
    for number, page in enumerate(pypdf.PdfReader(io.BytesIO(pdf)).pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        out = tmp_path / f"band-{number}"
        # At 72 dpi a pixel is a point: crop the left three quarters of the bottom 40 points (the crisis line).
        subprocess.run(["pdftoppm", "-gray", "-r", "72", "-f", str(number), "-l", str(number), "-singlefile",
                        "-x", "0", "-y", str(round(height - 40)), "-W", str(round(width * 0.75)), "-H", "40",
                        str(source), str(out)], check=True)
        data = out.with_suffix(".pgm").read_bytes()
        header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
        assert header is not None
        pixels = data[header.end():]
        counts.append(sum(1 for value in pixels if value < 100))
    return counts


@pytest.mark.parametrize("settings", [{}, {"large_print": True}], ids=["normal print", "large print"])
def test_the_crisis_footer_is_visible_on_every_page_as_a_reader_sees_it(
    all_six: Comparison, settings: dict, tmp_path: Path
) -> None:
    """The text layer alone would pass a footer drawn in white or off the page; pixels would not."""
    pdf = build(all_six, **settings)
    counts = _dark_pixels_in_footer(pdf, tmp_path)
    assert len(counts) == len(pages_text(pdf))
    assert all(count > 300 for count in counts), counts
