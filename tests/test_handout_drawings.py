"""The onset timeline and icon arrays are drawn from the same rows as the screen charts, in shapes and words."""

from __future__ import annotations

import itertools

import pytest
from reportlab.graphics.shapes import Drawing, Path, String

from decision_aid.answers import Answers
from decision_aid.engine import build_comparison
from decision_aid.handout.drawings import _row_runs, _tick_rows, _width, icon_array, icon_legend, onset_timeline
from decision_aid.handout.styles import styles_for
from decision_aid.models import Content
from decision_aid.viewmodel import TIME_TICKS, BenefitRow, icon_states


def strings(drawing: Drawing) -> list[str]:
    return [node.text for node in drawing.contents if isinstance(node, String)]


@pytest.mark.parametrize(("low", "high"), [(0, 0), (30, 30), (29, 45), (53, 69), (0, 100), (100, 100)])
def test_icon_runs_cover_each_state_exactly_as_the_view_model_says(low: int, high: int) -> None:
    states = icon_states(low, high)
    runs = _row_runs(states)
    counts = {state: sum(count for _, _, count in rows) for state, rows in runs.items()}
    assert counts == {"yes": low, "maybe": high - low, "no": 100 - high}
    for state, rows in runs.items():
        for row, col, count in rows:
            assert all(states[row * 10 + c] == state for c in range(col, col + count))


def test_icon_array_shows_both_groups_with_counts_in_words(content: Content) -> None:
    comparison = build_comparison(content, Answers())
    for large_print in (False, True):
        st = styles_for(large_print)
        for row in comparison.benefit_rows:
            drawing = icon_array(row, st, pitch=st.base * 0.6)
            words = " ".join(strings(drawing))
            treatment = f"{row.treatment_low}" if row.treatment_low == row.treatment_high else (
                f"{row.treatment_low} to {row.treatment_high}"
            )
            assert f"{treatment} in 100" in words
            assert any(isinstance(node, Path) for node in drawing.contents)


def test_a_range_is_drawn_as_a_separate_half_tone_layer() -> None:
    row = BenefitRow("x", "X", "response", "adults", "4 weeks", "a treatment", 20, 35, "a placebo", 10, 10, True,
                     "Among adults ...", None, None, ("s",))
    drawing = icon_array(row, styles_for(False), pitch=5)
    paths = [node for node in drawing.contents if isinstance(node, Path)]
    colors = {str(p.strokeColor) for p in paths}
    assert len(colors) >= 3  # filled, half-tone and empty squares differ in shade, not hue


def test_timeline_has_a_row_and_sentence_for_every_option(content: Content) -> None:
    comparison = build_comparison(content, Answers())
    for large_print in (False, True):
        st = styles_for(large_print)
        drawing = onset_timeline(comparison.onset_rows, 540, st)
        words = " ".join(strings(drawing))
        for row in comparison.onset_rows:
            assert row.text.split(":")[0] in words
        for _, label in TIME_TICKS:
            assert label in words
        assert drawing.width <= 540


@pytest.mark.parametrize("large_print", [False, True])
def test_time_tick_labels_never_overlap(large_print: bool) -> None:
    size = styles_for(large_print).small_size
    for axis_width in (150, 250, 400):
        placed = _tick_rows(TIME_TICKS, 0, axis_width, size)
        by_row: dict[int, list[float]] = {}
        for x, _, row in placed:
            by_row.setdefault(row, []).append(x)
        for row in by_row:
            labels = [(x, label) for x, label, r in placed if r == row]
            for (xa, la), (xb, lb) in itertools.pairwise(labels):
                assert xa + _width(la, size) / 2 < xb - _width(lb, size) / 2, (row, la, lb)


def test_legends_wrap_to_fit_their_width() -> None:
    st = styles_for(True)
    narrow = icon_legend(st, 200)
    wide = icon_legend(st, 2000)
    assert narrow.height > wide.height
    for node in narrow.contents:
        if isinstance(node, String):
            assert node.x >= 0


def test_timeline_guide_lines_do_not_cross_the_sentences_in_large_print(content: Content) -> None:
    comparison = build_comparison(content, Answers())
    st = styles_for(True)
    width = 540
    drawing = onset_timeline(comparison.onset_rows, width, st)
    sentence_x = width * 0.18  # large print puts each sentence under its bar, from the end of the name column
    sentences = [n for n in drawing.contents if isinstance(n, String) and abs(n.x - sentence_x) < 0.01]
    [guides] = [n for n in drawing.contents if isinstance(n, Path) and n.strokeDashArray]
    assert sentences
    size = st.small_size
    points = guides.points
    segments = [(points[i], points[i + 1], points[i + 3]) for i in range(0, len(points), 4)]  # (x, y1, y2)
    assert len(segments) == len(TIME_TICKS) * len(comparison.onset_rows)
    for x, y1, y2 in segments:
        low, high = sorted((y1, y2))
        for text in sentences:
            assert not (low < text.y + size * 0.8 and text.y - size * 0.2 < high), (x, text.text)
