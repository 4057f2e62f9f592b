"""Small custom flowables the handout needs and platypus lacks."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from .styles import INK, RULE


class WritingLines(Flowable):
    """Ruled lines for handwriting that use the room left in the column.

    It takes as many lines as fit (up to ``max_lines``); if fewer than
    ``min_lines`` fit it asks for more height than there is, so platypus moves
    it to the next column or page instead of printing a useless sliver.
    """

    def __init__(self, spacing: float, min_lines: int, max_lines: int) -> None:
        super().__init__()
        self.spacing = spacing
        self.min_lines = min_lines
        self.max_lines = max_lines
        self.lines = min_lines

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        fits = int(avail_height // self.spacing)
        self.lines = max(self.min_lines, min(self.max_lines, fits))
        self.width = avail_width
        self.height = self.lines * self.spacing
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        for i in range(self.lines):
            y = self.height - (i + 1) * self.spacing
            canv.line(0, y, self.width, y)
        canv.restoreState()


class LabelledLines(Flowable):
    """A bold label with a ruled line to write on beside it, and more ruled lines under it.

    A plan item left empty in the app prints this: the label says what to
    write, and the lines take only the room handwriting needs.
    """

    def __init__(self, label: str, font: str, size: float, spacing: float, lines: int) -> None:
        super().__init__()
        self.label = label
        self.font = font
        self.size = size
        self.spacing = spacing
        self.lines = lines

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.lines * self.spacing
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setFillColor(INK)
        canv.setFont(self.font, self.size)
        first = self.height - self.spacing
        canv.drawString(0, first + self.size * 0.3, self.label)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        start = stringWidth(self.label, self.font, self.size) + self.size * 0.5
        if start < self.width * 0.75:  # room to write beside the label; otherwise only the lines below
            canv.line(start, first, self.width, first)
        for i in range(1, self.lines):
            y = first - i * self.spacing
            canv.line(0, y, self.width, y)
        canv.restoreState()
