"""One `streamlit run` server and one Chromium for the whole browser session.

Debian's Chromium is driven directly (no browser download). Each test gets a
fresh browser context, which is a separate Streamlit session with its own state.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect, sync_playwright

from decision_aid.ui import nav
from decision_aid.ui.content import CONTENT_DIR_ENV
from deploy.cluster import free_port, start_server, stop_process, wait_healthy

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
PHONE: ViewportSize = {"width": 390, "height": 844}
START_TIMEOUT_S = 60
# The Handout page's buttons, shared with the load test (tests/bench/cluster_load.py).
DOWNLOAD_HANDOUT = "Download the handout (PDF)"

expect.set_options(timeout=20_000)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM} (Debian: apt-get install chromium)")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != CONTENT_DIR_ENV}
    proc = start_server(port, env=env, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc, "streamlit", START_TIMEOUT_S)
        yield url
    finally:
        stop_process(proc)


@pytest.fixture(scope="session")
def chromium(app_url: str) -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def context(chromium: Browser) -> Iterator[BrowserContext]:
    ctx = chromium.new_context(viewport=DESKTOP, accept_downloads=True)
    yield ctx
    ctx.close()


@pytest.fixture()
def page(context: BrowserContext) -> Page:
    return context.new_page()


TAB_SYNCED = "() => Boolean(window.__decisionAidTab && window.__decisionAidTab.synced)"


def wait_ready(page: Page) -> None:
    """The app is connected, its script has finished, the crisis banner is drawn, the tab's copy is in sync,
    and the page script listens.

    A new session asks the tab for its copy of the answers and runs once more
    when it answers; a click in between could land in the first run. The page
    script (``decision_aid.ui.page_script``) loads after the run ends; a click on
    a deck button or an arrow key before it is bound is lost ("More" is a link
    whose early click the script picks up).
    """
    app = page.locator('[data-testid="stApp"]')
    expect(app).to_have_attribute("data-test-connection-state", "CONNECTED")
    page.wait_for_function(TAB_SYNCED, timeout=20_000)
    expect(app).to_have_attribute("data-test-script-state", "notRunning")
    expect(page.locator(".da-crisis")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("data-da-actions", "ready")


def settle(page: Page) -> None:
    """Wait two animation frames so charts finish laying out after a resize."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def open_page(page: Page, url: str, spec: nav.PageSpec) -> None:
    page.goto(f"{url}/" if spec is nav.START else f"{url}/{spec.url}")
    wait_ready(page)
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def screenshot(page: Page, name: str) -> Path:
    """The whole page: Streamlit scrolls an inner element, so grow the viewport to fit it first."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size or DESKTOP
    height = page.evaluate(
        "() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
        " return Math.ceil(m ? m.scrollHeight : document.documentElement.scrollHeight); }"
    )
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], int(height))})
    wait_ready(page)
    settle(page)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    page.set_viewport_size(size)
    return path


def make_and_download_handout(page: Page, target: Path) -> Path:
    """On the Handout page: download the PDF (it is made on the click) and save it at `target`."""
    wait_ready(page)
    download_button = page.get_by_role("button", name=DOWNLOAD_HANDOUT)
    expect(download_button).to_be_visible()
    with page.expect_download() as info:
        download_button.click()
    info.value.save_as(target)
    return target


def go_to(page: Page, spec: nav.PageSpec, heading: str | None = None) -> None:
    """Move within the same session with the app's own page links at the top (desktop width)."""
    page.locator(".st-key-da_topbar").get_by_role("link", name=spec.title, exact=True).click()
    expect(page.get_by_role("heading", name=heading or spec.title, level=1)).to_be_visible()
    wait_ready(page)
