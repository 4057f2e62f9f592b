"""Fixed words printed on the handout: headings, labels and short notes.

Kept in one place so they can be read and checked for plain language together.
They describe and label; they never rank options, recommend one or diagnose.
Every word about an option, a status, a side effect or a caution comes from
the presentation step (``decision_aid.presentation``), the same words the
screen shows; nothing here words a clinical fact.
"""

from __future__ import annotations

from ..models import FREQUENCY_WORDS

TITLE = "My depression treatment options"
SUBTITLE = "A handout to bring to a talk with a clinician. It does not choose a treatment for you."
PDF_SUBJECT = "Depression treatment options to talk through with a clinician"

PREPARED_FOR = "Prepared for:"
DATE = "Date:"
BENEFIT_WHO = "Who:"
BENEFIT_WHEN = "Time:"
BENEFIT_AGAINST = "Compared with:"
OPTION_HEAD = "Option"

H_SUMMARY = "The options side by side"
H_MATTERS = "What matters to me"
H_HEALTH = "My health answers"
H_EACH = "More about each option"
H_PLAN = "My plan"
H_READINESS = "Am I ready to choose?"
H_NOTES = "My notes"
H_RESUME = "Pick up where I left off"
H_SOURCES = "Sources"
H_ABOUT = "About this handout"
H_APPENDIX = "Each option in full"
H_TIMELINE = "When each option may start to help"

SUMMARY_KEY = (
    "Numbers in [brackets] point to the sources at the end. This summary shows the two most common side effects "
    "of each option and the cautions everyone should know; the full handout lists them all."
)
BENEFIT_CAUTION_LEAD = "Comparing the numbers:"
NO_MATTERS = "No answers given yet."
NO_HEALTH = "No health answers given."
NO_POINTS = "Your answers did not raise any points. You can still ask about anything on this handout."
READINESS_INTRO = "This is not a test. A \u201cno\u201d is common and shows where more help may be useful."
YOU_SAID_NO = "You said no:"
FREQUENCY_KEY = (
    "How often side effects happen: "
    + "; ".join(f"{word}, {share}" for word, share in FREQUENCY_WORDS.items())
    + ". Numbers in [brackets] point to the sources at the end."
)
RESUME_INTRO = (
    "This code holds your answers. Type it into the guide on another device, or scan the square, "
    "to see them again. Anyone who has this code can see those answers."
)
BENEFIT_LEGEND = "Each square is one person out of 100."
LEGEND_YES = "had this result"
LEGEND_MAYBE = "range: studies differ"
LEGEND_NO = "did not"
TIMELINE_FIRST = "may start to help (typical)"
TIMELINE_FULL = "fuller effect (typical)"
TIMELINE_RANGE = "range of times seen in studies"
FUNDING = "Funding:"
CONFLICTS = "Conflicts of interest:"
KEEP_IN_MIND = "Keep in mind:"
WHAT_IT_IS = "What it is:"
HOW_GIVEN = "How it is given:"
WHEN_IT_MAY_HELP = "When it may help:"
H_CARD_BENEFITS = "How likely it is to help"
H_CARD_SIDE_EFFECTS = "Side effects"
H_CARD_CAUTIONS = "Cautions"
H_CARD_PRACTICAL = "Practical points"
H_CARD_QUESTIONS = "Questions to ask about it"

# The plan: one heading a line; what the person wrote on the Handout page, or lines to write on.
PLAN_DECISION = "What we decided"
PLAN_NOT_DECIDED = "Not decided yet."
PLAN_JUDGE = "When we check if it helps"
PLAN_SIDE_EFFECT = "If a side effect worries me"
PLAN_NO_HELP = "If it does not help"
PLAN_CRISIS = "My crisis plan"
PLAN_CRISIS_PEOPLE = "People I can call"
PLAN_NEXT_VISIT = "My next visit"
PLAN_NOTES = "Other notes"


def _count_of(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def safety_more(count: int) -> str:
    """Cautions the summary leaves out of one option, said where they are (on paper, not in the app)."""
    more = _count_of(count, "more caution", "more cautions")
    return f"+ {more} (full handout)"


def health_left_off(answers: int, points: int) -> str:
    """Health answers left off this paper, said without revealing any of them."""
    if not answers and not points:
        return "Health answers are left off this handout unless you choose to include them."
    parts = []
    if answers:
        parts.append(_count_of(answers, "health answer", "health answers"))
    if points:
        parts.append(_count_of(points, "point or question raised by them", "points and questions raised by them"))
    return f"Left off this handout, in case others see it: {' and '.join(parts)}."


def more_questions(count: int) -> str:
    more = _count_of(count, "more question", "more questions")
    return f"{more} to ask in the full handout."


def more_sources(count: int) -> str:
    more = _count_of(count, "more source", "more sources")
    return f"{more}, behind details not printed here, in the full handout."
