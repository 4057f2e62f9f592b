"""Streamlit renderer: thin pages that draw the engine's ``Comparison``.

Nothing in this package decides anything clinical; it reads content, keeps a
person's answers in their own browser session, and shows what the engine built.
"""
