"""Screenshots of every page at laptop and phone size; no page scrolls sideways on a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, ViewportSize, expect

from decision_aid.loader import load_content
from decision_aid.ui import nav

from .conftest import DESKTOP, PHONE, go_to, open_page, screenshot, wait_ready

SIDEWAYS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  return {
    doc: document.documentElement.scrollWidth, inner: window.innerWidth,
    main: main ? main.scrollWidth : 0, mainClient: main ? main.clientWidth : 0,
  };
}"""


def assert_no_sideways_scroll(page: Page) -> None:
    w = page.evaluate(SIDEWAYS)
    assert w["doc"] <= w["inner"] + 1, w
    assert w["main"] <= w["mainClient"] + 1, w


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280x800", "390x844"])
@pytest.mark.parametrize("spec", nav.ALL, ids=[p.url for p in nav.ALL])
def test_every_page_screenshot_and_no_sideways_scroll(
    page: Page, app_url: str, spec: nav.PageSpec, viewport: ViewportSize
) -> None:
    page.set_viewport_size(viewport)
    open_page(page, app_url, spec)
    if viewport is PHONE:
        assert_no_sideways_scroll(page)
    path = screenshot(page, f"{spec.url}_{viewport['width']}x{viewport['height']}")
    assert path.stat().st_size > 0


def test_screen_share_mode_screenshots(page: Page, app_url: str) -> None:
    open_page(page, app_url, nav.START)
    page.get_by_role("button", name="With my clinician").click()
    expect(page.get_by_text("Screen-share mode is on")).to_be_visible()
    health_step = next(i for i, s in enumerate(load_content().questionnaire.steps) if any(q.health for q in s.questions))
    for _ in range(health_step):
        page.get_by_role("button", name="Next").click()
        wait_ready(page)
    expect(page.locator(".st-key-private_box")).to_contain_text("not shown while the screen is shared")
    wait_ready(page)
    screenshot(page, "questions-health-shared_1280x800")
    go_to(page, nav.COMPARE)
    screenshot(page, "compare-shared_1280x800")


def test_next_step_opens_at_the_top_on_a_phone(page: Page, app_url: str) -> None:
    page.set_viewport_size(PHONE)
    open_page(page, app_url, nav.QUESTIONS)
    main = page.locator('[data-testid="stMain"]')
    page.get_by_role("button", name="Next").scroll_into_view_if_needed()
    assert main.evaluate("m => m.scrollTop") > 200
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text(f"Step 2 of {len(load_content().questionnaire.steps) + 1}")).to_be_visible()
    wait_ready(page)
    page.wait_for_function("() => document.querySelector('[data-testid=\"stMain\"]').scrollTop === 0")
