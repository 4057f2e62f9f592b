"""Small timing helpers shared by the benchmark scripts."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_ms(fn: Callable[[], object], repeats: int, warmup: int = 2) -> float:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def line(label: str, value_ms: float, baseline_ms: float, baseline_label: str) -> str:
    ratio = value_ms / baseline_ms if baseline_ms else float("inf")
    return f"{label:<38} median {value_ms:8.2f} ms   {baseline_label} {baseline_ms:7.2f} ms   ratio {ratio:6.1f}x"
