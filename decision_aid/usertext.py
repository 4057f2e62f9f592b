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
