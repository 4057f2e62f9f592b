"""Unicode TrueType fonts for the handout, registered once per process.

The built-in PDF fonts only cover Latin-1, so an accented, Greek or Cyrillic
name would print as garbage. DejaVu Sans (Debian's fonts-dejavu-core) covers
those scripts; Vera, which ships inside reportlab, is the fallback so the
handout still builds on a machine without it. Characters the chosen font lacks
(CJK, most emoji) are swapped for a visible replacement mark rather than left
to reportlab, which writes invalid text maps for characters beyond the Basic
Multilingual Plane.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import reportlab
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")
VERA_DIR = Path(reportlab.__file__).resolve().parent / "fonts"

# (family, regular file, bold file), most preferred first.
CANDIDATES: tuple[tuple[str, Path, Path], ...] = (
    ("HandoutDejaVu", DEJAVU_DIR / "DejaVuSans.ttf", DEJAVU_DIR / "DejaVuSans-Bold.ttf"),
    ("HandoutVera", VERA_DIR / "Vera.ttf", VERA_DIR / "VeraBd.ttf"),
)

REPLACEMENTS = ("\ufffd", "?")  # the first one the font has stands in for characters it lacks
WIDTH_CACHE_LIMIT = 50_000


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
class FontSet:
    regular: str
    bold: str
    covered: frozenset[int]
    replacement: str

    def printable(self, text: str) -> str:
        """Swap characters the font cannot draw for one visible mark, so nothing crashes or vanishes."""
        covered = self.covered
        if covered.issuperset(map(ord, text)):
            return text
        return "".join(ch if ord(ch) in covered else self.replacement for ch in text)

    def has(self, ch: str) -> bool:
        return all(ord(c) in self.covered for c in ch)


_REGISTER_LOCK = threading.Lock()
_REGISTERED: list[FontSet] = []


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


def forget_measured_words() -> None:
    """Drop every remembered word width: a typed name or note must not outlive its handout."""
    for font in _REGISTERED:
        for name in (font.regular, font.bold):
            measured = pdfmetrics.getFont(name)
            if isinstance(measured, MeasuredTTFont):
                measured.forget()


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
        covered = frozenset(
            code for code in regular_font.face.charToGlyph if code <= 0xFFFF and code in bold_font.face.charToGlyph
        ) | frozenset(map(ord, "\n\t "))
        replacement = next(r for r in REPLACEMENTS if ord(r) in covered)
        return FontSet(regular, bold, covered, replacement)
    raise RuntimeError("no TrueType font found: install fonts-dejavu-core or reinstall reportlab")
