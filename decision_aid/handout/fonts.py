"""Unicode TrueType fonts for the handout, registered once per process.

The built-in PDF fonts only cover Latin-1, so a name in another script would
print as garbage. DejaVu Sans (Debian's fonts-dejavu-core) covers Latin, Greek,
Cyrillic, Hebrew and Arabic; Vera, which ships inside reportlab, is the
fallback so the handout still builds on a machine without it. Chinese,
Japanese and Korean come from a fallback font (Debian's fonts-droid-fallback),
switched in for each run of characters the main font lacks and loaded only the
first time a handout needs it. What no font can draw (emoji, characters beyond
the Basic Multilingual Plane, for which reportlab writes invalid text maps) is
printed as one visible mark; ``unprintable`` names those characters so the app
can say so before the download.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape as _html_escape
from pathlib import Path

import reportlab
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont


def escape(text: str) -> str:
    """Markup-safe text; html's escape, not xml.sax.saxutils', which pulls urllib, http and ssl into every command."""
    return _html_escape(text, quote=False)

DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")
VERA_DIR = Path(reportlab.__file__).resolve().parent / "fonts"

# (family, regular file, bold file), most preferred first.
CANDIDATES: tuple[tuple[str, Path, Path], ...] = (
    ("HandoutDejaVu", DEJAVU_DIR / "DejaVuSans.ttf", DEJAVU_DIR / "DejaVuSans-Bold.ttf"),
    ("HandoutVera", VERA_DIR / "Vera.ttf", VERA_DIR / "VeraBd.ttf"),
)

# Fonts for the scripts DejaVu lacks, tried in turn for each character. DroidSansFallback has
# Chinese, Japanese and Korean; the "Full" file adds rarer Chinese characters but has no Hangul.
FALLBACKS: tuple[tuple[str, Path], ...] = (
    ("HandoutCJK", Path("/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf")),
    ("HandoutCJKFull", Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")),
)

REPLACEMENTS = ("\ufffd", "?")  # the first one the font has stands in for characters no font has
WIDTH_CACHE_LIMIT = 50_000
LAST_BMP = 0xFFFF
ALWAYS = frozenset(map(ord, "\n\t "))


class MeasuredTTFont(TTFont):
    """A TTFont that remembers word widths.

    Line breaking measures every word, often many times (tables wrap cells
    more than once), and without reportlab's optional C accelerator each
    measurement walks the glyph table in Python. Widths are kept per unit size
    and scaled, so the result never depends on what was measured before. The
    words include what a person typed, so ``forget_measured_words`` empties the
    cache after every build rather than keeping them in the process.
    """

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self._unit_widths: dict[str, float] = {}

    def stringWidth(self, text: str, size: float, encoding: str = "utf8") -> float:
        widths = self._unit_widths
        unit = widths.get(text)
        if unit is None:
            if len(widths) >= WIDTH_CACHE_LIMIT:
                widths.clear()
            unit = widths[text] = super().stringWidth(text, 1.0, encoding)
        return unit * size

    def forget(self) -> None:
        self._unit_widths.clear()


@dataclass(frozen=True, slots=True)
class Fallback:
    name: str
    covered: frozenset[int]


def _bmp(font: TTFont) -> frozenset[int]:
    return frozenset(code for code in font.face.charToGlyph if code <= LAST_BMP)


@dataclass(frozen=True, slots=True)
class FontSet:
    regular: str
    bold: str
    covered: frozenset[int]
    replacement: str

    def printable(self, text: str) -> str:
        """Only what the main font draws (for chart labels, which are content, not typed text)."""
        covered = self.covered
        if covered.issuperset(map(ord, text)):
            return text
        return "".join(ch if ord(ch) in covered else self.replacement for ch in text)

    def has(self, ch: str) -> bool:
        return all(ord(c) in self.covered for c in ch)

    def runs(self, text: str) -> Iterator[tuple[str, str | None]]:
        """(text, font) runs: None for the main font, else the fallback font that has every character of the run.

        A character no font has becomes the replacement mark, in the main font.
        """
        if self.covered.issuperset(map(ord, text)):
            yield text, None
            return
        fallbacks = fallback_fonts()
        current: str | None = None
        chunk: list[str] = []
        for ch in text:
            code = ord(ch)
            font: str | None = None
            if code not in self.covered:
                font = next((f.name for f in fallbacks if code in f.covered), None)
                if font is None:
                    ch = self.replacement
            if font != current and chunk:
                yield "".join(chunk), current
                chunk = []
            current = font
            chunk.append(ch)
        if chunk:
            yield "".join(chunk), current

    def markup(self, text: str) -> str:
        """Plain text as Paragraph markup: escaped, with ``<font>`` runs for characters the main font lacks."""
        if self.covered.issuperset(map(ord, text)):
            return escape(text)
        return "".join(escape(run) if font is None else f'<font name="{font}">{escape(run)}</font>'
                       for run, font in self.runs(text))

    def unprintable(self, text: str) -> tuple[str, ...]:
        """Each distinct character no handout font can draw, in order of first appearance."""
        if text.isascii() or self.covered.issuperset(map(ord, text)):
            return ()
        fallbacks = fallback_fonts()
        out: dict[str, None] = {}
        for ch in text:
            code = ord(ch)
            if code in self.covered or any(code in f.covered for f in fallbacks):
                continue
            if unicodedata.category(ch) in ("Mn", "Me", "Cf") or ch in "\ufe0f\ufe0e":
                continue  # joiners, variation selectors and combining marks ride on the character before them
            out[ch] = None
        return tuple(out)


def character_name(ch: str) -> str:
    """A readable name for a character ("GRINNING FACE"), for saying on screen what cannot print."""
    return unicodedata.name(ch, f"U+{ord(ch):04X}").capitalize()


_REGISTER_LOCK = threading.Lock()
_REGISTERED: list[FontSet] = []
_FALLBACKS: list[tuple[Fallback, ...]] = []


def fonts() -> FontSet:
    """Register the handout font family once per process; later calls reuse it.

    The app serves sessions from several threads, so registration is locked
    and checked again inside the lock: two first handouts at once still
    register the fonts only once.
    """
    if not _REGISTERED:
        with _REGISTER_LOCK:
            if not _REGISTERED:
                _REGISTERED.append(_register())
    return _REGISTERED[0]


def fallback_fonts() -> tuple[Fallback, ...]:
    """The fallback fonts present on this machine, registered the first time a text needs one (about 0.2 s)."""
    if not _FALLBACKS:
        with _REGISTER_LOCK:
            if not _FALLBACKS:
                _FALLBACKS.append(_register_fallbacks())
    return _FALLBACKS[0]


def forget_measured_words() -> None:
    """Drop every remembered word width: a typed name or note must not outlive its handout."""
    names = [n for font in _REGISTERED for n in (font.regular, font.bold)]
    names += [f.name for group in _FALLBACKS for f in group]
    for name in names:
        measured = pdfmetrics.getFont(name)
        if isinstance(measured, MeasuredTTFont):
            measured.forget()


def _register_fallbacks() -> tuple[Fallback, ...]:
    main = fonts()
    out: list[Fallback] = []
    for name, path in FALLBACKS:
        if not path.is_file():
            continue
        font = MeasuredTTFont(name, str(path))
        pdfmetrics.registerFont(font)
        # No bold face: bold runs in these scripts print in the regular weight.
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(name, bold, italic, name)
        covered = _bmp(font) - main.covered - frozenset().union(*(f.covered for f in out))
        out.append(Fallback(name, covered))
    return tuple(out)


def _register() -> FontSet:
    for family, regular_path, bold_path in CANDIDATES:
        if not (regular_path.is_file() and bold_path.is_file()):
            continue
        regular, bold = family, f"{family}-Bold"
        regular_font = MeasuredTTFont(regular, str(regular_path))
        bold_font = MeasuredTTFont(bold, str(bold_path))
        pdfmetrics.registerFont(regular_font)
        pdfmetrics.registerFont(bold_font)
        # <b> in Paragraph markup looks the bold face up through this mapping.
        addMapping(regular, 0, 0, regular)
        addMapping(regular, 1, 0, bold)
        addMapping(regular, 0, 1, regular)
        addMapping(regular, 1, 1, bold)
        covered = (_bmp(regular_font) & _bmp(bold_font)) | ALWAYS
        replacement = next(r for r in REPLACEMENTS if ord(r) in covered)
        return FontSet(regular, bold, covered, replacement)
    raise RuntimeError("no TrueType font found: install fonts-dejavu-core or reinstall reportlab")
