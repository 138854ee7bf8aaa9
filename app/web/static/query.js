// The AnkleKG query page: plain JavaScript, no dependencies, everything from this server.
"use strict";

const $ = (id) => document.getElementById(id);
const FORMATS = {
  table: "application/sparql-results+json, text/turtle;q=0.9",
  json: "application/sparql-results+json, application/ld+json;q=0.9",
  xml: "application/sparql-results+xml, application/rdf+xml;q=0.9",
  csv: "text/csv, text/turtle;q=0.9",
  tsv: "text/tab-separated-values, text/turtle;q=0.9",
  turtle: "text/turtle, application/sparql-results+json;q=0.9",
  jsonld: "application/ld+json, application/sparql-results+json;q=0.9",
};
let prefixLines = "";

// The longest namespace wins, as in the server's converter (app/ontology/curies.py): IAO:0000115, not obo:IAO_0000115.
function shorten(iri) {
  let best = null;
  for (const line of prefixLines.split("\n")) {
    const m = /^PREFIX (\S*): <(.*)>$/.exec(line);
    if (m && iri.startsWith(m[2]) && iri.length > m[2].length && (!best || m[2].length > best[2].length)) best = m;
  }
  return best ? `${best[1]}:${iri.slice(best[2].length)}` : iri;
}

function cell(term) {
  const td = document.createElement("td");
  if (!term) return td;
  if (term.type === "uri") {
    const a = document.createElement("a");
    const local = /^https:\/\/w3id\.org\/anklekg\/(ANKLE_\d{7})$/.exec(term.value);
    a.href = local ? `/${local[1]}` : term.value;
    a.textContent = shorten(term.value);
    td.appendChild(a);
  } else {
    td.textContent = term.type === "bnode" ? `_:${term.value}` : term.value;
    if (term["xml:lang"]) td.lang = term["xml:lang"];
  }
  return td;
}

function renderTable(data) {
  const results = $("results");
  results.replaceChildren();
  if ("boolean" in data) {
    const p = document.createElement("p");
    p.id = "boolean";
    p.textContent = `Answer: ${data.boolean}`;
    results.appendChild(p);
    return 1;
  }
  const table = document.createElement("table");
  table.id = "result-table";
  const head = table.createTHead().insertRow();
  for (const v of data.head.vars) {
    const th = document.createElement("th");
    th.textContent = v;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const binding of data.results.bindings) {
    const row = body.insertRow();
    for (const v of data.head.vars) row.appendChild(cell(binding[v]));
  }
  results.appendChild(table);
  return data.results.bindings.length;
}

function showError(text) {
  const error = $("error");
  error.textContent = text;
  error.hidden = false;
}

async function run() {
  const query = $("query").value;
  const format = $("format").value;
  $("error").hidden = true;
  $("status").className = "";
  $("status").textContent = "Running…";
  $("results").replaceChildren();
  const started = performance.now();
  let response;
  try {
    response = await fetch("/sparql", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: FORMATS[format] },
      body: new URLSearchParams({ query }),
    });
  } catch (err) {
    $("status").textContent = "";
    showError(`The server could not be reached: ${err}`);
    return;
  }
  const elapsed = Math.round(performance.now() - started);
  const type = response.headers.get("content-type") || "";
  if (!response.ok) {
    $("status").textContent = `${response.status} after ${elapsed} ms`;
    if (type.startsWith("application/problem+json")) {
      const problem = await response.json();
      showError(`${problem.title}: ${problem.detail}`);
    } else {
      showError(await response.text());
    }
    return;
  }
  let rows;
  if (format === "table" && type.startsWith("application/sparql-results+json")) {
    rows = renderTable(await response.json());
  } else {
    const pre = document.createElement("pre");
    pre.id = "result-text";
    pre.textContent = await response.text();
    $("results").appendChild(pre);
    rows = Number(response.headers.get("x-anklekg-result-rows") || 0);
  }
  const truncated = response.headers.get("x-anklekg-result-truncated") === "true";
  const limit = response.headers.get("x-anklekg-result-limit");
  $("status").textContent = `${rows} result${rows === 1 ? "" : "s"} in ${elapsed} ms` +
    (truncated ? ` — truncated at the cap of ${limit} rows: add LIMIT/OFFSET or narrow the query` : "");
  if (truncated) $("status").className = "truncated";
  const link = $("link");
  link.href = `/sparql?${new URLSearchParams({ query, format: format === "table" ? "json" : format })}`;
  link.hidden = false;
}

async function loadExamples() {
  const [examples, prefixes] = await Promise.all([
    fetch("/v1/sparql/examples").then((r) => r.json()),
    fetch("/v1/prefixes?format=sparql").then((r) => r.text()),
  ]);
  prefixLines = prefixes;
  const box = $("examples");
  for (const example of examples) {
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.id = example.id;
    button.title = example.question;
    button.textContent = example.title;
    button.setAttribute("role", "listitem");
    button.addEventListener("click", () => {
      for (const other of box.querySelectorAll("button")) other.setAttribute("aria-pressed", "false");
      button.setAttribute("aria-pressed", "true");
      $("query").value = example.query;
      $("question").textContent = example.question;
      $("format").value = example.query.includes("CONSTRUCT") ? "turtle" : "table";
      run();
    });
    box.appendChild(button);
  }
  if (!$("query").value) {
    $("query").value = prefixes + "\nSELECT ?entity ?label WHERE {\n  ?entity a/rdfs:subClassOf* akg:Ligament ;\n" +
      "          rdfs:label ?label .\n}\nORDER BY ?label";
  }
  document.body.dataset.ready = "true";
}

$("run").addEventListener("click", run);
$("prefixes").addEventListener("click", () => {
  $("query").value = prefixLines + "\n" + $("query").value;
});
$("query").addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    run();
  }
});
loadExamples().catch((err) => showError(`Could not load the examples: ${err}`));
