// The AnkleKG explorer: plain JavaScript, no dependencies, and only the public REST API
// (/v1/search, /v1/entities, /v1/impact, /v1/differential; the self-test in quiz.js uses /v1/quiz, the browse
// groups in browse.js /v1/browse, the graph views in graph.js the neighbourhood and the impact answer).
// Deep links: /explore#ANKLE:0000016 or /explore#ATFL.
"use strict";

const $ = (id) => document.getElementById(id);

const GRADES = [[1, "stretched"], [2, "partial tear"], [3, "complete tear"]];
const POSITIONS = [["", "any position"], ["plantarflexion", "plantarflexion"], ["neutral", "neutral"],
  ["dorsiflexion", "dorsiflexion"]];

class ApiError extends Error {
  constructor(status, problem) {
    super(problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** GET `path`, or POST `body` as JSON to it; an answer that is not 2xx throws an ApiError with its problem. */
async function api(path, body) {
  const init = { headers: { Accept: "application/json" } };
  if (body !== undefined) {
    init.method = "POST";
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (err) {
    throw new ApiError(0, { title: "The server could not be reached", detail: String(err) });
  }
  const type = response.headers.get("content-type") || "";
  if (!response.ok) {
    const problem = type.includes("json") ? await response.json()
      : { title: `${response.status} ${response.statusText}`, detail: await response.text() };
    throw new ApiError(response.status, problem);
  }
  return response.json();
}

// --- building blocks -------------------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "className") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child))
      : child);
  }
  return node;
}

const hrefFor = (id) => `#${encodeURIComponent(id).replace(/%3A/gi, ":")}`;

function link(ref) {
  if (!ref) return null;
  return el("a", { href: hrefFor(ref.id), className: "entity-link", dataset: { id: ref.id }, text: ref.label });
}

/** "a", "a and b", "a, b and c" from nodes or strings. */
// Muscles lost in alternative readings (a peroneal tendon tear: the longus or the brevis) are joined with "or": the
// counts come from one reading and fall short of the list.
function alternativesJoiner(m) {
  const one = m.prime_movers_lost + m.assistants_lost_count;
  return one > 0 && one < m.lost_actions.length ? " or " : " and ";
}

function listOf(items, last = " and ") {
  const out = [];
  items.forEach((item, i) => {
    if (i > 0) out.push(i === items.length - 1 ? last : ", ");
    out.push(item);
  });
  return out;
}

const positionName = (label) => label.replace(/ position$/, "");

function positionsPhrase(positions) {
  if (!positions || !positions.length) return [];
  const links = positions.map((p) => link({ ...p, label: positionName(p.label) }));
  return [" in the ", listOf(links), positions.length === 1 ? " position" : " positions"];
}

function sources(refs) {
  if (!refs || !refs.length) return null;
  return el("span", { className: "sources" }, refs.length === 1 ? " — source: " : " — sources: ",
    listOf(refs.map(link)));
}

const pct = (fraction) => `${Math.round(fraction * 100)}%`;

/** One sourced fact as a readable sentence: subject, predicate, object, its qualifiers, sources and note. */
function factItem(fact) {
  const q = fact.qualifiers || {};
  const action = fact.predicate.id === "akg:MuscleAction";
  const parts = [link(fact.subject), ` ${fact.predicate.label} `, fact.object ? link(fact.object) : fact.value];
  if (Array.isArray(q.joint) && q.joint.length) parts.push(action ? " at the " : " of the ", listOf(q.joint.map(link)));
  if (Array.isArray(q.positions)) parts.push(positionsPhrase(q.positions));
  for (const [key, value] of Object.entries(q)) {
    if (["joint", "positions", "role"].includes(key)) continue;
    const text = Array.isArray(value) ? value.map((v) => v.label).join(", ") : value;
    parts.push(` (${key.replace(/_/g, " ")}: ${text})`);
  }
  parts.push(".");
  if (fact.known_by) parts.push(el("span", { className: "basis", text: ` Known: ${fact.known_by.label}.` }));
  if (fact.inferred) parts.push(el("span", { className: "inferred", text: " (inferred)" }));
  return el("li", { className: "fact" }, parts, sources(fact.sources),
    fact.note ? el("div", { className: "note", text: fact.note }) : null);
}

// --- messages ---------------------------------------------------------------------------------------

function problemNodes(problem) {
  const nodes = [];
  const suggestions = problem.suggestions || [];
  let detail = problem.detail || "";
  if (suggestions.length) detail = detail.replace(/\s*Did you mean:[\s\S]*$/, "");
  nodes.push(el("p", {}, el("strong", { text: problem.title || "Error" }), detail ? `: ${detail}` : ""));
  if (suggestions.length) {
    nodes.push(el("p", { className: "did-you-mean", text: "Did you mean:" }));
    nodes.push(el("ul", { className: "suggestions" }, suggestions.map((s) => el("li", {}, link(s)))));
  }
  if (Array.isArray(problem.errors) && problem.errors.length) {
    nodes.push(el("ul", {}, problem.errors.map((e) => el("li", { text: e.message || JSON.stringify(e) }))));
  }
  return nodes;
}

function showError(target, err) {
  const problem = err instanceof ApiError ? err.problem : { title: "Something went wrong", detail: String(err) };
  target.replaceChildren(...problemNodes(problem));
  target.hidden = false;
}

function setStatus(text) {
  $("status").textContent = text;
}

// --- search -----------------------------------------------------------------------------------------

let searchToken = 0;

async function runSearch(query) {
  const token = ++searchToken;
  const box = $("search-results");
  query = query.trim();
  if (!query) {
    box.replaceChildren();
    return;
  }
  let data;
  try {
    data = await api(`/v1/search?${new URLSearchParams({ q: query, limit: "12" })}`);
  } catch (err) {
    if (token === searchToken) showError(box, err);
    return;
  }
  if (token !== searchToken) return;
  box.dataset.query = query;
  if (!data.items.length) {
    box.replaceChildren(el("p", { id: "no-results", text: `Nothing matches “${query}”. Try another name or a shorter word.` }));
    return;
  }
  const exact = data.items[0].match !== "fuzzy";
  const heading = exact
    ? `${data.items.length} result${data.items.length === 1 ? "" : "s"} for “${query}”`
    : `No exact match for “${query}”. Did you mean:`;
  const items = data.items.map((hit) => el("li", { className: "hit" },
    link(hit), hit.types.map((t) => el("span", { className: "type", text: t.label })),
    hit.matched_field !== "label" ? el("span", { className: "muted", text: ` (${hit.matched_field} “${hit.matched_text}”)` })
      : null));
  box.replaceChildren(el("h3", { id: "results-heading", className: exact ? "" : "did-you-mean", text: heading }),
    el("ol", { id: "hits", "aria-labelledby": "results-heading" }, items));
}

// --- one entity -------------------------------------------------------------------------------------

let entityToken = 0;

function namesList(entity) {
  const rows = [["Identifier", el("code", { text: entity.id })]];
  if (entity.synonyms.length) rows.push(["Synonyms", entity.synonyms.join("; ")]);
  if (entity.abbreviations.length) rows.push(["Abbreviations", entity.abbreviations.join(", ")]);
  if (entity.latin_name) rows.push(["Latin name", el("i", { lang: "la", text: entity.latin_name })]);
  if (entity.xrefs.length) {
    rows.push(["Cross-references", el("ul", { className: "xrefs" }, entity.xrefs.map((x) =>
      el("li", {}, el("code", { text: x.id }), x.source ? [" (from ", link(x.source), ")"] : null)))]);
  }
  for (const [key, values] of Object.entries(entity.annotations || {})) {
    rows.push([key.replace(/_/g, " "), values.join("; ")]);
  }
  return el("dl", { className: "names" }, rows.map(([term, value]) => [el("dt", { text: term }), el("dd", {}, value)]));
}

/** "L5-S2" as a person says it: "spinal roots L5 to S2" (one level: "spinal root S1"). */
function spinalRoots(levels) {
  const parts = levels.split(/[-–]/).map((p) => p.trim()).filter(Boolean);
  return parts.length === 2 ? `spinal roots ${parts[0]} to ${parts[1]}` : `spinal root ${levels.trim()}`;
}

const qualifierText = (key, value) => key === "spinalRootLevels" ? spinalRoots(value)
  : `${key.replace(/_/g, " ")}: ${value}`;

// --- the key-facts card: what a student copies into notes, from the entity's own relations and facts ---------

/** Per kind of structure, the card's rows: a relation of the entity (a predicate) or its restraints or actions. */
const KEY_FACTS = [
  ["akg:Muscle", [["Origin", "akg:origin"], ["Insertion", "akg:insertion"], ["Innervation", "akg:innervatedBy"],
    ["Blood supply", "akg:suppliedBy"], ["Actions", "actions"], ["Restrains", "restraints"]]],
  ["akg:Ligament", [["Proximal attachment", "akg:proximalAttachment"], ["Distal attachment", "akg:distalAttachment"],
    ["Part of", "akg:partOf"], ["Spans", "akg:spansJoint"], ["Restrains", "restraints"]]],
  ["akg:Tendon", [["Tendon of", "akg:tendonOf"], ["Insertion", "akg:insertion"], ["Passes through", "akg:passesThrough"],
    ["Blood supply", "akg:suppliedBy"], ["Restrains", "restraints"]]],
  ["akg:Nerve", [["Branch of", "akg:branchOf"], ["Supplies the muscles", "akg:innervates"],
    ["Carries sensation from", "akg:sensoryTerritory"], ["Runs in", "akg:liesIn"], ["Passes through", "akg:passesThrough"]]],
];
const EDITOR = "akg:EditorInference";

/** The card's numbered footnotes: one number per source, in the order the card first cites it. */
class Footnotes {
  constructor() { this.numbers = new Map(); }
  cite(refs) {
    const marks = (refs || []).map((ref) => {
      if (!this.numbers.has(ref.id)) this.numbers.set(ref.id, { n: this.numbers.size + 1, ref });
      return this.numbers.get(ref.id).n;
    });
    return marks.length ? el("sup", { className: "note-ref", title: `Source ${marks.join(", ")}` }, marks.join(","))
      : null;
  }
  list() {
    return el("ol", { id: "key-facts-notes", className: "footnotes", "aria-label": "Sources" },
      [...this.numbers.values()].map(({ ref }) => el("li", {}, link(ref))));
  }
}

/** A restraint or an action as a short phrase: "primary restraint to inversion at the subtalar joint (...)". */
function functionPhrase(fact) {
  const q = fact.qualifiers || {};
  const joint = Array.isArray(q.joint) && q.joint.length ? [" at the ", listOf(q.joint.map(link))] : "";
  const inferred = (key) => Array.isArray(q[key]) && q[key].some((r) => r.id === EDITOR);
  const parts = [inferred("role_basis") ? "role" : "", inferred("position_basis") ? "position" : ""].filter(Boolean);
  const editor = fact.known_by && fact.known_by.id === EDITOR ? "the editor's reading"
    : parts.length ? `${parts.join(" and ")}: the editor's reading` : "";
  const lead = fact.predicate.id === "akg:MuscleAction" ? `${q.role || "acts"} of ` : `${q.role ? `${q.role} ` : ""}restraint to `;
  return [lead, link(fact.object), joint, Array.isArray(q.positions) ? positionsPhrase(q.positions) : "",
    editor ? el("span", { className: "basis", text: ` (${editor})` }) : ""];
}

function keyFactsCard(entity) {
  const kind = KEY_FACTS.find(([type]) => entity.types.some((t) => t.id === type));
  if (!kind) return null;
  const notes = new Footnotes();
  const groups = Object.fromEntries(entity.relations.map((g) => [g.predicate.id, g.targets]));
  const rows = kind[1].map(([title, source]) => {
    let items;
    if (source === "actions" || source === "restraints") {
      items = (entity[source] || []).map((fact) => [functionPhrase(fact), notes.cite(fact.sources)]);
    } else {
      items = (groups[source] || []).map((t) => [link(t.target),
        t.qualifiers.spinalRootLevels ? ` (${spinalRoots(t.qualifiers.spinalRootLevels)})` : "", notes.cite(t.sources)]);
    }
    if (!items.length) return null;
    return [el("dt", { text: title }), el("dd", {}, items.length === 1 ? items[0]
      : el("ul", {}, items.map((item) => el("li", {}, item))))];
  }).filter(Boolean);
  if (!rows.length) return null;
  return el("section", { id: "key-facts", className: "card", "aria-labelledby": "key-facts-heading" },
    el("h3", { id: "key-facts-heading", text: "Key facts" }),
    el("dl", { className: "key-facts" }, rows),
    el("h4", { id: "key-facts-sources", text: "Sources" }), notes.list());
}

function relationsSection(entity) {
  if (!entity.relations.length) return null;
  const groups = entity.relations.map((group) => el("section", { className: "relation", dataset: { predicate: group.predicate.id } },
    el("h4", { text: group.predicate.label }),
    el("ul", {}, group.targets.map((t) => el("li", {}, link(t.target),
      Object.entries(t.qualifiers).map(([k, v]) => ` (${qualifierText(k, v)})`),
      t.inferred ? el("span", { className: "inferred", text: " inferred" }) : null,
      sources(t.sources))))));
  return el("section", { id: "relations", "aria-labelledby": "relations-heading" },
    el("h3", { id: "relations-heading", text: "Relations" }),
    el("p", { className: "help", text: "Grouped by relation; “inferred” ones follow from the asserted facts " +
      "(inverse, part-of and similar rules)." }),
    el("div", { className: "relations" }, groups));
}

function factsSection(id, title, facts) {
  if (!facts || !facts.length) return null;
  return el("section", { id, "aria-labelledby": `${id}-heading` },
    el("h3", { id: `${id}-heading`, text: title }), el("ul", { className: "facts" }, facts.map(factItem)));
}

function renderEntity(entity) {
  const article = $("entity");
  article.replaceChildren();
  append(article, [
    el("h2", { id: "entity-label", tabindex: "-1" }, entity.label,
      entity.types.map((t) => el("span", { className: "type", text: t.label }))),
    entity.deprecated ? el("p", { className: "note", text: "This entity is deprecated." }) : null,
    entity.notice ? el("p", { className: "notice", role: "note", text: entity.notice }) : null,
    keyFactsCard(entity),
    entity.definition
      ? el("p", { id: "definition" }, entity.definition,
        entity.definition_source ? el("span", { className: "sources" }, " — source: ", link(entity.definition_source)) : null)
      : el("p", { className: "muted", text: "No definition recorded." }),
    namesList(entity),
    factsSection("restraints", "What it restrains", entity.restraints),
    factsSection("actions", "Motions it produces", entity.actions),
    factsSection("restrained-by", "What restrains it", entity.restrained_by),
    factsSection("treatments", "Treatments and the evidence for them", entity.treatments),
    factsSection("supports", "What this source supports", entity.supports),
    entity.defines && entity.defines.length
      ? el("section", { id: "defines", "aria-labelledby": "defines-heading" },
        el("h3", { id: "defines-heading", text: "Definitions taken from it" }),
        el("p", {}, listOf(entity.defines.map(link))))
      : null,
    relationsSection(entity),
    entity.impact ? impactPanel(entity) : null,  // the API says which entities the impact engine takes
  ]);
  article.dataset.id = entity.id;
  article.hidden = false;
  document.title = `${entity.label} — AnkleKG explorer`;
  document.dispatchEvent(new CustomEvent("anklekg:entity", { detail: entity }));  // graph.js and diagram.js add their views
}

async function openEntity(ref) {
  const token = ++entityToken;
  const article = $("entity");
  $("error").hidden = true;
  setStatus(`Loading ${ref}…`);
  let entity;
  try {
    entity = await api(`/v1/entities/${encodeURIComponent(ref)}`);
  } catch (err) {
    if (token !== entityToken) return;
    setStatus("");
    article.hidden = true;
    delete article.dataset.id;
    showError($("error"), err);
    return;
  }
  if (token !== entityToken) return;
  renderEntity(entity);
  setStatus(`Showing ${entity.label}.`);
  $("entity-label").focus({ preventScroll: false });
}

// --- "If this is injured…" ----------------------------------------------------------------------------

/** How the weakest fact behind a conclusion is known, shown when it is not the source's own words. */
const basisNote = (item) => (item.basis && item.basis.id !== "akg:StatedBySource" && item.basis.id !== "akg:Measured"
  ? el("span", { className: "basis", text: ` (rests on ${item.basis.label})` }) : "");
const finding = (item) => [link(item.entity), item.detail ? ` — ${item.detail}` : "", basisNote(item)];
const statusBadge = (status) => el("span", { className: `status status-${status.replace(/\s+/g, "-")}`, text: status });

const IMPACT_SECTIONS = [
  ["conditions", "What the injury amounts to", finding],
  ["destabilised_motions", "Destabilised motions", (m) => [link(m.motion), " of the ", link(m.joint),
    m.position ? [" in the ", link({ ...m.position, label: positionName(m.position.label) }), " position"]
      : " (position not stated by the sources)", statusBadge(m.status),
    ` — ${m.restraints_lost} of ${m.restraints_recorded} recorded restraints lost`
      + (m.weighting === "role weights" ? ` (score ${m.fraction_lost.toFixed(2)} by role weights, not a measured share)`
        : ` (${pct(m.fraction_lost)} of the recorded restraint, by ${m.weighting})`), basisNote(m),
    m.note ? el("div", { className: "note", text: m.note }) : ""]],
  ["assistants_lost", "Prime movers intact, an assisting muscle lost (not weak in the clinic)", (m) => [link(m.motion),
    " at the ", link(m.joint), " — ", listOf(m.lost_actions.map(link), alternativesJoiner(m)), " lost"]],
  ["weakened_motions", "Weakened motions", (m) => [link(m.motion), " at the ", link(m.joint), statusBadge(m.status),
    ` — ${m.prime_movers_lost} of ${m.prime_movers_recorded} recorded prime movers, `
      + `${m.assistants_lost_count} of ${m.assistants_recorded} assistants lost`, basisNote(m),
    m.note ? el("div", { className: "note", text: m.note }) : ""]],
  ["expected_positive_tests", "Expected positive tests", (t) => [link(t.test),
    t.motion ? [" (", link(t.motion), t.joint ? [" of the ", link(t.joint)] : "", ")"] : "",
    t.structure ? [" — examines the ", link(t.structure)] : "",
    t.condition ? [" — reproduces the pain of the ", link(t.condition)] : "", positionsPhrase(t.positions)]],
  ["tests_may_be_positive", "Tests that may be positive (mild laxity from partly torn primary restraints: the sources grade it differently; or positive only at a grade the question did not give; neither expected positive nor negative)", (t) => [link(t.test),
    t.motion ? [" (", link(t.motion), t.joint ? [" of the ", link(t.joint)] : "", ")"] : "", positionsPhrase(t.positions)]],
  ["expected_negative_tests", "Expected negative tests (each with the reason it finds nothing here)", finding],
  ["numbness_areas", "Numb skin areas", finding],
  ["nerves_at_risk", "Nerves at risk", finding],
  ["symptoms", "Symptoms", finding],
  ["tender_sites", "Tender over (where to palpate; a listing, not a finding)", finding],
  ["stable_fractures", "Fractures that keep their hold against a motion while the rest of the ring holds", finding],
  ["long_term_risks", "May lead to (complications and long-term risks)", finding],
  ["work_up", "How it is confirmed (what its sources diagnose it by; not predicted results)", finding],
  ["treatments", "Treatment evidence for what it amounts to (educational, not advice; certainty as graded, said how)",
    finding],
  ["look_alikes", "May be mistaken for, or mistaken for it (rule them out; nothing of them is concluded)", finding],
  ["possible_causes", "May follow (possible causes to look for; nothing of them is concluded)", finding],
  ["larger_injuries", "Larger injuries it may be part of (look for the rest; nothing of them is concluded)", finding],
  ["increased_load", "Structures that carry more load", (l) => [link(l.structure), ` (${l.kind}) takes on more of `,
    link(l.motion), " of the ", link(l.joint), positionsPhrase(l.positions)]],
  ["supply_at_risk", "Blood supply at risk (collateral flow is not modelled: at risk, not lost)", finding],
  ["injuries", "What the injury reaches", (a) => [link(a.structure),
    a.lesion ? [" — ", a.lesion.label, a.lesion.id === "akg:LossOfContinuity" ? ` grade ${a.grade}` : ""] : "",
    `, ${[reachedText(a), ...(a.alternatively || [])].join(" or ")}`, a.via ? [" (via ", link(a.via), ")"] : "",
    (a.other_lesions || []).length ? ["; other recorded conditions of it (another lesion, or one it is involved in; "
      + "name one to ask): ", listOf(a.other_lesions.map(link))] : "",
    a.named_as ? ["; asked as ", a.named_as.name, ": ", a.named_as.note] : "",
    a.ungraded ? ["; ", a.ungraded.note] : "",
    a.graded_form_of ? ["; ", a.graded_form_of.note] : "",
    a.mechanism ? ["; how it typically arises: ", a.mechanism] : "",
    (a.narrower_conditions || []).length ? ["; its more specific recorded forms (name one to ask): ",
      listOf(a.narrower_conditions.map(link))] : ""]],
];

/** How a structure was reached, as the API says it; a partial tear of a tendon unloads its muscle only in part. */
function reachedText(a) {
  if (a.reached.startsWith("its nerve's conduction blocked by a compression")) {  // a compression's weakness sign
    return "its nerve's conduction blocked by the compression (read as a grade 1 lesion, neurapraxia, which leaves "
      + "it innervated; a long-standing compression may also denervate it, with atrophy, which is not concluded)";
  }
  if (a.reached === "denervated" && a.grade === 1) {  // a conduction block leaves the axons (neurapraxia)
    return "its nerve's conduction blocked (a grade 1 lesion of its nerve, neurapraxia: not denervated)";
  }
  if (a.reached === "denervated" && a.grade < 3) return `partly denervated (a grade ${a.grade} lesion of its nerve)`;
  return a.reached.startsWith("muscle-tendon unit without force") && a.grade < 3
    ? `muscle-tendon unit with part of its force lost (grade ${a.grade}; not itself injured)` : a.reached;
}

/** Identifies an item across the explain=rules and explain=full answers. */
const itemKey = (item) => Object.keys(item).filter((k) => item[k] && typeof item[k] === "object" && "id" in item[k])
  .map((k) => `${k}=${item[k].id}`).concat(item.detail || "", item.status || "").join("|");

function impactPanel(entity) {
  // a condition asked without a grade is read at every grade it may be, keeping what all conclude (the API's
  // default for a condition); a structure's default is its complete tear
  const choices = entity.notice ? [["", "not given: what every grade it may be concludes"], ...GRADES] : GRADES;
  const grades = el("fieldset", {}, el("legend", { text: "Grade" }), choices.map(([g, text]) =>
    el("label", { className: "grade" }, el("input", { type: "radio", name: "grade", value: g,
      checked: g === (entity.notice ? "" : 3) }), g === "" ? ` ${text} ` : ` ${g} (${text}) `)));
  const position = el("label", {}, "Position ", el("select", { id: "impact-position", name: "position" },
    POSITIONS.map(([value, text]) => el("option", { value, text }))));
  const form = el("form", { id: "impact-form", "aria-describedby": "impact-help" },
    el("div", { className: "controls" }, grades, position, el("button", { id: "impact-run", type: "submit", text: "Show what happens" })));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    runImpact(entity.id, String(new FormData(form).get("grade") || ""), form.elements.position.value);
  });
  return el("section", { id: "impact", "aria-labelledby": "impact-heading" },
    el("h3", { id: "impact-heading", text: entity.notice ? `What ${entity.label} does to the ankle…`
      : `If the ${entity.label} is injured…` }),
    el("p", { id: "impact-help", className: "help", text: (entity.notice
      ? "Choose how badly the condition hurts the structures it affects (1 stretched, 2 partly torn, 3 completely; " +
        "nerves it names are compressed, not cut), or leave the grade unstated"
      : "Choose a grade (1 stretched, 2 partial tear, 3 complete tear)") +
      " and, if you like, one ankle position. Each conclusion can be opened to show the facts and sources it rests on." }),
    form,
    el("p", { id: "impact-status", role: "status" }),
    el("div", { id: "impact-error", role: "alert", className: "error", hidden: true }),
    el("div", { id: "impact-results", className: "sections" }));
}

const panelTokens = {};

/**
 * One reasoning request for a panel whose elements are `${name}-results`, `-error` and `-status`:
 * clears it, says "Reasoning…", and returns the answer, or null when the request failed (its problem
 * is shown) or a newer request for the same panel has started (the newest wins).
 */
async function panelRequest(name, request) {
  const token = (panelTokens[name] = (panelTokens[name] || 0) + 1);
  const results = $(`${name}-results`);
  $(`${name}-error`).hidden = true;
  $(`${name}-status`).textContent = "Reasoning…";
  results.replaceChildren();
  delete results.dataset.loaded;
  try {
    const report = await request();
    return token === panelTokens[name] ? report : null;
  } catch (err) {
    if (token === panelTokens[name]) {
      $(`${name}-status`).textContent = "";
      showError($(`${name}-error`), err);
    }
    return null;
  }
}

const fullReports = new Map();

async function runImpact(id, grade, position) {
  const params = grade ? { injured: id, grade } : { injured: id };
  if (position) params.position = position;
  const report = await panelRequest("impact",
    () => api(`/v1/impact?${new URLSearchParams({ ...params, explain: "rules" })}`));
  const results = $("impact-results");
  if (!report || !results) return;  // failed, superseded, or the entity was closed meanwhile
  const fullPath = `/v1/impact?${new URLSearchParams({ ...params, explain: "full" })}`;
  const sections = IMPACT_SECTIONS.map(([name, title, describe]) => {
    const items = report[name] || [];
    const list = items.length
      ? el("ul", { className: "findings" }, items.map((item, index) => findingItem(fullPath, name, index, item, describe)))
      : el("p", { className: "muted", text: "None expected." });
    return el("section", { className: "impact-section", dataset: { section: name }, "aria-labelledby": `h-${name}` },
      el("h4", { id: `h-${name}`, text: `${title} (${items.length})` }), list);
  });
  const where = report.position ? ` in the ${report.position.label}` : " in any position";
  // what the graph does not record about the injured structures: silence is not a conclusion
  const unrecorded = (report.unrecorded || []).map((text) => el("p", { className: "muted", role: "note",
    text: `Not recorded: ${text}` }));
  // what the structures the named condition only may involve would destabilise: a pointer, not a conclusion
  const involved = (report.if_involved || []).map((text) => el("p", { className: "muted", role: "note", text }));
  results.replaceChildren(el("p", { className: "notice", role: "note", text: report.notice }), ...unrecorded,
    ...involved, ...sections);
  results.dataset.loaded = "true";
  const label = report.injuries[0]?.structure.label || id;
  $("impact-status").textContent = grade ? `Grade ${grade} injury of the ${label}${where}.`
    : `The ${label}, grade not given${where}.`;
  // one event for every view of the answer (diagram.js colours the diagrams, graph.js draws the chain)
  document.dispatchEvent(new CustomEvent("anklekg:impact", { detail: { report, results, fullPath } }));
}

function findingItem(fullPath, section, index, item, describe) {
  const reasons = el("div", { className: "reasons" });
  const details = el("details", {}, el("summary", { text: "Why? Show the facts and sources" }), reasons);
  let loaded = false;
  details.addEventListener("toggle", () => {
    if (!details.open || loaded) return;
    loaded = true;
    loadReasons(fullPath, section, index, item, reasons);
  });
  return el("li", { className: "finding", dataset: { status: item.status || "" } }, describe(item), details);
}

async function loadReasons(fullPath, section, index, item, target) {
  if (item.rules && item.rules.length) {
    target.appendChild(el("p", {}, "Rules applied: ", listOf(item.rules.map((r) =>
      el("span", { className: "rule", title: r.description || r.id, text: r.label })))));
  }
  const waiting = el("p", { className: "muted", role: "status", text: "Loading the facts…" });
  target.appendChild(waiting);
  if (!fullReports.has(fullPath)) fullReports.set(fullPath, api(fullPath));
  let full;
  try {
    full = await fullReports.get(fullPath);
  } catch (err) {
    fullReports.delete(fullPath);
    waiting.remove();
    const box = el("div", { role: "alert", className: "error" });
    showError(box, err);
    target.appendChild(box);
    return;
  }
  waiting.remove();
  const candidates = full[section] || [];
  const key = itemKey(item);
  const match = itemKey(candidates[index] || {}) === key ? candidates[index] : candidates.find((c) => itemKey(c) === key);
  const facts = match ? match.because : [];
  target.appendChild(facts.length
    ? el("div", {}, el("p", { text: "Because:" }), el("ul", { className: "because" }, facts.map(factItem)))
    : el("p", { className: "muted", text: "No further facts: this is the named injury itself." }));
}

// --- "What could explain these findings?" ----------------------------------------------------------------

// The choices are the API's own entities of these classes, loaded once when the section is first opened.
const TEST_STATES = [["", "not examined"], ["positive", "positive"], ["negative", "negative"]];
const CHECK_GROUPS = [["symptoms", "Symptoms"], ["numbness_areas", "Numb skin areas"],
  ["normal_sensation", "Skin of normal sensation"]];
const MOTION_GROUPS = [["weak_motions", "Weak motions"], ["unstable_motions", "Unstable motions"],
  ["strong_motions", "Motions of normal strength"]];
// Structures found tender on palpation (rule tenderness-localises): the ligaments and the parts of bones.
const TENDER_GROUPS = [["tender_sites", "Tender on palpation"]];
const FINDING_FIELDS = [["positive_tests", "Positive tests"], ["negative_tests", "Negative tests"],
  ["symptoms", "Symptoms"], ["numbness_areas", "Numb skin areas"], ["weak_motions", "Weak motions"],
  ["unstable_motions", "Unstable motions"], ["strong_motions", "Motions of normal strength"],
  ["normal_sensation", "Skin of normal sensation"], ["tender_sites", "Tender on palpation"], ["mechanism", "Mechanism"]];
// What a candidate predicted that a finding of this kind contradicts.
const CONTRADICTS = { "motion of normal strength": "Why an injury here would weaken it",
  "area of normal sensation": "Why an injury here would numb it" };

/** Every page of a list answer, following its `next` links (absolute URLs: only their path and query are used,
 * so the pages come from this page's origin whatever the Host a proxy passed on). */
async function allPages(path) {
  const pages = [];
  while (path) {
    const page = await api(path);
    pages.push(page);
    path = page.next ? (({ pathname, search }) => pathname + search)(new URL(page.next)) : null;
  }
  return pages;
}

/** Every entity of one class. */
async function allEntities(type, pageSize = 200) {
  const pages = await allPages(`/v1/entities?${new URLSearchParams({ type, limit: String(pageSize) })}`);
  return pages.flatMap((page) => page.items);
}

function checkGroup(name, title, choices) {
  return el("fieldset", { className: "checks", dataset: { field: name } }, el("legend", { text: title }),
    choices.map((c) => el("label", {}, el("input", { type: "checkbox", name, value: c.id }), ` ${c.label}`)));
}

function testChoice(test) {
  return el("fieldset", { className: "test-choice", dataset: { id: test.id } }, el("legend", { text: test.label }),
    TEST_STATES.map(([value, text]) => el("label", {},
      el("input", { type: "radio", name: `test:${test.id}`, value, checked: value === "" }), ` ${text}`)));
}

function differentialInputs({ tests, symptoms, areas, motions, positions, sites }) {
  const motion = el("select", { id: "differential-motion", name: "mechanism-motion" },
    el("option", { value: "", text: "none recorded" }), motions.map((m) => el("option", { value: m.id, text: m.label })));
  const position = el("select", { id: "differential-position", name: "mechanism-position", disabled: true },
    el("option", { value: "", text: "any position" }),
    positions.map((p) => el("option", { value: p.id, text: positionName(p.label) })));
  motion.addEventListener("change", () => { position.disabled = !motion.value; });
  const choices = { symptoms, numbness_areas: areas, normal_sensation: areas };
  return [
    el("fieldset", { id: "differential-tests", "aria-describedby": "differential-tests-help" },
      el("legend", { text: "Clinical tests" }),
      el("p", { id: "differential-tests-help", className: "help", text: "For each test: was it positive, " +
        "negative, or not examined? A negative test counts against the structures whose injury would make it positive." }),
      tests.map(testChoice)),
    el("div", { className: "check-groups" }, CHECK_GROUPS.map(([name, title]) => checkGroup(name, title, choices[name]))),
    el("details", { id: "differential-motions" }, el("summary", { text: "Weak, unstable or normally strong motions (optional)" }),
      el("div", { className: "check-groups" }, MOTION_GROUPS.map(([name, title]) => checkGroup(name, title, motions)))),
    el("details", { id: "differential-tender" }, el("summary", { text: "Point tenderness (optional)" }),
      el("div", { className: "check-groups" }, TENDER_GROUPS.map(([name, title]) => checkGroup(name, title, sites)))),
    el("fieldset", { id: "differential-mechanism", "aria-describedby": "differential-mechanism-help" },
      el("legend", { text: "Mechanism of injury (optional)" }),
      el("p", { id: "differential-mechanism-help", className: "help", text: "The motion that injured the ankle " +
        "and, if known, the position it was in: it supports the structures that restrain that motion there." }),
      el("div", { className: "controls" }, el("label", { for: "differential-motion", text: "Motion" }), motion,
        el("label", { for: "differential-position", text: "Position" }), position)),
  ];
}

let choicesLoading = null;

/** Builds the form from the API's lists, once; a failed load is tried again the next time. */
function loadChoices() {
  if (!choicesLoading) {
    choicesLoading = (async () => {
      const [tests, rules, symptoms, areas, motions, positions, ligaments, boneParts] = await Promise.all(
        ["ClinicalTest", "ClinicalDecisionRule", "Symptom", "SkinArea", "Motion", "JointPosition", "Ligament",
          "BonePart"].map((type) => allEntities(type)));
      // a decision rule (the Ottawa ankle rules) is answered positive or negative as a test is
      const sites = [...ligaments, ...boneParts].sort((a, b) => a.label.localeCompare(b.label));
      $("differential-inputs").replaceChildren(...differentialInputs(
        { tests: [...tests, ...rules], symptoms, areas, motions, positions, sites }));
    })();
    choicesLoading.catch(() => { choicesLoading = null; });
  }
  return choicesLoading;
}

async function openDifferential() {
  const form = $("differential-form");
  if (!form.hidden) return;
  $("differential-load-status").textContent = "Loading the choices…";
  $("differential-error").hidden = true;
  try {
    await loadChoices();
  } catch (err) {
    $("differential-load-status").textContent = "";
    showError($("differential-error"), err);
    const retry = el("button", { type: "button", text: "Try again" });
    retry.addEventListener("click", openDifferential);
    $("differential-error").appendChild(retry);
    return;
  }
  $("differential-load-status").textContent = "";
  form.hidden = false;
  form.dataset.ready = "true";
}

/** The request body for the findings chosen in the form (entity ids: the API takes any name or id). */
function differentialRequest(form) {
  const data = new FormData(form);
  const body = { positive_tests: [], negative_tests: [] };
  for (const fieldset of form.querySelectorAll("fieldset.test-choice")) {
    const state = data.get(`test:${fieldset.dataset.id}`);
    if (state) body[`${state}_tests`].push(fieldset.dataset.id);
  }
  for (const [name] of [...CHECK_GROUPS, ...MOTION_GROUPS, ...TENDER_GROUPS]) body[name] = data.getAll(name);
  const motion = data.get("mechanism-motion");
  if (motion) body.mechanism = { motion, position: data.get("mechanism-position") || null };
  return body;
}

function uniqueSources(facts) {
  const seen = new Map();
  for (const fact of facts) for (const s of fact.sources || []) seen.set(s.id, s);
  return [...seen.values()];
}

function evidenceItem(evidence, why) {
  const facts = evidence.because || [];
  return el("li", { className: "evidence", dataset: { kind: evidence.kind, id: evidence.finding.id } },
    link(evidence.finding), el("span", { className: "type kind", text: evidence.kind }),
    sources(uniqueSources(facts)),
    facts.length ? el("details", {}, el("summary", { text: why }), el("ul", { className: "because" }, facts.map(factItem)))
      : null);
}

function candidateItem(candidate, index) {
  const headingId = `candidate-${index}`;
  return el("li", { className: "candidate", dataset: { id: candidate.structure.id }, "aria-labelledby": headingId },
    el("h4", { id: headingId }, link(candidate.structure),
      el("span", { className: "score", text: ` score ${candidate.score.toFixed(2)}` })),
    candidate.grade === 2 ? el("p", { className: "lesion",
      text: "A partial tear (grade II) explains these findings better than a complete one." }) : null,
    candidate.lesion ? el("p", { className: "lesion" }, "As in ",
      listOf([candidate.lesion, ...(candidate.other_lesions || [])].map(link), " or "), ".")
      : (candidate.other_lesions || []).length ? el("p", { className: "lesion" }, "Injured on its own, or as in ",
        listOf(candidate.other_lesions.map(link), " or "), ".") : null,
    candidate.frequency ? el("div", { className: "frequency" }, el("p", { className: "lesion",
      text: `How common (orders tied candidates only): ${candidate.frequency.object.label}, in its source's word.` }),
      el("ul", { className: "because" }, factItem(candidate.frequency))) : null,
    el("h5", { text: "Supported by" }),
    el("ul", { className: "supported" }, candidate.supported_by.map((e) => evidenceItem(e, "Show the facts and sources"))),
    candidate.contradicted_by.length ? [el("h5", { text: "Contradicted by" }),
      el("ul", { className: "contradicted" }, candidate.contradicted_by.map((e) =>
        evidenceItem(e, CONTRADICTS[e.kind] || "Why an injury here would make it positive")))] : null,
    candidate.unexplained.length ? el("p", { className: "unexplained" }, "Not explained: ",
      listOf(candidate.unexplained.map(link)), ".") : null,
    (candidate.ruled_out || []).length ? [el("h5", { text: "Less likely lesions of it" }),
      el("ul", { className: "ruled-out" }, candidate.ruled_out.map((r) => el("li", { className: "ruled-out-lesion" },
        r.lesion && !r.condition ? [r.lesion.label, " of the ", candidate.structure.label] : candidate.structure.label,
        r.condition ? [" as in ", link(r.condition)] : null,
        el("span", { className: "score", text: ` score ${r.score.toFixed(2)}` }),
        el("ul", { className: "against" }, r.contradicted_by.map((e) =>
          evidenceItem(e, CONTRADICTS[e.kind] || "Why this lesion would make it positive"))))))] : null);
}

/** What the first candidate leaves unexplained, and what explains it on its own: a second injury to look for. */
function secondInjury(second) {
  return el("section", { id: "differential-second", "aria-labelledby": "differential-second-heading" },
    el("h3", { id: "differential-second-heading", text: "A second injury to look for" }),
    el("p", { className: "help" }, "Not explained by the ", link(second.first), ": ",
      listOf(second.findings.map(link)), ". What explains it on its own (a listing for the work-up: the two " +
      "injuries are not scored together):"),
    el("ol", { id: "differential-second-candidates", "aria-labelledby": "differential-second-heading" },
      second.candidates.map((c, i) => candidateItem(c, `second-${i}`))));
}

function findingsSummary(findings) {
  const rows = FINDING_FIELDS.filter(([name]) => (findings[name] || []).length).map(([name, title]) => {
    let value = listOf(findings[name].map(link));
    if (name === "mechanism") {
      const [motion, position] = findings.mechanism;
      value = [link(motion), position ? [" in the ", link({ ...position, label: positionName(position.label) }),
        " position"] : " in any position"];
    }
    return [el("dt", { text: title }), el("dd", {}, value)];
  });
  return el("dl", { id: "differential-findings", className: "names" }, rows);
}

async function runDifferential(body) {
  const report = await panelRequest("differential", () => api("/v1/differential", body));
  if (!report) return;
  const results = $("differential-results");
  const count = report.candidates.length;
  results.replaceChildren(
    el("p", { className: "notice", role: "note", text: report.notice }),
    el("h3", { id: "differential-findings-heading", text: "Your findings" }), findingsSummary(report.findings),
    el("h3", { id: "differential-candidates-heading", text: "What could explain them" }),
    el("p", { className: "help", text: "Most likely first. The score is the findings a structure's injury explains, " +
      "minus the negative tests it contradicts, divided by the number of findings other than negative tests (a " +
      "mechanism it restrains only secondarily counts half); ties go first to the structure whose own facts explain " +
      "them, then to a mechanism its sources place in the reported position, then to a condition its source calls " +
      "common, then to the narrower explanation." }),
    report.note ? el("p", { id: "differential-note", className: "note", role: "note", text: report.note }) : null,
    (report.telling_findings || []).length ? el("div", { id: "differential-telling" },
      el("p", { text: "What would tell them apart (not reported; predicted by some of the tied candidates only):" }),
      el("ul", {}, report.telling_findings.map((t) => el("li", {}, link(t.finding), ` (${t.kind}): expected for the `,
        listOf(t.predicted_by.map(link)))))) : null,
    count ? el("ol", { id: "differential-candidates", "aria-labelledby": "differential-candidates-heading" },
      report.candidates.map(candidateItem))
      : el("p", { id: "differential-none", text: "No structure in the graph explains these findings (a " +
        "negative test only counts against a structure, never for one)." }),
    report.second_injury ? secondInjury(report.second_injury) : null);
  results.dataset.loaded = "true";
  $("differential-status").textContent = count
    ? `${count} candidate${count === 1 ? "" : "s"}, most likely first: ${report.candidates[0].structure.label}.`
    : "No candidates.";
}

$("differential-details").addEventListener("toggle", () => {
  if ($("differential-details").open) openDifferential();
});
$("differential-form").addEventListener("submit", (event) => {
  event.preventDefault();
  runDifferential(differentialRequest(event.target));
});
$("differential-form").addEventListener("reset", () => {
  setTimeout(() => { if ($("differential-position")) $("differential-position").disabled = true; });
});

// --- navigation ---------------------------------------------------------------------------------------

/** The hash as text; a malformed escape (#%E0%A4%A) is taken as it is rather than stopping the page. */
function hashText() {
  const raw = location.hash.slice(1);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function route() {
  const ref = hashText().trim();
  if (!ref) {
    $("entity").hidden = true;
    return;
  }
  openEntity(ref);
}

$("search-form").addEventListener("submit", (event) => {
  event.preventDefault();
  runSearch($("q").value);
});
let typing;
$("q").addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(() => {
    if ($("q").value.trim().length >= 2) runSearch($("q").value);
  }, 300);
});
// A link to the entity already shown does not change the hash: open it again anyway.
document.addEventListener("click", (event) => {
  const a = event.target.closest && event.target.closest("a.entity-link");
  if (a && a.getAttribute("href") === location.hash && !event.ctrlKey && !event.metaKey) route();
});
window.addEventListener("hashchange", route);
route();
document.body.dataset.ready = "true";
