"""How long the PDF handout takes to build, next to a one-paragraph reportlab document built in the same run.

The target is under 100 ms median for the all-options handout. The same-run
baseline shows how busy the machine was: compare ratios across machines, not
raw times.
"""

from __future__ import annotations

import datetime as dt
import io
import time

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from decision_aid.answers import parse_answers
from decision_aid.engine import build_comparison
from decision_aid.handout import HandoutSettings, build_handout
from decision_aid.handout.fonts import fonts
from decision_aid.loader import load_content

from .timing import line, median_ms

TYPICAL_ANSWERS = {
    "speed": "very",
    "side_effects_avoid": ["sexual"],
    "medicine": "open",
    "visits": "weekly",
    "cost": "somewhat",
    "readiness": {"sure": "no", "informed": "yes"},
}
DATE = dt.date(2025, 1, 1)


def one_paragraph_pdf() -> bytes:
    """The smallest real reportlab build, in the handout's own font, as the yardstick."""
    buf = io.BytesIO()
    style = ParagraphStyle("bench", fontName=fonts().regular, fontSize=9)
    SimpleDocTemplate(buf, invariant=True).build([Paragraph("One paragraph of plain text.", style)])
    return buf.getvalue()


def _cpu_median_ms(fn: object, repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        start = time.process_time()
        fn()  # type: ignore[operator]
        samples.append((time.process_time() - start) * 1000)
    samples.sort()
    return samples[len(samples) // 2]


def run(repeats: int = 30) -> list[str]:
    content = load_content()
    all_six = build_comparison(content, parse_answers(content, TYPICAL_ANSWERS))
    two = build_comparison(content, parse_answers(content, TYPICAL_ANSWERS), ["ketamine", "ssri"])
    normal = HandoutSettings(date=DATE, name="Bench Mark", notes="Questions for my visit.")
    large = HandoutSettings(date=DATE, large_print=True)

    baseline = median_ms(one_paragraph_pdf, repeats)
    six = median_ms(lambda: build_handout(all_six, normal), repeats)
    six_large = median_ms(lambda: build_handout(all_six, large), repeats)
    pair = median_ms(lambda: build_handout(two, normal), repeats)
    six_cpu = _cpu_median_ms(lambda: build_handout(all_six, normal), repeats)
    verdict = "under" if six < 100 else "OVER"
    return [
        f"PDF handout (reportlab, {repeats} runs each; baseline = one-paragraph document, same font, same run)",
        line("handout, all six options", six, baseline, "baseline"),
        line("handout, all six, large print", six_large, baseline, "baseline"),
        line("handout, two options", pair, baseline, "baseline"),
        f"{'handout, all six, CPU time of this process':<38} median {six_cpu:8.2f} ms",
        f"all-options handout is {verdict} the 100 ms target ({six:.1f} ms wall-clock median)",
    ]


if __name__ == "__main__":
    print("\n".join(run()))
