"""Whatever a person types as name or notes, the handout still builds a valid PDF and prints it as text."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from reportlab.pdfbase import pdfmetrics

from decision_aid.answers import Answers
from decision_aid.engine import build_comparison
from decision_aid.handout import HandoutSettings, build_handout
from decision_aid.handout.fonts import fonts
from decision_aid.models import Content
from decision_aid.viewmodel import Comparison

ROOT = Path(__file__).resolve().parent.parent
MARKUP = "<b>bold</b> <script>alert(1)</script> &amp; & <para> </para> <br/> <font size=40>big</font>"

AWKWARD = {
    "markup-like text": MARKUP,
    "an ampersand": "Tom & Jerry's notes",
    "emoji": "Feeling 😀 👍🏽 👨‍👩‍👧 ❤️ today",
    "Greek and Cyrillic": "Ελληνικά κείμενα και Привет, мир — Zoë Ñandú",
    "right-to-left text": "مرحبا بالعالم — שלום עולם",
    "CJK": "漢字かなカナ 한국어",
    "20,000 characters with no spaces": "x" * 20_000,
    "20,000 characters of words": "word " * 4_000,
    "control characters": "a\x00b\x07c\x1bd\u202ee\x7ff\r\nnext line\ttab",
    "nothing": "",
}


@pytest.fixture(scope="module")
def one_option(content: Content) -> Comparison:
    return build_comparison(content, Answers(), ["ssri"])


def read(pdf: bytes) -> tuple[int, str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return len(reader.pages), " ".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize("large_print", [False, True], ids=["normal print", "large print"])
@pytest.mark.parametrize("text", list(AWKWARD.values()), ids=list(AWKWARD))
def test_awkward_typed_text_always_gives_a_valid_pdf(one_option: Comparison, text: str, large_print: bool) -> None:
    pdf = build_handout(
        one_option, HandoutSettings(name=text, notes=text, large_print=large_print, date=dt.date(2025, 1, 1))
    )
    assert pdf.startswith(b"%PDF-")
    pages, _ = read(pdf)
    assert pages >= 1


def test_markup_in_name_and_notes_prints_literally(one_option: Comparison) -> None:
    pdf = build_handout(one_option, HandoutSettings(name="<b>Ana</b> & Bo", notes=MARKUP, date=dt.date(2025, 1, 1)))
    _, text = read(pdf)
    flat = re.sub(r"\s+", " ", text)
    assert "<b>Ana</b> & Bo" in flat
    assert MARKUP in flat


def test_greek_and_cyrillic_print_as_themselves(one_option: Comparison) -> None:
    text = AWKWARD["Greek and Cyrillic"]
    _, printed = read(build_handout(one_option, HandoutSettings(notes=text, date=dt.date(2025, 1, 1))))
    assert text in re.sub(r"\s+", " ", printed)


def test_control_characters_are_removed(one_option: Comparison) -> None:
    pdf = build_handout(one_option, HandoutSettings(notes="a\x00b\x07c", date=dt.date(2025, 1, 1)))
    _, text = read(pdf)
    assert "abc" in text
    assert "\x00" not in text and "\x07" not in text


def test_very_long_notes_wrap_and_flow_onto_more_pages(one_option: Comparison) -> None:
    short_pages, _ = read(build_handout(one_option, HandoutSettings(date=dt.date(2025, 1, 1))))
    long_pages, text = read(build_handout(one_option, HandoutSettings(notes="x" * 20_000, date=dt.date(2025, 1, 1))))
    assert long_pages > short_pages
    assert text.count("x") >= 20_000
    lines = [line for line in text.splitlines() if set(line.strip()) == {"x"}]
    assert len(lines) > 100  # broken into many lines, not one line running off the page
    assert max(len(line.strip()) for line in lines) < 120


def test_characters_the_font_lacks_are_replaced_not_dropped_silently() -> None:
    font = fonts()
    assert font.printable("Zoë Ω Ж") == "Zoë Ω Ж"
    assert font.printable("😀") == font.replacement
    assert font.printable("a\U0002000bz") == f"a{font.replacement}z"


def test_fonts_are_registered_once_per_process(one_option: Comparison) -> None:
    first = fonts()
    build_handout(one_option, HandoutSettings(date=dt.date(2025, 1, 1)))
    registered = set(pdfmetrics.getRegisteredFontNames())
    build_handout(one_option, HandoutSettings(large_print=True, date=dt.date(2025, 1, 1)))
    assert fonts() is first
    assert set(pdfmetrics.getRegisteredFontNames()) == registered
    assert first.regular in registered and first.bold in registered


def test_without_dejavu_the_handout_falls_back_to_vera_and_still_builds() -> None:
    """Run in a fresh process: fonts are registered once per process, so the fallback needs its own."""
    script = (
        "import datetime as dt, io\n"
        "import pypdf\n"
        "from decision_aid.handout import fonts as handout_fonts\n"
        "handout_fonts.CANDIDATES = tuple(c for c in handout_fonts.CANDIDATES if 'Vera' in c[0])\n"
        "from decision_aid.answers import Answers\n"
        "from decision_aid.engine import build_comparison\n"
        "from decision_aid.handout import HandoutSettings, build_handout\n"
        "from decision_aid.loader import load_content\n"
        "comparison = build_comparison(load_content(), Answers(), ['exercise'])\n"
        "pdf = build_handout(comparison, HandoutSettings(name='Zoë Ωmega Иван 😀', notes='<b>x</b> & y',"
        " date=dt.date(2025, 1, 1)))\n"
        "text = ' '.join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)\n"
        "assert handout_fonts.fonts().regular == 'HandoutVera', handout_fonts.fonts()\n"
        "assert 'Zoë' in text and '<b>x</b> & y' in text, text[:300]\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"



def test_typed_name_and_notes_are_not_kept_in_process_wide_caches(
    one_option: Comparison, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Caches outlive a session, so what a person typed must not stay in them once their handout is built."""
    from decision_aid.handout import markup

    parsed: list[str] = []
    real = markup._parsed

    def spy(text: str, style: object) -> object:
        parsed.append(text)
        return real(text, style)  # type: ignore[arg-type]

    monkeypatch.setattr(markup, "_parsed", spy)
    name, note = "Quillonbrae Zentworth", "Xylofrimble appointment"
    build_handout(one_option, HandoutSettings(name=name, notes=note, date=dt.date(2025, 1, 1)))
    assert parsed, "content text still goes through the parse cache"
    assert not any("Quillonbrae" in text or "Xylofrimble" in text for text in parsed)
    for font_name in (fonts().regular, fonts().bold):
        widths = pdfmetrics.getFont(font_name)._unit_widths
        assert not any("Quillonbrae" in word or "Xylofrimble" in word for word in widths)
