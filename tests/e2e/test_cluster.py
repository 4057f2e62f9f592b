"""Several replicas behind HAProxy, as `make cluster` runs them, in a real browser.

Streamlit keeps a session, and the PDF it makes, in one server process: only a
balancer that keeps each browser on its own replica serves every download.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Response, expect

from decision_aid.ui import nav
from deploy.cluster import AFFINITY_COOKIE, Cluster, free_port, haproxy_binary

from .conftest import DESKTOP, make_and_download_handout, open_page, wait_ready
from .test_flow import pdf_text

REPLICAS = 3
NAME = "Your name (optional)"
PEOPLE = ("Ada Quill", "Bo Marsh", "Cy Fenwick", "Di Orrin")
CSP_VIOLATION = "csp-violation:"


@pytest.fixture(scope="module")
def cluster(chromium: Browser) -> Iterator[Cluster]:
    try:
        haproxy_binary()
    except RuntimeError as missing:
        pytest.skip(str(missing))
    with Cluster(free_port(), REPLICAS, replica_stderr=subprocess.DEVNULL) as running:
        yield running


@contextmanager
def fresh_sessions(chromium: Browser, count: int) -> Iterator[list[Page]]:
    """Separate browser contexts: no shared cookies, so each is a new visitor to the balancer."""
    contexts: list[BrowserContext] = [chromium.new_context(viewport=DESKTOP, accept_downloads=True) for _ in range(count)]
    try:
        yield [context.new_page() for context in contexts]
    finally:
        for context in contexts:
            context.close()


def replica_of(page: Page) -> str:
    cookies = {cookie["name"]: cookie["value"] for cookie in page.context.cookies()}
    return cookies[AFFINITY_COOKIE]


def type_name(page: Page, name: str) -> None:
    page.get_by_label(NAME).fill(name)
    page.get_by_label(NAME).press("Enter")
    wait_ready(page)


def test_four_fresh_sessions_each_make_and_download_their_own_handout(
    chromium: Browser, cluster: Cluster, tmp_path: Path
) -> None:
    with fresh_sessions(chromium, len(PEOPLE)) as pages:
        for page, person in zip(pages, PEOPLE, strict=True):
            open_page(page, cluster.url, nav.HANDOUT)
            type_name(page, person)
        homes = [replica_of(page) for page in pages]
        assert set(homes) == {r.name for r in cluster.replicas}, f"open sessions are spread over every replica: {homes}"

        for number, (page, person) in enumerate(zip(pages, PEOPLE, strict=True)):
            text = pdf_text(make_and_download_handout(page, tmp_path / f"handout-{number}.pdf"))
            assert person in text
            assert not [other for other in PEOPLE if other != person and other in text]
        assert [replica_of(page) for page in pages] == homes


def test_pages_arrive_compressed_under_a_content_security_policy_they_never_break(
    chromium: Browser, cluster: Cluster
) -> None:
    with fresh_sessions(chromium, 1) as (page,):
        messages: list[str] = []
        first_responses: dict[str, Response] = {}

        def keep_console(message: ConsoleMessage) -> None:
            messages.append(message.text)

        def keep_first_response(response: Response) -> None:
            first_responses.setdefault(response.url, response)

        page.on("console", keep_console)
        page.on("response", keep_first_response)
        page.add_init_script(
            "document.addEventListener('securitypolicyviolation',"
            f" e => console.error('{CSP_VIOLATION} ' + e.violatedDirective + ' ' + e.blockedURI));"
        )
        # The Timeline page loads the chart bundle, the largest asset; sizes are read before leaving it.
        open_page(page, cluster.url, nav.TIMELINE)
        expect(page.locator(".js-plotly-plot").first).to_be_visible()
        assets = [r for url, r in first_responses.items() if r.ok and urlparse(url).path.endswith((".js", ".css"))]
        assert assets
        assert [r.url for r in assets if r.headers.get("content-encoding") != "gzip"] == []
        sizes = {r.url: (r.request.sizes()["responseBodySize"], len(r.body())) for r in assets}
        largest = max(sizes, key=lambda url: sizes[url][1])
        sent, size = sizes[largest]
        assert size > 1_000_000 and sent < 0.6 * size, f"{largest}: {sent} bytes sent for {size}"

        for spec in nav.ALL:
            open_page(page, cluster.url, spec)
        # A step change runs the scroll-to-top script, allowed by its hash.
        open_page(page, cluster.url, nav.QUESTIONS)
        page.get_by_role("button", name="Next").click()
        wait_ready(page)

        violations = [m for m in messages if m.startswith(CSP_VIOLATION) or "Content Security Policy" in m]
        assert violations == []
        document = first_responses[f"{cluster.url}/{nav.TIMELINE.url}"]
        policy = document.headers["content-security-policy"]
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert document.headers["x-content-type-options"] == "nosniff"


def test_when_a_replica_stops_the_others_keep_their_sessions_and_take_new_ones(
    chromium: Browser, cluster: Cluster, tmp_path: Path
) -> None:
    """Runs last in this module: it leaves the cluster one replica short."""
    with fresh_sessions(chromium, REPLICAS) as pages:
        people = PEOPLE[:REPLICAS]
        for page, person in zip(pages, people, strict=True):
            open_page(page, cluster.url, nav.HANDOUT)
            type_name(page, person)
        homes = [replica_of(page) for page in pages]
        stopped = homes[0]
        cluster.stop_replica(stopped)

        survivors = [(page, person, home) for page, person, home in zip(pages, people, homes, strict=True) if home != stopped]
        assert survivors, homes
        for number, (page, person, home) in enumerate(survivors):
            # The name typed before the stop is still in the session that makes the handout.
            text = pdf_text(make_and_download_handout(page, tmp_path / f"survivor-{number}.pdf"))
            assert person in text
            assert replica_of(page) == home

        with fresh_sessions(chromium, 1) as (newcomer,):
            open_page(newcomer, cluster.url, nav.HANDOUT)
            type_name(newcomer, PEOPLE[-1])
            assert PEOPLE[-1] in pdf_text(make_and_download_handout(newcomer, tmp_path / "newcomer.pdf"))
            assert replica_of(newcomer) != stopped
