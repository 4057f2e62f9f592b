"""The handout in a real browser: the server copy of a downloaded PDF is gone within seconds; typed text is never dropped."""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from pathlib import Path

from playwright.sync_api import Page, Response, expect
from pypdf import PdfReader

from decision_aid import resume
from decision_aid.loader import load_content
from decision_aid.ui import nav
from decision_aid.ui.pages.handout import PDF_LIFETIME_S

from .conftest import go_to, make_and_download_handout, open_page, screenshot, wait_ready

REFUSED_WITHIN_S = 30.0


def _status_without_cookies(url: str) -> int:
    """Fetch the address as a fresh client would: no cookies, no session, nothing but the URL."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url), timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def test_a_downloaded_handout_is_refused_to_other_clients_within_30_seconds(page: Page, app_url: str, tmp_path: Path) -> None:
    media: list[Response] = []
    page.on("response", lambda r: media.append(r) if "/media/" in r.url else None)
    open_page(page, app_url, nav.HANDOUT)
    page.get_by_label("Your name (optional)").fill("Lifetime Tester")
    page.get_by_label("Your name (optional)").press("Enter")
    wait_ready(page)
    button = page.get_by_role("button", name="Download the handout (PDF)")

    with page.expect_download() as first:
        button.click()
    downloaded_at = time.monotonic()
    url = first.value.url
    assert "/media/" in url
    target = tmp_path / "first.pdf"
    first.value.save_as(target)
    assert target.read_bytes().startswith(b"%PDF")

    # The owner's tab stays open; a client without its cookies is refused within 30 seconds of the download.
    status = _status_without_cookies(url)
    while status == 200 and time.monotonic() - downloaded_at < REFUSED_WITHIN_S:
        time.sleep(1.0)
        status = _status_without_cookies(url)
    refused_after = time.monotonic() - downloaded_at
    assert status == 404, f"still served {refused_after:.0f} s after the download"
    assert refused_after <= PDF_LIFETIME_S + 5

    # The owner can download again: a new file is made on the click.
    with page.expect_download() as again:
        button.click()
    second = tmp_path / "again.pdf"
    again.value.save_as(second)
    assert second.read_bytes().startswith(b"%PDF")

    served = [r for r in media if r.status == 200]
    for response in served:
        assert response.headers.get("cache-control") == "no-store", response.headers


def test_a_long_paste_into_the_name_is_kept_and_the_limit_is_said(page: Page, app_url: str) -> None:
    open_page(page, app_url, nav.HANDOUT)
    name = page.get_by_label("Your name (optional)")
    name.fill("y" * 150)
    name.press("Enter")
    wait_ready(page)
    expect(name).to_have_value("y" * 150)
    expect(page.get_by_text("This is 30 characters over the limit of 120.", exact=False)).to_be_visible()
    name.fill("Sam")
    name.press("Enter")
    wait_ready(page)
    expect(page.get_by_text("3 of 120 characters used; 117 left.")).to_be_visible()


def test_handout_page_screenshot(page: Page, app_url: str) -> None:
    open_page(page, app_url, nav.HANDOUT)
    page.get_by_label("Your name (optional)").fill("Zoë 😀")
    page.get_by_label("Your name (optional)").press("Enter")
    wait_ready(page)
    expect(page.get_by_text("cannot be printed", exact=False)).to_be_visible()
    screenshot(page, "handout-page")


def test_a_printed_resume_code_brings_back_the_answers_and_leaves_health_off_unless_included(
    page: Page, app_url: str, tmp_path: Path
) -> None:
    content = load_content()
    speed = content.questionnaire.questions["speed"]
    page.goto(f"{app_url}/{nav.QUESTIONS.url}?step=2")
    wait_ready(page)
    box = page.locator(".st-key-qbox_speed")
    box.get_by_text(speed.label_for("very"), exact=True).click()
    expect(box.get_by_role("radio", name=speed.label_for("very"), exact=True)).to_be_checked()
    wait_ready(page)
    go_to(page, nav.HANDOUT, "Your handout")

    page.get_by_text("Print a resume code", exact=True).click()
    expect(page.get_by_text("It holds 1 answer.")).to_be_visible()
    pages = PdfReader(make_and_download_handout(page, tmp_path / "code.pdf")).pages
    text = " ".join(" ".join((p.extract_text() or "") for p in pages).split())
    assert "Pick up where I left off" in text
    found = re.search(r"Pick up where I left off ([0-9A-Z]{4}(?:-[0-9A-Z]{1,4})+)", text)
    assert found, text[-600:]
    resumed = resume.decode(content, found.group(1))
    assert resumed.answers.values == {"speed": "very"}
    assert not resumed.with_health
