"""Process-wide caches outlive a session and serve everyone, so nothing a person enters may reach them.

Every cache in the code is on a reviewed list that says why its keys are
content alone. The rows the figure caches are keyed by come out the same
whatever the answers, and only in content order. And, running the app and the
handout for a busy person, every key that reaches a cache is one that content
alone produces too.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from decision_aid.answers import Answers, parse_answers
from decision_aid.engine import build_comparison
from decision_aid.handout import HandoutSettings, build_handout, fit, markup, sections
from decision_aid.models import Content
from decision_aid.ui import charts, icons, nav, state
from decision_aid.viewmodel import Ordering
from tests.bench.engine_bench import BUSY_ANSWERS as BUSY
from tests.test_engine_properties import CONTENT, RAW_ANSWERS, SELECTIONS

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")

REVIEWED: dict[str, str] = {
    "decision_aid/ui/content.py:_load": "the content bundle, keyed by the content folder the deployment names",
    "decision_aid/ui/crisis.py:_load": "the crisis lines, keyed by the content folder the deployment names",
    "decision_aid/ui/icons.py:_block": "one block of 100 icon states, drawn from an option card's benefit row alone",
    "decision_aid/ui/charts.py:_figures_in_content_order": "the picked options' onset rows, only in an order content defines",
    "decision_aid/handout/styles.py:styles_for": "paragraph styles for one of two print sizes",
    "decision_aid/handout/document.py:_configure_reportlab": "no key: a reportlab setting applied once",
    "decision_aid/handout/fit.py:_widths": "word widths of the key-facts table's cells, which hold content text only",
    "decision_aid/handout/markup.py:_parsed": "content text; typed text and anything an answer brings is parsed afresh",
    "decision_aid/handout/sections.py:_source_markup": "a source's citation, which is content, at a column width",
    "decision_aid/models.py:OptionCard.cited_ids": "on a frozen option card: the card's own source ids",
}
"""Every process-wide cache, with why its keys hold content only. A new cache needs a reason here."""

FUNCTOOLS_CACHES = frozenset({"cache", "lru_cache", "cached_property"})
STREAMLIT_CACHES = frozenset({"cache_resource", "cache_data"})

READY = {"sure": "no", "informed": "yes"}


def _is_cache(node: ast.expr, imported: set[str]) -> bool:
    """``functools.cache``, ``lru_cache(...)``, ``st.cache_resource`` and the like, called or not."""
    target = node.func if isinstance(node, ast.Call) else node
    if isinstance(target, ast.Name):
        return target.id in imported
    if isinstance(target, ast.Attribute):
        from_functools = isinstance(target.value, ast.Name) and target.value.id == "functools"
        return target.attr in STREAMLIT_CACHES or (from_functools and target.attr in FUNCTOOLS_CACHES)
    return False


def _caches_in(path: Path) -> Iterator[str]:
    """``file:qualified name`` of everything a cache decorator wraps; a cache used any other way fails."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = path.relative_to(ROOT).as_posix()
    imported = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "functools"
        for alias in node.names
        if alias.name in FUNCTOOLS_CACHES
    }
    decorators: set[int] = set()

    def visit(node: ast.AST, prefix: str) -> Iterator[str]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                for decorator in child.decorator_list:
                    if _is_cache(decorator, imported):
                        decorators.update(id(n) for n in ast.walk(decorator))
                        yield f"{where}:{prefix}{child.name}"
                yield from visit(child, f"{prefix}{child.name}.")
            else:
                yield from visit(child, prefix)

    yield from visit(tree, "")
    for node in ast.walk(tree):
        if isinstance(node, ast.Name | ast.Attribute) and _is_cache(node, imported) and id(node) not in decorators:
            raise AssertionError(f"{where}:{node.lineno} uses a cache other than as a decorator; review it here")


def test_every_process_wide_cache_is_on_the_reviewed_list() -> None:
    found: set[str] = set()
    for path in [ROOT / "app.py", *sorted((ROOT / "decision_aid").rglob("*.py"))]:
        found.update(_caches_in(path))
    assert found == set(REVIEWED), (
        f"new caches: {sorted(found - set(REVIEWED))}; gone: {sorted(set(REVIEWED) - found)}"
    )


STAGE_ORDERS = tuple(tuple(stage.order) for stage in CONTENT.ordering.stages)


def _content_only(selection: list[str] | None) -> Any:
    return build_comparison(CONTENT, Answers(), selection)


def _content_only_in_stage(stage: Any, selection: list[str] | None) -> Any:
    """The comparison for the one answer that picks this stage (none for the default): content alone."""
    raw = {CONTENT.ordering.stage_question: stage.when[0]} if stage.when else {}
    return build_comparison(CONTENT, parse_answers(CONTENT, raw), selection)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=RAW_ANSWERS, selection=SELECTIONS, ordering=st.sampled_from(["default", "what_matters"]))
def test_cached_figures_are_keyed_by_rows_that_answers_cannot_change(
    raw: dict[str, object], selection: list[str] | None, ordering: Ordering
) -> None:
    """Whatever the answers and order, the timeline cache sees exactly the rows content gives, in a content order."""
    comparison = build_comparison(CONTENT, parse_answers(CONTENT, raw), selection, ordering)
    # The stage answer picks which options open by default, from content: the rows to expect are that stage's.
    stage_answer = {k: v for k, v in raw.items() if k == CONTENT.ordering.stage_question}
    plain = build_comparison(CONTENT, parse_answers(CONTENT, stage_answer), selection)
    assert set(comparison.benefit_rows) == set(plain.benefit_rows), "benefit rows (icon-array keys) are content only"
    assert set(comparison.onset_rows) == set(plain.onset_rows)
    keys: list[tuple[Any, ...]] = []

    def record(rows: tuple[Any, ...]) -> tuple[str, str]:
        keys.append(rows)
        return ("t", "v")

    # A context, not the monkeypatch fixture: a function-scoped fixture would be shared by every example.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(charts, "_figures_in_content_order", record)
        patch.setattr(charts, "timeline", lambda rows: "drawn afresh")
        patch.setattr(charts, "visits", lambda rows: "drawn afresh")
        charts.timeline_figures(comparison.onset_rows, STAGE_ORDERS)
    in_a_stage_order = [
        _content_only_in_stage(stage, selection).onset_rows for stage in CONTENT.ordering.stages
    ]
    assert keys == [] or keys[0] in in_a_stage_order, "only rows in an order content defines reach the cache"
    if comparison.onset_rows in in_a_stage_order:
        assert keys == [comparison.onset_rows], "the usual line of care is served from the cache"


class Recorder:
    """Stands in for a cached function and notes every key it is asked for, then asks the real one."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.keys: list[tuple[Any, ...]] = []

    def __call__(self, *args: Any) -> Any:
        self.keys.append(args)
        return self.real(*args)


@pytest.fixture()
def recorders(monkeypatch: pytest.MonkeyPatch) -> dict[str, Recorder]:
    """Every reviewed cache whose key could carry text or rows (the others take a print size or nothing)."""
    spies = {
        "_block": Recorder(icons._block),
        "_figures_in_content_order": Recorder(charts._figures_in_content_order),
        "_parsed": Recorder(markup._parsed),
        "_widths": Recorder(fit._widths),
        "_source_markup": Recorder(sections._source_markup),
    }
    monkeypatch.setattr(fit, "_widths", spies["_widths"])
    monkeypatch.setattr(sections, "_source_markup", spies["_source_markup"])
    monkeypatch.setattr(icons, "_block", spies["_block"])
    monkeypatch.setattr(charts, "_figures_in_content_order", spies["_figures_in_content_order"])
    monkeypatch.setattr(markup, "_parsed", spies["_parsed"])
    return spies


def _app_pages(answers: Mapping[str, object], readiness: dict[str, str], ordering: str) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[state.ANSWERS] = dict(answers)
    at.session_state[state.READINESS] = dict(readiness)
    at.session_state[state.ORDERING] = ordering
    at.run()
    for page in (nav.COMPARE, nav.TIMELINE):
        at.switch_page(page.path).run()
        assert not at.exception, [e.value for e in at.exception]
    for view in state.VIEWS:  # the icon blocks are drawn in the full details and the one-option view
        at.session_state[state.VIEW] = view
        at.switch_page(nav.COMPARE.path).run()
        assert not at.exception, [e.value for e in at.exception]


def _handout(content: Content, raw: dict[str, object], ordering: Ordering, name: str = "", notes: str = "") -> None:
    comparison = build_comparison(content, parse_answers(content, raw), ordering=ordering)
    handout = HandoutSettings(
        name=name, notes=notes, include_health=True, full_detail=True, date=dt.date(2025, 1, 1)
    )
    build_handout(comparison, handout)


CITATION = re.compile(r"\[\d+(?:(?:, |\u2013)\d+)*\]")


def _without_citation_numbers(keys: set[tuple[Any, ...]]) -> set[tuple[Any, ...]]:
    """The handout numbers sources in the order it first cites them, and points come before the option pages.

    So a content sentence's bracketed number can shift with what came before it:
    the one part of a cached key that answers still move. It carries no answer,
    only how many sources were cited before it; numbering sources in content
    order would remove even that.
    """
    return {tuple(CITATION.sub("[n]", k) if isinstance(k, str) else k for k in key) for key in keys}


def test_a_busy_person_adds_no_key_to_any_cache_that_content_alone_does_not(
    recorders: dict[str, Recorder], content: Content
) -> None:
    orderings: tuple[Ordering, ...] = ("default", "what_matters")
    for ordering in orderings:
        _app_pages({}, {}, ordering)
        # Typed text is there too (other words), so headings that only say "you typed something" are expected.
        _handout(content, {}, ordering, name="Ada Baseline", notes="Bring a list")
    from_content = {name: set(spy.keys) for name, spy in recorders.items()}
    for spy in recorders.values():
        spy.keys.clear()

    for ordering in orderings:
        _app_pages(BUSY, READY, ordering)
        _handout(content, {**BUSY, "readiness": READY}, ordering, name="Quillon Zentworth", notes="Ask about rides")
    for name, spy in recorders.items():
        assert spy.keys, f"{name} was not reached: the check did not see the cache in use"
        extra = _without_citation_numbers(set(spy.keys)) - _without_citation_numbers(from_content[name])
        assert not extra, f"{name} was handed keys only this person's answers produce: {sorted(map(str, extra))[:3]}"


def test_the_timeline_page_shares_its_figures_only_in_content_order() -> None:
    """The usual line of care is built once for everyone; the order by what matters is drawn for the person alone."""
    rows = _content_only(None).onset_rows
    picked = [row.option_id for row in rows]
    assert any(picked == [o for o in order if o in picked] for order in STAGE_ORDERS)
    assert charts.timeline_figures(rows, STAGE_ORDERS) is charts.timeline_figures(rows, STAGE_ORDERS)
    reordered = tuple(reversed(rows))
    assert charts.timeline_figures(reordered, STAGE_ORDERS) is not charts.timeline_figures(reordered, STAGE_ORDERS)
