"""Page scripts run by ``st.navigation``; each one only calls its ``render()``."""
