"""How long the pure engine takes to turn answers into the comparison view model."""

from __future__ import annotations

from decision_aid.answers import parse_answers
from decision_aid.engine import build_comparison
from decision_aid.loader import load_content

from .timing import median_ms

BUSY_ANSWERS = {
    "speed": "very",
    "side_effects_avoid": ["sexual", "spaced_out"],
    "medicine": "prefer_without",
    "visits": "few",
    "cost": "a_lot",
    "ride_home": "no",
    "metal_in_head": "unsure",
    "pregnant_or_breastfeeding": "yes",
    "age_65_or_over": "yes",
}


def run(repeats: int = 200) -> list[str]:
    content = load_content()
    answers = parse_answers(content, BUSY_ANSWERS)
    load = median_ms(load_content, repeats=5, warmup=1)
    build = median_ms(lambda: build_comparison(content, answers, ordering="what_matters"), repeats)
    parse = median_ms(lambda: parse_answers(content, BUSY_ANSWERS), repeats)
    return [
        "Engine (pure Python, no Streamlit)",
        f"{'content load + validation (once per process)':<46} median {load:8.2f} ms",
        f"{'build_comparison, all six, busy answers':<46} median {build:8.2f} ms",
        f"{'parse_answers':<46} median {parse:8.3f} ms",
    ]


if __name__ == "__main__":
    print("\n".join(run()))
