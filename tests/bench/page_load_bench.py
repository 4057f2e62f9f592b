"""Cold page loads in a real browser: Compare beside Start, in the same run.

Each load is a fresh browser context (no cache, a new Streamlit session), timed
from navigation until the app is connected, its script has finished and the
page's main element is drawn. The DOM node count says how much the browser has
to lay out. Goal: Compare's median at most 1.3 times Start's.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
PAGES = (("Start", "/", ".st-key-start_mode"), ("Compare options", "/compare", "table.da-overview"))
DRAWN = ".da-crisis-foot"
"""Drawn by the footer, the last thing every page draws: the page is complete once it is there."""
READY = '[data-testid="stApp"][data-test-connection-state="CONNECTED"][data-test-script-state="notRunning"]'


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve() -> Iterator[str]:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                    break
            except OSError:
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _load(browser: Browser, url: str, ready_selector: str) -> tuple[float, int]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(READY, timeout=60_000)
    page.wait_for_selector(ready_selector, timeout=60_000)
    page.wait_for_selector(DRAWN, timeout=60_000)
    elapsed = (time.perf_counter() - start) * 1000
    page.wait_for_timeout(1000)  # let late elements (component scripts, icons) settle before counting
    nodes = int(page.evaluate("() => document.querySelectorAll('*').length"))
    context.close()
    return elapsed, nodes


def run(repeats: int = 7) -> list[str]:
    if not Path(CHROMIUM).exists():
        return ["Cold page loads: skipped (no Chromium at " + CHROMIUM + ")"]
    lines = [f"Cold page loads in Chromium (fresh context each, median of {repeats}, 1280x800)"]
    results: dict[str, tuple[float, int]] = {}
    with serve() as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _, path, selector in PAGES:  # warm the server's imports and the browser's code cache once
            _load(browser, url + path, selector)
        samples: dict[str, list[float]] = {name: [] for name, _, _ in PAGES}
        nodes: dict[str, int] = {}
        for _ in range(repeats):  # interleaved, so a busy moment hurts both pages alike
            for name, path, selector in PAGES:
                ms, count = _load(browser, url + path, selector)
                samples[name].append(ms)
                nodes[name] = count
        browser.close()
    for name, _, _ in PAGES:
        results[name] = (statistics.median(samples[name]), nodes[name])
    start_ms = results["Start"][0]
    for name, (ms, count) in results.items():
        lines.append(f"  {name:<18} time to ready {ms:7.0f} ms   {ms / start_ms:4.2f}x Start   DOM nodes {count:5d}")
    return lines


if __name__ == "__main__":
    print("\n".join(run()))
