"""Whatever a person types as name or notes, the handout still builds a valid PDF and prints it as text."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pypdf
import pytest
from reportlab.pdfbase import pdfmetrics

from decision_aid.answers import Answers
from decision_aid.engine import build_comparison
from decision_aid.handout import HandoutSettings, build_handout
from decision_aid.handout.fonts import character_name, fonts
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


def test_characters_no_font_has_are_replaced_and_named_not_dropped_silently() -> None:
    font = fonts()
    assert font.printable("Zoë Ω Ж") == "Zoë Ω Ж"
    assert "😀" not in font.markup("a 😀 b") and font.replacement in font.markup("a 😀 b")
    assert font.replacement in font.markup("a\U0002000bz"), "beyond the Basic Multilingual Plane"
    assert font.unprintable("Zoë 王小明 😀 👍🏽 a\U0002000bz") == ("😀", "👍", "🏽", "\U0002000b")
    assert font.unprintable("Zoë 王小明 김민수 فاطمة שלום") == ()
    assert character_name("😀") == "Grinning face"


def _poppler_text(pdf: bytes, tmp_path: Path) -> str:
    source = tmp_path / "typed.pdf"
    source.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(source), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("name", ["王小明", "김민수", "山田はなこ", "فاطمة الزهراء", "שרה כהן"],
                         ids=["Chinese", "Korean", "Japanese", "Arabic", "Hebrew"])
def test_names_in_every_script_survive_in_the_text_layer(one_option: Comparison, name: str, tmp_path: Path) -> None:
    """Poppler reads right-to-left text back in reading order; Arabic letters come back as their joined forms."""
    pdf = build_handout(one_option, HandoutSettings(name=name, notes=f"Notes by {name}.", date=dt.date(2025, 1, 1)))
    text = unicodedata.normalize("NFKC", _poppler_text(pdf, tmp_path))
    assert name in text
    assert "\ufffd" not in text


def test_cjk_is_drawn_in_the_fallback_font_and_arabic_is_joined(one_option: Comparison, tmp_path: Path) -> None:
    pdf = build_handout(one_option, HandoutSettings(name="王小明 فاطمة", date=dt.date(2025, 1, 1)))
    source = tmp_path / "fonts.pdf"
    source.write_bytes(pdf)
    listed = subprocess.run(["pdffonts", str(source)], capture_output=True, text=True, check=True).stdout
    assert "DroidSansFallback" in listed, listed
    raw = _poppler_text(pdf, tmp_path)
    assert any(0xFE70 <= ord(ch) <= 0xFEFF for ch in raw), "Arabic letters are printed in their joined forms"


def test_right_to_left_lines_are_put_in_display_order() -> None:
    from decision_aid.handout.markup import BidiPara, para
    from decision_aid.handout.styles import styles_for

    style = styles_for(False).body
    flowable = para("שלום עולם", style)
    assert isinstance(flowable, BidiPara)
    flowable.wrap(300, 100)
    drawn = flowable._inner(300).text
    assert drawn.startswith("םלוע"), drawn  # the last word in reading order is drawn leftmost
    assert not isinstance(para("Plain English", style), BidiPara)


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
        return real(text, style)

    monkeypatch.setattr(markup, "_parsed", spy)
    name, note = "Quillonbrae Zentworth", "Xylofrimble appointment"
    build_handout(one_option, HandoutSettings(name=name, notes=note, date=dt.date(2025, 1, 1)))
    assert parsed, "content text still goes through the parse cache"
    assert not any("Quillonbrae" in text or "Xylofrimble" in text for text in parsed)
    for font_name in (fonts().regular, fonts().bold):
        widths = pdfmetrics.getFont(font_name)._unit_widths
        assert not any("Quillonbrae" in word or "Xylofrimble" in word for word in widths)
