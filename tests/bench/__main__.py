"""`make bench`: rerun times per page, page loads, the live server under load, its memory, the handout build and command.

Benchmarks are scripts, not timed tests: machines differ, so the figures are
reported (with a same-run baseline and ratio) rather than asserted.
``make bench BASE=<git revision>`` also serves the app as it was at that
revision beside this tree, so before and after share one run.
"""

from __future__ import annotations

import argparse
import logging
import platform
import sys
import time
from collections.abc import Callable


class _NoBareModeWarnings(logging.Filter):
    """AppTest and bare imports warn about a missing script context on every call; it is noise here.

    A filter rather than a level: Streamlit resets its loggers' levels from the config when it loads.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return "missing ScriptRunContext" not in record.getMessage()


logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(_NoBareModeWarnings())

from . import app_bench, cli_bench, engine_bench, handout_bench, live_bench, memory_bench, page_load_bench  # noqa: E402

PARTS: dict[str, Callable[[], list[str]]] = {
    "engine": engine_bench.run,
    "app": app_bench.run,
    "live": live_bench.run,
    "memory": memory_bench.run,
    "handout": handout_bench.run,
    "page_load": page_load_bench.run,
    "cli": cli_bench.run,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__)
    parser.add_argument("--base", help="also measure the live server as it was at this git revision")
    parser.add_argument("--only", choices=sorted(PARTS), action="append", help="run only these parts")
    args = parser.parse_args(argv)
    print(f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}")
    start = time.perf_counter()
    for name in args.only or list(PARTS):
        print(flush=True)
        lines = live_bench.run(args.base) if name == "live" else PARTS[name]()
        for line in lines:
            print(line)
    print(f"\n(all benchmarks: {time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
