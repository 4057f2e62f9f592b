"""HTTP headers for what a person makes: a downloaded handout is never kept by a browser or proxy cache.

Streamlit serves download files from ``/media/<id>`` without cache headers;
this ASGI middleware adds ``Cache-Control: no-store`` to every response on that
route, so a shared computer's browser cache or a clinic proxy keeps no copy of
a handout that holds a person's name, notes and answers.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

NO_STORE = (b"cache-control", b"no-store")


def is_media(path: str) -> bool:
    """``/media/<file>``, also under a base URL path (``/app/media/<file>``)."""
    parts = path.rstrip("/").split("/")
    return len(parts) >= 3 and parts[-2] == "media"


class NoStoreMedia:
    """Marks every ``/media/`` response ``Cache-Control: no-store``; other routes pass through untouched."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope.get("type") != "http" or not is_media(str(scope.get("path", ""))):
            await self.app(scope, receive, send)
            return

        async def send_no_store(message: Message) -> None:
            if message.get("type") == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"cache-control"]
                message = {**message, "headers": [*headers, NO_STORE]}
            await send(message)

        await self.app(scope, receive, send_no_store)
