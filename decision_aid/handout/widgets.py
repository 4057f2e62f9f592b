"""Small custom flowables the handout needs and platypus lacks."""

from __future__ import annotations

from reportlab.platypus import Flowable

from .styles import RULE


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
