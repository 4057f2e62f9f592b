"""Wall-clock time of the handout command, next to a one-paragraph reportlab process run alternately with it.

A person at the command line waits for the whole process: interpreter start,
imports, content loading, the PDF and the write. The yardstick is the smallest
process that writes a real PDF in the handout's font, so the ratio says how
much the command adds on top of starting Python and reportlab. The two are run
in turn, not one batch after the other, so a busy minute slows both alike.
Goal: the handout command at most 3x the yardstick.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from decision_aid.handout.fonts import CANDIDATES
from decision_aid.loader import load_content

from .handout_bench import TYPICAL_ANSWERS

ROOT = Path(__file__).resolve().parents[2]
GOAL_RATIO = 3.0

ONE_PARAGRAPH = """
import io, sys
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate
pdfmetrics.registerFont(TTFont("Bench", sys.argv[1]))
buf = io.BytesIO()
SimpleDocTemplate(buf, invariant=True).build([Paragraph("One paragraph of plain text.", ParagraphStyle("b", fontName="Bench"))])
with open(sys.argv[2], "wb") as out:
    out.write(buf.getvalue())
"""


def _font_file() -> str:
    """The handout's own regular font, so both processes parse the same TrueType file."""
    return next(str(regular) for _, regular, bold in CANDIDATES if regular.is_file() and bold.is_file())


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _time_ms(argv: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) milliseconds of one run of ``argv``."""
    cpu, start = _children_cpu_s(), time.perf_counter()
    subprocess.run(argv, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000, (_children_cpu_s() - cpu) * 1000


def _row(label: str, wall: float, cpu: float, fastest: float) -> str:
    return f"{label:<38} wall {wall:8.1f} ms   CPU {cpu:8.1f} ms   fastest {fastest:8.1f} ms"


def run(repeats: int = 9) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        answers = tmp / "answers.json"
        answers.write_text(json.dumps(TYPICAL_ANSWERS), encoding="utf-8")
        handout = [
            sys.executable, "-m", "decision_aid", "handout", "--answers", str(answers),
            "--options", ",".join(load_content().option_ids), "--date", "2025-01-01", "-o", str(tmp / "handout.pdf"),
        ]
        baseline = [sys.executable, "-c", ONE_PARAGRAPH, _font_file(), str(tmp / "one.pdf")]
        _time_ms(handout), _time_ms(baseline)  # warm the file cache
        command: list[tuple[float, float]] = []
        base: list[tuple[float, float]] = []
        for _ in range(repeats):
            command.append(_time_ms(handout))
            base.append(_time_ms(baseline))
    wall, cpu = (statistics.median(t[i] for t in command) for i in (0, 1))
    base_wall, base_cpu = (statistics.median(t[i] for t in base) for i in (0, 1))
    # The fastest run of each is the least disturbed by other work on the machine; shown beside the medians.
    fastest, base_fastest = min(t[0] for t in command), min(t[0] for t in base)
    ratio = wall / base_wall
    verdict = "within" if ratio <= GOAL_RATIO else "OVER"
    return [
        f"Command line (whole process, median of {repeats}; the command and the yardstick run in turn)",
        _row("handout command, all six options", wall, cpu, fastest),
        _row("one-paragraph reportlab process", base_wall, base_cpu, base_fastest),
        f"handout command is {ratio:.1f}x the one-paragraph process (CPU {cpu / base_cpu:.1f}x, "
        f"fastest runs {fastest / base_fastest:.1f}x): {verdict} the {GOAL_RATIO:.0f}x goal",
    ]

if __name__ == "__main__":
    print("\n".join(run()))
