"""Type sizes and paragraph styles for normal and large print.

All sizes derive from one base size (11 pt, 14 pt in large print) so large print scales the whole page
together (headings, tables, charts, footer) instead of only the body text.
Colours are greys: the handout is often printed on a black-and-white printer,
so meaning is carried by words, weight and patterns, never by hue.

Bold lead-ins ("Cautions:", "Nausea:") are drawn as a paragraph's bullet in the
bold face rather than with ``<b>`` markup: a paragraph with one run of text
takes reportlab's fast line-breaking path, several times quicker than mixed
markup, and that is most of what keeps the handout fast to build.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from .fonts import fonts

INK = colors.Color(0.0, 0.0, 0.0)
MID = colors.Color(0.35, 0.35, 0.35)
RULE = colors.Color(0.55, 0.55, 0.55)
MAYBE = colors.Color(0.62, 0.62, 0.62)
SHADE = colors.Color(0.86, 0.86, 0.86)
LIGHT = colors.Color(0.93, 0.93, 0.93)
PAPER = colors.Color(1.0, 1.0, 1.0)

# Body text sizes in points: at least 11 for the summary, at least 14 in large print.
BASE = 11.0
BASE_LARGE = 14.0
# Footers, captions and the source list.
SMALL = 9.0
SMALL_LARGE = 12.0


@dataclass(frozen=True)
class Styles:
    base: float
    small_size: float
    leading: float
    gap: float
    two_columns: bool
    body: ParagraphStyle
    lead: ParagraphStyle
    """Body text with a bold run-in lead passed as ``bulletText``."""
    bullet: ParagraphStyle
    """A list item; its bullet (a dot, or a dot and bold words) hangs left of the text."""
    small: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h2: ParagraphStyle
    h2_loose: ParagraphStyle
    """A heading allowed to part from what follows (a big table that must start on this page)."""
    h3: ParagraphStyle
    option_title: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    point: ParagraphStyle
    raised: ParagraphStyle
    """A point an answer raised, shaded and set in under that answer: tighter than a boxed point."""
    box: ParagraphStyle
    source: ParagraphStyle
    tick: ParagraphStyle
    label: ParagraphStyle
    """A bold line naming what follows (a plan item), kept with it."""
    cell_small: ParagraphStyle
    cell_lead: ParagraphStyle
    """A table cell with a bold run-in lead passed as ``bulletText``."""
    small_lead: ParagraphStyle
    figure_note: ParagraphStyle
    """Who a figure is about, for how long and against what: small type in full black, under the option's name."""
    band_head: ParagraphStyle
    """A table cell with a bold run-in lead passed as ``bulletText``."""


@functools.cache
def styles_for(large_print: bool) -> Styles:
    """Styles are built once per print size and shared between builds (they are never changed)."""
    f = fonts()
    base = BASE_LARGE if large_print else BASE
    small = SMALL_LARGE if large_print else SMALL
    ratio = 1.22 if large_print else 1.14
    leading = base * ratio
    gap = base * 0.4
    hang = base * 0.95
    pad = base * 0.32

    def style(name: str, size: float = base, font: str = f.regular, **kw: object) -> ParagraphStyle:
        kw.setdefault("leading", size * ratio)
        kw.setdefault("spaceAfter", gap * 0.5)
        kw.setdefault("textColor", INK)
        kw.setdefault("bulletFontName", f.regular)
        kw.setdefault("bulletFontSize", size)
        return ParagraphStyle(name, fontName=font, fontSize=size, alignment=TA_LEFT, splitLongWords=1, **kw)

    boxed = {
        "backColor": LIGHT,
        "borderColor": INK,
        "borderWidth": 0.6,
        "borderPadding": pad,
        "leftIndent": pad,
        "rightIndent": pad,
        "bulletIndent": pad,
        # The border sits ``pad`` outside the text, so the space must clear two paddings to leave a gap.
        "spaceBefore": pad * 2 + gap * 0.3,
        "spaceAfter": pad * 2 + gap * 0.3,
        "bulletFontName": f.bold,
    }
    return Styles(
        base=base,
        small_size=small,
        leading=leading,
        gap=gap,
        two_columns=not large_print,
        body=style("body"),
        lead=style("lead", bulletFontName=f.bold),
        bullet=style("bullet", leftIndent=hang, bulletIndent=base * 0.15, spaceAfter=gap * 0.25, bulletFontName=f.bold),
        small=style("small", small, textColor=MID, spaceAfter=gap * 0.3),
        title=style("title", base * 1.6, f.bold, leading=base * 1.85, spaceAfter=gap * 0.3),
        subtitle=style("subtitle", base, spaceAfter=gap * 0.2, bulletFontName=f.bold),
        h2=style("h2", base * 1.3, f.bold, spaceBefore=gap * 1.1, spaceAfter=gap * 0.4, keepWithNext=1),
        h2_loose=style("h2_loose", base * 1.3, f.bold, spaceBefore=gap * 1.4, spaceAfter=gap * 0.5),
        h3=style("h3", base * 1.08, f.bold, spaceBefore=gap * 0.6, spaceAfter=0, keepWithNext=1),
        option_title=style("option_title", base * 1.3, f.bold, spaceBefore=gap * 1.2 + pad, spaceAfter=gap * 0.4 + pad,
                           keepWithNext=1, backColor=SHADE, borderPadding=pad, leftIndent=pad, rightIndent=pad),
        cell=style("cell", spaceAfter=gap * 0.2, leading=base * 1.15),
        band_head=style("band_head", base * 1.1, f.bold, spaceAfter=gap * 0.2, leading=base * 1.25),
        small_lead=style("small_lead", small, textColor=MID, spaceAfter=gap * 0.3, bulletFontName=f.bold),
        figure_note=style("figure_note", base if large_print else small, leading=(base if large_print else small) * 1.15,
                          spaceAfter=gap * 0.4),  # who was studied is read by everyone: full size in large print
        cell_lead=style("cell_lead", spaceAfter=gap * 0.25, leading=base * 1.18, bulletFontName=f.bold),
        cell_head=style("cell_head", font=f.bold, spaceAfter=0, leading=base * 1.15),
        point=style("point", **boxed),
        raised=style("raised", leftIndent=hang + pad * 0.6, backColor=LIGHT, borderPadding=pad * 0.6,
                     spaceBefore=pad * 1.2 + gap * 0.15, spaceAfter=pad * 1.2 + gap * 0.15),
        box=style("box", **{**boxed, "backColor": PAPER, "borderWidth": 1.0}),
        source=style("source", small, leading=small * 1.08, leftIndent=small * 2.2, bulletIndent=0, spaceAfter=gap * 0.1),
        tick=style("tick", leftIndent=hang, bulletIndent=base * 0.15, spaceAfter=gap * 0.35),
        label=style("label", font=f.bold, spaceBefore=gap * 0.6, spaceAfter=gap * 0.15, keepWithNext=1),
        cell_small=style("cell_small", small, textColor=MID, spaceAfter=gap * 0.25, leading=small * 1.18),
    )
