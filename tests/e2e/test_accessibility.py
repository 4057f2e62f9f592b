"""axe-core finds no serious or critical problem on any page, in either mode."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from decision_aid.ui import nav

from .conftest import go_to, open_page, wait_ready

AXE = Axe()
BLOCKING = {"serious", "critical"}


def blocking_violations(page: Page) -> list[str]:
    results = AXE.run(page)
    out = []
    for v in results.response["violations"]:
        if v.get("impact") in BLOCKING:
            targets = [", ".join(n["target"]) for n in v["nodes"][:3]]
            out.append(f"{v['id']} ({v['impact']}): {v['help']} at {targets}")
    return out


@pytest.mark.parametrize("spec", nav.ALL, ids=[p.url for p in nav.ALL])
def test_no_serious_accessibility_violations(page: Page, app_url: str, spec: nav.PageSpec) -> None:
    open_page(page, app_url, spec)
    assert blocking_violations(page) == []


def test_no_serious_accessibility_violations_in_the_grid_and_screen_share_mode(page: Page, app_url: str) -> None:
    open_page(page, app_url, nav.START)
    page.get_by_role("button", name="With my clinician").click()
    expect(page.get_by_role("heading", name="What matters to you", level=1)).to_be_visible()
    assert blocking_violations(page) == []
    go_to(page, nav.COMPARE)
    page.get_by_text("Table by question", exact=True).click()
    expect(page.locator("table.da-grid")).to_be_visible()
    wait_ready(page)
    assert blocking_violations(page) == []
