"""Server memory over repeated batches of short visits: it should level off, not climb.

Each batch is 100 people who open the app, answer a question, look at the
comparison and the timeline, make and fetch the handout PDF, then close the
tab. The server's resident memory is read after each batch (a served PDF is
dropped seconds after it is made, so the wait after a batch covers that). Streamlit keeps up to 128 closed
sessions for a while in case the tab reconnects, so the first batch already
holds the steady-state number of them.
"""

from __future__ import annotations

import asyncio
import time

from decision_aid.ui.pages.handout import PDF_LIFETIME_S

from . import scenarios
from .protocol import FileGone
from .server import ROOT, Server, load_average, serving

BATCHES = 3
PEOPLE = 100
AT_ONCE = 10
TARGET = 1.10  # the last batch within 10% of the first


async def _batch(server: Server) -> int:
    """The batch's visits; how many of their PDFs were gone before they could be fetched."""
    waiting = asyncio.Semaphore(AT_ONCE)
    gone = 0

    async def person() -> None:
        nonlocal gone
        async with waiting:
            try:
                await scenarios.short_visit(server.stream_url)
            except FileGone:
                gone += 1

    await asyncio.gather(*(person() for _ in range(PEOPLE)))
    return gone


async def rss_after_batches(server: Server) -> tuple[list[float], int]:
    after: list[float] = []
    gone = 0
    for _ in range(BATCHES):
        gone += await _batch(server)
        await asyncio.sleep(PDF_LIFETIME_S + 1.0)  # closed sessions' threads finish; served PDFs expire
        after.append(server.rss_mib())
    return after, gone


def run() -> list[str]:
    lines = [f"Server memory over batches of {PEOPLE} short visits ({AT_ONCE} at a time), {load_average()}"]
    with serving("this tree", ROOT) as server:
        start = time.perf_counter()
        idle = server.rss_mib()
        after, gone = asyncio.run(rss_after_batches(server))
        seconds = time.perf_counter() - start
    lines.append(f"RSS at start {idle:.1f} MiB; after each batch: " + ", ".join(f"{m:.1f} MiB" for m in after))
    ratio = after[-1] / after[0]
    verdict = "within" if ratio <= TARGET else "OVER"
    lines.append(f"last batch / first batch {ratio:.3f}: {verdict} the {TARGET - 1:.0%} target ({seconds:.0f} s)")
    lines.append(
        f"handout PDFs gone before the browser fetched them (404): {gone} of {BATCHES * PEOPLE}"
        + (" -- another session's clean-up removed them" if gone else "")
    )
    return lines


if __name__ == "__main__":
    print("\n".join(run()))
