"""What `make run` serves: app.py's pages, with downloads marked never to be cached.

`streamlit run serve.py` finds the ``app`` below and serves it; `app.py` stays
the Streamlit script (and what AppTest opens).
"""

import streamlit as st
from starlette.middleware import Middleware

from decision_aid.privacy_headers import NoStoreMedia

app = st.App("app.py", middleware=[Middleware(NoStoreMedia)])
