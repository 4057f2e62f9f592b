"""`make bench-cluster`: concurrent Chromium sessions against the cluster on loopback.

Each session is a fresh visitor who opens the app, walks the questionnaire
step by step, compares the options (the key facts, one option in full, one
topic at a time), and makes and downloads the handout, as the browser tests
of the whole flow and of Compare do (tests/e2e/test_flow.py and
test_compare.py), pausing a moment between clicks as a reader does. Visitors arrive half a second apart and stay until the
level ends, so at its peak every session of the level is open at once. Every
action is timed from the click to the moment its result is on screen. For each
level a new cluster starts, so memory left by one level never counts in the
next; the replicas' resident memory is sampled throughout, and the CPU time
they spend per visit is counted: unlike latency, it does not depend on how busy
the browsers keep the machine.

Bounded by design: every session walks once, every action gives up after
ACTION_TIMEOUT_S, every level after LEVEL_TIMEOUT_S, and all traffic goes to
127.0.0.1. The browsers run on the same cores as the servers, so on a small
machine the figures describe the machine at least as much as the app.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import Browser, BrowserContext, Locator, Page, async_playwright, expect

from decision_aid.loader import load_content
from decision_aid.models import Content
from deploy.cluster import AFFINITY_COOKIE, Cluster, free_port
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, DESKTOP, DOWNLOAD_HANDOUT, TAB_SYNCED

LEVELS = (5, 10, 20, 40)
REPLICAS = 2
ACTION_TIMEOUT_S = 60.0
LEVEL_TIMEOUT_S = 600.0
ARRIVAL_GAP_S = 0.5  # between one visitor's arrival and the next
THINK_S = (1.0, 3.0)  # a reader's pause between two clicks, drawn uniformly
SAMPLE_EVERY_S = 0.5
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

WANTED = {"speed": "very", "metal_in_head": "yes"}
"""The answers each visitor gives, as the browser test of the whole flow does; every other question is skipped."""


def step_actions(content: Content) -> list[tuple[str, list[str]]]:
    """One action per questionnaire step: its wanted answers, then Next (named so the report reads per step)."""
    out = []
    for number, step in enumerate(content.questionnaire.steps, start=1):
        wanted = [q.id for q in step.questions if q.id in WANTED]
        out.append((f"step {number}: {'answer, ' if wanted else ''}Next", wanted))
    return out


ACTIONS = (
    "open the app",
    "start on my own",
    *(name for name, _ in step_actions(load_content())),
    "compare the options",
    "More: one option in full",
    "one topic at a time",
    "open the handout page",
    "make and download the PDF",
)


@dataclass
class LevelResult:
    sessions: int
    timings: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    completed: int = 0
    homes: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    baseline_rss: int = 0
    peak_rss: int = 0
    wall_s: float = 0.0
    load_before: float = 0.0  # the machine's 1-minute load average as the level starts: others may be using it
    cpu_s: float = 0.0  # CPU time the replicas spent during the level
    # Sessions stay open until the level ends, so peak memory holds every one of them.
    contexts: list[BrowserContext] = field(default_factory=list)

    async def close_sessions(self) -> None:
        for context in self.contexts:
            await context.close()
        self.contexts.clear()


def rss_bytes(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def replicas_rss(cluster: Cluster) -> int:
    return sum(rss_bytes(r.process.pid) for r in cluster.replicas if r.running)


def replicas_cpu_s(cluster: Cluster) -> float:
    total = 0
    for replica in cluster.replicas:
        try:
            fields = Path(f"/proc/{replica.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime and stime, after the command name
    return total / CLOCK_TICKS


async def wait_for_calm(threshold: float | None, patience_s: float) -> None:
    """Other work on the machine skews every latency: wait a while for it to settle, then go on regardless."""
    if threshold is None:
        return
    deadline = time.monotonic() + patience_s
    while os.getloadavg()[0] > threshold and time.monotonic() < deadline:
        await asyncio.sleep(10)


async def ready(page: Page) -> None:
    """Connected, the script finished, and the tab's copy of the answers in sync (as the browser tests wait)."""
    app = page.locator('[data-testid="stApp"]')
    await expect(app).to_have_attribute("data-test-connection-state", "CONNECTED")
    await page.wait_for_function(TAB_SYNCED, timeout=ACTION_TIMEOUT_S * 1000)
    await expect(app).to_have_attribute("data-test-script-state", "notRunning")


async def click_until(page: Page, target: Locator, shown: Locator) -> None:
    await target.click()
    await expect(shown).to_be_visible()
    await ready(page)


async def walk(browser: Browser, url: str, result: LevelResult, delay_s: float) -> None:
    """One visitor's whole visit; the first failed action ends it and is counted against that action."""
    content = load_content()
    questions = content.questionnaire.questions
    total = len(content.questionnaire.steps) + 1
    first = content.options[content.ordering.default_stage.selected[0]].short_name
    await asyncio.sleep(delay_s)
    context = await browser.new_context(viewport=DESKTOP, accept_downloads=True)
    context.set_default_timeout(ACTION_TIMEOUT_S * 1000)
    context.set_default_navigation_timeout(ACTION_TIMEOUT_S * 1000)
    result.contexts.append(context)
    page = await context.new_page()

    def step(n: int) -> Locator:
        return page.get_by_text(f"Step {n} of {total}")

    async def answer(question_id: str) -> None:
        box = page.locator(f".st-key-qbox_{question_id}")
        label = questions[question_id].label_for(WANTED[question_id])
        await box.get_by_text(label, exact=True).click()
        await expect(box.get_by_role("radio", name=label, exact=True)).to_be_checked()
        await ready(page)

    def answer_and_go_on(number: int, wanted: list[str]) -> Callable[[], Awaitable[None]]:
        async def run() -> None:
            for question_id in wanted:
                await answer(question_id)
            await click_until(page, page.get_by_role("button", name="Next"), step(number + 1))

        return run

    async def open_app() -> None:
        await page.goto(f"{url}/")
        await expect(page.get_by_role("button", name="On my own")).to_be_visible()
        await ready(page)

    async def show(view: str, shown: Locator) -> None:
        await click_until(page, page.get_by_role("radiogroup", name="Show").get_by_text(view, exact=True), shown)

    async def download() -> None:
        async with page.expect_download() as info:
            await page.get_by_role("button", name=DOWNLOAD_HANDOUT).click()
        path = await (await info.value).path()
        if not Path(path).read_bytes().startswith(b"%PDF"):
            raise RuntimeError("the download is not a PDF")

    steps: list[tuple[str, Callable[[], Awaitable[None]]]] = [
        ("open the app", open_app),
        ("start on my own", lambda: click_until(page, page.get_by_role("button", name="On my own"), step(1))),
        *((name, answer_and_go_on(n, wanted)) for n, (name, wanted) in enumerate(step_actions(content), start=1)),
        (
            "compare the options",
            lambda: click_until(
                page,
                page.get_by_role("button", name="See the options side by side"),
                page.locator("table.da-overview"),
            ),
        ),
        (
            "More: one option in full",
            lambda: click_until(
                page, page.get_by_role("button", name=f"More about {first}: the full card"), page.locator("article.da-card")
            ),
        ),
        ("one topic at a time", lambda: show("One topic at a time", page.locator(".da-deck"))),
        (
            "open the handout page",
            lambda: click_until(
                page,
                page.locator(".st-key-next_links").get_by_role("link", name="Make a handout to take with you"),
                page.get_by_role("heading", name="Your handout", level=1),
            ),
        ),
        ("make and download the PDF", download),
    ]
    for number, (action, run) in enumerate(steps):
        if number:
            await asyncio.sleep(random.uniform(*THINK_S))
        start = time.perf_counter()
        try:
            await asyncio.wait_for(run(), ACTION_TIMEOUT_S)
        except Exception as error:  # any failure of an action is an error of that action
            kind = "timed out" if isinstance(error, TimeoutError) or "Timeout" in type(error).__name__ else "failed"
            result.errors[f"{action} ({kind})"] += 1
            return
        result.timings[action].append(time.perf_counter() - start)
    result.completed += 1
    cookies = {c["name"]: c["value"] for c in await context.cookies()}
    result.homes[cookies.get(AFFINITY_COOKIE, "?")] += 1


async def sample_memory(cluster: Cluster, result: LevelResult, stop: asyncio.Event) -> None:
    while not stop.is_set():
        result.peak_rss = max(result.peak_rss, replicas_rss(cluster))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), SAMPLE_EVERY_S)


async def run_level(
    browser: Browser, sessions: int, replicas: int, calm: float | None, patience_s: float
) -> LevelResult:
    result = LevelResult(sessions)
    await wait_for_calm(calm, patience_s)
    with Cluster(free_port(), replicas, replica_stderr=subprocess.DEVNULL) as cluster:
        # One visit first, so the baseline includes what every process loads once (content, fonts, charts).
        warm = LevelResult(1)
        await walk(browser, cluster.url, warm, 0.0)
        await warm.close_sessions()
        await asyncio.sleep(1.0)
        result.baseline_rss = replicas_rss(cluster)

        result.load_before = os.getloadavg()[0]
        stop = asyncio.Event()
        sampler = asyncio.create_task(sample_memory(cluster, result, stop))
        start = time.perf_counter()
        cpu_before = replicas_cpu_s(cluster)
        visits = [walk(browser, cluster.url, result, n * ARRIVAL_GAP_S) for n in range(sessions)]
        try:
            await asyncio.wait_for(asyncio.gather(*visits), LEVEL_TIMEOUT_S)
        except TimeoutError:
            result.errors["level timed out"] += 1
        result.wall_s = time.perf_counter() - start
        result.cpu_s = replicas_cpu_s(cluster) - cpu_before
        stop.set()
        await sampler
        result.peak_rss = max(result.peak_rss, replicas_rss(cluster))
        await result.close_sessions()
    return result


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(fraction * 100) - 1]


def report(results: list[LevelResult], replicas: int) -> list[str]:
    mib = 1024 * 1024
    lines = [
        f"Cluster load: {replicas} replicas behind HAProxy on 127.0.0.1, Chromium sessions on the same machine",
        f"Python {platform.python_version()}, {os.cpu_count()} cores, {platform.machine()};"
        f" visitors {ARRIVAL_GAP_S} s apart, {THINK_S[0]:.0f}-{THINK_S[1]:.0f} s between clicks",
        "",
        "Latency per action, seconds (p50 / p95), from click to result on screen:",
        "| action | " + " | ".join(f"{r.sessions} sessions" for r in results) + " |",
        "| --- |" + " --- |" * len(results),
    ]
    for action in ACTIONS:
        cells = [
            f"{percentile(r.timings[action], 0.5):.2f} / {percentile(r.timings[action], 0.95):.2f}" for r in results
        ]
        lines.append(f"| {action.strip()} | " + " | ".join(cells) + " |")
    every = [[t for action in ACTIONS for t in r.timings[action]] for r in results]
    cells = [f"{percentile(v, 0.5):.2f} / {percentile(v, 0.95):.2f}" for v in every]
    lines.append("| **any action** | " + " | ".join(cells) + " |")
    lines += [
        "",
        "| sessions | completed | errors | wall time | load before | replica memory before → peak | per session"
        " | replica CPU per visit | sessions per replica |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in results:
        errors = ", ".join(f"{k.strip()}: {v}" for k, v in r.errors.items()) or "0"
        per_session = (r.peak_rss - r.baseline_rss) / r.sessions / mib
        spread = " / ".join(str(n) for _, n in sorted(r.homes.items()))
        cpu_per_visit = r.cpu_s / r.completed if r.completed else float("nan")
        lines.append(
            f"| {r.sessions} | {r.completed} | {errors} | {r.wall_s:.0f} s | {r.load_before:.1f}"
            f" | {r.baseline_rss / mib:.0f} → {r.peak_rss / mib:.0f} MiB | {per_session:.1f} MiB"
            f" | {cpu_per_visit:.2f} s | {spread} |"
        )
    return lines


async def main_async(
    levels: tuple[int, ...], replicas: int, calm: float | None, patience_s: float
) -> list[LevelResult]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            results = []
            for sessions in levels:
                print(f"{sessions} sessions ...", file=sys.stderr, flush=True)
                results.append(await run_level(browser, sessions, replicas, calm, patience_s))
            return results
        finally:
            await browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", default=",".join(map(str, LEVELS)), help="concurrent sessions per level")
    parser.add_argument("--replicas", type=int, default=REPLICAS)
    parser.add_argument("--calm", type=float, default=None, help="before each level, wait for a 1-minute load below this")
    parser.add_argument("--patience", type=float, default=600.0, help="seconds to wait for --calm at most")
    args = parser.parse_args(argv)
    levels = tuple(int(n) for n in args.levels.split(","))
    expect.set_options(timeout=ACTION_TIMEOUT_S * 1000)
    results = asyncio.run(main_async(levels, args.replicas, args.calm, args.patience))
    print("\n".join(report(results, args.replicas)))
    return 0 if all(not r.errors for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
