"""The learner's parts of /explore in headless Chromium: the key-facts card, a "Test yourself" round from question
to explanation with progress kept in the browser, and the phone layout. Screenshots of each view are written to
tests/web/artifacts/ (not versioned) for a reviewer to look at."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import httpx
import pytest

from tests.conftest import LiveServer
from tests.web.conftest import Browser
from tests.web.test_explorer import go, shown, text

ARTIFACTS = Path(__file__).parent / "artifacts"
ATFL = "ANKLE:0000016"


def screenshot(page: Browser, name: str, selector: str, *, width: int = 1200, mobile: bool = False) -> Path:
    """The part of the page ``selector`` covers, as a PNG under tests/web/artifacts/: the viewport is made as tall
    as the page for the capture (capturing beyond it reflows the page), then set back."""
    metrics = {"width": width, "deviceScaleFactor": 2 if mobile else 1, "mobile": mobile}
    tall = page.evaluate("document.documentElement.scrollHeight")
    page.call("Emulation.setDeviceMetricsOverride", height=tall, **metrics)
    try:
        box = page.evaluate(
            f"(() => {{ const r = document.querySelector({json.dumps(selector)}).getBoundingClientRect(); "
            "return {x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height}; })()"
        )
        data = page.call("Page.captureScreenshot", format="png", clip={**box, "scale": 1})["data"]
    finally:
        page.call("Emulation.setDeviceMetricsOverride", height=844 if mobile else 900, **metrics)
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    path.write_bytes(base64.b64decode(data))
    return path


def key(page: Browser, name: str, code: str, keycode: int, text: str = "") -> None:
    for kind in ("keyDown", "keyUp"):
        extra = {"text": text} if kind == "keyDown" and text else {}
        page.call("Input.dispatchKeyEvent", type=kind, key=name, code=code, windowsVirtualKeyCode=keycode, **extra)


@pytest.fixture
def learner(browser: Browser, live_server: LiveServer) -> Browser:
    """A fresh explorer at desktop width with no saved progress."""
    browser.call("Emulation.setDeviceMetricsOverride", width=1200, height=900, deviceScaleFactor=1, mobile=False)
    browser.open(live_server.url + "/explore")
    browser.wait_for("document.body && document.body.dataset.ready === 'true' && "
                     "document.getElementById('quiz').dataset.ready === 'true'")  # fmt: skip
    browser.evaluate("localStorage.clear()")
    return browser


def open_quiz(page: Browser, region: str = "") -> None:
    page.evaluate("document.getElementById('quiz-details').open = true")
    page.wait_for("document.getElementById('quiz-form').dataset.ready === 'true'")
    if region:
        page.evaluate(
            "{ const s = document.getElementById('quiz-region'); "
            f"s.value = [...s.options].find(o => o.text.startsWith({json.dumps(region)})).value; }}"
        )
    page.evaluate("document.getElementById('quiz-start').click()")
    page.wait_for("document.getElementById('quiz-results').dataset.state === 'question'")


def answer(page: Browser, option: str) -> None:
    page.evaluate(f"document.querySelector('#quiz-question input[value={json.dumps(option)}]').click()")
    page.evaluate("document.getElementById('quiz-check').click()")
    page.wait_for("document.getElementById('quiz-results').dataset.state === 'answered'")


def test_the_key_facts_card_tops_a_ligament_with_footnoted_sources(learner: Browser) -> None:
    go(learner, "ATFL")
    shown(learner, ATFL)
    first = learner.evaluate("document.querySelector('#entity h2 ~ section, #entity h2 ~ p').id")
    assert first == "key-facts"  # at the top, before the definition
    card = text(learner, "#key-facts")
    for words in ("Proximal attachment", "lateral malleolus", "Distal attachment", "talus", "Spans",
                  "Restrains", "anterior talar translation", "talocrural joint"):  # fmt: skip
        assert words in card
    assert "(role: the editor's reading)" in card  # the ATFL's role as primary restraint is the editor's reading
    notes = learner.evaluate("[...document.querySelectorAll('#key-facts-notes li')].map(li => li.innerText)")
    assert notes and len(notes) == len(set(notes)), "one footnote per source"
    marks = learner.evaluate(
        "[...document.querySelectorAll('#key-facts sup.note-ref')].flatMap(s => s.innerText.split(',').map(Number))"
    )
    assert set(marks) == set(range(1, len(notes) + 1))
    assert "Golano 2010 ankle ligaments pictorial essay" in notes and "Tohyama 1995" in " ".join(notes)
    screenshot(learner, "key-facts-atfl", "#entity")


def test_the_key_facts_card_of_a_muscle_writes_spinal_levels_for_people(learner: Browser) -> None:
    go(learner, "fibularis longus")
    shown(learner, "ANKLE:0000033")
    card = text(learner, "#key-facts")
    assert "superficial fibular nerve (spinal roots L5 to S2)" in card
    for words in ("Origin", "head of fibula", "Insertion", "medial cuneiform bone", "Blood supply",
                  "anterior tibial artery", "Actions", "prime mover of eversion"):  # fmt: skip
        assert words in card
    assert "spinalRootLevels" not in text(learner, "#entity")
    screenshot(learner, "key-facts-fibularis-longus", "#key-facts")
    go(learner, "plantaris")
    learner.wait_for("(document.getElementById('actions') || {}).innerText")
    assert "is an assistant of" in text(learner, "#actions") and "is a assistant" not in text(learner, "#entity")


def test_a_quiz_round_goes_from_question_to_explanation_and_is_remembered(
    learner: Browser, client: httpx.Client
) -> None:
    open_quiz(learner, region="lateral malleolus")
    assert text(learner, "#quiz-count") == "Question 1 of 10"
    key_ = learner.evaluate("document.getElementById('quiz-question').dataset.key")
    api = client.get("/v1/quiz", params={"key": key_, "count": 1}).json()["questions"][0]
    assert text(learner, "#quiz-stem") == api["stem"]  # the page shows the API's question, as written there
    assert learner.evaluate("document.querySelectorAll('#quiz-question input[type=radio]').length") == 4
    assert learner.evaluate(
        "[...document.querySelectorAll('#quiz-question input, #quiz-form select')].every(c => c.labels.length)"
    )
    # checking without a choice asks for one
    learner.evaluate("document.getElementById('quiz-check').click()")
    assert text(learner, "#quiz-hint") == "Choose an answer first."
    screenshot(learner, "quiz-question", "#quiz")
    answer(learner, "a")
    right = next(o["entity"]["label"] for o in api["options"] if o["correct"])
    assert text(learner, "#quiz-question label.right").strip() == f"{right} — the right answer"
    verdict = text(learner, "#quiz-verdict")
    assert verdict == "Right." or verdict == f"Not quite: the answer is {right}."
    explained = learner.evaluate("[...document.querySelectorAll('#quiz-feedback li.explanation')].length")
    assert explained == 4
    assert api["explanation"] in text(learner, "#quiz-feedback li.explanation.right")
    assert "Sources:" in text(learner, "#quiz-feedback") and learner.evaluate(
        "document.querySelectorAll('#quiz-feedback p.sources a.entity-link').length > 0"
    )
    assert learner.evaluate("document.querySelectorAll('#quiz-question input:not([disabled])').length") == 0
    saved = json.loads(learner.evaluate("localStorage.getItem('anklekg.quiz.v1')"))
    assert saved["round"] == 1 and key_ in saved["items"]
    screenshot(learner, "quiz-explanation", "#quiz")
    # the rest of the round, then the score
    for _ in range(9):
        learner.evaluate("document.getElementById('quiz-next').click()")
        learner.wait_for("document.getElementById('quiz-results').dataset.state === 'question'")
        answer(learner, "b")
    learner.evaluate("document.getElementById('quiz-next').click()")
    learner.wait_for("document.getElementById('quiz-results').dataset.state === 'done'")
    assert text(learner, "#quiz-score").startswith("You answered ")
    saved = json.loads(learner.evaluate("localStorage.getItem('anklekg.quiz.v1')"))
    assert len(saved["items"]) == 10
    assert "In this browser: 10 answers to 10 questions" in text(learner, "#quiz-progress")
    screenshot(learner, "quiz-summary", "#quiz")


def test_a_missed_question_comes_back_in_the_next_round(learner: Browser) -> None:
    missed = "innervation:ANKLE:0000039"  # tibialis anterior: a question the generator still asks
    progress = {"round": 3, "items": {missed: {"box": 0, "right": 0, "wrong": 1, "last": 3, "region": ""}}}
    learner.evaluate(f"localStorage.setItem('anklekg.quiz.v1', {json.dumps(json.dumps(progress))})")
    open_quiz(learner)
    assert learner.evaluate("document.getElementById('quiz-question').dataset.key") == missed
    assert text(learner, "#quiz-stem") == "Which nerve supplies the tibialis anterior?"
    assert "1 question you missed will come back" in text(learner, "#quiz-progress")


def test_the_quiz_works_from_the_keyboard(learner: Browser) -> None:
    learner.evaluate("document.querySelector('#quiz-details > summary').focus()")
    key(learner, "Enter", "Enter", 13, "\r")
    learner.wait_for("document.getElementById('quiz-form').dataset.ready === 'true'")
    learner.evaluate("document.getElementById('quiz-start').focus()")
    key(learner, "Enter", "Enter", 13, "\r")
    learner.wait_for("document.getElementById('quiz-results').dataset.state === 'question'")
    assert learner.evaluate("document.activeElement.id") == "quiz-count"
    learner.evaluate("document.querySelector('#quiz-question input').focus()")
    key(learner, " ", "Space", 32, " ")
    assert learner.evaluate("document.querySelector('#quiz-question input').checked")
    key(learner, "Enter", "Enter", 13, "\r")  # Enter in the form checks the answer
    learner.wait_for("document.getElementById('quiz-results').dataset.state === 'answered'")
    assert learner.evaluate("document.activeElement.id") == "quiz-verdict"


def test_the_learner_views_fit_a_phone(learner: Browser) -> None:
    learner.call("Emulation.setDeviceMetricsOverride", width=390, height=844, deviceScaleFactor=2, mobile=True)
    try:
        go(learner, "fibularis longus")
        shown(learner, "ANKLE:0000033")
        assert learner.evaluate("document.documentElement.scrollWidth") <= 390
        screenshot(learner, "mobile-key-facts", "#key-facts", width=390, mobile=True)
        go(learner, "")
        open_quiz(learner, region="lateral malleolus")
        answer(learner, "c")
        assert learner.evaluate("document.documentElement.scrollWidth") <= 390
        # every choice stays with its label: the radio and its text on one box, inside the screen
        assert learner.evaluate(
            "[...document.querySelectorAll('#quiz-question label.choice')].every(l => "
            "l.getBoundingClientRect().right <= 390 && l.contains(l.querySelector('input')))"
        )
        screenshot(learner, "mobile-quiz", "#quiz", width=390, mobile=True)
    finally:
        learner.call("Emulation.clearDeviceMetricsOverride")


def test_a_round_can_be_asked_at_one_level(learner: Browser, client: httpx.Client) -> None:
    learner.evaluate("document.getElementById('quiz-details').open = true")
    learner.wait_for("document.getElementById('quiz-form').dataset.ready === 'true'")
    learner.evaluate("document.getElementById('quiz-difficulty').value = 'hard'")
    learner.evaluate("document.getElementById('quiz-start').click()")
    learner.wait_for("document.getElementById('quiz-results').dataset.state === 'question'")
    for _ in range(3):
        key_ = learner.evaluate("document.getElementById('quiz-question').dataset.key")
        asked = client.get("/v1/quiz", params={"key": key_, "count": 1}).json()["questions"][0]
        assert asked["difficulty"] == "hard", key_
        answer(learner, "a")
        learner.evaluate("document.getElementById('quiz-next').click()")
        learner.wait_for("document.getElementById('quiz-results').dataset.state === 'question'")
