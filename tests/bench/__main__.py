"""`make bench`: server-side rerun times per page, handout build time and the handout command, each against a baseline.

Benchmarks are scripts, not timed tests: machines differ, so the figures are
reported (with a same-run baseline and ratio) rather than asserted.
"""

from __future__ import annotations

import logging
import platform
import sys

# AppTest and bare imports warn about a missing script context on every call; it is noise here.
logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(logging.ERROR)

from . import app_bench, cli_bench, engine_bench, handout_bench, page_load_bench  # noqa: E402


def main() -> int:
    print(f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}")
    for module in (engine_bench, app_bench, handout_bench, page_load_bench, cli_bench):
        print()
        for line in module.run():
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
