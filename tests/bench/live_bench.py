"""Server CPU per rerun of each page, and reruns per second under load, on a live ``streamlit run``.

AppTest skips what the live server does after each rerun (sending the
messages, the garbage collection Streamlit forces), so these figures come
from a real server's own CPU time while protocol-level clients (see
``protocol.py``) click through it. A one-widget app served the same way in
the same run is the floor: what Streamlit itself costs per rerun.

With ``--base REV`` the app as it was at REV is served beside the working
tree and measured in the same run, interleaved, so the two share the
machine's conditions. An older build has other views and controls, so that
comparison uses only what every build has had (``scenarios.PORTABLE_CYCLE``).
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable, Coroutine, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from decision_aid.ui import nav, state

from . import scenarios
from .protocol import FileGone, Session
from .server import ROOT, Server, checkout, load_average, one_widget_app, serving

MIN_SECONDS = 2.0  # per measured page: long enough that the kernel's 10 ms CPU ticks are noise
MIN_RERUNS = 10
CLIENT_COUNTS = (1, 4, 16)
LOAD_SECONDS = 6.0
MIN_CYCLES = 2  # per client, so every action has 2 x clients latencies even when the server is slow
COMPARE_GOAL_MS = 20.0
COMPRESSED = ("--server.enableWebsocketCompression", "true")
WIDTH = 40  # of the first column


@dataclass(frozen=True, slots=True)
class PageCost:
    label: str
    cpu_ms: float
    wall_p50_ms: float
    kib: float


@dataclass
class LoadResult:
    clients: int
    reruns: int = 0
    seconds: float = 0.0
    server_cpu: float = 0.0
    client_cpu: float = 0.0
    latencies: dict[str, list[float]] = field(default_factory=dict)

    @property
    def per_second(self) -> float:
        return self.reruns / self.seconds

    @property
    def per_core_second(self) -> float:
        """What one whole core would serve: on a shared machine the server may not get one."""
        return self.reruns / self.server_cpu


def _path(page: nav.PageSpec) -> str:
    """The default page is served at the root, whatever its own url says."""
    return "" if page is nav.START else page.url


Setup = Callable[[Session], Awaitable[None]]


def _compare(ordering: str, view: str) -> Setup:
    async def setup(session: Session) -> None:
        await scenarios.set_order(session, ordering)
        await scenarios.show(session, view)

    return setup


USUAL, BY_WHAT_MATTERS = scenarios.DEFAULT_ORDER, scenarios.BY_WHAT_MATTERS
PAGE_CASES: tuple[tuple[str, nav.PageSpec, Setup | None], ...] = (
    ("Start", nav.START, None),
    ("What matters: readiness check", nav.QUESTIONS, scenarios.to_readiness),
    ("What matters: health step", nav.QUESTIONS, scenarios.to_question_step),
    ("Compare: key facts", nav.COMPARE, _compare(USUAL, state.VIEW_OVERVIEW)),
    ("Compare: full details", nav.COMPARE, _compare(USUAL, state.VIEW_DETAILS)),
    ("Compare: one topic at a time", nav.COMPARE, _compare(USUAL, state.VIEW_DECK)),
    ("Compare: one option", nav.COMPARE, _compare(USUAL, state.VIEW_OPTION)),
    ("Timeline", nav.TIMELINE, None),
    ("Handout", nav.HANDOUT, None),
    ("About the evidence", nav.ABOUT, None),
    ("Compare: key facts, by what matters", nav.COMPARE, _compare(BY_WHAT_MATTERS, state.VIEW_OVERVIEW)),
    ("Timeline, by what matters", nav.TIMELINE, None),  # the order chosen on Compare just before
)
"""In this order: the Compare page's order and view outlive the page, so the Timeline after follows them."""
COMPARE_KEY_FACTS = "Compare: key facts"
PDF_LABEL = "Handout: make and fetch the PDF"


async def _cost(server: Server, session: Session, label: str) -> PageCost:
    """Plain reruns of the page on screen, with the server's CPU read before and after."""
    for _ in range(2):
        await session.refresh()
    walls: list[float] = []
    received = 0
    cpu_before, start = server.cpu_seconds(), time.perf_counter()
    while len(walls) < MIN_RERUNS or time.perf_counter() - start < MIN_SECONDS:
        run = await session.refresh()
        walls.append(run.seconds)
        received += run.received_bytes
    cpu = server.cpu_seconds() - cpu_before
    n = len(walls)
    return PageCost(label, cpu / n * 1000, statistics.median(walls) * 1000, received / n / 1024)


async def _pdf_cost(server: Server, session: Session) -> PageCost:
    """Handout downloads on the Handout page (no rerun: the PDF is made on the click); KiB is the PDF's size."""
    for _ in range(2):
        await scenarios.download_handout(session)
    walls: list[float] = []
    size = gone = 0
    cpu_before, start = server.cpu_seconds(), time.perf_counter()
    while len(walls) < MIN_RERUNS or time.perf_counter() - start < MIN_SECONDS:
        try:
            download = await scenarios.download_handout(session)
        except FileGone:  # made, then removed by an earlier download's clean-up before it was fetched
            gone += 1
            continue
        walls.append(download.seconds)
        size += len(download.body)
    cpu = server.cpu_seconds() - cpu_before
    n = len(walls)
    label = f"{PDF_LABEL} ({gone} gone)" if gone else PDF_LABEL
    return PageCost(label, cpu / (n + gone) * 1000, statistics.median(walls) * 1000, size / n / 1024)


async def page_costs(servers: list[Server], widget_servers: list[Server]) -> dict[str, list[PageCost]]:
    """Each page on each server in turn, so the servers share the machine's ups and downs."""
    results: dict[str, list[PageCost]] = {s.label: [] for s in servers + widget_servers}
    sessions = [await scenarios.busy_person(s.stream_url) for s in servers]
    for label, page, setup in PAGE_CASES:
        for server, session in zip(servers, sessions, strict=True):
            await session.goto(_path(page))
            if setup is not None:
                await setup(session)
            results[server.label].append(await _cost(server, session, label))
    for server, session in zip(servers, sessions, strict=True):
        await session.goto(_path(nav.HANDOUT))
        results[server.label].append(await _pdf_cost(server, session))
    for server in widget_servers:
        session = await Session.open(server.stream_url)
        results[server.label].append(await _cost(server, session, "one-widget app"))
        await session.close()
    for session in sessions:
        await session.close()
    return results


async def _person(session: Session, deadline: float, result: LoadResult, cycle: Sequence[scenarios.Action]) -> None:
    """Whole cycles only: the Compare view a cycle leaves is where the next one starts (its "More" is on key facts)."""
    step = 0
    length = len(cycle)
    while step % length or time.perf_counter() < deadline or step < MIN_CYCLES * length:
        name, action = cycle[step % length]
        start = time.perf_counter()
        await action(session)
        result.latencies.setdefault(name, []).append(time.perf_counter() - start)
        result.reruns += 1
        step += 1


async def load_run(
    server: Server, people: list[Session], clients: int, cycle: Sequence[scenarios.Action] = scenarios.CYCLE
) -> LoadResult:
    """``clients`` people clicking with no pause for ``LOAD_SECONDS``: the server's reruns per second."""
    result = LoadResult(clients)
    cpu_before, own_before, start = server.cpu_seconds(), time.process_time(), time.perf_counter()
    deadline = start + LOAD_SECONDS
    await asyncio.gather(*(_person(p, deadline, result, cycle) for p in people[:clients]))
    result.seconds = time.perf_counter() - start
    result.server_cpu = server.cpu_seconds() - cpu_before
    result.client_cpu = time.process_time() - own_before
    return result


async def load_runs(
    servers: list[Server],
    person: Callable[[str], Awaitable[Session]] = scenarios.busy_person,
    cycle: Sequence[scenarios.Action] = scenarios.CYCLE,
) -> dict[str, list[LoadResult]]:
    """Each client count on each server in turn, so the servers share the machine's ups and downs."""
    people = {s.label: await asyncio.gather(*(person(s.stream_url) for _ in range(max(CLIENT_COUNTS)))) for s in servers}
    for group in people.values():  # one warm-up cycle each, so every page has been built once
        await asyncio.gather(*(scenarios.run_cycle(session, cycle) for session in group))
    results: dict[str, list[LoadResult]] = {s.label: [] for s in servers}
    for clients in CLIENT_COUNTS:
        for server in servers:
            results[server.label].append(await load_run(server, people[server.label], clients, cycle))
    for group in people.values():
        for session in group:
            await session.close()
    return results


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _page_lines(costs: dict[str, list[PageCost]], labels: list[str]) -> list[str]:
    head = f"{'page (busy answers, options first shown)':<{WIDTH}}" + "".join(f"{lab:>30}" for lab in labels)
    lines = [head, " " * WIDTH + "".join(f"{'CPU ms  p50 ms   KiB':>30}" for _ in labels)]
    rows = [c.label for c in costs[labels[0]]]
    for i, row in enumerate(rows):
        cells = "".join(f"{c.cpu_ms:>10.1f}{c.wall_p50_ms:>8.1f}{c.kib:>12.1f}" for c in (costs[lab][i] for lab in labels))
        lines.append(f"{row:<{WIDTH}}{cells}")
    return lines


def _load_lines(results: dict[str, list[LoadResult]]) -> list[str]:
    lines = []
    for label, runs in results.items():
        lines.append(f"{label}:")
        for r in runs:
            per_action = "  ".join(
                f"{name} {_percentile(v, 0.5) * 1000:.0f}/{_percentile(v, 0.95) * 1000:.0f}"
                for name, v in r.latencies.items()
            )
            lines.append(
                f"  {r.clients:>2} clients: {r.per_second:6.1f} reruns/s with the server at {r.server_cpu / r.seconds:4.0%} "
                f"of a core ({r.per_core_second:.1f} per core-second, {r.server_cpu / r.reruns * 1000:.1f} ms a rerun); "
                f"load generator {r.client_cpu / r.seconds:.0%} of a core"
            )
            lines.append(f"      p50/p95 ms: {per_action}")
    return lines


@dataclass
class Servers:
    app: Server  # this tree, as configured
    compressed: Server  # this tree with websocket compression on, for the bytes it saves and the CPU it costs
    one_widget: list[Server]  # with this tree's config, and the base's when asked
    base: Server | None  # the app as it was at the base revision, when asked


@contextmanager
def _servers(base: str | None) -> Iterator[Servers]:
    """This tree's app and a one-widget app with its config; the same pair from ``base`` when asked."""
    with ExitStack() as stack:
        trees: list[tuple[str, Path]] = [("this tree", ROOT)]
        if base:
            trees.append((f"base {base}", stack.enter_context(checkout(base))))
        app = stack.enter_context(serving("this tree", ROOT))
        base_app = stack.enter_context(serving(trees[1][0], trees[1][1])) if base else None
        compressed = stack.enter_context(serving("this tree, compressed", ROOT, extra_args=COMPRESSED))
        widgets = [
            stack.enter_context(serving(f"one-widget app, {label}", stack.enter_context(one_widget_app(folder))))
            for label, folder in trees
        ]
        yield Servers(app, compressed, widgets, base_app)


SAME_RUN_ROUNDS = 3
SAME_RUN_PAGE = "Compare, as it opens"


async def same_run_costs(servers: list[Server]) -> dict[str, PageCost]:
    """The Compare page as it opens after the portable answers, on each server in turn, the median of a few rounds."""
    sessions = [await scenarios.portable_person(s.stream_url) for s in servers]
    rounds: dict[str, list[PageCost]] = {s.label: [] for s in servers}
    for _ in range(SAME_RUN_ROUNDS):
        for server, session in zip(servers, sessions, strict=True):
            await session.goto(_path(nav.COMPARE))
            rounds[server.label].append(await _cost(server, session, SAME_RUN_PAGE))
    for session in sessions:
        await session.close()
    return {label: sorted(costs, key=lambda c: c.cpu_ms)[len(costs) // 2] for label, costs in rounds.items()}


def _timed(label: str, fn: Callable[[], Coroutine[Any, Any, Any]]) -> Any:
    start = time.perf_counter()
    out = asyncio.run(fn())
    print(f"  (live server, {label}: {time.perf_counter() - start:.0f} s)", flush=True)
    return out


def _goal_line(costs: dict[str, list[PageCost]]) -> str:
    mine = next(c for c in costs["this tree"] if c.label == COMPARE_KEY_FACTS)
    verdict = "within" if mine.cpu_ms <= COMPARE_GOAL_MS else "OVER"
    return f"Compare (key facts) rerun {mine.cpu_ms:.1f} ms of server CPU: {verdict} the {COMPARE_GOAL_MS:.0f} ms goal"


def _same_run_lines(costs: dict[str, PageCost], load: dict[str, list[LoadResult]]) -> list[str]:
    """Before and after on the same machine at the same time, with only what both builds can do."""
    labels = list(costs)
    mine, theirs = costs[labels[0]], costs[labels[1]]
    lines = [
        f"Same run against {labels[1]}: each person answers the first choice of every question; "
        f"{', '.join(n for n, _ in scenarios.PORTABLE_CYCLE)}",
        f"  {SAME_RUN_PAGE}: {mine.cpu_ms:.1f} ms of server CPU a rerun against {theirs.cpu_ms:.1f} "
        f"({theirs.cpu_ms / mine.cpu_ms:.2f}x less)",
    ]
    lines += _load_lines(load)
    after, before = (max(load[label], key=lambda r: r.per_second) for label in labels)
    lines.append(
        f"  saturated reruns per second: {after.per_second:.1f} against {before.per_second:.1f} for {labels[1]} "
        f"({after.per_second / before.per_second:.2f}x); per core-second {after.per_core_second:.1f} against "
        f"{before.per_core_second:.1f} ({after.per_core_second / before.per_core_second:.2f}x)"
    )
    return lines


def run(base: str | None = None) -> list[str]:
    lines = [f"Live server (streamlit run, protocol-level clients), {load_average()} at start"]
    with _servers(base) as servers:
        paged = [servers.app, servers.compressed]
        costs = _timed("pages", lambda: page_costs(paged, servers.one_widget))
        load = _timed("load", lambda: load_runs([servers.app]))
        if servers.base is not None:
            pair = [servers.app, servers.base]
            same_costs = _timed("same run, pages", lambda: same_run_costs(pair))
            same_load = _timed(
                "same run, load",
                lambda: load_runs(pair, person=scenarios.portable_person, cycle=scenarios.PORTABLE_CYCLE),
            )
    lines.append(f"Server CPU per rerun, wall-clock p50 and KiB on the wire per rerun ({load_average()} at end)")
    lines += _page_lines(costs, [s.label for s in paged])
    for server in servers.one_widget:
        cost = costs[server.label][0]
        lines.append(f"{server.label:<{WIDTH}}{cost.cpu_ms:>10.1f}{cost.wall_p50_ms:>8.1f}{cost.kib:>12.1f}")
    lines.append(f"Load: each client repeats {', '.join(n for n, _ in scenarios.CYCLE)} with no pause")
    lines += _load_lines(load)
    lines.append(_goal_line(costs))
    if base is not None:
        lines += _same_run_lines(same_costs, same_load)
    return lines


if __name__ == "__main__":
    import sys

    print("\n".join(run(sys.argv[1] if len(sys.argv) > 1 else None)))
