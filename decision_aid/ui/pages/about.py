"""About the evidence: sources, how figures were chosen, who paid, and what is left out."""

from __future__ import annotations

import streamlit as st

from decision_aid.models import FREQUENCY_WORDS, Content, Reference
from decision_aid.ui import style
from decision_aid.ui.content import get_content
from decision_aid.ui.glossary import glossary_html
from decision_aid.ui.text import h, md


def _sources(content: Content, option_id: str) -> list[Reference]:
    return [content.references[sid] for sid in content.options[option_id].cited_ids]


def _link(ref: Reference) -> str:
    label, address = ref.locator()
    return f'<a href="{h(address)}" rel="noopener noreferrer">{h(label)}</a>'


def _ref_html(ref: Reference) -> str:
    note = f" {h(ref.note)}" if ref.note else ""
    return f"<li>{h(ref.citation)} <em>{h(ref.title)}</em> ({h(ref.kind)}, {ref.year}). {_link(ref)}{note}</li>"


def _frequency_table() -> str:
    rows = "".join(f'<tr><th scope="row">{h(word)}</th><td>{h(meaning)}</td></tr>' for word, meaning in FREQUENCY_WORDS.items())
    return (
        '<table class="da-table da-freq"><thead><tr><th scope="col">Word</th><th scope="col">How often</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def _change_log_html(content: Content) -> str:
    rows = "".join(
        f'<tr><th scope="row">{h(e.date.isoformat())}</th><td>{h(e.change)}</td><td>{h(e.event)}</td></tr>'
        for e in reversed(content.about.change_log)
    )
    return (
        '<table class="da-table"><caption>Newest first.</caption><thead><tr><th scope="col">Date</th>'
        f'<th scope="col">What changed</th><th scope="col">Why</th></tr></thead><tbody>{rows}</tbody></table>'
    )


def _sources_section(content: Content) -> None:
    st.header("Sources for each option", anchor=False)
    for option_id in content.options:
        card = content.options[option_id]
        with st.expander(f"{card.name}: {len(_sources(content, option_id))} sources"):
            st.html(
                f'<p>Last reviewed {card.review.last_reviewed.isoformat()}. '
                f"Next review due {card.review.next_review_due.isoformat()}.</p>"
                "<ul>" + "".join(_ref_html(r) for r in _sources(content, option_id)) + "</ul>"
            )


def render() -> None:
    content = get_content()
    style.narrow()
    about = content.about
    st.title("About the evidence", anchor=False)
    st.markdown(md(about.purpose))
    st.markdown(md(about.not_for))

    st.header("How the figures were chosen", anchor=False)
    for section in about.methods:
        st.subheader(md(section.heading), anchor=False)
        st.markdown(md(section.body))

    st.header("Words for how often something happens", anchor=False)
    st.markdown(md(about.frequency_words_intro))
    st.html(_frequency_table())

    st.header("What the words mean", anchor=False)
    st.html(glossary_html(content))

    _sources_section(content)

    st.header("Funding and conflicts of interest", anchor=False)
    st.markdown(md(about.funding))
    st.markdown(md(about.conflicts))

    st.header("Who wrote this guide, and how to suggest a change", anchor=False)
    st.markdown(md(about.authorship))
    st.markdown(md(about.propose_changes))

    st.header("How this guide is kept up to date", anchor=False)
    st.markdown(md(about.update_policy))
    st.subheader("What changed, and why", anchor=False)
    st.html(_change_log_html(content))
    st.caption(
        md(
            f"Content version {content.version}. Last reviewed {about.review.last_reviewed.isoformat()}; "
            f"next review due {about.review.next_review_due.isoformat()}."
        )
    )

    st.header("Other treatments: what is not covered, and why", anchor=False)
    other = content.other
    st.markdown(md(other.intro))
    for treatment in other.treatments:
        with st.container(border=True):
            st.subheader(md(treatment.name), anchor=False)
            st.markdown(md(treatment.text))
            st.markdown(f"**Why it has no card here:** {md(treatment.why_not_a_card)}")
    st.subheader("Combining options", anchor=False)
    for section in other.combining:
        st.markdown(f"**{md(section.heading)}** {md(section.body)}")

    st.header("Privacy", anchor=False)
    st.markdown(md(about.privacy))


if __name__ == "__main__":
    render()
