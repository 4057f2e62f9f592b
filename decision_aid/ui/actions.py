"""The page script's actions part: controls drawn in HTML talk to Python, and the deck moves by keys.

Streamlit has no button inside an HTML table, so the overview's "More" links
carry ``data-da-action="open:<option id>"``; the page script (``page_script.py``)
listens for clicks on the whole page (once) and sends the action to Python as
a trigger value.
It marks the current page in the app's page links (``aria-current``), and it
shows one deck topic at a time, moves with the buttons and the left
and right arrow keys (never while typing), and announces the new topic.
The script is fixed text. The one thing it reads from the address is the
early-click mark below, which it acts on only on Compare and only when it is
shaped like an option id; the server ignores any id that is not an option.

Streamlit loads this script a moment (about half a second, more on a busy
machine) after the page is drawn. "More" is a link, so a click before then is
not lost: it leaves ``#da-open-<option id>`` in the address, and the script
opens that option once it loads and takes the mark out of the address. A deck
key pressed before then does nothing. Once its listeners are bound the script
sets ``data-da-actions="ready"`` on ``<html>``; they are bound once per
browser tab and outlive page changes, so only the first page a tab loads has
that moment. Browser tests wait for the mark.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

JS = r"""
function panels() { return Array.from(document.querySelectorAll('.da-deck-panel')); }

function show(index, focus) {
  const all = panels();
  if (!all.length) { return; }
  const i = Math.max(0, Math.min(all.length - 1, index));
  window.__da.deck = i;
  all.forEach((p, n) => { p.hidden = n !== i; });
  document.querySelectorAll('.da-deck-topic').forEach((b, n) => {
    b.setAttribute('aria-current', n === i ? 'true' : 'false');
  });
  const title = all[i].querySelector('.da-deck-title');
  const status = document.querySelector('.da-deck-status');
  if (status && title) { status.textContent = title.textContent; }
  if (focus && title) { title.focus({ preventScroll: true }); }
}

function move(how, focus) {
  const now = window.__da.deck || 0;
  if (how === 'next') { show(now + 1, focus); }
  else if (how === 'prev') { show(now - 1, focus); }
  else if (how.startsWith('go:')) { show(parseInt(how.slice(3), 10) || 0, focus); }
}

function markCurrentPage() {
  const here = location.pathname.replace(/\/$/, '');
  document.querySelectorAll('.st-key-da_topbar a[href]').forEach((a) => {
    const raw = a.getAttribute('href');
    const there = raw === '' ? '' : new URL(raw, location.href).pathname.replace(/\/$/, '');
    if (there === here) { a.setAttribute('aria-current', 'page'); } else { a.removeAttribute('aria-current'); }
  });
}

function typing(target) {
  // Text entry, and controls that use the arrow keys themselves (radio groups, sliders, menus).
  if (!target) { return false; }
  if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) { return true; }
  return !!target.closest('[role="radiogroup"], [role="slider"], [role="listbox"], [role="menu"], [role="tablist"]');
}

function bindActions(component) {
  window.__da = window.__da || {};
  window.__da.send = component.setTriggerValue;
  if (!window.__da.bound) {
    window.__da.bound = true;
    document.addEventListener('click', (event) => {
      const action = event.target.closest('[data-da-action]');
      const ownTab = event.button === 0 && !(event.ctrlKey || event.metaKey || event.shiftKey || event.altKey);
      if (action && ownTab) {  // a "More" link opened in a new tab or window is left to the browser
        event.preventDefault();
        window.__da.send('action', action.getAttribute('data-da-action'));
        return;
      }
      const deck = event.target.closest('[data-da-deck]');
      if (deck) {
        event.preventDefault();
        move(deck.getAttribute('data-da-deck'), true);
      }
    });
    document.addEventListener('keydown', (event) => {
      if (!document.querySelector('.da-deck') || typing(event.target) || event.altKey || event.ctrlKey || event.metaKey) {
        return;
      }
      if (event.key === 'ArrowRight') { event.preventDefault(); event.stopPropagation(); move('next', true); }
      else if (event.key === 'ArrowLeft') { event.preventDefault(); event.stopPropagation(); move('prev', true); }
    }, true);
    // Until now a deck key did nothing: say that the page's controls work from here on.
    document.documentElement.setAttribute('data-da-actions', 'ready');
  }
  // A "More" link clicked before this script listened went to #da-open-<option id>: act on it now,
  // and take it out of the address.
  const early = location.hash.match(/^#da-open-([a-z0-9][a-z0-9_]{0,63})$/);
  if (early && /\/compare\/?$/.test(location.pathname)) {
    history.replaceState(history.state, '', location.pathname + location.search);
    window.__da.send('action', 'open:' + early[1]);
  }
  [0, 250, 1000].forEach((ms) => setTimeout(() => { initDeck(); markCurrentPage(); }, ms));
}

function initDeck() {
  // A deck just drawn takes the focus, so the arrow keys work at once and it scrolls into view.
  const deck = document.querySelector('.da-deck');
  if (!deck || deck.dataset.daReady) { return; }
  deck.dataset.daReady = '1';
  deck.scrollIntoView({ block: 'start' });
  show(window.__da.deck || 0, true);
}
"""

def handler(on_action: Callable[[str], None]) -> Callable[[Any], None]:
    """What to do with the page script's reply: an HTML button's action, if it sent one."""

    def handle(reply: Any) -> None:
        action = getattr(reply, "action", None) if reply is not None else None
        if action:
            on_action(str(action))

    return handle
