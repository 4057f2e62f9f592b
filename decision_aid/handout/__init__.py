"""The printable PDF handout: the Comparison drawn with reportlab, no browser involved."""

from .document import build_handout
from .settings import HandoutSettings

__all__ = ["HandoutSettings", "build_handout"]
