"""Getting around: the first choice on the Start page, and moving through the questionnaire."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, ViewportSize, expect

from decision_aid.loader import load_content
from decision_aid.ui import nav

from .conftest import DESKTOP, PHONE, open_page, wait_ready


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280x800", "390x844"])
def test_how_are_you_using_this_is_in_the_first_screen_with_neither_answer_preselected(
    page: Page, app_url: str, viewport: ViewportSize
) -> None:
    page.set_viewport_size(viewport)
    open_page(page, app_url, nav.START)
    expect(page.get_by_role("heading", name="How are you using this today?")).to_be_in_viewport(ratio=1)
    for name in ("With my clinician", "On my own"):
        button = page.get_by_role("button", name=name)
        expect(button).to_be_in_viewport(ratio=1)
        assert button.get_attribute("data-testid") == "stBaseButton-secondary", f"{name} is styled as the default"


def _focused_step(page: Page) -> str | None:
    return page.evaluate("() => document.activeElement && document.activeElement.getAttribute('aria-label')")


def test_next_and_back_move_focus_to_the_step_heading_and_browser_back_steps_back(page: Page, app_url: str) -> None:
    total = len(load_content().questionnaire.steps) + 1
    page.goto(f"{app_url}/{nav.QUESTIONS.url}?step=1")  # as the app's own links address it
    wait_ready(page)
    expect(page.get_by_text(f"Step 1 of {total}")).to_be_visible()

    for number in (2, 3):
        page.get_by_role("button", name="Next").click()
        heading = page.locator(f"h2.da-step-heading[data-step='{number}']")
        expect(heading).to_be_focused()
        assert _focused_step(page) == f"Step {number} of {total}: {heading.inner_text()}", "the step is announced"
        assert page.url.endswith(f"step={number}")

    page.get_by_role("button", name="Back").click()
    expect(page.locator("h2.da-step-heading[data-step='2']")).to_be_focused()

    # The browser's own Back retraces every step shown: 3, then 2, then 1.
    for number in (3, 2, 1):
        page.go_back()
        expect(page.get_by_text(f"Step {number} of {total}")).to_be_visible()
    expect(page.get_by_role("heading", name="What matters to you", level=1)).to_be_visible()


def test_the_page_menu_brings_the_person_back_to_the_step_they_were_on(page: Page, app_url: str) -> None:
    total = len(load_content().questionnaire.steps) + 1
    open_page(page, app_url, nav.QUESTIONS)
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text(f"Step 2 of {total}")).to_be_visible()
    page.locator(".st-key-da_topbar").get_by_role("link", name=nav.ABOUT.title).click()
    expect(page.get_by_role("heading", name=nav.ABOUT.title, level=1)).to_be_visible()
    page.locator(".st-key-da_topbar").get_by_role("link", name=nav.QUESTIONS.title).click()
    expect(page.get_by_text(f"Step 2 of {total}")).to_be_visible()
