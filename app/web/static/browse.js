// "Browse": the explorer's ways in by region and by kind, from GET /v1/browse and nothing else. The groups, their
// headings and members are the graph's (each group is a SPARQL query in data/browse/, shown under the group);
// this script only lays them out as disclosure widgets of entity links. It uses the helpers of explore.js.
"use strict";

const BROWSE_AXES = [["region", "By region"], ["kind", "By kind"]];

function browseMember(member) {
  return el("li", {}, link(member.entity), member.types.map((t) => el("span", { className: "type", text: t.label })));
}

function browseGroup(group) {
  const headingId = `browse-${group.id}`;
  const lists = group.subgroups.map((sub) => [
    sub.heading ? el("h4", {}, link(sub.heading)) : null,
    el("ul", { className: "browse-members" }, sub.members.map(browseMember)),
  ]);
  return el("details", { className: "browse-group", id: headingId, dataset: { group: group.id } },
    el("summary", {}, group.title, el("span", { className: "count", text: ` (${group.count})` })),
    el("p", { className: "help", text: group.description }),
    lists,
    el("details", { className: "browse-query" }, el("summary", { text: "The query behind this group" }),
      el("pre", { tabindex: "0" }, el("code", { text: group.query })),  // it may scroll: keyboards must reach it
      el("p", { className: "help" }, "Run it yourself on the ", el("a", { href: "/query", text: "SPARQL query page" }), ".")));
}

async function loadBrowse() {
  const box = $("browse-groups");
  let answer;
  try {
    answer = await api("/v1/browse");
  } catch (err) {
    showError(box, err);
    return;
  }
  box.classList.add("browse-axes");
  box.replaceChildren(...BROWSE_AXES.map(([axis, title]) => {
    const groups = answer.groups.filter((g) => g.by === axis);
    return el("section", { className: "browse-axis", dataset: { by: axis }, "aria-labelledby": `browse-by-${axis}` },
      el("h3", { id: `browse-by-${axis}`, text: title }), groups.map(browseGroup));
  }));
  box.dataset.ready = "true";
}

loadBrowse();
