"""Getting around: the first choice on the Start page, and moving through the questionnaire."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, ViewportSize, expect

from decision_aid.ui import nav

from .conftest import DESKTOP, PHONE, open_page


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
