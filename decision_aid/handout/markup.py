"""Turning plain text into safe paragraphs.

reportlab's Paragraph reads its text as XML-like markup, so a typed ``<b>`` or
``&`` would be taken as a tag or an entity (or crash the parser). Every string
that did not come from this package's own code goes through ``esc`` first;
that includes content text, which clinicians edit by hand. Bold lead-ins go in
as ``bulletText``, which reportlab draws as given, without reading markup.
"""

from __future__ import annotations

import functools
from html import escape
from typing import Any

from reportlab.platypus import Flowable, Paragraph, Spacer
from reportlab.platypus.paragraph import ParagraphStyle

from .fonts import fonts


def esc(text: str | None) -> str:
    """Plain text -> markup-safe text the handout font can draw."""
    if not text:
        return ""
    # html's escape, not xml.sax.saxutils': reportlab loads html anyway, and saxutils pulls in urllib, http and ssl.
    return escape(fonts().printable(text), quote=False)


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


def para(text: str | None, style: ParagraphStyle, lead: str | None = None, *, private: bool = False) -> Para:
    """A one-run paragraph of plain text, with an optional bold lead-in drawn as its bullet.

    ``private`` text (what the person typed, or their answers) never enters the
    process-wide parse cache, so it is gone once their handout is built.
    """
    bullet = fonts().printable(lead) if lead else None
    markup = esc(text)
    if private or len(markup) > CACHE_TEXT_LIMIT:
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
