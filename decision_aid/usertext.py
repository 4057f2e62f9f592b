"""Cleaning text a person typed (name, notes) before any renderer sees it.

Typed text is shown on screen and printed on paper; neither path may let it act
as markup or break the layout. Renderers still escape for their own format;
this removes what no format should receive (control characters, unbounded size).
"""

from __future__ import annotations

import unicodedata

MAX_NAME_CHARS = 120
MAX_NOTES_CHARS = 20_000

_KEEP = {"\n", "\t"}


def clean_user_text(text: str | None, max_chars: int = MAX_NOTES_CHARS, single_line: bool = False) -> str:
    """Drop control and format characters, normalise newlines, cap the length."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", str(text)).replace("\r\n", "\n").replace("\r", "\n")
    kept = []
    for ch in text:
        if ch in _KEEP:
            kept.append(" " if single_line else ch)
            continue
        category = unicodedata.category(ch)
        if category in ("Cc", "Cs", "Co", "Cn"):
            continue
        # Bidirectional override and isolate marks can disguise text; keep ordinary RTL letters.
        if category == "Cf" and ch not in ("\u200d", "\u200c"):
            continue
        kept.append(ch)
    cleaned = "".join(kept).strip()
    return cleaned[:max_chars]


MAX_ERROR_CHARS = 300
"""Longest error line the command line prints; a 50 MB bad value must not become a 50 MB line."""
MAX_SHOWN_CHARS = 60


def shown(text: str, max_chars: int = MAX_SHOWN_CHARS) -> str:
    """Text safe to echo to a terminal: control characters written as escapes, the middle cut when long.

    A key, value or path can carry escape sequences that retitle or clear a
    terminal, and can be any length. The middle is cut rather than the end so a
    long path still shows its file name and a long message its reason.
    """
    head = max_chars * 2 // 3
    tail = max_chars - head - 1
    if len(text) <= max_chars:
        escaped = _escaped(text)
        if len(escaped) <= max_chars:
            return escaped
        return f"{escaped[:head]}…{escaped[len(escaped) - tail:]}"
    # Escape only the two ends that are shown: the text may be megabytes long.
    end = _escaped(text[len(text) - tail:])[-tail:] if tail > 0 else ""
    return f"{_escaped(text[:head])[:head]}…{end}"


def quoted(text: str, max_chars: int = MAX_SHOWN_CHARS) -> str:
    return f"'{shown(text, max_chars)}'"


def _escaped(text: str) -> str:
    return "".join(ch.encode("unicode_escape").decode("ascii") if _is_control(ch) else ch for ch in text)


def _is_control(ch: str) -> bool:
    # Cc: C0/C1 controls incl. ESC; Cf: bidi overrides and other invisible format marks;
    # Zl/Zp: line and paragraph separators, which some terminals treat as new lines.
    return unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")
