"""How long the PDF handout takes to build, next to a one-paragraph reportlab document built in the same run.

The target is under 100 ms median for the summary of every option (eight,
with two stand-ins until the new cards land). The same-run baseline shows how
busy the machine was: compare ratios across machines, not raw times.
"""

from __future__ import annotations

import datetime as dt
import io
import time
from collections.abc import Callable

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from decision_aid.answers import parse_answers
from decision_aid.engine import build_comparison
from decision_aid.handout import HandoutSettings, build_handout
from decision_aid.handout.fonts import fonts
from decision_aid.loader import load_content
from tests.handout_support import with_eight_options

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


def _cpu_median_ms(fn: Callable[[], object], repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        start = time.process_time()
        fn()
        samples.append((time.process_time() - start) * 1000)
    samples.sort()
    return samples[len(samples) // 2]


def run(repeats: int = 30) -> list[str]:
    content = with_eight_options(load_content())
    everything = build_comparison(content, parse_answers(content, TYPICAL_ANSWERS), list(content.option_ids))
    two = build_comparison(content, parse_answers(content, TYPICAL_ANSWERS), ["ketamine", "ssri"])
    normal = HandoutSettings(date=DATE, name="Bench Mark", notes="Questions for my visit.")
    large = HandoutSettings(date=DATE, large_print=True)
    full = HandoutSettings(date=DATE, full_detail=True)
    scripts = HandoutSettings(date=DATE, name="王小明 فاطمة שרה", notes="Ask about sleep. 山田はなこ")

    baseline = median_ms(one_paragraph_pdf, repeats)
    summary = median_ms(lambda: build_handout(everything, normal), repeats)
    summary_large = median_ms(lambda: build_handout(everything, large), repeats)
    summary_scripts = median_ms(lambda: build_handout(everything, scripts), repeats)
    full_detail = median_ms(lambda: build_handout(everything, full), max(5, repeats // 3))
    pair = median_ms(lambda: build_handout(two, normal), repeats)
    summary_cpu = _cpu_median_ms(lambda: build_handout(everything, normal), repeats)
    count = len(everything.options)
    verdict = "under" if summary < 100 else "OVER"
    return [
        f"PDF handout (reportlab, {repeats} runs each; baseline = one-paragraph document, same font, same run)",
        line(f"summary, all {count} options", summary, baseline, "baseline"),
        line(f"summary, all {count}, large print", summary_large, baseline, "baseline"),
        line(f"summary, all {count}, CJK/RTL name", summary_scripts, baseline, "baseline"),
        line(f"full detail, all {count} options", full_detail, baseline, "baseline"),
        line("summary, two options", pair, baseline, "baseline"),
        f"{'summary, all options, CPU of this process':<38} median {summary_cpu:8.2f} ms",
        f"all-options summary is {verdict} the 100 ms target ({summary:.1f} ms wall-clock median)",
    ]


if __name__ == "__main__":
    print("\n".join(run()))
