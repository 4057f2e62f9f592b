"""Shared by the handout tests and the handout benchmark: eight options before the content has eight cards.

The handout is designed for eight options (the ECT and medicine-change cards are
on their way). Until they land, two stand-ins copy the two heaviest cards under
new ids, so the page budget is checked against more text than the real cards
are likely to carry.
"""

from __future__ import annotations

from decision_aid.models import Content

STAND_INS = {"ect": ("rtms", "Stand-in option A", "Stand-in A"), "medicine_change": ("ssri", "Stand-in option B", "Stand-in B")}


def with_eight_options(content: Content) -> Content:
    """The content with stand-in cards added so that it offers at least eight options, in every stage's order."""
    options = dict(content.options)
    added: list[str] = []
    for new_id, (source_id, name, short_name) in STAND_INS.items():
        if len(options) >= 8:
            break
        if new_id in options:
            continue
        options[new_id] = options[source_id].model_copy(update={"id": new_id, "name": name, "short_name": short_name})
        added.append(new_id)
    if not added:
        return content
    stages = [s.model_copy(update={"order": [*s.order, *added], "selected": [*s.selected, *added]})
              for s in content.ordering.stages]
    ordering = content.ordering.model_copy(update={"stages": stages})
    return content.model_copy(update={"options": options, "ordering": ordering})
