// Graph views of the explorer: an entity's neighbourhood (GET /v1/entities/{id}/neighbors) and an impact answer's
// chain (injury -> lost restraints -> destabilised motions -> expected positive tests, from the `because` facts of
// GET /v1/impact?explain=full), drawn with Cytoscape.js (vendored under /web/vendor, loaded on first use).
// Every node and edge is one of the API's; the same edges are listed as text under the drawing for screen readers
// and keyboards. Clicking a node (or choosing it with the arrow keys and pressing Enter) walks to that entity.
// Uses the helpers of explore.js (api, el, link, hrefFor, showError, fullReports, positionName).
"use strict";

const CYTOSCAPE_SRC = "/web/vendor/cytoscape-3.35.0/cytoscape.min.js";
/** The drawn graphs by container id (the tests read node positions from them). */
const GRAPHS = new Map();
/** Colours of the drawing by class: presentation only, the classes are the API's. */
const CLASS_COLOURS = [
  ["akg:Ligament", "#2b6cb0"], ["akg:Bone", "#8a6d3b"], ["akg:BonyLandmark", "#a8844d"], ["akg:BonePart", "#a8844d"],
  ["akg:Joint", "#6b46c1"], ["akg:Muscle", "#c53030"], ["akg:MusclePart", "#c53030"], ["akg:Tendon", "#dd6b20"],
  ["akg:Retinaculum", "#b7791f"], ["akg:Nerve", "#d69e2e"], ["akg:Artery", "#e53e3e"], ["akg:Condition", "#4a5568"],
  ["akg:ClinicalTest", "#2f855a"], ["akg:Motion", "#319795"], ["akg:Restraint", "#718096"],
];
const STATUS_COLOURS = { unstable: "#c53030", "increased laxity": "#dd6b20", "reduced restraint": "#2b6cb0" };
/** The statuses from the worst: a motion destabilised in several positions is drawn by its worst. */
const STATUS_ORDER = Object.keys(STATUS_COLOURS);

let cytoscapeLoading = null;

/** Cytoscape.js, loaded once from this server when a graph is first opened (a script of 'self': the CSP allows it). */
function loadCytoscape() {
  if (!cytoscapeLoading) {
    cytoscapeLoading = new Promise((resolve, reject) => {
      const script = el("script", { src: CYTOSCAPE_SRC });
      script.addEventListener("load", () => resolve(window.cytoscape));
      script.addEventListener("error", () => {
        cytoscapeLoading = null;
        reject(new Error("The graph library could not be loaded."));
      });
      document.head.appendChild(script);
    });
  }
  return cytoscapeLoading;
}

const colourOf = (types) => (CLASS_COLOURS.find(([t]) => types.includes(t)) || [null, "#5a6b78"])[1];

// --- from the API's answers to nodes and edges -------------------------------------------------------------

/**
 * The neighbourhood answer as a drawing: an inferred link is left out when an asserted one joins the same two
 * nodes (it is that link's inverse, "has part" beside "part of"); the rest are drawn dashed.
 */
function neighbourhoodData(pages) {
  const answer = { center: pages[0].center, links: pages.flatMap((p) => p.items),
    nodes: [...new Map(pages.flatMap((p) => p.nodes).map((n) => [n.id, n])).values()] };
  const asserted = new Set(answer.links.filter((l) => !l.inferred).flatMap((l) =>
    [`${l.source}|${l.target}`, `${l.target}|${l.source}`]));
  const links = answer.links.filter((l) => !l.inferred || !asserted.has(`${l.source}|${l.target}`));
  const hops = new Map([[answer.center.id, 0]]);
  for (let changed = true; changed;) {  // hop distance from the centre, for the rings of the layout
    changed = false;
    for (const l of links) {
      for (const [a, b] of [[l.source, l.target], [l.target, l.source]]) {
        if (hops.has(a) && (!hops.has(b) || hops.get(b) > hops.get(a) + 1)) {
          hops.set(b, hops.get(a) + 1);
          changed = true;
        }
      }
    }
  }
  const shown = new Set(links.flatMap((l) => [l.source, l.target]).concat(answer.center.id));
  return {
    center: answer.center.id,
    nodes: answer.nodes.filter((n) => shown.has(n.id)).map((n) => ({
      id: n.id, label: n.label, entity: n.entity !== false, colour: colourOf(n.types.map((t) => t.id)),
      kind: n.entity === false ? "fact" : "entity", ring: 10 - (hops.get(n.id) ?? 9),
    })),
    edges: links.map((l, i) => ({ id: `e${i}`, source: l.source, target: l.target, label: l.predicate.label,
      inferred: l.inferred, sources: l.sources })),
  };
}

/**
 * An impact answer (explain=full) as a chain: the injury and what it reaches, each restraint the reached
 * structures lose, the motions those restraints held (one node per motion of a joint, its positions joined), and
 * the tests that examine those motions or the reached structures. Restraints of structures the injury does not
 * reach (they appear in `because` as what is left) are not drawn.
 */
function impactChainData(report) {
  const nodes = new Map();
  const edges = new Map();
  const node = (id, data) => { if (!nodes.has(id)) nodes.set(id, { id, ...data }); return nodes.get(id); };
  const edge = (source, target, label, sources = []) => {
    const key = `${source}|${target}|${label}`;
    if (!edges.has(key)) edges.set(key, { id: `e${edges.size}`, source, target, label, inferred: false, sources });
  };
  const reached = new Set(report.injuries.map((a) => a.structure.id));
  for (const a of report.injuries) {
    node(a.structure.id, { label: a.structure.label, entity: true, kind: a.reached === "named" ? "injury" : "reached",
      colour: a.reached === "named" ? "#1a202c" : "#4a5568", walk: a.structure.id });
    if (a.via && a.via.id !== a.structure.id) {
      node(a.via.id, { label: a.via.label, entity: true, kind: "injury", colour: "#1a202c", walk: a.via.id });
      edge(a.via.id, a.structure.id, a.reached);
    }
  }
  const motionNodes = new Map();  // motion id -> node ids (a motion may be destabilised at several joints)
  for (const m of report.destabilised_motions) {
    const id = `motion:${m.motion.id}@${m.joint.id}`;
    const where = m.position ? positionName(m.position.label) : "position not stated";
    const existing = nodes.get(id);
    if (existing) {
      existing.positions.push(where);
      existing.label = `${m.motion.label} of the ${m.joint.label} (${existing.positions.join(", ")})`;
      if (STATUS_ORDER.indexOf(m.status) >= 0 && STATUS_ORDER.indexOf(m.status) < STATUS_ORDER.indexOf(existing.status)) {
        Object.assign(existing, { status: m.status, colour: STATUS_COLOURS[m.status] });
      }
    } else {
      node(id, { label: `${m.motion.label} of the ${m.joint.label} (${where})`, positions: [where], entity: true,
        kind: "motion", colour: STATUS_COLOURS[m.status] || "#319795", status: m.status, walk: m.motion.id });
      motionNodes.set(m.motion.id, [...(motionNodes.get(m.motion.id) || []), id]);
    }
    for (const fact of m.because) {
      if (fact.predicate.id !== "akg:Restraint" || !fact.fact || !reached.has(fact.subject.id)) continue;
      const role = (fact.qualifiers || {}).role;
      node(fact.fact.id, { label: `${role ? `${role} ` : ""}restraint to ${fact.object.label}`, entity: false,
        kind: "fact", colour: "#718096", title: fact.fact.label });
      edge(fact.subject.id, fact.fact.id, "loses", fact.sources);
      edge(fact.fact.id, id, "no longer holds", fact.sources);
    }
  }
  for (const t of report.expected_positive_tests) {
    node(t.test.id, { label: t.test.label, entity: true, kind: "test", colour: "#2f855a", walk: t.test.id });
    let linked = false;
    for (const fact of t.because) {
      if (fact.predicate.id === "akg:examinesMotion" && fact.subject.id === t.test.id && fact.object) {
        for (const id of motionNodes.get(fact.object.id) || []) {
          if (!t.joint || id.endsWith(`@${t.joint.id}`)) {
            edge(id, t.test.id, "examined by", fact.sources);
            linked = true;
          }
        }
      }
    }
    if (!linked && t.structure && nodes.has(t.structure.id)) edge(t.structure.id, t.test.id, "examined by");
  }
  return { center: null, nodes: [...nodes.values()], edges: [...edges.values()] };
}

// --- drawing -----------------------------------------------------------------------------------------------

const GRAPH_STYLE = [
  { selector: "node", style: { "background-color": "data(colour)", label: "data(label)", "font-size": 11,
    "text-wrap": "wrap", "text-max-width": 120, "text-valign": "bottom", "text-margin-y": 3, color: "#1a202c",
    width: 20, height: 20, "text-background-color": "#ffffff", "text-background-opacity": 0.85,
    "text-background-padding": 1 } },
  { selector: "node.center, node.injury", style: { width: 32, height: 32, "border-width": 3, "border-color": "#1a202c",
    "font-weight": "bold" } },
  { selector: "node.fact", style: { shape: "round-rectangle", width: 16, height: 12, "font-size": 10 } },
  { selector: "node.test", style: { shape: "diamond", width: 24, height: 24 } },
  { selector: "node.motion", style: { shape: "hexagon", width: 26, height: 22 } },
  { selector: "node:selected", style: { "border-width": 5, "border-color": "#e9a100" } },
  { selector: "edge", style: { width: 1.5, "line-color": "#7b8a95", "target-arrow-color": "#7b8a95",
    "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(label)", "font-size": 9,
    "text-rotation": "autorotate", color: "#2d3748", "text-background-color": "#ffffff",
    "text-background-opacity": 0.85, "text-background-padding": 1 } },
  { selector: "edge.inferred", style: { "line-style": "dashed" } },
];

function drawGraph(cytoscape, container, data, layout, status) {
  const cy = cytoscape({
    container,
    elements: [
      ...data.nodes.map((n) => ({ data: n, classes: [n.kind, n.id === data.center ? "center" : ""].join(" ") })),
      ...data.edges.map((e) => ({ data: e, classes: e.inferred ? "inferred" : "" })),
    ],
    style: GRAPH_STYLE,
    layout,
    autoungrabify: true,
    boxSelectionEnabled: false,
    userZoomingEnabled: false,  // the wheel scrolls the page; the drawing fits the box
    userPanningEnabled: false,
    selectionType: "single",
  });
  const order = cy.nodes().toArray().sort((a, b) => (b.hasClass("center") - a.hasClass("center"))
    || a.data("label").localeCompare(b.data("label")));
  const describe = (n) => {
    const out = n.outgoers("edge").map((e) => `${e.data("label")} ${e.target().data("label")}`);
    const inc = n.incomers("edge").map((e) => `${e.source().data("label")} ${e.data("label")} it`);
    const walk = n.data("entity") ? " Press Enter to open it." : " (a fact, not an entity of its own)";
    return `${n.data("label")}: ${[...out, ...inc].join("; ")}.${walk}`;
  };
  const choose = (n) => {
    cy.nodes().unselect();
    n.select();
    status.textContent = describe(n);
  };
  const walk = (n) => {
    if (n.data("entity")) location.hash = hrefFor(n.data("walk") || n.id());
    else choose(n);
  };
  cy.on("tap", "node", (event) => walk(event.target));
  cy.on("mouseover", "node", (event) => { container.title = event.target.data("title") || event.target.data("label"); });
  container.addEventListener("keydown", (event) => {
    const at = order.findIndex((n) => n.selected());
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (step) {
      event.preventDefault();
      choose(order[at < 0 ? 0 : (at + step + order.length) % order.length]);
    } else if ((event.key === "Enter" || event.key === " ") && at >= 0) {
      event.preventDefault();
      walk(order[at]);
    } else if (event.key === "Escape") {
      cy.nodes().unselect();
      status.textContent = "";
    }
  });
  if (GRAPHS.has(container.id)) GRAPHS.get(container.id).destroy();  // the view it replaces
  GRAPHS.set(container.id, cy);
  return cy;
}

/** The edges as text: each with its source and target (links when they are entities) and the sources. */
function edgeList(id, data) {
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const end = (n) => (n.entity ? link({ id: n.walk || n.id, label: n.label }) : el("span", { text: n.label }));
  return el("ul", { id, className: "graph-edges" }, data.edges.map((e) => el("li", {},
    end(byId.get(e.source)), ` — ${e.label} → `, end(byId.get(e.target)),
    e.inferred ? el("span", { className: "inferred", text: " (inferred)" }) : null, sources(e.sources))));
}

/**
 * A graph view: a disclosure that loads its data when opened, draws it, and lists the same edges as text.
 * `name` prefixes the element ids; `load` returns the nodes and edges; `layout` is a Cytoscape layout.
 */
function graphView({ name, title, help, load, layout, open = false, onToggle }) {
  const canvas = el("div", { id: `${name}-graph`, className: "graph-canvas", tabindex: "0", role: "application",
    "aria-roledescription": "graph", "aria-label": title, "aria-describedby": `${name}-graph-keys` });
  const status = el("p", { id: `${name}-graph-status`, className: "graph-status", role: "status" });
  const body = el("div", { className: "graph-body" });
  const details = el("details", { id: `${name}-graph-details`, className: "graph-view", open },
    el("summary", { text: title }),
    el("p", { id: `${name}-graph-keys`, className: "help", text: help + " Click a node to open it, or focus the " +
      "drawing and choose a node with the arrow keys, then press Enter. The same links are listed as text below." }),
    body);
  let loaded = false;
  const show = async () => {
    if (!details.open || loaded) return;
    loaded = true;
    body.replaceChildren(el("p", { className: "muted", role: "status", text: "Drawing the graph…" }));
    try {
      const [cytoscape, data] = await Promise.all([loadCytoscape(), load()]);
      body.replaceChildren(canvas, status, el("h4", { id: `${name}-graph-text`, text: "The same links as text" }),
        edgeList(`${name}-graph-edges`, data));
      drawGraph(cytoscape, canvas, data, layout(data), status);
      details.dataset.ready = "true";
      canvas.setAttribute("aria-label", `${title}: ${data.nodes.length} nodes, ${data.edges.length} links`);
    } catch (err) {
      loaded = false;
      const box = el("div", { className: "error", role: "alert" });
      showError(box, err);
      body.replaceChildren(box);
    }
  };
  details.addEventListener("toggle", () => {
    if (onToggle) onToggle(details.open);
    show();
  });
  return details;
}

// --- where the views go --------------------------------------------------------------------------------------

let neighbourhoodOpen = false;  // walking keeps the graph open on the next entity

document.addEventListener("anklekg:entity", (event) => {
  const entity = event.detail;
  const view = graphView({
    name: "neighbourhood",
    title: `The ${entity.label} and its neighbours as a graph`,
    help: "Every entity one link away, each link typed and labelled (dashed: inferred).",
    open: neighbourhoodOpen,
    onToggle: (open) => { neighbourhoodOpen = open; },
    load: async () => neighbourhoodData(await allPages(`/v1/entities/${encodeURIComponent(entity.id)}/neighbors`)),
    layout: (data) => ({ name: "concentric", concentric: (n) => n.data("ring"), levelWidth: () => 1,
      minNodeSpacing: 28, animate: false, fit: true, padding: 20 }),
  });
  const section = el("section", { id: "neighbourhood", "aria-labelledby": "neighbourhood-heading" },
    el("h3", { id: "neighbourhood-heading", text: "Graph" }), view);
  const impact = $("impact");
  if (impact) impact.before(section); else $("entity").appendChild(section);
});

document.addEventListener("anklekg:impact", (event) => {
  const { fullPath } = event.detail;
  const results = $("impact-results");
  if (!results) return;
  results.appendChild(el("section", { id: "impact-chain", "aria-labelledby": "impact-chain-heading" },
    el("h4", { id: "impact-chain-heading", text: "The chain as a graph" }),
    graphView({
      name: "impact",
      title: "Injury, lost restraints, destabilised motions and tests as a graph",
      help: "From the injury to what it reaches, the restraints they lose, the motions those held (coloured by " +
        "status: red unstable, orange increased laxity, blue reduced restraint) and the tests that examine them.",
      load: async () => {
        if (!fullReports.has(fullPath)) fullReports.set(fullPath, api(fullPath));
        try {
          return impactChainData(await fullReports.get(fullPath));
        } catch (err) {
          fullReports.delete(fullPath);
          throw err;
        }
      },
      layout: (data) => ({ name: "breadthfirst", directed: true, spacingFactor: 1.1, animate: false, padding: 20,
        roots: data.nodes.filter((n) => n.kind === "injury").map((n) => n.id) }),
    })));
});
