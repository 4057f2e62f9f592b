"""Two people at once never see each other's words, and the app calls nothing outside itself."""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import Browser, Download, Page, Request, expect
from pypdf import PdfReader

from decision_aid.ui import nav

from .conftest import DESKTOP, go_to, open_page, wait_ready

SECRET_NAME = "Zebediah Quill"
SECRET_NOTE = "ask about the blue pills 7731"


def _pdf_text(download: Download, tmp_path: Path, name: str) -> str:
    target = tmp_path / name
    download.save_as(target)
    assert target.read_bytes().startswith(b"%PDF")
    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(target.read_bytes())).pages).split())


def test_text_typed_in_one_session_never_appears_in_another(chromium: Browser, app_url: str, tmp_path: Path) -> None:
    first = chromium.new_context(viewport=DESKTOP, accept_downloads=True)
    second = chromium.new_context(viewport=DESKTOP, accept_downloads=True)
    try:
        a, b = first.new_page(), second.new_page()
        open_page(a, app_url, nav.HANDOUT)
        a.get_by_label("Your name (optional)").fill(SECRET_NAME)
        a.get_by_label("Notes for your visit (optional)").fill(SECRET_NOTE)
        a.get_by_label("Your name (optional)").press("Enter")
        wait_ready(a)
        expect(a.get_by_text(SECRET_NAME, exact=True)).to_be_visible()
        with a.expect_download() as made:
            a.get_by_role("button", name="Download the handout (PDF)").click()
        assert SECRET_NAME in _pdf_text(made.value, tmp_path, "first.pdf")

        open_page(b, app_url, nav.HANDOUT)
        expect(b.get_by_label("Your name (optional)")).to_have_value("")
        expect(b.get_by_label("Notes for your visit (optional)")).to_have_value("")
        html = b.content()
        assert SECRET_NAME not in html and SECRET_NOTE not in html
        # The second person makes their own handout: nothing of the first person's is in it.
        with b.expect_download() as theirs:
            b.get_by_role("button", name="Download the handout (PDF)").click()
        text = _pdf_text(theirs.value, tmp_path, "second.pdf")
        assert SECRET_NAME not in text and SECRET_NOTE not in text
        assert "Quill" not in text

        # The first session still has its own words after the second one has been used.
        go_to(a, nav.COMPARE)
        go_to(a, nav.HANDOUT, "Your handout")
        expect(a.get_by_label("Your name (optional)")).to_have_value(SECRET_NAME)
        assert SECRET_NAME not in b.content()
    finally:
        first.close()
        second.close()


def test_start_over_empties_the_name_and_notes_on_screen(page: Page, app_url: str) -> None:
    open_page(page, app_url, nav.HANDOUT)
    page.get_by_label("Your name (optional)").fill(SECRET_NAME)
    page.get_by_label("Your name (optional)").press("Enter")
    wait_ready(page)
    page.get_by_role("button", name="Start over").click()
    page.get_by_role("button", name="Yes, clear everything").click()
    expect(page.get_by_text("Everything you entered has been cleared.")).to_be_visible()
    go_to(page, nav.HANDOUT, "Your handout")
    expect(page.get_by_label("Your name (optional)")).to_have_value("")
    assert SECRET_NAME not in page.content()


def test_no_request_leaves_the_app_server(page: Page, app_url: str) -> None:
    app_host = urlparse(app_url).netloc
    outside: list[str] = []

    def record(request: Request) -> None:
        url = request.url
        parsed = urlparse(url)
        if parsed.scheme in ("data", "blob", "about") or parsed.netloc == app_host:
            return
        outside.append(url)

    page.on("request", record)
    for spec in nav.ALL:
        open_page(page, app_url, spec)
    assert outside == []
