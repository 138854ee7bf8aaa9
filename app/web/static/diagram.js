// Schematic views of the ankle, drawn from GET /v1/diagrams and /v1/diagrams/{view} and nothing else: the server
// places every band (a ligament, tendon or retinaculum of the graph) by its attachments; this script only draws
// what it is given, as SVG with a link per structure, and joins it with an /v1/impact answer by entity id.
// It uses the helpers of explore.js (api, el, link, listOf) and listens for its "anklekg:entity" and
// "anklekg:impact" events. No inline styles: every look is a class of diagram.css (strict CSP).
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const VIEW_STATUS_ORDER = ["unstable", "increased laxity", "reduced restraint"];
let diagramIds = 0;

function svgEl(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "className") node.setAttribute("class", value);
    else if (key === "text") node.textContent = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat(Infinity)) if (child) node.appendChild(child);
  return node;
}

const diagramRequests = new Map();

/** A view (or the list of views), fetched once per page. */
function fetchDiagram(path) {
  if (!diagramRequests.has(path)) {
    const request = api(path);
    request.catch(() => diagramRequests.delete(path));
    diagramRequests.set(path, request);
  }
  return diagramRequests.get(path);
}

const pathData = (points) => points.map(([x, y], i) => `${i ? "L" : "M"} ${x} ${y}`).join(" ");
const slug = (status) => status.replace(/\s+/g, "-");

/** Breaks a long name into two lines near its middle. */
function labelLines(text) {
  if (text.length <= 12 || !text.includes(" ")) return [text];
  const middle = text.length / 2;
  let best = -1;
  for (let i = text.indexOf(" "); i >= 0; i = text.indexOf(" ", i + 1)) {
    if (best < 0 || Math.abs(i - middle) < Math.abs(best - middle)) best = i;
  }
  return [text.slice(0, best), text.slice(best + 1)];
}

function svgText(className, [x, y], text, anchor = "middle") {
  const lines = labelLines(text);
  const node = svgEl("text", { className, x, y: y - (lines.length - 1) * 6.5, "text-anchor": anchor });
  lines.forEach((line, i) => node.appendChild(svgEl("tspan", { x, dy: i ? 13 : 0, text: line })));
  return node;
}

function entityAnchor(ref, className, title, ...children) {
  return svgEl("a", { href: hrefFor(ref.id), className: `entity-link ${className}`, dataset: { id: ref.id },
    "aria-label": title }, svgEl("title", { text: title }), children);
}

const KIND_NAMES = { ligament: "ligament", tendon: "tendon", retinaculum: "retinaculum" };

function bandNode(band) {
  const title = band.short_label === band.entity.label ? `${band.entity.label} (${KIND_NAMES[band.kind]})`
    : `${band.short_label}: ${band.entity.label} (${KIND_NAMES[band.kind]})`;
  const paths = [];
  for (const strand of band.strands) {
    for (const piece of strand.pieces) {
      const d = pathData(piece.points);
      const hidden = piece.hidden ? " hidden-piece" : "";
      paths.push(svgEl("path", { className: `band-halo${hidden}`, d }),
        svgEl("path", { className: `band-outer${hidden}`, d }),
        svgEl("path", { className: `band-inner${hidden}`, d }),
        svgEl("path", { className: "band-hit", d }));
    }
  }
  const node = entityAnchor(band.entity, `band ${band.kind}${band.wide ? " wide" : ""}`, title, paths);
  return node;
}

/** One view as a figure: the SVG, and its text alternative (what is drawn, what is not and why). */
function drawDiagram(diagram) {
  const uid = `dg${++diagramIds}`;
  const captionId = `${uid}-caption`;
  const defs = svgEl("defs", {}, VIEW_STATUS_ORDER.map((status) => svgEl("marker", {
    id: `${uid}-head-${slug(status)}`, viewBox: "0 0 10 10", refX: 8, refY: 5, markerWidth: 4, markerHeight: 4,
    orient: "auto-start-reverse", className: `arrow-head status-${slug(status)}` },
  svgEl("path", { d: "M 0 0 L 10 5 L 0 10 Z" }))));
  const svg = svgEl("svg", { viewBox: `0 0 ${diagram.width} ${diagram.height}`, role: "group",
    "aria-labelledby": captionId, className: "diagram-svg", dataset: { uid } },
  defs,
  svgEl("g", { className: "outline", "aria-hidden": "true" }, diagram.outline.map((d) => svgEl("path", { d }))),
  svgEl("g", { className: "context", "aria-hidden": "true" }, diagram.context.map((d) => svgEl("path", { d }))),
  svgEl("g", { className: "bones" }, diagram.bones.map((bone) => entityAnchor(bone.entity, "bone", bone.entity.label,
    svgEl("path", { className: "bone-shape", d: bone.d })))),
  svgEl("g", { className: "bone-labels", "aria-hidden": "true" }, diagram.bones.filter((b) => b.label_at)
    .map((b) => svgText("bone-label", b.label_at, b.entity.label))),
  svgEl("g", { className: "bands" }, ["retinaculum", "ligament", "tendon"].map((kind) =>
    diagram.bands.filter((b) => b.kind === kind).map(bandNode))),
  svgEl("g", { className: "landmarks" }, diagram.landmarks.map((lm) => entityAnchor(lm.entity,
    `landmark${lm.hidden ? " hidden-piece" : ""}`, lm.entity.label,
    svgEl("circle", { className: "landmark-dot", cx: lm.x, cy: lm.y, r: 5 })))),
  svgEl("g", { className: "landmark-labels", "aria-hidden": "true" }, diagram.landmarks.filter((lm) => lm.label_at)
    .map((lm) => svgText("landmark-label", lm.label_at, lm.entity.label))),
  svgEl("g", { className: "band-labels", "aria-hidden": "true" }, diagram.bands.map((b) =>
    svgText(`band-label ${b.kind}`, b.label_at, b.short_label))),
  svgEl("g", { className: "captions", "aria-hidden": "true" }, diagram.captions.map((c) =>
    svgText("caption", [c.x, c.y], c.text, c.anchor))),
  svgEl("g", { className: "motions" }));
  const drawn = diagram.bands.map((b) => el("li", { dataset: { id: b.entity.id } }, link(b.entity),
    el("span", { className: `kind kind-${b.kind}`, text: b.kind })));
  const groups = diagram.groups.map((g) => el("li", { dataset: { id: g.entity.id } }, link(g.entity),
    " — drawn as ", listOf(g.members.map(link))));
  const missing = diagram.not_drawn.map((n) => el("li", { dataset: { id: n.entity.id } }, link(n.entity), `: ${n.reason}`,
    n.drawn_in.length ? ` (drawn in the ${listOf(n.drawn_in).join("")} view${n.drawn_in.length > 1 ? "s" : ""})` : ""));
  const figure = el("figure", { className: "diagram", dataset: { view: diagram.id } },
    el("figcaption", { id: captionId }, el("strong", { text: diagram.title }), ` — ${diagram.description}`),
    el("p", { className: "schematic-note", role: "note", text: diagram.notice }),
    el("p", { className: "narrow-hint", text: "Swipe the drawing sideways to see all of it." }),
    el("div", { className: "diagram-frame" }, svg),
    el("p", { className: "legend", "aria-hidden": "true" },
      ["ligament", "tendon", "retinaculum"].map((k) => el("span", { className: `key key-${k}`, text: k })),
      el("span", { className: "key key-hidden", text: "behind the bones" })),
    el("div", { className: "motion-text", hidden: true }),
    el("details", { className: "diagram-text" },
      el("summary", { text: `What this view shows (${diagram.bands.length} structures drawn, ` +
        `${diagram.not_drawn.length} not drawn)` }),
      el("h4", { text: "Drawn here" }), el("ul", { className: "drawn" }, drawn),
      groups.length ? [el("h4", { text: "Drawn as their parts" }), el("ul", { className: "groups" }, groups)] : null,
      el("h4", { text: "Not drawn here" }), el("ul", { className: "not-drawn" }, missing)));
  figure.diagram = diagram;
  return figure;
}

/** The ids a highlight of ``ids`` lights up in a view: the structures themselves and, for one drawn as its parts,
 * those parts. */
function expandIds(diagram, ids) {
  const out = new Set(ids);
  for (const group of diagram.groups) if (ids.has(group.entity.id)) group.members.forEach((m) => out.add(m.id));
  return out;
}

function mark(figure, ids, className) {
  const expanded = expandIds(figure.diagram, ids);
  for (const node of figure.querySelectorAll("svg [data-id]")) {
    if (expanded.has(node.dataset.id)) node.classList.add(className);
  }
  for (const node of figure.querySelectorAll(".diagram-text li[data-id]")) {
    if (expanded.has(node.dataset.id)) node.classList.add(className);
  }
  return expanded;
}

/** The worst status of each (joint, motion) an impact answer destabilises. */
function motionStatuses(report) {
  const worst = new Map();
  for (const m of report.destabilised_motions || []) {
    const key = `${m.joint.id}|${m.motion.id}`;
    const known = worst.get(key);
    if (!known || VIEW_STATUS_ORDER.indexOf(m.status) < VIEW_STATUS_ORDER.indexOf(known.status)) worst.set(key, m);
  }
  return [...worst.values()];
}

/** The end point of an arrow's path data (its last coordinate pair: the layout's paths are absolute). */
function pathEnd(d) {
  const numbers = d.match(/-?\d+(?:\.\d+)?/g) || [];
  return [Number(numbers[numbers.length - 2]), Number(numbers[numbers.length - 1])];
}

/** Each destabilised motion the view can show: an arrow where the view has one for it, else a dot at its joint; a
 * numbered badge coloured by status, and the same number in the list under the view. */
function markMotions(figure, motions) {
  const diagram = figure.diagram;
  const layer = figure.querySelector("g.motions");
  const uid = figure.querySelector("svg").dataset.uid;
  const badges = new Map();
  const shown = [];
  for (const m of motions) {
    const arrow = diagram.arrows.find((a) => a.motion.id === m.motion.id && a.joint.id === m.joint.id);
    const joint = diagram.joints.find((j) => j.entity.id === m.joint.id);
    if (!arrow && !joint) continue;
    const number = shown.length + 1;
    const status = slug(m.status);
    const group = svgEl("g", { className: `motion status-${status}`, dataset: { motion: m.motion.id, joint: m.joint.id } },
      svgEl("title", { text: `${number}. ${m.motion.label} of the ${m.joint.label}: ${m.status}` }));
    let at;
    if (arrow) {
      group.appendChild(svgEl("path", { className: "motion-arrow", d: arrow.d,
        "marker-end": `url(#${uid}-head-${status})` }));
      at = pathEnd(arrow.d);
    } else {
      group.appendChild(svgEl("circle", { className: "joint-dot", cx: joint.x, cy: joint.y, r: 5 }));
      at = [joint.x, joint.y];
    }
    // badges at one point line up to its right
    const key = `${Math.round(at[0])},${Math.round(at[1])}`;
    const count = badges.get(key) || 0;
    badges.set(key, count + 1);
    const [bx, by] = [Math.min(at[0] + 14 + count * 21, diagram.width - 11), Math.max(11, at[1] - 12)];
    group.appendChild(svgEl("circle", { className: "motion-badge", cx: bx, cy: by, r: 10 }));
    group.appendChild(svgEl("text", { className: "motion-number", x: bx, y: by + 4.5, "text-anchor": "middle",
      text: String(number) }));
    layer.appendChild(group);
    shown.push(m);
  }
  const note = figure.querySelector(".motion-text");
  if (shown.length) {
    note.replaceChildren(el("span", { text: "Destabilised motions marked on the view:" }),
      el("ol", { className: "motion-list" }, shown.map((m) => el("li", { dataset: { motion: m.motion.id } },
        `${m.motion.label} of the ${m.joint.label} `, el("span", { className: `status status-${slug(m.status)}`,
          text: m.status })))));
    note.hidden = false;
  }
  return shown;
}

/** A set of views with buttons to switch between them, each view drawn the first time it is chosen. */
function viewSwitcher(id, views, prepare) {
  const panel = el("div", { className: "diagram-panel", id: `${id}-panel` });
  const status = el("p", { className: "help", role: "status" });
  const buttons = views.map((v, i) => el("button", { type: "button", className: "diagram-tab",
    "aria-pressed": i === 0 ? "true" : "false", dataset: { view: v.id }, "aria-controls": `${id}-panel`, text: v.title }));
  const figures = new Map();
  async function show(view) {
    buttons.forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.view === view.id)));
    if (!figures.has(view.id)) {
      status.textContent = `Loading the ${view.title.toLowerCase()}…`;
      try {
        const diagram = await fetchDiagram(`/v1/diagrams/${encodeURIComponent(view.id)}`);
        const figure = drawDiagram(diagram);
        prepare(figure, view);
        figures.set(view.id, figure);
      } catch (err) {
        status.textContent = "";
        const box = el("div", { className: "error", role: "alert" });
        showError(box, err);
        panel.replaceChildren(box);
        return;
      }
      status.textContent = "";
    }
    panel.replaceChildren(figures.get(view.id));
    panel.dataset.view = view.id;
  }
  buttons.forEach((b, i) => b.addEventListener("click", () => show(views[i])));
  const ready = views.length ? show(views[0]) : Promise.resolve();
  const box = el("div", { className: "diagram-switcher", id },
    views.length > 1 ? el("div", { className: "diagram-tabs", role: "group", "aria-label": "Views" }, buttons) : null,
    status, panel);
  box.ready = ready;
  return box;
}

// --- the front page: every view, every structure a link ---------------------------------------------------------

async function openDiagrams() {
  const target = $("diagrams-views");
  if (target.dataset.loaded) return;
  target.dataset.loaded = "loading";
  try {
    const list = await fetchDiagram("/v1/diagrams");
    const switcher = viewSwitcher("diagrams-switcher", list.views, () => {});
    target.replaceChildren(switcher);
    await switcher.ready;
    target.dataset.loaded = "true";
  } catch (err) {
    delete target.dataset.loaded;
    showError($("diagrams-error"), err);
  }
}

// --- an entity's page: the views it appears in, with it highlighted -----------------------------------------------

async function entityDiagrams(entity) {
  const article = $("entity");
  let list;
  try {
    list = await fetchDiagram(`/v1/diagrams?${new URLSearchParams({ entity: entity.id })}`);
  } catch (err) {
    return;  // the page is whole without the pictures; an error here is not the reader's concern
  }
  if (article.dataset.id !== entity.id || article.querySelector("#entity-diagrams")) return;
  if (!list.views.length && !list.not_drawn.length) return;  // not a structure the views draw
  const section = el("section", { id: "entity-diagrams", "aria-labelledby": "entity-diagrams-heading" },
    el("h3", { id: "entity-diagrams-heading", text: "On the diagrams" }));
  if (list.views.length) {
    const byView = new Map(list.views.map((v) => [v.id, v]));
    section.appendChild(el("p", { className: "help", text: `Highlighted on the ${list.views.length === 1 ? "view" : "views"} ` +
      "below; the views are schematic. Choose any structure to open it." }));
    const switcher = viewSwitcher("entity-diagram-switcher", list.views, (figure, view) => {
      figure.classList.add("has-selection");
      mark(figure, new Set(byView.get(view.id).highlight.map((h) => h.id)), "selected");
    });
    section.appendChild(switcher);
  } else {
    const reasons = [...new Set(list.not_drawn.map((n) => n.reason))];
    section.appendChild(el("p", { id: "entity-not-drawn", text: `No view draws the ${entity.label}: ${reasons.join("; ")}.` }));
  }
  const after = article.querySelector("#key-facts") || article.querySelector("#entity-label");
  after.after(section);
}

// --- the impact panel: what the injury reaches, and the destabilised motions --------------------------------------

const REACH_NAMED = "named";

/** How long a band is drawn, in view units (its longest strand). */
function bandLength(band) {
  return Math.max(...band.strands.map((strand) => {
    const points = strand.pieces.flatMap((piece) => piece.points);
    return points.slice(1).reduce((sum, p, i) => sum + Math.hypot(p[0] - points[i][0], p[1] - points[i][1]), 0);
  }));
}

let impactToken = 0;

async function impactDiagrams(report, results) {
  const token = ++impactToken;  // a newer answer (the reader asked again) wins over one still being drawn
  const named = new Set(report.injuries.filter((i) => i.reached === REACH_NAMED).map((i) => i.structure.id));
  const reached = new Set(report.injuries.map((i) => i.structure.id));
  const motions = motionStatuses(report);
  let list;
  try {
    list = await fetchDiagram("/v1/diagrams");
  } catch (err) {
    return;
  }
  const diagrams = await Promise.all(list.views.map((v) => fetchDiagram(v.href).catch(() => null)));
  // the views that show something of the answer: first the one that draws most of what it reaches (by the drawn
  // length of its bands, a bone or landmark counting as a short band), then the one with most motion arrows
  const scored = list.views.map((view, i) => {
    const d = diagrams[i];
    if (!d) return null;
    const lit = expandIds(d, reached);
    const drawn = d.bands.filter((b) => lit.has(b.entity.id)).reduce((sum, b) => sum + bandLength(b), 0)
      + 40 * [...d.bones, ...d.landmarks].filter((x) => lit.has(x.entity.id)).length;
    const arrows = motions.filter((m) => d.arrows.some((a) => a.motion.id === m.motion.id && a.joint.id === m.joint.id));
    const dots = motions.filter((m) => d.joints.some((j) => j.entity.id === m.joint.id));
    return drawn || arrows.length || dots.length ? { view, drawn, arrows: arrows.length, order: i } : null;
  }).filter(Boolean).sort((a, b) => b.drawn - a.drawn || b.arrows - a.arrows || a.order - b.order).map((s) => s.view);
  if (!scored.length || !results.isConnected || token !== impactToken) return;
  const section = el("section", { id: "impact-diagrams", className: "impact-section",
    "aria-labelledby": "impact-diagrams-heading" },
  el("h4", { id: "impact-diagrams-heading", text: "On the diagrams" }),
  el("p", { className: "help" }, "Red: the injured structure; orange: what the injury reaches. Each destabilised motion " +
    "is marked on its joint, by an arrow where the view can show its direction, numbered and coloured by status (",
  VIEW_STATUS_ORDER.map((s, i) => [i ? ", " : "", el("span", { className: `status status-${slug(s)}`, text: s })]), ")."));
  const switcher = viewSwitcher("impact-diagram-switcher", scored, (figure) => {
    figure.classList.add("has-impact");
    mark(figure, reached, "reached");
    mark(figure, named, "injured");
    markMotions(figure, motions);
  });
  section.appendChild(switcher);
  results.querySelector("#impact-diagrams")?.remove();
  results.insertBefore(section, results.children[1] || null);
  await switcher.ready;
  section.dataset.ready = "true";
}

document.addEventListener("anklekg:entity", (event) => { entityDiagrams(event.detail); });
document.addEventListener("anklekg:impact", (event) => { impactDiagrams(event.detail.report, event.detail.results); });
$("diagrams-details").addEventListener("toggle", () => { if ($("diagrams-details").open) openDiagrams(); });
if ($("diagrams-details").open) openDiagrams();
