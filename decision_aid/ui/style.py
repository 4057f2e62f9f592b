"""The app's CSS: contrast, focus, badges, the responsive grid and screen-share type.

Only fixed CSS goes through ``st.html``; no user text is ever placed in it.
Colours are chosen for at least 4.5:1 contrast on their backgrounds.
"""

from __future__ import annotations

import re

import streamlit as st

BASE_CSS = """
<style>
/* Keep long lines readable on wide screens. */
.stMainBlockContainer { max-width: 78rem; padding-top: 1rem; padding-bottom: 4rem; }
/* Streamlit's own header and page menu are replaced by the app's top bar (nav.header). */
header[data-testid="stHeader"] { display: none; }
.st-key-da_topbar { flex-wrap: wrap; row-gap: 0.3rem; }
.st-key-da_topbar [data-testid="stPageLink"] a { padding: 0.25rem 0.5rem; }
/* The page script (page_script.py) draws nothing: no room, no gap. */
.st-key-da_page { display: none; }
/* One set of page links at every width: on a phone they wrap, in smaller type, rather than hide behind a menu. */
@media (max-width: 760px) {
  .st-key-da_topbar { column-gap: 0.1rem; row-gap: 0.1rem; }
  .st-key-da_topbar [data-testid="stPageLink"] a { padding: 0.2rem 0.4rem; min-height: 2.2rem; }
  .st-key-da_topbar [data-testid="stPageLink"] p { font-size: 0.92rem; }
}
/* On a phone, crisis help stays on screen at every scroll position. */
.da-crisis-fixed { display: none; }
@media (max-width: 700px) {
  .da-crisis-fixed { display: flex; position: fixed; left: 0; right: 0; bottom: 0; z-index: 1000; gap: 0.8rem;
    align-items: center; justify-content: center; flex-wrap: wrap; padding: 0.35rem 0.6rem; background: #fff5f5;
    border-top: 2px solid #8a1c1c; font-size: 0.95rem; }
  .da-crisis-fixed a { color: #8a1c1c; font-weight: 700; text-decoration: underline; min-height: 1.6rem;
    display: inline-flex; align-items: center; }
  .stMainBlockContainer { padding-bottom: 6rem; }
}
.da-crisis-foot { margin: 0.2rem 0; }
.da-crisis-foot a { color: #8a1c1c; font-weight: 700; margin-right: 0.6rem; }
*:focus-visible { outline: 3px solid #1f5f8b !important; outline-offset: 2px !important; }
a { color: #1f5f8b; }
a:focus-visible { outline: 3px solid #1f5f8b; }

.da-crisis { border: 2px solid #8a1c1c; border-left-width: 8px; background: #fff5f5; color: #1a1a1a;
  padding: 0.4rem 0.8rem; border-radius: 0.5rem; line-height: 1.4; font-size: 0.95rem; }
.da-crisis a { color: #8a1c1c; font-weight: 700; text-decoration: underline; }
.da-crisis-links { white-space: nowrap; }
.da-crisis-link { margin-right: 0.6rem; display: inline-block; min-height: 1.5rem; }

.da-share-note { border: 1px solid #1f5f8b; background: #eef4f9; color: #1a1a1a; border-radius: 0.4rem;
  padding: 0.3rem 0.7rem; font-size: 0.95rem; }

.da-note { border-left: 6px solid #1f5f8b; background: #eef4f9; color: #1a1a1a; border-radius: 0.4rem;
  padding: 0.55rem 0.9rem; margin: 0.2rem 0 0.4rem 0; }
.da-reason { border-left: 4px solid #5b4391; background: #f6f3fb; padding: 0.35rem 0.6rem; border-radius: 0.3rem; }
details > summary { cursor: pointer; padding: 0.1rem 0; }
details > summary:hover { text-decoration: underline; }
details[open] > summary { margin-bottom: 0.2rem; }
details p { margin: 0.2rem 0 0.4rem 0; }
.da-key { font-size: 0.92rem; margin: 0; }
.da-key-item { white-space: nowrap; margin-right: 0.9rem; display: inline-block; }
.da-swatch { display: inline-block; width: 1.5em; height: 0.6em; vertical-align: middle; border-radius: 2px; }
.da-alt h3 { font-size: 1.1rem; }
ul.da-dlist { list-style: none; padding-left: 0; margin-left: 0; }
ul.da-dlist > li { margin: 0.3rem 0; }

/* Touch targets of at least 24 px (WCAG 2.2, 2.5.8) for radio and checkbox rows. */
.stRadio [role="radiogroup"] label, .stCheckbox label { min-height: 2rem; align-items: center; }
@media (max-width: 640px) {
  [data-testid="stHeading"] h1 { font-size: 2.1rem !important; }
  [data-testid="stHeading"] h2 { font-size: 1.55rem !important; }
  [data-testid="stHeading"] h3 { font-size: 1.25rem !important; }
}

.da-badges { display: flex; flex-wrap: wrap; gap: 0.35rem; margin: 0.2rem 0 0.6rem 0; }
.da-badge { display: inline-block; border: 1.5px solid; border-radius: 0.4rem; padding: 0.1rem 0.45rem;
  font-size: 0.85rem; line-height: 1.35; font-weight: 600; }
.da-badge-approved, .da-badge-cleared, .da-badge-first { background: #e7f3ea; color: #13461f; border-color: #2c6e3a; }
.da-badge-option, .da-badge-none { background: #eef4f9; color: #15405e; border-color: #1f5f8b; }
.da-badge-offlabel { background: #fff6e0; color: #5c3d00; border-color: #8a5a00; }
.da-badge-notrec { background: #fbeeee; color: #6b1515; border-color: #8a1c1c; }
.da-badge-variant { background: #f3f0f8; color: #3d2a63; border-color: #5b4391; }

.da-points { border: 2px solid #8a5a00; background: #fffaf0; color: #1a1a1a; border-radius: 0.5rem;
  padding: 0.5rem 0.8rem; margin: 0.3rem 0 0.8rem 0; }
.st-key-start_does h2, .st-key-start_does_not h2 { font-size: 1.5rem; }
h2.da-card-title { font-size: 1.35rem; padding-top: 0.2rem; }
h2.da-step-heading { font-size: 1.75rem; font-weight: 700; margin: 0.25rem 0 0; padding: 0; scroll-margin-top: 5rem; }
h2.da-step-heading:focus { outline: none; }
h2.da-step-heading:focus-visible { outline: 3px solid #1f5f8b; outline-offset: 4px; }
.stVerticalBlock [data-testid="stHtml"] h3 { font-size: 1.02rem; font-weight: 700; padding: 0.9rem 0 0.3rem 0; margin: 0; }
.da-points h3, .da-points h4 { font-size: 1rem; margin: 0 0 0.3rem 0; padding: 0; }
.da-points ul { margin: 0; padding-left: 1.1rem; }
.da-points li { margin: 0.25rem 0; }
.da-level { font-weight: 700; }
.da-muted { color: #4a4a4a; }

table.da-table { border-collapse: separate; border-spacing: 0; width: 100%; table-layout: fixed; font-size: 0.95rem; }
table.da-table th, table.da-table td { border-right: 1px solid #c9d3dc; border-bottom: 1px solid #c9d3dc;
  padding: 0.45rem 0.55rem; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
table.da-table tr > :first-child { border-left: 1px solid #c9d3dc; }
table.da-table thead tr > * { border-top: 1px solid #c9d3dc; }
table.da-table thead th { background: #eef4f9; }
table.da-table tbody th { background: #f7f9fb; }
table.da-table ul { margin: 0; padding-left: 1rem; }
table.da-table li { margin: 0.1rem 0; }
caption { text-align: left; color: #4a4a4a; font-size: 0.9rem; padding-bottom: 0.3rem; }
.da-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
dl.da-glossary dt { font-weight: 700; margin-top: 0.5rem; }
dl.da-glossary dd { margin: 0.1rem 0 0 1rem; }
.da-small { display: block; font-size: 0.85rem; color: #4a4a4a; margin-top: 0.2rem; }
.da-figure { font-weight: 700; font-size: 1.05rem; display: block; }

/* Overview: option names stay in view as column heads while the facts scroll under them. */
table.da-overview thead th { position: sticky; top: 0; z-index: 3;
  box-shadow: 0 2px 0 #c9d3dc; }
table.da-overview tbody th { width: 9.5rem; font-weight: 700; }
table.da-overview td.da-corner, table.da-overview thead td { background: #ffffff; border: none; width: 9.5rem; }
.da-optname { display: block; font-weight: 700; font-size: 1.02rem; }
.da-stage { display: block; font-size: 0.82rem; font-weight: 600; color: #5c3d00; background: #fff6e0;
  border: 1px solid #8a5a00; border-radius: 0.3rem; padding: 0.05rem 0.3rem; margin: 0.25rem 0; }
a.da-more { display: inline-block; margin-top: 0.3rem; font-size: 0.88rem; color: #1f5f8b; background: #ffffff;
  text-decoration: none; line-height: 1.4;
  border: 1.5px solid #1f5f8b; border-radius: 0.4rem; padding: 0.15rem 0.6rem; cursor: pointer; min-height: 1.8rem; }
a.da-more:hover { background: #eef4f9; text-decoration: underline; }

/* Full details: each section a folded row across every option. */
.da-sections details.da-section { border: 1px solid #c9d3dc; border-radius: 0.45rem; margin: 0 0 0.5rem 0; background: #ffffff; }
.da-sections details.da-section > summary { font-size: 1.12rem; font-weight: 700; padding: 0.55rem 0.8rem;
  background: #f7f9fb; border-radius: 0.45rem; min-height: 2rem; }
.da-section-body { padding: 0.5rem; }
/* A fold of its own (the glossary under the comparison), drawn like Streamlit's expander. */
details.da-fold { border: 1px solid #c9d3dc; border-radius: 0.5rem; margin: 1rem 0 0.5rem 0; background: #ffffff; }
details.da-fold > summary { padding: 0.6rem 0.9rem; min-height: 1.6rem; }
.da-fold-body { padding: 0 0.9rem 0.6rem 0.9rem; }
.da-rule { border: none; border-top: 1px solid #c9d3dc; margin: 2rem 0 1rem 0; }
.da-disclaimer { font-size: 0.875rem; color: #4a5160; margin: 0.4rem 0 0.6rem 0; }
.da-card { border: 1px solid #c9d3dc; border-radius: 0.5rem; padding: 0.6rem 1rem; }
.da-card h3 { font-size: 1.08rem; margin: 1rem 0 0.3rem 0; }
.da-badge-serious { background: #fbeeee; color: #6b1515; border-color: #8a1c1c; }

/* Icon arrays (inline SVG) with their words. */
.da-iconpair { display: flex; flex-wrap: wrap; gap: 1rem; margin: 0.4rem 0; }
.da-iconblock { flex: 0 1 9.5rem; }
.da-iconblock svg { width: 100%; max-width: 9rem; height: auto; display: block; }
.da-iconhead { font-size: 0.85rem; font-weight: 700; margin: 0 0 0.2rem 0; line-height: 1.25; }
.da-iconcount { font-size: 0.9rem; font-weight: 700; margin: 0.2rem 0 0 0; }

/* The encounter deck: one topic, large type. */
.da-deck-bar { display: flex; align-items: center; justify-content: space-between; gap: 0.8rem; margin-bottom: 0.4rem; }
.da-deck { scroll-margin-top: 0.5rem; }
.da-deck-status { margin: 0; font-weight: 600; text-align: center; flex: 1 1 auto; }
button.da-deck-step, button.da-deck-topic { font: inherit; color: #1a1a1a; background: #ffffff; border: 1.5px solid #1f5f8b;
  border-radius: 0.45rem; padding: 0.35rem 0.8rem; cursor: pointer; min-height: 2.2rem; }
button.da-deck-step { font-weight: 700; color: #1f5f8b; }
button.da-deck-topic[aria-current="true"] { background: #1f5f8b; color: #ffffff; }
.da-deck-title { font-size: 1.6rem; margin: 0.1rem 0 0.4rem 0; }
.da-deck-count { display: inline-block; font-size: 0.95rem; font-weight: 600; color: #4a4a4a; margin-right: 0.5rem; }
.da-deck-grid { display: grid; grid-template-columns: repeat(var(--da-cols, 3), minmax(0, 1fr)); gap: 0.7rem; }
.da-deck-cell { border: 1px solid #c9d3dc; border-top: 5px solid #1f5f8b; border-radius: 0.45rem; padding: 0.5rem 0.7rem; }
.da-deck .da-deck-cell h3 { font-size: 1.15rem; line-height: 1.25; margin: 0 0 0.3rem 0; padding: 0; }
.da-deck h2.da-deck-title { padding: 0; }
.da-deck-main { font-size: 1.25rem; line-height: 1.3; font-weight: 600; margin: 0 0 0.3rem 0; }
.da-deck-items { font-size: 1.05rem; line-height: 1.3; font-weight: 600; margin: 0; padding-left: 1.1rem; }
.da-deck-items li { margin: 0 0 0.2rem 0; }
.da-deck-more { font-size: 0.92rem; line-height: 1.35; margin: 0.1rem 0 0 0; }
.da-deck-note { font-size: 0.92rem; margin: 0.4rem 0 0 0; color: #4a4a4a; }
/* Five or more options: one line per option, name at the left, the facts flowing after it. */
.da-deck-rows { grid-template-columns: minmax(0, 1fr); gap: 0.25rem; }
.da-deck-rows .da-deck-cell { display: grid; grid-template-columns: 10rem minmax(0, 1fr); column-gap: 0.7rem;
  align-items: baseline; border-top-width: 1px; border-left: 5px solid #1f5f8b; padding: 0.2rem 0.6rem; }
.da-deck .da-deck-rows .da-deck-cell h3 { margin: 0; font-size: 1.05rem; line-height: 1.3; }
.da-deck-rows .da-deck-facts { font-size: 1.05rem; line-height: 1.3; }
.da-deck-rows .da-deck-main, .da-deck-rows .da-deck-items, .da-deck-rows .da-deck-more { display: inline;
  font-size: inherit; line-height: inherit; margin: 0; padding: 0; }
.da-deck-rows .da-deck-items { font-weight: 400; }
.da-deck-rows .da-deck-items li { display: inline; margin: 0; }
.da-deck-rows .da-deck-items li + li::before, .da-deck-rows .da-deck-main + .da-deck-more::before,
.da-deck-rows .da-deck-items + .da-deck-more::before, .da-deck-rows .da-deck-more + .da-deck-more::before {
  content: " • " / ""; font-weight: 700; color: #1f5f8b; }
.da-deck-topics { list-style: none; padding: 0; margin: 0.6rem 0 0 0; display: flex; flex-wrap: wrap; gap: 0.4rem; }

@media (max-width: 700px) {
  table.da-overview, table.da-overview thead, table.da-overview tbody, table.da-overview tr,
  table.da-overview th, table.da-overview td,
  table.da-aligned, table.da-aligned thead, table.da-aligned tbody, table.da-aligned tr,
  table.da-aligned th, table.da-aligned td { display: block; width: 100% !important; box-sizing: border-box; }
  table.da-overview thead, table.da-aligned thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); }
  table.da-overview tbody tr { margin-bottom: 0.9rem; border: 1px solid #c9d3dc; border-radius: 0.4rem; }
  table.da-table th, table.da-table td { border: none; border-bottom: 1px solid #e3e8ed; }
  table.da-table tr > :first-child { border-left: none; }
  table.da-table td::before { content: attr(data-label); display: block; font-weight: 700; color: #15405e; }
  .da-deck-main { font-size: 1.15rem; }
  .da-deck-grid, .da-deck-rows .da-deck-cell { grid-template-columns: minmax(0, 1fr); }
  table.da-table caption { display: block; width: 100%; }
  .st-key-compare_controls { gap: 0.6rem !important; }
}
/* Plotly charts are static pictures here: let touch scrolling pass through. */
.stPlotlyChart { touch-action: pan-y; }
</style>
"""

SHARE_CSS = """
<style>
/* Screen-share mode: larger type for a screen seen from across a desk. */
html { font-size: 20px; }
.stMarkdown p, .stMarkdown li, .stCaption, .da-disclaimer, label, .stRadio label p, .stCheckbox label p { font-size: 1.08rem; }
/* The deck's lines already scale with the root size; at 19 px all eight options fit 1280x720. */
.da-deck .da-deck-rows .da-deck-cell h3, .da-deck-rows .da-deck-facts { font-size: 0.95rem; }
</style>
"""


NARROW_CSS = "<style>.stMainBlockContainer { max-width: 54rem; }</style>"


def narrow() -> None:
    """Text pages read better in a column of about 80 characters."""
    st.html(NARROW_CSS)


def _compact(css: str) -> str:
    """Without comments and line breaks: ``st.html`` dedents, scans and hashes the whole text on every rerun."""
    without_comments = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    return " ".join(line.strip() for line in without_comments.splitlines() if line.strip())


_SENT = {False: _compact(BASE_CSS), True: _compact(BASE_CSS + SHARE_CSS)}


def apply(share_mode: bool) -> None:
    st.html(_SENT[share_mode])
