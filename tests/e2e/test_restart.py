"""The server stops and comes back mid-questionnaire: the answers come back, or a plain message says what was lost.

Never a silent reset: the tab's copy of the answers is handed to the new
server's session as soon as the page reconnects.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from decision_aid.loader import DEFAULT_CONTENT_DIR, load_content
from decision_aid.ui import nav, persist
from deploy.cluster import free_port

from .conftest import DESKTOP, open_page, wait_ready
from .own_server import serve, stop

CONTENT = load_content()
STEPS = CONTENT.questionnaire.steps
TOTAL = len(STEPS) + 1
MATTERS = next(i for i, s in enumerate(STEPS) if s.id == "matters")
SPEED = CONTENT.questionnaire.questions["speed"].label_for("very")
COST = CONTENT.questionnaire.questions["cost"].label_for("not_much")


@pytest.fixture()
def page(chromium: Browser) -> Iterator[Page]:
    context = chromium.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


def answer_mid_questionnaire(page: Page, url: str) -> None:
    open_page(page, url, nav.QUESTIONS)
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text(f"Step {MATTERS + 1} of {TOTAL}")).to_be_visible()
    wait_ready(page)
    for question_id, label in (("speed", SPEED), ("cost", COST)):
        box = page.locator(f".st-key-qbox_{question_id}")
        box.get_by_text(label, exact=True).click()
        expect(box.get_by_role("radio", name=label, exact=True)).to_be_checked()
        wait_ready(page)
    page.wait_for_function(
        "key => (sessionStorage.getItem(key) || '').includes('not_much')", arg=persist.STORAGE_KEY
    )


def restart(proc: subprocess.Popen[bytes], port: int, page: Page, content_dir: Path | None = None) -> subprocess.Popen[bytes]:
    stop(proc)
    app = page.locator('[data-testid="stApp"]')
    expect(app).not_to_have_attribute("data-test-connection-state", "CONNECTED")
    return serve(port, content_dir=content_dir)


def test_after_a_restart_the_answers_come_back_and_the_person_is_told(page: Page) -> None:
    port = free_port()
    proc = serve(port)
    url = f"http://127.0.0.1:{port}"
    try:
        answer_mid_questionnaire(page, url)
        proc = restart(proc, port, page)
        expect(page.get_by_text(persist.RESTORED)).to_be_visible(timeout=60_000)
        wait_ready(page)
        expect(page.get_by_text(f"Step {MATTERS + 1} of {TOTAL}")).to_be_visible()
        for question_id, label in (("speed", SPEED), ("cost", COST)):
            expect(page.locator(f".st-key-qbox_{question_id}").get_by_role("radio", name=label, exact=True)).to_be_checked()
        # The session is whole again: the next click moves on, the answers stay.
        page.get_by_role("button", name="Next").click()
        expect(page.get_by_text(f"Step {MATTERS + 2} of {TOTAL}")).to_be_visible()
        page.get_by_role("button", name="Back").click()
        wait_ready(page)
        expect(page.locator(".st-key-qbox_cost").get_by_role("radio", name=COST, exact=True)).to_be_checked()
    finally:
        stop(proc)


def test_answers_that_no_longer_fit_after_a_restart_are_named_as_lost_in_plain_words(page: Page, tmp_path: Path) -> None:
    changed = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, changed)
    path = changed / "questionnaire.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    cost = next(q for s in data["steps"] for q in s["questions"] if q["id"] == "cost")
    cost["choices"] = [c for c in cost["choices"] if c["value"] != "not_much"]
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")

    port = free_port()
    proc = serve(port)
    url = f"http://127.0.0.1:{port}"
    try:
        answer_mid_questionnaire(page, url)
        proc = restart(proc, port, page, content_dir=changed)
        expect(page.get_by_text(persist.PARTLY)).to_be_visible(timeout=60_000)
        wait_ready(page)
        expect(page.locator(".st-key-qbox_speed").get_by_role("radio", name=SPEED, exact=True)).to_be_checked()
    finally:
        stop(proc)
