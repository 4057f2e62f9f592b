"""axe-core finds no accessibility problem, at any impact, on any page or Compare view, in either mode and size."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, ViewportSize, expect

from decision_aid.ui import nav

from .conftest import DESKTOP, PHONE, open_page, wait_ready
from .test_compare import VIEWS, share_on, show

AXE = Axe()


def violations(page: Page) -> list[str]:
    results = AXE.run(page)
    out = []
    for v in results.response["violations"]:
        targets = [", ".join(n["target"]) for n in v["nodes"][:3]]
        out.append(f"{v['id']} ({v['impact']}): {v['help']} at {targets}")
    return out


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280x800", "390x844"])
@pytest.mark.parametrize("spec", nav.ALL, ids=[p.url for p in nav.ALL])
def test_no_accessibility_violations_on_any_page(page: Page, app_url: str, spec: nav.PageSpec, viewport: ViewportSize) -> None:
    page.set_viewport_size(viewport)
    open_page(page, app_url, spec)
    assert violations(page) == []


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280x800", "390x844"])
@pytest.mark.parametrize("shared", [False, True], ids=["alone", "shared"])
def test_no_accessibility_violations_in_any_compare_view(page: Page, app_url: str, viewport: ViewportSize, shared: bool) -> None:
    page.set_viewport_size(viewport)
    open_page(page, app_url, nav.COMPARE)
    if shared:
        share_on(page)
    found = {}
    for view in VIEWS:
        show(page, view)
        if view == "details":
            page.locator("details.da-section").first.locator("summary").click()
        found[view] = violations(page)
    assert found == {view: [] for view in VIEWS}


def test_no_accessibility_violations_when_screen_share_starts_from_the_start_page(page: Page, app_url: str) -> None:
    open_page(page, app_url, nav.START)
    page.get_by_role("button", name="With my clinician").click()
    expect(page.get_by_role("heading", name="What matters to you", level=1)).to_be_visible()
    wait_ready(page)
    assert violations(page) == []
