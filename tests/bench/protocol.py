"""A browser stand-in that speaks Streamlit's websocket protocol directly.

It sends what the browser sends (``BackMsg.rerun_script`` with the page, the
states of the widgets on screen, the hashes of the large messages it already
holds, and its context) and reads ``ForwardMsg`` replies until the run
finishes. No page is drawn, so a client costs little CPU and the server is
the bottleneck under load. Widgets are found by their ``key``, as the
browser tests do. Buttons drawn in HTML (the overview's "More") reach Python
through a component's trigger, as the page script sends them; a deferred
download is asked for over the socket and fetched over HTTP, as the browser
fetches it.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect
from websockets.typing import Subprotocol

ID_PREFIX = "$$ID-"
INTERNAL_PREFIX = "$$STREAMLIT_INTERNAL_KEY"
VALUE_WIDGETS = frozenset({"checkbox", "radio", "button_group", "selectbox", "text_input", "text_area"})
ONE_CHOICE = frozenset({"radio", "button_group", "selectbox"})
TRIGGER_WIDGETS = frozenset({"button", "download_button"})
COMPONENT = "bidi_component"
HTML_ACTION = re.compile(r'data-da-action="([^"]+)"')
_request_ids = itertools.count(1)
DONE = frozenset({ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY})


class _CountingConnection(ClientConnection):
    """Counts the bytes that arrive on the wire, before any websocket decompression."""

    wire_bytes = 0

    def data_received(self, data: bytes) -> None:
        self.wire_bytes += len(data)
        super().data_received(data)


class ScriptError(RuntimeError):
    """The app raised, or the server closed the run in a way a person would see as broken."""


class FileGone(ScriptError):
    """The server made a download's file and said where it is, but the file was gone when fetched."""


@dataclass(frozen=True, slots=True)
class Run:
    """One rerun as the browser sees it: from sending the request to the end-of-run message."""

    seconds: float
    received_bytes: int  # on the wire (compressed, when the server compresses)
    message_bytes: int  # as decoded
    messages: int


@dataclass(frozen=True, slots=True)
class Download:
    """One deferred download: asking the server to make the file, then fetching it."""

    seconds: float
    made_seconds: float  # until the server said where the file is (it is made in that time)
    body: bytes


def _http_get(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return bytes(response.read())
    except urllib.error.HTTPError as error:
        if error.code == 404:
            raise FileGone(f"{url} was gone when fetched") from error
        raise


def _labels(kind: str, element: Any) -> list[str]:
    """The choices as drawn (after the app's ``format_func``): what the browser sends back."""
    if kind == "button_group":
        return [option.content for option in element.options]
    return list(element.options)


def _user_key(element_id: str) -> str | None:
    """Streamlit's widget ids end with the user's key: ``$$ID-<hash>-<key>``."""
    if not element_id.startswith(ID_PREFIX):
        return None
    parts = element_id.split("-", 2)
    return parts[2] if len(parts) == 3 and parts[2] != "None" else None


def _drawn_value(kind: str, element: Any) -> WidgetState | None:
    """The value a widget shows when first drawn, or when the app sets it (``set_value``)."""
    state = WidgetState(id=element.id)
    if kind == "checkbox":
        state.bool_value = element.value if element.set_value else element.default
    elif kind in ("text_input", "text_area"):
        state.string_value = element.value if element.set_value else element.default
    elif kind in ("radio", "selectbox"):
        if element.set_value and element.HasField("raw_value"):
            state.string_value = element.raw_value
        elif element.HasField("default"):
            state.string_value = element.options[element.default]
        else:
            return None
    elif kind == "button_group":
        chosen = list(element.raw_values) if element.set_value else [element.options[i].content for i in element.default]
        state.string_array_value.data.extend(chosen)
    else:
        return None
    return state


@dataclass
class Session:
    """One browser tab: its websocket, the page it is on and the widgets it last drew."""

    ws: _CountingConnection
    url: str
    pages: dict[str, str] = field(default_factory=dict)  # url path -> page script hash
    page_hash: str = ""
    main_hash: str = ""
    widgets: dict[str, tuple[str, Any, bool]] = field(default_factory=dict)  # key -> (kind, element, from app.py)
    html_actions: list[str] = field(default_factory=list)  # ``data-da-action`` of the HTML buttons on screen
    session_id: str = ""
    values: dict[str, WidgetState] = field(default_factory=dict)  # widget id -> value the browser holds
    cached: dict[str, tuple[int, ForwardMsg]] = field(default_factory=dict)  # hash -> (run last used in, message)
    max_message_age: int = 2
    run_count: int = 0

    @classmethod
    async def open(cls, url: str) -> Session:
        """Connect and run the default page, as a browser does on load (it offers compression, as browsers do)."""
        ws = await connect(
            url, subprotocols=[Subprotocol("streamlit")], max_size=None, open_timeout=30, proxy=None,
            ping_interval=None,  # a browser does not ping; the server's pings are still answered
            create_connection=_CountingConnection,
        )
        assert isinstance(ws, _CountingConnection)  # connect() is typed to return its base class
        session = cls(ws, url)
        await session.rerun()
        return session

    async def close(self) -> None:
        await self.ws.close()

    # --- what a person does ------------------------------------------------------------

    async def goto(self, url_path: str) -> Run:
        """Open a page from the menu (``""`` is the default page)."""
        return await self.rerun(page_hash=self.pages[url_path])

    async def refresh(self) -> Run:
        """Rerun the page on screen with nothing changed (the "Rerun" menu item)."""
        return await self.rerun()

    async def click(self, key: str) -> Run:
        element = self._widget(key, TRIGGER_WIDGETS)
        return await self.rerun(trigger=WidgetState(id=element.id, trigger_value=True))

    async def choose(self, key: str, index: int) -> Run:
        """Pick the ``index``-th choice of a one-choice widget: a radio, a segmented control, a select box."""
        kind, element, _ = self._found(key, ONE_CHOICE)
        label = _labels(kind, element)[index]
        state = WidgetState(id=element.id)
        if kind == "button_group":
            state.string_array_value.data.append(label)
        else:
            state.string_value = label
        self.values[element.id] = state
        return await self.rerun()

    def labels(self, key: str) -> list[str]:
        """The choices of a one-choice widget on screen, as the person reads them."""
        kind, element, _ = self._found(key, ONE_CHOICE)
        return _labels(kind, element)

    def chosen(self, key: str) -> str | None:
        """The choice a one-choice widget shows now, if any."""
        kind, element, _ = self._found(key, ONE_CHOICE)
        state = self.values.get(element.id)
        if state is None:
            return None
        if kind == "button_group":
            return state.string_array_value.data[0] if state.string_array_value.data else None
        return str(state.string_value)

    async def press_html(self, component_key: str, action: str) -> Run:
        """Click a button drawn in HTML: its page script sends the action as the component's trigger."""
        element = self._widget(component_key, {COMPONENT})
        if action not in self.html_actions:
            raise ScriptError(f"no HTML button for {action!r} on this page; there are {self.html_actions}")
        trigger = WidgetState(id=f"{INTERNAL_PREFIX}_{element.id}__events")
        trigger.json_trigger_value = json.dumps([{"event": "action", "value": action}])
        return await self.rerun(trigger=trigger)

    async def download(self, key: str) -> Download:
        """Click a download button whose file is made on the click (no rerun), and fetch the file."""
        element = self._widget(key, {"download_button"})
        if not element.HasField("deferred_file_id"):
            raise ScriptError(f"the download button {key!r} holds its file already; expected one made on the click")
        msg = BackMsg()
        request = msg.backend_operation_request
        request.request_id = f"bench-{next(_request_ids)}"
        request.session_id = self.session_id
        request.deferred_file.file_id = element.deferred_file_id
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        while True:
            reply = ForwardMsg()
            reply.ParseFromString(await self.ws.recv())
            if reply.WhichOneof("type") != "backend_operation_response":
                continue
            response = reply.backend_operation_response
            if response.request_id == request.request_id:
                break
        if response.error_msg:
            raise ScriptError(f"the download failed: {response.error_msg}")
        made = time.perf_counter() - start
        http_base = self.url.replace("ws://", "http://").replace("/_stcore/stream", "/")
        body = await asyncio.to_thread(_http_get, urljoin(http_base, response.deferred_file.url))
        return Download(time.perf_counter() - start, made, body)

    async def check(self, key: str, on: bool) -> Run:
        element = self._widget(key, {"checkbox"})
        self.values[element.id] = WidgetState(id=element.id, bool_value=on)
        return await self.rerun()

    def has(self, key: str) -> bool:
        return key in self.widgets

    def _widget(self, key: str, kinds: set[str] | frozenset[str]) -> Any:
        return self._found(key, kinds)[1]

    def _found(self, key: str, kinds: set[str] | frozenset[str]) -> tuple[str, Any, bool]:
        found = self.widgets.get(key)
        if found is None or found[0] not in kinds:
            raise ScriptError(f"no {'/'.join(sorted(kinds))} with key {key!r} on this page; keys: {sorted(self.widgets)}")
        return found

    # --- the protocol ----------------------------------------------------------------

    async def rerun(self, page_hash: str | None = None, trigger: WidgetState | None = None) -> Run:
        msg = BackMsg()
        request = msg.rerun_script
        request.query_string = ""
        request.page_script_hash = self.page_hash if page_hash is None else page_hash
        # Opening another page keeps only the widgets app.py draws around every page, as the browser does.
        staying = page_hash is None or page_hash == self.page_hash
        request.widget_states.widgets.extend(self._widget_states(all_of_them=staying))
        if trigger is not None:
            request.widget_states.widgets.append(trigger)
        request.cached_message_hashes.extend(self.cached)
        context = request.context_info
        context.timezone = "UTC"
        context.locale = "en-US"
        context.url = self.url.replace("ws://", "http://").replace("/_stcore/stream", "/")
        start, wire_before = time.perf_counter(), self.ws.wire_bytes
        await self.ws.send(msg.SerializeToString())
        received = count = 0
        self.widgets = {}
        self.html_actions = []
        while True:
            data = await self.ws.recv()
            received += len(data)
            count += 1
            reply = ForwardMsg()
            reply.ParseFromString(data)
            if self._handle(reply):
                return Run(time.perf_counter() - start, self.ws.wire_bytes - wire_before, received, count)

    def _widget_states(self, all_of_them: bool) -> list[WidgetState]:
        """Every widget on screen with its value, the person's choice where they made one (as the browser sends)."""
        states = []
        for kind, element, from_main in self.widgets.values():
            if kind not in VALUE_WIDGETS or not (all_of_them or from_main):
                continue
            state = self.values.get(element.id)
            if state is not None:
                states.append(state)
        return states

    def _handle(self, msg: ForwardMsg) -> bool:
        """Take in one message; True when the run is over."""
        kind = msg.WhichOneof("type")
        if kind == "ref_hash":  # a message this tab already holds: use the held copy, as the browser does
            if msg.ref_hash not in self.cached:
                raise ScriptError(f"the server referred to a message this tab does not hold ({msg.ref_hash})")
            held = self.cached[msg.ref_hash][1]
            self.cached[msg.ref_hash] = (self.run_count, held)
            from_main = msg.metadata.active_script_hash == self.main_hash
            self._element(held.delta.new_element, from_main)
            return False
        if msg.metadata.cacheable:
            self.cached[msg.hash] = (self.run_count, msg)
        if kind == "new_session":
            self.page_hash = msg.new_session.page_script_hash
            self.main_hash = msg.new_session.main_script_hash
            self.max_message_age = msg.new_session.config.max_cached_message_age
            if msg.new_session.HasField("initialize"):
                self.session_id = msg.new_session.initialize.session_id
            self.widgets = {}
            self.html_actions = []
        elif kind == "page_not_found":
            raise ScriptError(f"page not found: {msg.page_not_found.page_name!r}")
        elif kind == "navigation":
            self.pages = {p.url_pathname: p.page_script_hash for p in msg.navigation.app_pages}
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            self._element(msg.delta.new_element, msg.metadata.active_script_hash == self.main_hash)
        elif kind == "script_finished":
            status = msg.script_finished
            if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                raise ScriptError("the script did not compile")
            if status in DONE:
                self._end_run()
                return True
        return False

    def _element(self, element: Any, from_main: bool) -> None:
        kind = element.WhichOneof("type")
        if kind == "exception":
            raise ScriptError(f"{element.exception.type}: {element.exception.message}")
        if kind == "html":
            self.html_actions.extend(HTML_ACTION.findall(element.html.body))
            return
        if kind in VALUE_WIDGETS or kind in TRIGGER_WIDGETS or kind == COMPONENT:
            widget = getattr(element, kind)
            key = _user_key(widget.id)
            if key is not None:
                self.widgets[key] = (kind, widget, from_main)
            # The browser keeps a drawn widget's value across reruns unless the app sets a new one.
            if kind in VALUE_WIDGETS and (widget.set_value or widget.id not in self.values):
                value = _drawn_value(kind, widget)
                if value is not None:
                    self.values[widget.id] = value

    def _end_run(self) -> None:
        """Forget widgets no longer on screen; age the message cache as the browser does."""
        on_screen = {element.id for _, element, _ in self.widgets.values()}
        self.values = {wid: state for wid, state in self.values.items() if wid in on_screen}
        self.run_count += 1
        self.cached = {h: held for h, held in self.cached.items() if self.run_count - held[0] <= self.max_message_age}
