"""Streamlit entry point: wires the pages together. Everything else lives in ``decision_aid.ui``."""

import streamlit as st

from decision_aid.ui import nav, shell

shell.configure()
page = st.navigation(nav.pages(), position="hidden")
content = shell.top(page)
shell.before_page(page)
page.run()
shell.bottom(content)
