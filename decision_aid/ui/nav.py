"""The pages, in the order a person usually meets them.

Pages are files so ``AppTest.switch_page`` and ``st.switch_page`` can address
them by path; each file is thin and calls into this package.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from decision_aid.ui import state

PAGES_DIR = "decision_aid/ui/pages"


@dataclass(frozen=True, slots=True)
class PageSpec:
    path: str
    title: str
    url: str
    icon: str


START = PageSpec(f"{PAGES_DIR}/start.py", "Start", "start", ":material/home:")
QUESTIONS = PageSpec(f"{PAGES_DIR}/questions.py", "What matters to you", "questions", ":material/checklist:")
COMPARE = PageSpec(f"{PAGES_DIR}/compare.py", "Compare options", "compare", ":material/view_column:")
TIMELINE = PageSpec(f"{PAGES_DIR}/timeline.py", "Timeline", "timeline", ":material/schedule:")
HANDOUT = PageSpec(f"{PAGES_DIR}/handout.py", "Handout", "handout", ":material/print:")
ABOUT = PageSpec(f"{PAGES_DIR}/about.py", "About the evidence", "about", ":material/menu_book:")

ALL: tuple[PageSpec, ...] = (START, QUESTIONS, COMPARE, TIMELINE, HANDOUT, ABOUT)


def pages() -> list[st.Page]:
    """This session's pages, in the order of ``ALL``, made once per session.

    Making a page resolves its file on disk, and a link to a path resolves it
    again: on every rerun, for every link. Not shared between sessions, because
    ``st.navigation`` marks the page it returns as runnable on the object itself.
    """
    return state.remembered("pages", (), _make_pages)


def _make_pages() -> list[st.Page]:
    return [st.Page(p.path, title=p.title, url_path=p.url, icon=p.icon, default=p is START) for p in ALL]


def header() -> None:
    """The page links and the screen-share switch, at the top of every page.

    Streamlit's own menu is hidden: on a phone it is an unlabelled side panel,
    so the app draws its own. One set of links serves every width: on a phone
    they wrap into a few rows (style.py), one tap away and never behind a menu.
    A second set for phones would cost every rerun of every page six more
    elements on the live server.
    """
    from decision_aid.ui import components  # imported here: components imports nothing from nav

    with st.container(horizontal=True, key="da_topbar", vertical_alignment="center", gap="small"):
        for spec in ALL:
            link(spec)
        components.share_switch()


def address_params(spec: PageSpec) -> dict[str, str] | None:
    """The questionnaire's address names the step the person is on, so Back in the browser steps back through it."""
    if spec is not QUESTIONS:
        return None
    return {"step": str(int(state.get(state.STEP, 0) or 0) + 1)}


def link(spec: PageSpec, label: str | None = None) -> None:
    """A link to one of the app's pages, to this session's page object (no file lookups)."""
    page = pages()[ALL.index(spec)]
    st.page_link(page, label=label or spec.title, icon=spec.icon, query_params=address_params(spec))


def is_page(page: st.Page, spec: PageSpec) -> bool:
    # The default page's url_path is "" whatever was asked for, so match on the (unique) title.
    return page.title == spec.title


def go(page: PageSpec) -> None:
    st.switch_page(page.path, query_params=address_params(page))


def next_links(*links: tuple[PageSpec, str]) -> None:
    """Links to the usual next pages, at the end of a page, where a person has finished reading it."""
    st.markdown("**Where next?**")
    with st.container(horizontal=True, key="next_links"):
        for spec, label in links:
            link(spec, label)
