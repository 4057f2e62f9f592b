"""Answers kept in the browser tab, screen-share privacy and resume codes, in a real browser.

The tab keeps its answers across a reload; another browser never sees them;
Start over leaves nothing in the page or in the browser's storage; no answer
or typed text reaches an address or the server's debug log; on a shared
screen a typed name is masked and health answers are given without their
questions on screen; a resume code carries answers between two browsers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from decision_aid import resume
from decision_aid.loader import load_content
from decision_aid.ui import nav, persist
from deploy.cluster import free_port

from .conftest import DESKTOP, PHONE, go_to, open_page, screenshot, wait_ready
from .own_server import serve, stop

CONTENT = load_content()
QUESTIONS = CONTENT.questionnaire.questions
STEPS = CONTENT.questionnaire.steps
TOTAL = len(STEPS) + 1
NAME = "Zebediah Quill"
NOTE = "ask about the blue pills 7731"
SPEED = QUESTIONS["speed"].label_for("very")
METAL = QUESTIONS["metal_in_head"]
HEALTH_TEXTS = [q.text for q in QUESTIONS.values() if q.health]


def step_of(question_id: str) -> int:
    return next(i for i, s in enumerate(STEPS) if any(q.id == question_id for q in s.questions))


def walk_to(page: Page, index: int, start: int = 0) -> None:
    """From step ``start`` of the questionnaire to step ``index`` (0-based) with Next."""
    expect(page.get_by_text(f"Step {start + 1} of {TOTAL}")).to_be_visible()
    wait_ready(page)
    for i in range(start, index):
        page.get_by_role("button", name="Next").click()
        expect(page.get_by_text(f"Step {i + 2} of {TOTAL}")).to_be_visible()
        wait_ready(page)


def answer(page: Page, question_id: str, choice_label: str) -> None:
    wait_ready(page)
    box = page.locator(f".st-key-qbox_{question_id}")
    box.get_by_text(choice_label, exact=True).click()
    expect(box.get_by_role("radio", name=choice_label, exact=True)).to_be_checked()
    wait_ready(page)


def storage(page: Page) -> str:
    """Everything the page's origin keeps in the browser: session and local storage, and cookies."""
    kept = page.evaluate(
        "() => JSON.stringify({session: Object.assign({}, sessionStorage), local: Object.assign({}, localStorage)})"
    )
    cookies = " ".join(f"{c['name']}={c['value']}" for c in page.context.cookies())
    return f"{kept} {cookies}"


def kept_in_tab(page: Page, text: str) -> None:
    """Wait until the tab's copy holds ``text`` (it is written after the run that changed it)."""
    page.wait_for_function(
        "([key, text]) => (sessionStorage.getItem(key) || '').includes(text)", arg=[persist.STORAGE_KEY, text]
    )


def start_in_questions(page: Page, app_url: str, shared: bool = False) -> None:
    open_page(page, app_url, nav.START)
    page.get_by_role("button", name="With my clinician" if shared else "On my own").click()
    expect(page.get_by_text(f"Step 1 of {TOTAL}")).to_be_visible()
    wait_ready(page)


def test_a_reload_keeps_the_answers_in_the_same_tab_a_new_tab_or_browser_never_sees_them(
    chromium: Browser, app_url: str
) -> None:
    first = chromium.new_context(viewport=DESKTOP)
    second = chromium.new_context(viewport=DESKTOP)
    try:
        a = first.new_page()
        start_in_questions(a, app_url)
        walk_to(a, step_of("speed"))
        answer(a, "speed", SPEED)
        go_to(a, nav.HANDOUT, "Your handout")
        a.get_by_label("Your name (optional)").fill(NAME)
        a.get_by_label("Your name (optional)").press("Enter")
        kept_in_tab(a, NAME)

        a.reload()
        wait_ready(a)
        expect(a.get_by_label("Your name (optional)")).to_have_value(NAME)
        a.goto(f"{app_url}/{nav.QUESTIONS.url}")  # a page opened by its address, in the same tab
        wait_ready(a)
        expect(a.get_by_text(f"Step {step_of('speed') + 1} of {TOTAL}")).to_be_visible()
        expect(a.locator(".st-key-qbox_speed").get_by_role("radio", name=SPEED, exact=True)).to_be_checked()

        a.close()  # a closed tab takes its copy with it: a new tab in the same browser starts empty
        again = first.new_page()
        open_page(again, app_url, nav.HANDOUT)
        expect(again.get_by_label("Your name (optional)")).to_have_value("")
        assert persist.STORAGE_KEY not in storage(again) and NAME not in storage(again)

        b = second.new_page()
        open_page(b, app_url, nav.QUESTIONS)
        expect(b.get_by_text(f"Step 1 of {TOTAL}")).to_be_visible()
        assert persist.STORAGE_KEY not in storage(b)
        go_to(b, nav.HANDOUT, "Your handout")
        expect(b.get_by_label("Your name (optional)")).to_have_value("")
        assert NAME not in b.content()
    finally:
        first.close()
        second.close()


def test_after_start_over_nothing_remains_in_the_page_or_the_browser(page: Page, app_url: str) -> None:
    start_in_questions(page, app_url)
    walk_to(page, step_of("speed"))
    answer(page, "speed", SPEED)
    go_to(page, nav.HANDOUT, "Your handout")
    page.get_by_label("Your name (optional)").fill(NAME)
    page.get_by_label("Notes for your visit (optional)").fill(NOTE)
    page.get_by_label("Your name (optional)").click()
    wait_ready(page)
    kept_in_tab(page, NOTE)
    assert NAME in storage(page)

    page.get_by_role("button", name="Start over").click()
    page.get_by_role("button", name="Yes, clear everything").click()
    expect(page.get_by_text("Everything you entered has been cleared.")).to_be_visible()
    wait_ready(page)
    page.wait_for_function(f"() => sessionStorage.getItem({persist.STORAGE_KEY!r}) === null")
    kept = storage(page)
    assert NAME not in kept and NOTE not in kept and "speed" not in kept

    page.reload()  # nothing comes back either
    wait_ready(page)
    go_to(page, nav.HANDOUT, "Your handout")
    expect(page.get_by_label("Your name (optional)")).to_have_value("")
    go_to(page, nav.QUESTIONS)
    walk_to(page, step_of("speed"))
    expect(page.locator(".st-key-qbox_speed").get_by_role("radio", name=SPEED, exact=True)).not_to_be_checked()
    html = page.content()
    assert NAME not in html and NOTE not in html


@pytest.fixture()
def debug_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A server of its own that logs at debug level, the most it can ever be asked to say."""
    log = tmp_path / "server.log"
    port = free_port()
    with log.open("wb") as out:
        proc = serve(port, log=out, debug=True)
        try:
            yield f"http://127.0.0.1:{port}", log
        finally:
            stop(proc)


def test_no_answer_or_typed_text_reaches_an_address_or_the_debug_log(
    chromium: Browser, debug_server: tuple[str, Path]
) -> None:
    url, log = debug_server
    context = chromium.new_context(viewport=DESKTOP)
    addresses: list[str] = []
    context.on("request", lambda request: addresses.append(unquote(request.url)))
    try:
        page = context.new_page()
        page.on("framenavigated", lambda frame: addresses.append(unquote(frame.url)))
        start_in_questions(page, url)
        walk_to(page, step_of("speed"))
        answer(page, "speed", SPEED)
        walk_to(page, step_of("metal_in_head"), start=step_of("speed"))
        answer(page, "metal_in_head", METAL.label_for("yes"))
        go_to(page, nav.HANDOUT, "Your handout")
        page.get_by_label("Your name (optional)").fill(NAME)
        page.get_by_label("Notes for your visit (optional)").fill(NOTE)
        page.get_by_label("Your name (optional)").click()
        wait_ready(page)
        page.reload()
        wait_ready(page)
        expect(page.get_by_label("Your name (optional)")).to_have_value(NAME)
        go_to(page, nav.COMPARE)
    finally:
        context.close()
    text = log.read_text(encoding="utf-8", errors="replace")
    assert "Running script" in text, "the log really is at debug level"
    secrets = [NAME, NOTE, "metal_in_head", "speed", persist.STORAGE_KEY]
    for address in addresses:
        assert not any(s in address for s in secrets), address
        query = urlsplit(address.split("/_stcore/")[0]).query
        assert query == "" or re.fullmatch(r"step=[0-9]+", query), address  # only the questionnaire's step number
    for secret in (NAME, NOTE, '"speed"', "metal_in_head", '"answers"'):
        assert secret not in text, secret


def private_walk_to_health(page: Page) -> None:
    walk_to(page, step_of("metal_in_head"))
    expect(page.locator(".st-key-private_box")).to_contain_text(f"So far you answered 0 of {len(HEALTH_TEXTS)}")


def body_text(page: Page) -> str:
    return page.locator("body").inner_text()


def test_on_a_shared_screen_health_answers_are_given_without_the_questions_showing(page: Page, app_url: str) -> None:
    start_in_questions(page, app_url, shared=True)
    private_walk_to_health(page)
    assert not any(text in body_text(page) for text in HEALTH_TEXTS)
    screenshot(page, "share-health-closed")

    page.get_by_role("button", name="Answer them privately").click()
    expect(page.get_by_role("button", name="Only I can see the screen now")).to_be_visible()
    assert not any(text in body_text(page) for text in HEALTH_TEXTS), "asking alone shows nothing"
    page.get_by_role("button", name="Only I can see the screen now").click()
    box = page.locator(f".st-key-qbox_{METAL.id}")
    box.get_by_text(METAL.label_for("yes"), exact=True).click()
    expect(box.get_by_role("radio", name=METAL.label_for("yes"), exact=True)).to_be_checked()
    wait_ready(page)
    page.get_by_role("button", name="Done: hide my answers").last.click()
    expect(page.locator(".st-key-private_box")).to_contain_text(f"So far you answered 1 of {len(HEALTH_TEXTS)}")
    wait_ready(page)
    assert not any(text in body_text(page) for text in HEALTH_TEXTS)

    go_to(page, nav.COMPARE)
    expect(page.locator("table.da-overview")).to_contain_text("1 private, hidden on a shared screen")


def test_on_a_shared_screen_a_typed_name_is_not_shown(page: Page, app_url: str) -> None:
    start_in_questions(page, app_url, shared=True)
    go_to(page, nav.HANDOUT, "Your handout")
    field = page.get_by_label("Your name (optional)")
    field.fill(NAME)
    field.press("Enter")
    wait_ready(page)
    expect(field).to_have_attribute("type", "password")
    expect(page.get_by_text(NAME)).to_have_count(0)
    assert NAME not in body_text(page)
    expect(page.get_by_text("Shared decision-making note")).to_have_count(0)
    screenshot(page, "share-handout")


def make_code(page: Page, app_url: str, with_health: bool, holds: str) -> str:
    open_page(page, app_url, nav.START)  # by its address: the answers come back from the tab
    page.get_by_text("Continue on another device (resume code)").click()
    if with_health:
        page.get_by_text("Put my health answers in the code too").click()
        expect(page.get_by_text("Anyone who has this code can see your health answers")).to_be_visible()
    page.get_by_text("Show my code", exact=True).click()
    expect(page.get_by_text(holds)).to_be_visible()
    code = page.locator('[data-testid="stCode"]').first
    expect(code).to_contain_text(re.compile(r"[0-9A-Z]{4}-"))
    return code.inner_text().strip()


def use_code(page: Page, code: str) -> None:
    page.get_by_text("Continue on another device (resume code)").click()
    page.get_by_role("textbox", name="Your code").fill(code)
    page.get_by_role("textbox", name="Your code").press("Enter")  # the box's value reaches the server first,
    wait_ready(page)  # as when a person types and then reaches for the button
    page.get_by_role("button", name="Use this code").click()
    wait_ready(page)


def test_a_resume_code_carries_answers_to_another_browser_and_a_tampered_one_is_refused(
    chromium: Browser, app_url: str
) -> None:
    home: BrowserContext = chromium.new_context(viewport=PHONE)
    clinic: BrowserContext = chromium.new_context(viewport=DESKTOP)
    try:
        phone = home.new_page()
        start_in_questions(phone, app_url)
        walk_to(phone, step_of("speed"))
        answer(phone, "speed", SPEED)
        kept_in_tab(phone, '"speed"')
        phone.goto(f"{app_url}/{nav.QUESTIONS.url}")  # by its address: back at the same step
        wait_ready(phone)
        walk_to(phone, step_of("metal_in_head"), start=step_of("speed"))
        answer(phone, "metal_in_head", METAL.label_for("yes"))
        kept_in_tab(phone, '"metal_in_head"')
        code = make_code(phone, app_url, with_health=True, holds="It holds 2 answers, 1 of them a health answer.")
        assert len(code.replace("-", "")) == resume.code_lengths(CONTENT)[1]
        screenshot(phone, "resume-code-phone")

        desk = clinic.new_page()
        open_page(desk, app_url, nav.START)
        tampered = code[:-1] + ("2" if code[-1] != "2" else "3")
        use_code(desk, tampered)
        expect(desk.get_by_text(resume.CHECK_MESSAGE)).to_be_visible()

        desk.get_by_role("textbox", name="Your code").fill(code.lower())
        desk.get_by_role("textbox", name="Your code").press("Enter")
        wait_ready(desk)
        desk.get_by_role("button", name="Use this code").click()
        expect(desk.get_by_text("2 answers were added from your code.")).to_be_visible()
        go_to(desk, nav.QUESTIONS)
        walk_to(desk, step_of("speed"))
        expect(desk.locator(".st-key-qbox_speed").get_by_role("radio", name=SPEED, exact=True)).to_be_checked()
        walk_to(desk, step_of("metal_in_head"), start=step_of("speed"))
        yes = METAL.label_for("yes")
        expect(desk.locator(f".st-key-qbox_{METAL.id}").get_by_role("radio", name=yes, exact=True)).to_be_checked()
    finally:
        home.close()
        clinic.close()


def test_screen_share_pages_look_right_on_a_phone(chromium: Browser, app_url: str) -> None:
    context = chromium.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        start_in_questions(page, app_url, shared=True)
        walk_to(page, step_of("side_effects_avoid"))
        screenshot(page, "share-matters-phone")
        expect(page.locator(".st-key-private_box")).to_contain_text("1 choice is private")
        page.get_by_role("button", name="Next").click()
        wait_ready(page)
        walk_to_readiness = TOTAL - 1 - step_of("side_effects_avoid") - 1
        for _ in range(walk_to_readiness):
            page.get_by_role("button", name="Next").click()
            wait_ready(page)
        expect(page.get_by_text(f"Step {TOTAL} of {TOTAL}")).to_be_visible()
        screenshot(page, "share-readiness-phone")
        expect(page.get_by_role("radio", name="Yes")).to_have_count(0)
    finally:
        context.close()
