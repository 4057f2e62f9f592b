"""Depression treatment decision aid: content, engine and renderers for a shared-decision conversation."""

__version__ = "0.1.0"
