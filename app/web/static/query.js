// The AnkleKG query page: YASQE (editor) and YASR (results: table, pivot from query-pivot.js, chart from
// query-chart.js) from the vendored YASGUI bundle, everything from this server. Prefixes come from the data's
// declared prefixes (/v1/prefixes), terms from /v1/search and the schema; nothing is fetched from prefix.cc, LOV or
// a link shortener.
"use strict";

const { Yasqe, Yasr } = Yasgui;
const $ = (id) => document.getElementById(id);
const ENDPOINT = new URL("/sparql", location.href).href;
const SCHEMA = "https://w3id.org/anklekg/schema#";
const DEFAULT_QUERY = "SELECT ?entity ?label WHERE {\n  ?entity a/rdfs:subClassOf* akg:Ligament ;\n" +
  "          rdfs:label ?label .\n}\nORDER BY ?label";
const TERMS_SHOWN = 15;

let prefixes = {};          // label -> namespace IRI, as the data declares them
let schemaTerms = [];       // "akg:Ligament", ... (from the schema itself, over SPARQL)
const termLabels = new Map(); // completion text -> label shown beside it
let yasqe;
let yasr;

function prefixDeclarations() {
  return Object.entries(prefixes).map(([p, iri]) => `PREFIX ${p}: <${iri}>`).join("\n");
}

// YASR shortens an IRI with the first namespace that matches: longest first, as in the server's converter
// (app/ontology/curies.py), so that it shows IAO:0000115, not obo:IAO_0000115.
function longestFirst(map) {
  return Object.fromEntries(Object.entries(map).sort((a, b) => b[1].length - a[1].length));
}

function shareLink(query) {
  return new URL(`/query?${new URLSearchParams({ query })}`, location.href).href;
}

// Entity names from the REST search (ANKLE:talofib -> ANKLE:0000016, "anterior talofibular ligament"), schema
// terms by their local name (akg:inner -> akg:innervatedBy).
async function terms(text) {
  const [prefix, local] = [text.slice(0, text.indexOf(":")), text.slice(text.indexOf(":") + 1)];
  if (prefix === "akg") {
    const wanted = local.toLowerCase();
    return schemaTerms.filter((t) => t.slice(4).toLowerCase().startsWith(wanted)).slice(0, 50);
  }
  if (local.length < 2 || /^\d+$/.test(local)) return [];
  const response = await fetch(`/v1/search?${new URLSearchParams({ q: local, limit: TERMS_SHOWN })}`);
  if (!response.ok) return [];
  const found = [];
  const body = await response.json();
  for (const item of body.items || body.hits || []) { // "items": the list envelope the REST contract moves to
    if (!item.id.startsWith("ANKLE:")) continue;
    termLabels.set(item.id, item.label);
    found.push(item.id);
  }
  return found;
}

function registerCompleters() {
  const noStorage = () => undefined; // never cache in localStorage (the data's prefixes may change)
  Yasqe.registerAutocompleter({
    ...Yasqe.Autocompleters.prefixes,
    persistenceId: noStorage,
    get: () => Promise.resolve(Object.entries(prefixes).map(([p, iri]) => `${p}: <${iri}>`).sort()),
  }, true);
  Yasqe.registerAutocompleter({
    name: "ankleTerms",
    bulk: false,
    autoShow: true,
    persistenceId: noStorage,
    isValidCompletionPosition: (editor) => /^(ANKLE|akg):\S*$/.test(editor.getCompleteToken().string),
    get: (editor, token) => terms(token.string),
    postprocessHints: (editor, hints) => hints.map((hint) => ({
      ...hint,
      displayText: termLabels.has(hint.text) ? `${hint.text}  ${termLabels.get(hint.text)}` : hint.text,
    })),
  }, true);
  // YASQE's class and property completers ask LOV over the internet: ours replace them
  Yasqe.defaults.autocompleters = Yasqe.defaults.autocompleters.filter((n) => n !== "property" && n !== "class");
}

function clearError() {
  $("error").hidden = true;
  $("results").hidden = false;
  for (let line = 0; line < yasqe.lineCount(); line++) yasqe.removeLineClass(line, "wrap", "query-error-line");
}

// A problem (RFC 9457) from /sparql: its title and detail, and for a malformed query the line marked.
function showProblem(text, status) {
  let problem = null;
  try {
    problem = JSON.parse(text);
  } catch (err) {
    problem = null;
  }
  const error = $("error");
  error.textContent = problem && problem.title ? `${problem.title}: ${problem.detail}` :
    `The query failed${status ? ` (${status})` : ""}: ${text}`;
  error.hidden = false;
  $("results").hidden = true;
  const where = problem && problem.errors && problem.errors[0];
  if (where && where.line) {
    const line = Math.min(where.line, yasqe.lineCount()) - 1;
    yasqe.addLineClass(line, "wrap", "query-error-line");
    yasqe.setCursor({ line, ch: Math.max((where.column || 1) - 1, 0) });
  }
}

function showStatus(response, duration) {
  const rows = Number(response.headers.get("x-anklekg-result-rows") || 0);
  const truncated = response.headers.get("x-anklekg-result-truncated") === "true";
  const limit = response.headers.get("x-anklekg-result-limit");
  const status = $("status");
  status.textContent = `${rows} result${rows === 1 ? "" : "s"} in ${duration} ms` +
    (truncated ? ` — truncated at the cap of ${limit} rows: add LIMIT/OFFSET or narrow the query` : "");
  status.className = truncated ? "truncated" : "";
}

// YASR's results, made to fit: its help link (no text, to a site off this server) goes, entity links stay on this
// server, and selects drawn without a label (the table's page size) get one.
function tidyResults() {
  for (const link of $("results").querySelectorAll(".yasr_external_ref_btn")) link.remove();
  // an AnkleKG entity opens on this server (its IRI dereferences here), not at w3id.org
  for (const link of $("results").querySelectorAll("a.iri[href^='https://w3id.org/anklekg/ANKLE_']")) {
    link.setAttribute("href", `/${link.getAttribute("href").slice("https://w3id.org/anklekg/".length)}`);
  }
  for (const select of $("results").querySelectorAll("select")) {
    if (select.labels.length || select.getAttribute("aria-label")) continue;
    const numeric = [...select.options].every((o) => /^\d+$|^all$/i.test(o.text.trim()));
    select.setAttribute("aria-label", numeric ? "rows per page" : "how to show the results");
  }
}

function showLinks(query) {
  const link = $("link");
  link.href = shareLink(query);
  link.hidden = false;
  const download = $("download");
  download.href = `/sparql?${new URLSearchParams({ query, format: "csv" })}`;
  download.hidden = false;
}

function run() {
  yasqe.query().catch(() => {}); // failures arrive as queryResponse errors
}

async function loadSchemaTerms() {
  const query = `SELECT DISTINCT ?t WHERE { ?t ?p ?o FILTER(STRSTARTS(STR(?t), "${SCHEMA}")) }`;
  const response = await fetch(ENDPOINT, {
    method: "POST",
    headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json" },
    body: query,
  });
  if (!response.ok) return;
  const bindings = (await response.json()).results.bindings;
  schemaTerms = bindings.map((b) => `akg:${b.t.value.slice(SCHEMA.length)}`).filter((t) => t.length > 4).sort();
}

function showExamples(examples) {
  const box = $("examples");
  for (const example of examples) {
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.id = example.id;
    button.title = example.question;
    button.textContent = example.title;
    const item = document.createElement("div");
    item.setAttribute("role", "listitem");
    item.className = "example";
    item.appendChild(button);
    button.addEventListener("click", () => {
      for (const other of box.querySelectorAll("button")) other.setAttribute("aria-pressed", "false");
      button.setAttribute("aria-pressed", "true");
      yasqe.setValue(example.query);
      $("question").textContent = example.question;
      run();
    });
    box.appendChild(item);
  }
}

async function start() {
  const [examples, declared] = await Promise.all([
    fetch("/v1/sparql/examples").then((r) => r.json()).then((page) => page.items),
    fetch("/v1/prefixes", { headers: { Accept: "application/json" } }).then((r) => r.json()),
  ]);
  prefixes = declared;
  registerCompleters();
  yasqe = new Yasqe($("editor"), {
    value: `${prefixDeclarations()}\n\n${DEFAULT_QUERY}`,
    persistenceId: "anklekg-query",
    requestConfig: {
      endpoint: ENDPOINT,
      method: "POST",
      acceptHeaderSelect: "application/sparql-results+json,*/*;q=0.9",
      acceptHeaderGraph: "text/turtle,*/*;q=0.9",
    },
    createShareableLink: (editor) => shareLink(editor.getValue()),
    createShortLink: undefined,
    consumeShareLink: null,
    prefixCcApi: null,
    editorHeight: "22rem",
  });
  $("editor").yasqe = yasqe; // for scripts driving the page (the browser tests)
  const fromUrl = new URLSearchParams(location.search).get("query");
  if (fromUrl) yasqe.setValue(fromUrl);
  yasqe.getInputField().setAttribute("aria-labelledby", "query-label");
  // YASR keeps the view chosen (table, pivot, chart) and each view's settings in localStorage; never a response,
  // or a shared link would open beside the results of whatever ran last
  yasr = new Yasr($("results"), {
    prefixes: longestFirst(prefixes),
    persistenceId: "anklekg-results",
    maxPersistentResponseSize: 0,
    pluginOrder: ["table", "pivot", "chart", "response"],
    defaultPlugin: "table",
  });
  $("results").yasr = yasr; // for scripts driving the page (the browser tests)
  tidyResults();
  new MutationObserver(tidyResults).observe($("results"), { childList: true, subtree: true }); // YASR draws late
  // The editor's scrolling area takes keyboard focus (axe: scrollable regions must) and hands it to the editor
  const scroller = $("editor").querySelector(".CodeMirror-scroll");
  scroller.tabIndex = 0;
  scroller.setAttribute("aria-label", "query editor");
  scroller.addEventListener("focus", (event) => {
    if (event.target === scroller) yasqe.focus();
  });
  yasqe.on("queryBefore", () => {
    clearError();
    $("status").textContent = "Running…";
  });
  yasqe.on("queryResponse", (editor, response, duration) => {
    showLinks(editor.getValue());
    if (response instanceof Error) {
      $("status").textContent = "";
      showProblem(response.message);
      return;
    }
    yasr.setResponse(response, duration);
    showStatus(response, duration);
  });
  yasqe.on("change", () => {
    for (let line = 0; line < yasqe.lineCount(); line++) yasqe.removeLineClass(line, "wrap", "query-error-line");
  });
  showExamples(examples);
  $("run").addEventListener("click", run);
  $("prefixes").addEventListener("click", () => yasqe.addPrefixes(prefixes));
  document.body.dataset.ready = "true";
  loadSchemaTerms().catch(() => {});
}

start().catch((err) => {
  const error = $("error");
  error.textContent = `The query page could not start: ${err}`;
  error.hidden = false;
});
