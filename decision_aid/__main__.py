"""``python -m decision_aid``: one short-lived process, set up for that before anything heavy is imported.

Both settings below were found by profiling the handout command: cyclic garbage
collection every 700 allocations cost about a tenth of its CPU time (imports and
a PDF build allocate millions of objects, almost none in cycles), and pydantic
scans every installed package's metadata for plugins this program never uses.
"""

import gc
import os

gc.set_threshold(100_000, 50, 100)
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from .cli import main  # noqa: E402 - after the settings above, which must precede pydantic's import

raise SystemExit(main())
