"""Making text safe for the two ways the app draws it.

Content is written by clinicians in plain text, and a "$" in a cost or a "*"
in a sentence must not turn into maths or italics. People's own typed text
never reaches markdown at all (it is shown with ``st.text``), but everything
put into HTML is escaped here, whatever its origin.
"""

from __future__ import annotations

import html
import string

_MD_SPECIAL = str.maketrans({ch: "\\" + ch for ch in string.punctuation})


def md(text: str) -> str:
    """Plain text for ``st.markdown``: every markdown character is escaped, lines are joined."""
    return " ".join(str(text).split()).translate(_MD_SPECIAL)


def h(text: str) -> str:
    """Plain text for HTML: escaped, with line breaks collapsed so no blank line ends an HTML block."""
    return html.escape(" ".join(str(text).split()), quote=True)


def label(text: str) -> str:
    """Content text for a widget label or option.

    Streamlit also uses a label as the input's accessible name, where a markdown
    escape would be read aloud as a backslash, so labels pass through unescaped
    (joined onto one line). Content checks in the tests keep markdown characters out of them.
    """
    return " ".join(str(text).split())


_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def number_word(n: int) -> str:
    """Small counts in words, as plain-language guides write them; larger ones as digits."""
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else str(n)
