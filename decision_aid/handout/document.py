"""Page layout, the footer on every page, and ``build_handout``.

Normal print puts the start (title, crisis help, the options side by side)
full width and the rest in two columns of about 45 characters, switching
mid-page so no half page is wasted; that is what keeps the summary of every
option within four pages at 11 pt. Large print stays in one column.
"Page X of Y" needs the page count before the footers are drawn,
so the canvas keeps each finished page and draws every footer at save time.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import ActionFlowable

from ..presentation import Audience, Presentation, present
from ..viewmodel import Comparison
from . import labels
from .fonts import fonts, forget_measured_words
from .sections import Context, story
from .settings import HandoutSettings
from .styles import INK, RULE, Styles, styles_for

PAPER = {"letter": LETTER, "a4": A4}
MARGIN = 22.0  # under a third of an inch: room for 11 pt text matters more than wide edges
FOOTER_BASELINE = 22.0  # above the quarter inch most printers cannot print on, so the crisis line is never cut off
GUTTER = 14.0


@dataclass(frozen=True, slots=True)
class Footer:
    left: str
    font: str
    size: float
    margin: float
    two_lines: bool
    """The page number goes on a line above the crisis line when both do not fit on one (large print)."""

    @classmethod
    def for_page(cls, text: str, font: str, size: float, page_width: float) -> Footer:
        room = page_width - 2 * MARGIN
        needed = stringWidth(text, font, size) + stringWidth("Page 99 of 99", font, size) + size * 2
        return cls(text, font, size, MARGIN, needed > room)

    @property
    def height(self) -> float:
        """From the crisis line's baseline to just above the rule over the footer."""
        return self.size * (3.7 if self.two_lines else 2.4)


class FooterCanvas(Canvas):
    """A canvas that holds pages back until the end, then stamps each with its footer and 'page X of Y'."""

    def __init__(self, *args: Any, footer: Footer, created: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._pages: list[dict[str, Any]] = []
        # Not %Y: it does not zero-pad years before 1000 on every platform, and a PDF date needs four digits.
        stamp = f"D:{created.year:04d}{created.month:02d}{created.day:02d}000000+00'00'"
        self.setDateFormatter(lambda *_: stamp)

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        f = self._footer
        width, _ = self._pagesize
        y = FOOTER_BASELINE
        number_y = y + f.size * 1.3 if f.two_lines else y
        rule_y = number_y + f.size * 1.5
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(f.margin, rule_y, width - f.margin, rule_y)
        self.setFillColor(INK)
        self.setFont(f.font, f.size)
        self.drawString(f.margin, y, f.left)
        self.drawRightString(width - f.margin, number_y, f"Page {number} of {total}")
        self.restoreState()


class StartColumns(ActionFlowable):
    """Switch to two columns from the current point on the page, and on every page after."""

    def __init__(self, gutter: float, min_height: float) -> None:
        super().__init__(("startColumns",))
        self.gutter = gutter
        self.min_height = min_height

    def apply(self, doc: BaseDocTemplate) -> None:
        doc.handle_nextPageTemplate("two")
        frame = doc.frame
        height = frame._y - frame._y1p - frame._prevASpace
        if height < self.min_height:
            doc.handle_frameEnd()
            return
        col = (frame._aW - self.gutter) / 2
        x = frame._x1 + frame._leftPadding
        left = Frame(x, frame._y1p, col, height, 0, 0, 0, 0, id="left-rest")
        right = Frame(x + col + self.gutter, frame._y1p, col, height, 0, 0, 0, 0, id="right-rest")
        template = copy.copy(doc.pageTemplate)
        template.frames = [frame, left, right]
        doc.pageTemplate = template
        doc._nextFrameIndex = 1
        doc.handle_frameEnd()


def _templates(pagesize: tuple[float, float], bottom: float) -> list[PageTemplate]:
    width, height = pagesize
    body_w = width - 2 * MARGIN
    body_h = height - MARGIN - bottom
    one = Frame(MARGIN, bottom, body_w, body_h, 0, 0, 0, 0, id="body")
    col = (body_w - GUTTER) / 2
    left = Frame(MARGIN, bottom, col, body_h, 0, 0, 0, 0, id="left")
    right = Frame(MARGIN + col + GUTTER, bottom, col, body_h, 0, 0, 0, 0, id="right")
    return [
        PageTemplate(id="one", frames=[one], pagesize=pagesize, autoNextPageTemplate="one"),
        PageTemplate(id="two", frames=[left, right], pagesize=pagesize, autoNextPageTemplate="two"),
    ]


def _flowables(p: Presentation, settings: HandoutSettings, st: Styles, width: float, printed: dt.date) -> list[Flowable]:
    ctx = Context(p=p, settings=settings, st=st, full_width=width,
                  column_width=(width - GUTTER) / 2 if st.two_columns else width, printed=printed)
    overview, rest = story(ctx)
    switch: Sequence[Flowable] = [StartColumns(GUTTER, st.leading * 4)] if st.two_columns else []
    return [*overview, *switch, *rest]


@functools.cache
def _configure_reportlab() -> None:
    """Process-wide settings, applied once: binary streams skip a slow pure-Python ASCII85 pass."""
    rl_config.useA85 = 0


def build_handout(comparison: Comparison, settings: HandoutSettings) -> bytes:
    """Render the comparison as PDF bytes; a fixed ``settings.date`` gives byte-identical output.

    Health answers, and the points they raise, are printed only when ``settings.include_health`` says so.
    """
    _configure_reportlab()
    p = present(comparison, Audience.paper(settings.include_health))
    st = styles_for(settings.large_print)
    f = fonts()
    pagesize = PAPER[settings.paper]
    printed = settings.date or dt.date.today()
    footer = Footer.for_page(p.crisis.short, f.regular, st.small_size, pagesize[0])
    bottom = FOOTER_BASELINE + footer.height
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=pagesize,
        pageTemplates=_templates(pagesize, bottom),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=bottom,
        title=labels.TITLE,
        subject=f"{labels.PDF_SUBJECT} (content version {p.content_version})",
        author="Depression treatment decision aid",
        creator="decision_aid handout",
        invariant=True,
        lang="en-US",
    )
    try:
        flowables = _flowables(p, settings, st, pagesize[0] - 2 * MARGIN, printed)
        doc.build(flowables, canvasmaker=functools.partial(FooterCanvas, footer=footer, created=printed))
    finally:
        forget_measured_words()
    return buf.getvalue()
