"""Fixed words printed on the handout (headings, labels, short notes).

Kept in one place so they can be read and checked for plain language together.
They describe and label; they never rank options, recommend one or diagnose.
"""

from __future__ import annotations

from ..models import FREQUENCY_WORDS

TITLE = "My depression treatment options"
SUBTITLE = "A handout to bring to a talk with a clinician. It does not choose a treatment for you."
PDF_SUBJECT = "Depression treatment options to talk through with a clinician"

CRISIS_SHORT = "In crisis? Call or text 988 (Suicide & Crisis Lifeline). In immediate danger, call 911."

STATUS_WORDS: dict[str, str] = {
    "approved": "Approved",
    "cleared": "Cleared",
    "off-label": "Off-label",
    "guideline first-line": "Guideline: first choice",
    "guideline option": "Guideline: an option",
    "guideline not recommended": "Guideline: not advised",
    "no approval needed": "No approval needed",
}

OUTCOME_WORDS: dict[str, str] = {
    "response": "felt much better (response)",
    "remission": "had few or no symptoms left (remission)",
    "improved": "improved",
    "relapse": "had depression come back (relapse)",
}

CAUTION_WORDS: dict[str, str] = {
    "do not use": "Not used if",
    "caution": "Caution",
    "discuss": "To discuss",
}

CERTAINTY_WORDS: dict[str, str] = {
    "animal studies": "so far from animal studies",
    "early human evidence": "early studies in people",
    "some human evidence": "some studies in people",
    "idea still being tested": "an idea still being tested",
}

COST_WORDS: dict[str, str] = {"low": "Low", "medium": "Medium", "high": "High"}

# Summary table row labels.
ROW_OPTION = "Option"
ROW_ONSET = "When it may help"
ROW_STATUS = "Status"
ROW_BENEFIT = "People helped, out of 100 (who was studied, and for how long)"
ROW_SIDE_EFFECTS = "Main side effects"
ROW_VISITS = "Visits in 8 weeks"
ROW_COST = "Cost"

H_MATTERS = "What matters to me"
H_HEALTH = "My health answers"
H_SUMMARY = "The options side by side"
H_TIMELINE = "When each option may start to help"
H_POINTS = "Points to talk about, from my answers"
H_OPTIONS = "Each option in more detail"
H_QUESTIONS = "Questions to ask"
H_READINESS = "Am I ready to choose?"
H_NOTES = "My notes"
H_SOURCES = "Sources"
H_ABOUT = "About this handout"

NO_MATTERS = "No answers given yet."
NO_HEALTH = "No health answers given."
HEALTH_LEFT_OFF = (
    "Health answers, and the points and questions they raised, are left off this handout. "
    "You can choose to add them when you print it."
)
NO_QUESTIONS = "Write your own questions in the notes at the end."
NO_POINTS = "Your answers did not raise any points. You can still ask about anything on this handout."
READINESS_INTRO = "This is not a test. A \u201cno\u201d is common and shows where more help may be useful."
FREQUENCY_KEY = (
    "How often side effects happen: "
    + "; ".join(f"{word}, {share}" for word, share in FREQUENCY_WORDS.items())
    + ". Numbers in [brackets] point to the sources at the end."
)
NOTES_INTRO = "Write down anything you want to ask or remember."
BENEFIT_LEGEND = "Each square is one person out of 100."
LEGEND_YES = "had this result"
LEGEND_MAYBE = "range: studies differ"
LEGEND_NO = "did not"
TIMELINE_FIRST = "may start to help (typical)"
TIMELINE_FULL = "fuller effect (typical)"
TIMELINE_RANGE = "range of times seen in studies"
FROM_ANSWERS = "from my answers"


def _count_of(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def in_the_app(results: int, side_effects: bool) -> str:
    """What the key-facts handout leaves to the app for one option, said on the page."""
    parts = []
    if results:
        parts.append(_count_of(results, "more study result", "more study results"))
    if side_effects:
        parts.append("details of each side effect")
    parts.append("the full text of each caution")
    return f"More in the app: {', '.join(parts[:-1])} and {parts[-1]}." if len(parts) > 1 else f"More in the app: {parts[0]}."


def more_sources(count: int) -> str:
    sources = "source" if count == 1 else "sources"
    return f"The app lists {count} more {sources} behind details not printed here."

MORE_QUESTIONS_IN_APP = "More questions for each option are on the Compare page of the app."
