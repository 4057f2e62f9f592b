"""Turning plain text into safe paragraphs, in any script the fonts cover.

reportlab's Paragraph reads its text as XML-like markup, so a typed ``<b>`` or
``&`` would be taken as a tag or an entity (or crash the parser). Every string
that did not come from this package's own code goes through the font set's
``markup`` first (escaped, with a font switch for runs the main font lacks);
that includes content text, which clinicians edit by hand. Bold lead-ins go in
as ``bulletText``, which reportlab draws as given, without reading markup.

Arabic and Hebrew: reportlab 5 reorders right-to-left text only through
``rlbidi``, which is not published on PyPI, so a paragraph holding such text is
broken into lines here in reading order, each line joined (Arabic letters take
their connected forms, ``arabic-reshaper``) and put in display order
(``python-bidi``), and the lines are then laid out as given.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import arabic_reshaper
from bidi import get_base_level, get_display
from reportlab.lib.enums import TA_RIGHT
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer
from reportlab.platypus.paragraph import ParagraphStyle

from .fonts import fonts

RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# Keep vowel marks: dropping them would silently change what the person wrote.
_RESHAPER = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False, "support_ligatures": True})


def esc(text: str | None) -> str:
    """Plain text -> markup-safe text the handout fonts can draw."""
    if not text:
        return ""
    return fonts().markup(text)


def has_rtl(text: str) -> bool:
    return not text.isascii() and RTL.search(text) is not None


PARSE_CACHE_SIZE = 4096
CACHE_TEXT_LIMIT = 2000  # a string this long is rarely repeated; not worth keeping


@functools.lru_cache(maxsize=PARSE_CACHE_SIZE)
def _parsed(text: str, style: ParagraphStyle) -> tuple[Any, ...]:
    """Markup parsed once per process: the content's sentences repeat in every handout."""
    return tuple(Paragraph(text, style).frags)


class Para(Paragraph):
    """A Paragraph that breaks its lines once per width.

    Tables and keep-with-next wrap the same paragraph several times at the
    same width; line breaking is the costliest step of a build, so the result
    is kept on the instance (never shared between builds).
    """

    def breakLines(self, width: Any) -> Any:
        key = tuple(width) if isinstance(width, list) else width
        cache: dict[Any, Any] = self.__dict__.setdefault("_breaks", {})
        lines = cache.get(key)
        if lines is None:
            lines = cache[key] = super().breakLines(width)
        return lines


def _width(text: str, style: ParagraphStyle) -> float:
    return sum(stringWidth(run, font or style.fontName, style.fontSize) for run, font in fonts().runs(text))


def _logical_lines(text: str, width: float, style: ParagraphStyle) -> list[str]:
    """Greedy word wrap in reading order; a word wider than the line is cut between characters."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if _width(candidate, style) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for ch in word:
            if line and _width(line + ch, style) > width:
                lines.append(line)
                line = ""
            line += ch
    lines.append(line)
    return lines


class BidiPara(Flowable):
    """A paragraph with right-to-left text: wrapped in reading order, then each line drawn in display order.

    A paragraph with a bold lead-in stays left to right (the lead-in is English);
    one without takes its direction from its first strong letter, and a
    right-to-left one is aligned right.
    """

    def __init__(self, text: str, style: ParagraphStyle, bullet: str | None = None) -> None:
        super().__init__()
        self.text = _RESHAPER.reshape(text)
        self.bullet = bullet
        self.rtl = bullet is None and get_base_level(text) == 1
        self.style = ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT) if self.rtl else style
        self._para: Para | None = None
        self._width: float | None = None

    def _inner(self, avail_width: float) -> Para:
        if self._para is None or self._width != avail_width:
            style = self.style
            room = avail_width - style.leftIndent - style.rightIndent
            base = "R" if self.rtl else "L"
            lines = [get_display(line, base_dir=base) for line in _logical_lines(self.text, room, style)]
            self._para = Para("<br/>".join(fonts().markup(line) for line in lines), style, bulletText=self.bullet)
            self._width = avail_width
        return self._para

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = self._inner(avail_width).wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return self._inner(avail_width).split(avail_width, avail_height)

    def getSpaceBefore(self) -> float:
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:
        return float(self.style.spaceAfter)

    def draw(self) -> None:
        assert self._para is not None, "wrap comes before draw"
        self._para.drawOn(self.canv, 0, 0)


def para(text: str | None, style: ParagraphStyle, lead: str | None = None, *, private: bool = False) -> Flowable:
    """A one-run paragraph of plain text, with an optional bold lead-in drawn as its bullet.

    ``private`` text (what the person typed, or their answers) never enters the
    process-wide parse cache, so it is gone once their handout is built.
    """
    bullet = fonts().printable(lead) if lead else None
    plain = text or ""
    if has_rtl(plain):
        return BidiPara(plain, style, bullet)
    markup = esc(plain)
    if private or len(markup) > CACHE_TEXT_LIMIT:
        return Para(markup, style, bulletText=bullet)
    return Para(markup, style, bulletText=bullet, frags=list(_parsed(markup, style)))


def content_markup(markup: str, style: ParagraphStyle, bullet: str | None = None) -> Para:
    """A paragraph of ready markup (bold runs, a smaller note) built from content alone, parsed once per process.

    Only for markup whose every word comes from content and this package: a
    source, a card's safety line, who a figure is about. Anything an answer
    brings or a person typed goes to ``Para`` directly, so it is parsed afresh.
    """
    if len(markup) > CACHE_TEXT_LIMIT:
        return Para(markup, style, bulletText=bullet)
    return Para(markup, style, bulletText=bullet, frags=list(_parsed(markup, style)))


def typed_text(text: str, style: ParagraphStyle) -> list[Flowable]:
    """Typed notes as one paragraph a line, so long notes flow over pages and blank lines survive."""
    out: list[Flowable] = []
    for line in text.split("\n"):
        if line.strip():
            out.append(para(line, style, private=True))
        else:
            out.append(Spacer(1, style.leading * 0.5))
    return out
