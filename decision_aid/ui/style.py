"""The app's CSS: contrast, focus, badges, the responsive grid and screen-share type.

Only fixed CSS goes through ``st.html``; no user text is ever placed in it.
Colours are chosen for at least 4.5:1 contrast on their backgrounds.
"""

from __future__ import annotations

import streamlit as st

BASE_CSS = """
<style>
/* Keep long lines readable on wide screens. */
.stMainBlockContainer { max-width: 78rem; padding-top: 4.75rem; }
*:focus-visible { outline: 3px solid #1f5f8b !important; outline-offset: 2px !important; }
a { color: #1f5f8b; }
a:focus-visible { outline: 3px solid #1f5f8b; }

.da-crisis { border: 2px solid #8a1c1c; border-left-width: 8px; background: #fff5f5; color: #1a1a1a;
  padding: 0.55rem 0.9rem; border-radius: 0.5rem; line-height: 1.45; }
.da-crisis a { color: #8a1c1c; font-weight: 700; text-decoration: underline; }

.da-share-note { border: 1px solid #1f5f8b; background: #eef4f9; color: #1a1a1a; border-radius: 0.4rem;
  padding: 0.3rem 0.7rem; font-size: 0.95rem; }

.da-note { border-left: 6px solid #1f5f8b; background: #eef4f9; color: #1a1a1a; border-radius: 0.4rem;
  padding: 0.55rem 0.9rem; margin: 0.2rem 0 0.4rem 0; }
.da-reason { border-left: 4px solid #5b4391; background: #f6f3fb; padding: 0.35rem 0.6rem; border-radius: 0.3rem; }
.da-iconhead { display: flex; gap: 0.6rem; font-size: 0.88rem; line-height: 1.3; margin-top: 0.3rem; }
.da-iconhead > div { flex: 1 1 0; text-align: center; }
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
.stVerticalBlock [data-testid="stHtml"] h3 { font-size: 1.02rem; font-weight: 700; padding: 0.9rem 0 0.3rem 0; margin: 0; }
.da-points h3, .da-points h4 { font-size: 1rem; margin: 0 0 0.3rem 0; padding: 0; }
.da-points ul { margin: 0; padding-left: 1.1rem; }
.da-points li { margin: 0.25rem 0; }
.da-level { font-weight: 700; }
.da-muted { color: #4a4a4a; }

.da-grid-wrap { width: 100%; }
table.da-table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 0.92rem; }
table.da-table th, table.da-table td { border: 1px solid #c9d3dc; padding: 0.45rem 0.5rem; vertical-align: top;
  text-align: left; overflow-wrap: anywhere; }
table.da-table thead th { background: #eef4f9; }
table.da-table tbody th { background: #f7f9fb; }
table.da-grid tbody th { width: 11rem; }
table.da-table ul { margin: 0; padding-left: 1rem; }
@media (max-width: 700px) {
  table.da-grid, table.da-grid thead, table.da-grid tbody, table.da-grid tr, table.da-grid th, table.da-grid td {
    display: block; width: 100%; }
  table.da-grid thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.da-grid tbody tr { margin-bottom: 0.9rem; border: 1px solid #c9d3dc; border-radius: 0.4rem; }
  table.da-grid tbody th { width: auto; font-size: 1.02rem; border: none; border-bottom: 1px solid #c9d3dc; }
  table.da-grid td { border: none; border-bottom: 1px solid #e3e8ed; }
  table.da-grid td::before { content: attr(data-label); display: block; font-weight: 700; }
  table.da-grid caption { display: block; width: 100%; text-align: left; }
}

/* Plotly charts are static pictures here: let touch scrolling pass through. */
.stPlotlyChart { touch-action: pan-y; }
</style>
"""

SHARE_CSS = """
<style>
/* Screen-share mode: larger type for a screen seen from across a desk. */
html { font-size: 20px; }
.stMarkdown p, .stMarkdown li, .stCaption, label, .stRadio label p, .stCheckbox label p { font-size: 1.08rem; }
</style>
"""


NARROW_CSS = "<style>.stMainBlockContainer { max-width: 54rem; }</style>"


def narrow() -> None:
    """Text pages read better in a column of about 80 characters."""
    st.html(NARROW_CSS)


def apply(share_mode: bool) -> None:
    st.html(BASE_CSS + (SHARE_CSS if share_mode else ""))
