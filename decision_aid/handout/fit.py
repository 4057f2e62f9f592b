"""Column widths for the options tables, chosen so the tables come out short.

A table row is as tall as its tallest cell, so equal columns waste room: one
option with long words (ketamine's two forms, medicine change's side effects)
makes every row tall while its neighbours sit half empty. Giving that column a
little more width, and the short ones a little less, takes about a sixth off
each table, which is what lets the first table start on page one.

Laying out real paragraphs for every candidate width would cost more than the
whole handout; the line counts are estimated instead, by greedy word wrap on
word widths measured once. The tables themselves are then laid out by
reportlab as usual, so an estimate can only make a table a little taller than
the best, never wrong.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

STEP = 4.0
"""Width moves in steps of this many points: fine enough to matter, coarse enough to be quick."""
SHRINK = 0.75
GROW = 1.6
"""No column narrower than this share of an even split, or wider: every option keeps a readable column."""
MOVES = (1, 2, 3, 5, 8)
"""Steps of width moved at once: a row only gets shorter when a line break goes, which a small move may not do."""


@dataclass(frozen=True, slots=True)
class CellText:
    """One paragraph of a table cell, as the estimate sees it."""

    text: str
    style: ParagraphStyle


@functools.lru_cache(maxsize=4096)
def _widths(text: str, font: str, size: float) -> tuple[tuple[float, ...], float, float]:
    """Word widths, the width of a space, and how wide the text runs on one unbroken line.

    Table cells hold only content text, never what a person typed. The one-line
    width is the largest sum ``_lines`` would compare or keep on that line, added
    up in its order, so a room at least that wide is one line for certain and
    most cells are answered without the word-by-word loop.
    """
    words = tuple(stringWidth(word, font, size) for word in text.split())
    space = stringWidth(" ", font, size)
    widest, used = 0.0, -space
    for width in words:
        widest = max(widest, used + space + width)
        used += space + width
        widest = max(widest, used)
    return words, space, widest


def _lines(text: str, style: ParagraphStyle, room: float) -> int:
    words, space, one_line = _widths(text, style.fontName, style.fontSize)
    if one_line <= room:
        return 1
    lines, used = 1, -space
    for width in words:
        if used + space + width <= room:
            used += space + width
        elif used < 0:
            used = width
        else:
            lines += 1
            used = width
        if used > room:  # a word wider than the column is split over lines, as reportlab does
            extra = int(used // room)
            lines += extra
            used -= extra * room
    return lines


def cell_height(paras: Sequence[CellText], room: float) -> float:
    return sum(_lines(p.text, p.style, room) * p.style.leading + p.style.spaceAfter for p in paras)


def fit_widths(columns: Sequence[Sequence[Sequence[CellText]]], fixed_rows: Sequence[float], total: float,
               padding: float) -> list[float]:
    """Widths for the option columns (each a list of cells, one a row) that add up to ``total``.

    ``fixed_rows`` are the heights of the label column's cells, which rows cannot be shorter than;
    ``padding`` is the left plus right padding inside a cell.
    """
    count = len(columns)
    even = total / count
    low = -int(even * (1 - SHRINK) // STEP)
    high = int(even * (GROW - 1) // STEP)
    # heights[c][k]: column c's cells, row by row, at width even + k * STEP; worked out only for the widths tried.
    heights: list[dict[int, list[float]]] = [{} for _ in columns]

    def column(c: int, k: int) -> list[float]:
        rows = heights[c].get(k)
        if rows is None:
            room = even + k * STEP - padding
            rows = heights[c][k] = [cell_height(cell, room) for cell in columns[c]]
        return rows

    def table(offsets: Sequence[int]) -> float:
        return sum(map(max, fixed_rows, *(column(c, k) for c, k in enumerate(offsets))))

    offsets = [0] * count
    best = table(offsets)
    improved = True
    while improved:  # move width between two columns while the table gets shorter
        improved = False
        for give in range(count):
            for take in range(count):
                for size in MOVES:
                    if give == take or offsets[give] - size < low or offsets[take] + size > high:
                        continue
                    offsets[give] -= size
                    offsets[take] += size
                    height = table(offsets)
                    if height < best - 0.01:
                        best, improved = height, True
                        break
                    offsets[give] += size
                    offsets[take] -= size
    return [even + k * STEP for k in offsets]
