"""A person's whole visit in a real browser: start, answer, compare, download the handout."""

from __future__ import annotations

import io
from pathlib import Path

from playwright.sync_api import Page, expect
from pypdf import PdfReader

from decision_aid.loader import load_content
from decision_aid.ui import nav

from .conftest import make_and_download_handout, open_page, wait_ready

CHOSEN = ("ssri", "rtms", "psychotherapy")


def answer(page: Page, question_id: str, choice_label: str) -> None:
    wait_ready(page)  # a step change swaps elements in place; answer only once the new step is drawn
    box = page.locator(f".st-key-qbox_{question_id}")
    box.get_by_text(choice_label, exact=True).click()
    expect(box.get_by_role("radio", name=choice_label, exact=True)).to_be_checked()
    wait_ready(page)


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def test_start_answer_compare_and_download_the_handout_pdf(page: Page, app_url: str, tmp_path: Path) -> None:
    content = load_content()
    questions = content.questionnaire.questions
    total = len(content.questionnaire.steps) + 1

    open_page(page, app_url, nav.START)
    page.get_by_role("button", name="On my own").click()
    expect(page.get_by_role("heading", name="What matters to you", level=1)).to_be_visible()
    wanted = {"speed": "very", "metal_in_head": "yes"}
    for number, step in enumerate(content.questionnaire.steps, start=1):
        expect(page.get_by_text(f"Step {number} of {total}")).to_be_visible()
        for question in step.questions:
            if question.id in wanted:
                answer(page, question.id, questions[question.id].label_for(wanted[question.id]))
        page.get_by_role("button", name="Next").click()
    expect(page.get_by_text(f"Step {total} of {total}")).to_be_visible()
    wait_ready(page)
    item = content.questionnaire.readiness[0]
    page.locator(f".st-key-rbox_{item.id}").get_by_text("No", exact=True).click()
    expect(page.get_by_text(item.if_no.split(".")[0])).to_be_visible()

    page.get_by_role("button", name="See the options side by side").click()
    expect(page.get_by_role("heading", name="Compare options", level=1)).to_be_visible()
    expect(page.locator(".da-points")).to_contain_text("Ask a specialist")

    for option_id, card in content.options.items():
        if option_id not in CHOSEN and option_id in content.ordering.default_stage.selected:
            page.get_by_role("button", name=card.short_name, exact=True).click()
            expect(page.locator(f"#da-col-{option_id}")).to_have_count(0)
    for option_id in CHOSEN:
        expect(page.locator(f"#da-col-{option_id}")).to_be_visible()

    page.locator(".st-key-next_links").get_by_role("link", name="Make a handout to take with you").click()
    expect(page.get_by_role("heading", name="Your handout", level=1)).to_be_visible()
    # Typed and not confirmed with Enter: the box takes the name after a pause, and the page shows it back.
    page.get_by_label("Your name (optional)").fill("Alex Example")
    expect(page.get_by_text("Name on the handout:")).to_be_visible()
    target = make_and_download_handout(page, tmp_path / "handout.pdf")

    assert target.read_bytes().startswith(b"%PDF")
    text = " ".join(pdf_text(target).split())
    for option_id in CHOSEN:
        assert content.options[option_id].short_name in text or content.options[option_id].name in text
    assert "Alex Example" in text
    assert content.options["ketamine"].name not in text, "an option the person left out is not in the handout"
