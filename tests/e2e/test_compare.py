"""The Compare page in a real browser: sizes, sticky option names, the deck by keyboard, one option, the phone menu."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, ViewportSize, expect

from decision_aid.loader import load_content
from decision_aid.ui import nav

from .conftest import DESKTOP, PHONE, open_page, screenshot, wait_ready

CONTENT = load_content()
DEFAULT = CONTENT.ordering.default_stage.selected
VIEWS = {"overview": "Key facts", "details": "Full details", "deck": "One topic at a time", "option": "One option"}

PAGE_HEIGHT = "() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight"
SIDEWAYS = "() => { const m = document.querySelector('[data-testid=\"stMain\"]'); return m.scrollWidth - m.clientWidth; }"


def show(page: Page, view: str) -> None:
    page.get_by_role("radiogroup", name="Show").get_by_text(VIEWS[view], exact=True).click()
    wait_ready(page)


def share_on(page: Page) -> None:
    page.get_by_text("Screen-share mode", exact=True).first.click()
    wait_ready(page)
    expect(page.get_by_text("Screen-share mode is on")).to_be_visible()


def test_key_facts_put_every_name_and_chance_of_help_in_the_first_1600_px(page: Page, app_url: str) -> None:
    open_page(page, app_url, nav.COMPARE)
    table = page.locator("table.da-overview")
    expect(table).to_be_visible()
    top = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').getBoundingClientRect().top")
    for option_id in DEFAULT:
        head_box = page.locator(f"#da-col-{option_id}").bounding_box()
        assert head_box is not None and head_box["y"] - top < 1600, option_id
    figures = page.locator("table.da-overview .da-figure")
    expect(figures).to_have_count(len(DEFAULT))
    for i in range(len(DEFAULT)):
        box = figures.nth(i).bounding_box()
        assert box is not None and box["y"] + box["height"] - top < 1600, box
    assert page.evaluate(PAGE_HEIGHT) <= 4000


def test_on_a_phone_compare_reflows_without_sideways_scroll_and_stays_under_10000_px(page: Page, app_url: str) -> None:
    page.set_viewport_size(PHONE)
    open_page(page, app_url, nav.COMPARE)
    assert page.evaluate(SIDEWAYS) <= 1
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"] + 1
    assert page.evaluate(PAGE_HEIGHT) <= 10_000


def test_option_names_stay_in_view_while_the_key_facts_scroll(page: Page, app_url: str) -> None:
    open_page(page, app_url, nav.COMPARE)
    head = page.locator(f"#da-col-{DEFAULT[0]}")
    page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollBy(0, 1200)")
    page.wait_for_timeout(200)
    box = head.bounding_box()
    assert box is not None and 0 <= box["y"] < 50, box
    expect(head).to_be_in_viewport()


def test_more_opens_that_option_alone(page: Page, app_url: str) -> None:
    open_page(page, app_url, nav.COMPARE)
    name = CONTENT.options["rtms"].short_name
    page.get_by_role("link", name=f"More about {name}: the full card").click()
    wait_ready(page)
    expect(page.locator("article.da-card")).to_have_count(1)
    expect(page.locator(".da-card-title")).to_have_text(CONTENT.options["rtms"].name)
    assert "#" not in page.url, "a click the script heard leaves nothing in the address"


def test_a_more_click_before_the_page_script_listens_still_opens_that_option(page: Page, app_url: str) -> None:
    """Such a click only changes the address to the link's mark; the script acts on the mark when it loads."""
    page.goto(f"{app_url}/{nav.COMPARE.url}#da-open-exercise")  # a fresh tab: the script has not loaded yet
    wait_ready(page)
    expect(page.locator("article.da-card")).to_have_count(1)
    expect(page.locator(".da-card-title")).to_have_text(CONTENT.options["exercise"].name)
    page.wait_for_function("() => location.hash === ''")


def test_the_deck_moves_by_keyboard_and_by_buttons_and_announces_the_topic(page: Page, app_url: str) -> None:
    open_page(page, app_url, nav.COMPARE)
    show(page, "deck")
    topics = CONTENT.wording.deck_topics
    visible = page.locator(".da-deck-panel:not([hidden]) .da-deck-title")
    expect(visible).to_contain_text(topics[0].title)
    expect(visible).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(visible).to_contain_text(topics[1].title)
    expect(page.locator(".da-deck-status")).to_contain_text(topics[1].title)
    page.keyboard.press("ArrowLeft")
    expect(visible).to_contain_text(topics[0].title)
    page.get_by_role("button", name="Next topic").click()
    expect(visible).to_contain_text(topics[1].title)
    expect(page.locator(".da-deck-panel:not([hidden])")).to_have_count(1)


def pick_every_option(page: Page) -> None:
    pills = page.get_by_role("toolbar", name="Options to compare")
    for option in CONTENT.options.values():
        pill = pills.get_by_role("button", name=option.short_name, exact=True)
        if pill.get_attribute("aria-pressed") != "true":
            pill.click()
            wait_ready(page)
            expect(pill).to_have_attribute("aria-pressed", "true")


def test_the_deck_fits_a_1280_by_720_shared_screen_with_every_option(page: Page, app_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 720})
    open_page(page, app_url, nav.COMPARE)
    share_on(page)
    pick_every_option(page)
    show(page, "deck")
    expect(page.locator(".da-deck-panel:not([hidden]) .da-deck-cell")).to_have_count(len(CONTENT.options))
    for i in range(len(CONTENT.wording.deck_topics)):
        bar = page.locator(".da-deck-bar").bounding_box()
        panel = page.locator(".da-deck-panel:not([hidden])").bounding_box()
        assert bar and panel and panel["y"] + panel["height"] - bar["y"] <= 720, (i, bar, panel)
        expect(page.locator(".da-deck-panel:not([hidden])")).to_be_in_viewport(ratio=1)
        page.keyboard.press("ArrowRight")


def test_every_page_link_is_on_a_phone_screen_and_one_tap_away(page: Page, app_url: str) -> None:
    """No menu to open: the six links wrap into a few rows, each a comfortable target, none off the screen."""
    page.set_viewport_size(PHONE)
    open_page(page, app_url, nav.COMPARE)
    bar = page.locator(".st-key-da_topbar")
    links = bar.get_by_role("link")
    expect(links).to_have_count(len(nav.ALL))
    for i in range(len(nav.ALL)):
        box = links.nth(i).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] and box["height"] >= 24, (i, box)
    bar_box = bar.bounding_box()
    assert bar_box and bar_box["height"] <= 130, bar_box  # three rows at most, share switch included
    expect(bar.get_by_role("link", name=nav.COMPARE.title, exact=True)).to_have_attribute("aria-current", "page")
    bar.get_by_role("link", name=nav.TIMELINE.title, exact=True).click()
    expect(page.get_by_role("heading", name="Timeline", level=1)).to_be_visible()


def test_crisis_help_stays_on_a_phone_screen_at_any_scroll_position(page: Page, app_url: str) -> None:
    page.set_viewport_size(PHONE)
    open_page(page, app_url, nav.COMPARE)
    bar = page.locator(".da-crisis-fixed")
    for y in (0, 3000, 100_000):
        page.evaluate(f"() => document.querySelector('[data-testid=\"stMain\"]').scrollTo(0, {y})")
        expect(bar).to_be_in_viewport(ratio=1)
        expect(bar.get_by_role("link", name="Call 988")).to_be_visible()


def test_the_screen_share_switch_is_at_the_top_of_every_page(page: Page, app_url: str) -> None:
    for spec in nav.ALL:
        open_page(page, app_url, spec)
        switch = page.get_by_text("Screen-share mode", exact=True).first
        expect(switch).to_be_in_viewport()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280x800", "390x844"])
@pytest.mark.parametrize("shared", [False, True], ids=["alone", "shared"])
def test_every_compare_view_screenshot(page: Page, app_url: str, viewport: ViewportSize, shared: bool) -> None:
    page.set_viewport_size(viewport)
    open_page(page, app_url, nav.COMPARE)
    if shared:
        share_on(page)
    for view in VIEWS:
        show(page, view)
        if view == "details":
            page.locator("details.da-section").first.locator("summary").click()
        assert page.evaluate(SIDEWAYS) <= 1, view
        screenshot(page, f"compare-{view}{'-shared' if shared else ''}_{viewport['width']}x{viewport['height']}")
