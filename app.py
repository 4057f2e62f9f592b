"""Streamlit entry point: wires the pages together. Everything else lives in ``decision_aid.ui``."""

import streamlit as st

from decision_aid.ui import nav, shell

shell.configure()
content = shell.top()
page = st.navigation(nav.pages(), position="top")
shell.before_page(page)
page.run()
shell.bottom(content)
