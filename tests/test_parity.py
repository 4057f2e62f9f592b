"""Screen and paper say the same facts in the same words: both draw every string from the presentation step.

For a busy set of answers, every string the presentation gives the renderers
(key facts, status, side effects, cautions, practical lines, points raised by
answers, order reasons, the benefit caution, the crisis line) is looked for in
the Compare page as AppTest renders it (Key facts and Full details) and in the
text layer of the full-detail PDF.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
from collections.abc import Iterator

import pypdf
import pytest
from streamlit.testing.v1 import AppTest

from decision_aid.answers import parse_answers
from decision_aid.engine import build_comparison
from decision_aid.handout import HandoutSettings, build_handout
from decision_aid.handout.sections import PAPER_SIDE_EFFECTS
from decision_aid.models import Content
from decision_aid.presentation import Audience, Line, Presentation, present
from decision_aid.ui import nav, state
from tests.apptest import APP, TIMEOUT, no_exception
from tests.bench.engine_bench import BUSY_ANSWERS

READINESS = {"sure": "no", "informed": "yes"}


def flat(text: str) -> str:
    """One line of plain words: markup, escapes, dashes and citation numbers make no difference here."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = re.sub(r"\\([^\w\s])", r"\1", text)  # Markdown escapes
    text = text.replace("**", "").replace("\u00ad", "")
    text = re.sub(r"\[\d+(?:(?:, |\u2013)\d+)*\]", " ", text)  # the handout's source numbers
    text = re.sub(r"-\s+", "-", text)  # a line broken after a hyphen in the PDF
    return " ".join(text.split())


def _line(line: Line) -> Iterator[str]:
    yield line.text
    if line.detail:
        yield line.detail


def presented(p: Presentation) -> Iterator[tuple[str, str]]:
    """(where, string) for every string both renderers print for these options."""
    yield "benefit caution", p.benefit_caution
    yield "crisis help", p.crisis.text
    for o in p.options:
        f = o.facts
        for where, text in (
            ("name", f.name),
            ("how soon", f.onset),
            ("chance of help", f.benefit_figure),
            ("visits", f.visits),
            ("cost", f.cost),
            ("cost detail", f.cost_detail),
            ("summary", o.summary),
            ("how given", o.how_given),
        ):
            yield f"{o.id} {where}", text
        # The paper's table has room for the first two main side effects ("and 3 more"); every side effect
        # is printed in full further on, in the same words as the screen's full card (the "side effect" lines).
        for text in (*f.status, *f.side_effects[:PAPER_SIDE_EFFECTS], *f.must_know):
            yield f"{o.id} key fact", text
        if o.order_reason:
            yield f"{o.id} order reason", o.order_reason
        if o.stage_label:
            yield f"{o.id} stage label", o.stage_label
        for group, lines in (("status", o.status), ("side effect", o.side_effects), ("caution", o.cautions),
                             ("practical", o.practical), ("result", o.more_benefits)):
            for line in lines:
                for text in _line(line):
                    yield f"{o.id} {group}", text
        for point in o.points:
            yield f"{o.id} point", point.text


@pytest.fixture(scope="module")
def busy(content: Content) -> tuple[Presentation, str, str]:
    raw = {**BUSY_ANSWERS, "readiness": READINESS}
    comparison = build_comparison(content, parse_answers(content, raw), list(content.option_ids), "what_matters")
    paper = present(comparison, Audience.paper(include_health=True))

    pdf = build_handout(comparison, HandoutSettings(include_health=True, full_detail=True, date=dt.date(2026, 1, 1)))
    def body(page_text: str) -> str:  # the footer (crisis line, page number) sits inside sentences that turn a page
        return re.sub(r"Page \d+ of \d+", " ", page_text.replace(paper.crisis.short, " "))

    pdf_text = flat(" ".join(body(page.extract_text() or "") for page in pypdf.PdfReader(io.BytesIO(pdf)).pages))

    shown: list[str] = []
    for view in (state.VIEW_OVERVIEW, state.VIEW_DETAILS):  # a fresh session each: the view's widget keeps its value
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        at.session_state[state.ANSWERS] = dict(BUSY_ANSWERS)
        at.session_state[state.READINESS] = dict(READINESS)
        at.session_state[state.SELECTED] = list(content.option_ids)
        at.session_state[state.ORDERING] = "what_matters"
        at.session_state[state.MODE_CHOSEN] = True
        at.session_state[state.VIEW] = view
        at.run()
        at.switch_page(nav.COMPARE.path).run()
        no_exception(at)
        shown += [str(e.value) for kind in ("markdown", "caption", "info", "warning", "text") for e in getattr(at, kind)]
        shown += [str(e.value) for e in at.html]
        shown += [str(e.label) for e in at.expander]
    return paper, flat("\n".join(shown)), pdf_text


def test_the_busy_presentation_has_points_order_reasons_and_every_option(busy: tuple[Presentation, str, str]) -> None:
    paper, _, _ = busy
    assert len(paper.options) == 8
    assert sum(len(o.points) for o in paper.options) >= 10
    assert any(o.order_reason for o in paper.options)


def test_every_presented_string_is_on_the_compare_page_and_in_the_pdf(busy: tuple[Presentation, str, str]) -> None:
    paper, screen_text, pdf_text = busy
    strings = list(presented(paper))
    assert len(strings) > 300
    missing_on_screen = [(where, text) for where, text in strings if flat(text) not in screen_text]
    missing_on_paper = [(where, text) for where, text in strings if flat(text) not in pdf_text]
    assert not missing_on_screen, ("screen", len(missing_on_screen), missing_on_screen[:5])
    assert not missing_on_paper, ("paper", len(missing_on_paper), missing_on_paper[:8])


def test_screen_and_paper_present_the_same_words_for_a_private_screen(content: Content) -> None:
    """The one difference allowed between a private screen and paper is help that points to pages of the app."""
    raw = {**BUSY_ANSWERS, "readiness": READINESS}
    comparison = build_comparison(content, parse_answers(content, raw), list(content.option_ids), "what_matters")
    screen = present(comparison, Audience.screen(shared=False))
    paper = present(comparison, Audience.paper(include_health=True))
    assert list(presented(screen)) == list(presented(paper))
