// "Test yourself": rounds of ten questions from GET /v1/quiz, and nothing else. The API writes every question,
// option and explanation; this script only shows them and keeps the student's progress in localStorage (no
// account): a question answered wrongly is due again in the next round, then less often each time it is answered
// right (a simple Leitner scheme by question key). It uses the helpers of explore.js (api, el, link, factItem...).
"use strict";

const QUIZ_STORE = "anklekg.quiz.v1";
const ROUND = 10;
const REVIEW_PER_ROUND = 4;
const LAST_BOX = 3;  // a question in this box has been answered right often enough not to come back

/** The saved progress: { round, items: { key: { box, right, wrong, last, region } } }. */
function loadProgress() {
  try {
    const saved = JSON.parse(localStorage.getItem(QUIZ_STORE) || "null");
    if (saved && typeof saved === "object" && saved.items) return saved;
  } catch (err) { /* unreadable or refused storage: start afresh */ }
  return { round: 0, items: {} };
}

function saveProgress(progress) {
  try {
    localStorage.setItem(QUIZ_STORE, JSON.stringify(progress));
  } catch (err) { /* storage refused (private mode): the round still works, it is just not remembered */ }
}

/** Keys due again in this region: answered wrongly and not yet learned, the box's number of rounds later. */
function dueKeys(progress, region) {
  return Object.entries(progress.items)
    .filter(([, item]) => item.wrong > 0 && item.box < LAST_BOX && (!region || item.region === region))
    .filter(([, item]) => progress.round - item.last >= item.box)
    .sort(([, a], [, b]) => a.box - b.box || a.last - b.last)
    .slice(0, REVIEW_PER_ROUND)
    .map(([key]) => key);
}

function record(progress, question, right, region) {
  const item = progress.items[question.key] || { box: 0, right: 0, wrong: 0, last: 0, region };
  item.box = right ? Math.min(item.box + 1, LAST_BOX) : 0;
  item[right ? "right" : "wrong"] += 1;
  item.last = progress.round;
  item.region = item.region || region;
  progress.items[question.key] = item;
  saveProgress(progress);
}

function progressSummary() {
  const items = Object.values(loadProgress().items);
  if (!items.length) return "No questions answered yet in this browser.";
  const right = items.reduce((n, i) => n + i.right, 0);
  const wrong = items.reduce((n, i) => n + i.wrong, 0);
  const learning = items.filter((i) => i.wrong > 0 && i.box < LAST_BOX).length;
  return `In this browser: ${right + wrong} answers to ${items.length} questions, ${right} right; ` +
    `${learning} question${learning === 1 ? "" : "s"} you missed will come back.`;
}

// --- one round ------------------------------------------------------------------------------------------

let quizRound = null;

async function startRound(region, difficulty = "") {
  const progress = loadProgress();
  progress.round += 1;
  saveProgress(progress);
  const params = new URLSearchParams({ count: String(ROUND), seed: String(Math.floor(Math.random() * 2 ** 31)) });
  if (region) params.set("region", region);
  if (difficulty) params.set("difficulty", difficulty);
  for (const key of dueKeys(progress, region)) params.append("key", key);
  const quiz = await panelRequest("quiz", () => api(`/v1/quiz?${params}`));
  if (!quiz) return;
  if (!quiz.questions.length) {
    $("quiz-results").replaceChildren(el("p", { text: "No questions about this region yet." }));
    $("quiz-status").textContent = "";
    return;
  }
  quizRound = { quiz, region, difficulty, index: 0, right: 0, missed: [] };
  showQuestion();
}

function showQuestion() {
  const { quiz, index } = quizRound;
  const q = quiz.questions[index];
  const choices = q.options.map((o) => el("label", { className: "choice", dataset: { option: o.id } },
    el("input", { type: "radio", name: "quiz-answer", value: o.id }), ` ${o.entity.label}`));
  const form = el("form", { id: "quiz-question", dataset: { key: q.key } },
    el("fieldset", {}, el("legend", { id: "quiz-stem", text: q.stem }), choices),
    el("p", { id: "quiz-hint", className: "help", role: "status" }),
    el("div", { className: "controls" }, el("button", { id: "quiz-check", type: "submit", text: "Check my answer" })));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    checkAnswer(q, form);
  });
  $("quiz-results").replaceChildren(
    el("p", { id: "quiz-count", className: "quiz-count", tabindex: "-1",
      text: `Question ${index + 1} of ${quiz.questions.length}` }), form);
  $("quiz-results").dataset.state = "question";
  $("quiz-status").textContent = "";
  $("quiz-count").focus();
}

function checkAnswer(q, form) {
  const chosen = new FormData(form).get("quiz-answer");
  if (!chosen) {
    $("quiz-hint").textContent = "Choose an answer first.";
    return;
  }
  const right = chosen === q.answer;
  $("quiz-hint").textContent = "";
  record(loadProgress(), q, right, quizRound.region);
  quizRound.right += right ? 1 : 0;
  if (!right) quizRound.missed.push(q);
  for (const input of form.querySelectorAll("input")) input.disabled = true;
  for (const label of form.querySelectorAll("label.choice")) {
    const id = label.dataset.option;
    const mark = id === q.answer ? " — the right answer" : id === chosen ? " — your answer" : "";
    label.classList.add(id === q.answer ? "right" : id === chosen ? "wrong" : "other");
    if (mark) label.appendChild(el("strong", { text: mark }));
  }
  form.querySelector(".controls").remove();
  const last = quizRound.index === quizRound.quiz.questions.length - 1;
  const next = el("button", { id: "quiz-next", type: "button", text: last ? "See how you did" : "Next question" });
  next.addEventListener("click", () => {
    quizRound.index += 1;
    if (last) showSummary(); else showQuestion();
  });
  const feedback = el("section", { id: "quiz-feedback", "aria-labelledby": "quiz-verdict" },
    el("h3", { id: "quiz-verdict", tabindex: "-1", className: right ? "right" : "wrong",
      text: right ? "Right." : `Not quite: the answer is ${q.options.find((o) => o.id === q.answer).entity.label}.` }),
    el("ul", { className: "explanations" }, q.options.map((o) => optionExplained(o, o.id === chosen))),
    el("p", { className: "sources" }, "Sources: ", listOf(q.sources.map(link)), "."),
    el("div", { className: "controls" }, next));
  form.after(feedback);
  $("quiz-results").dataset.state = "answered";
  $("quiz-verdict").focus();
}

function optionExplained(option, chosen) {
  const verdict = option.correct ? "right" : "wrong";
  return el("li", { className: `explanation ${verdict}`, dataset: { option: option.id } },
    el("strong", { text: `${option.entity.label}: ${verdict}${chosen ? " (your answer)" : ""}. ` }),
    option.explanation, " ", link({ ...option.entity, label: `Open ${option.entity.label}` }),
    el("details", {}, el("summary", { text: "The facts and their sources" }),
      el("ul", { className: "because" }, option.facts.map(factItem))));
}

function showSummary() {
  const { quiz, right, missed } = quizRound;
  const again = el("button", { id: "quiz-again", type: "button", text: "Start another round" });
  again.addEventListener("click", () => startRound(quizRound.region, quizRound.difficulty));
  $("quiz-results").replaceChildren(
    el("h3", { id: "quiz-score", tabindex: "-1", text: `You answered ${right} of ${quiz.questions.length} right.` }),
    missed.length ? [el("p", { text: "These come back in your next rounds until you get them right:" }),
      el("ul", { id: "quiz-missed" }, missed.map((q) => el("li", { text: q.stem })))]
      : el("p", { text: "Every answer right." }),
    el("div", { className: "controls" }, again));
  $("quiz-results").dataset.state = "done";
  $("quiz-progress").textContent = progressSummary();
  $("quiz-score").focus();
}

// --- the panel ------------------------------------------------------------------------------------------

let regionsLoading = null;

/** The region choices come from the API (the places with a round's worth of questions), loaded once. */
async function openQuiz() {
  $("quiz-progress").textContent = progressSummary();
  if (!regionsLoading) {
    regionsLoading = api("/v1/quiz/regions").then((answer) => {
      $("quiz-region").append(...answer.regions.map((r) => el("option", { value: r.region.id,
        text: `${r.region.label} (${r.questions} questions)` })));
      $("quiz-form").dataset.ready = "true";
    });
    regionsLoading.catch((err) => {
      regionsLoading = null;
      showError($("quiz-error"), err);
    });
  }
  return regionsLoading;
}

$("quiz-details").addEventListener("toggle", () => {
  if ($("quiz-details").open) openQuiz();
});
$("quiz-form").addEventListener("submit", (event) => {
  event.preventDefault();
  startRound($("quiz-region").value, $("quiz-difficulty").value);
});
$("quiz").dataset.ready = "true";
