// Reading SPARQL JSON result terms for the query page's pivot and chart views (query-pivot.js, query-chart.js):
// which values are numbers (the XSD numeric datatypes, so "12"^^xsd:integer counts and the string "12" does not),
// the text a person reads for a term (an IRI by its prefixed name, as YASR's table shows it), and CSV.
"use strict";

const AnkleValues = (() => {
  const XSD = "http://www.w3.org/2001/XMLSchema#";
  const NUMERIC = new Set([
    "integer", "decimal", "double", "float",
    // the built-in types derived from xsd:decimal (what SUM over integers or a typed literal in the data may carry)
    "long", "int", "short", "byte", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
    "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte",
  ].map((name) => XSD + name));
  const UNBOUND = "(no value)";

  /** True for a literal whose datatype is numeric in XSD (whatever its lexical form). */
  function isNumeric(term) {
    return !!term && (term.type === "literal" || term.type === "typed-literal") && NUMERIC.has(term.datatype);
  }

  /** The number a numeric literal stands for; null for anything else, NaN and the infinities (nothing to draw). */
  function number(term) {
    if (!isNumeric(term)) return null;
    const value = Number(term.value.trim());
    return Number.isFinite(value) ? value : null;
  }

  /** The variables bound to a numeric literal in some row and to nothing else in any row. */
  function numericVariables(variables, bindings) {
    return variables.filter((name) => {
      let seen = false;
      for (const row of bindings) {
        const term = row[name];
        if (!term) continue;
        if (!isNumeric(term)) return false;
        seen = true;
      }
      return seen;
    });
  }

  /** What a person reads for a term: an IRI by the first (longest) namespace that matches, a literal by its text. */
  function text(term, prefixes) {
    if (!term) return UNBOUND;
    if (term.type === "uri") {
      for (const [prefix, namespace] of Object.entries(prefixes || {})) {
        if (namespace && term.value.startsWith(namespace)) return `${prefix}:${term.value.slice(namespace.length)}`;
      }
      return term.value;
    }
    if (term.type === "bnode") return `_:${term.value}`;
    return term.value;
  }

  /** The variable whose values best name a row: a non-numeric one bound to literals (a label), else any other. */
  function labelVariable(variables, bindings, numeric) {
    const others = variables.filter((name) => !numeric.includes(name));
    const literal = others.find((name) => bindings.some((row) => row[name] && row[name].type !== "uri" &&
      row[name].type !== "bnode"));
    return literal || others[0] || variables[0];
  }

  /** One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or edge spaces. */
  function csvField(value) {
    const field = value === null || value === undefined ? "" : String(value);
    return /[",\r\n]|^\s|\s$/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
  }

  /** Rows of fields as CSV text, CRLF line ends as RFC 4180 has them. */
  function csv(rows) {
    return rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
  }

  // -- what both views build (their settings form, their tab icon, whether they can draw) -----------------------

  /** A control with its visible label. */
  function labelled(text, control) {
    const label = document.createElement("label");
    label.append(`${text} `, control);
    return label;
  }

  /** A select of [value, text] options, ``chosen`` selected. */
  function select(name, options, chosen) {
    const element = document.createElement("select");
    element.name = name;
    for (const [value, text] of options) element.add(new Option(text, value, false, value === chosen));
    return element;
  }

  /** A decorative 16x16 SVG icon of rectangles [x, y, width, height] (the tab's text names the view). */
  function icon(rects) {
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 16 16");
    svg.setAttribute("aria-hidden", "true");
    for (const [x, y, width, height] of rects) {
      const rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
      for (const [name, value] of Object.entries({ x, y, width, height })) rect.setAttribute(name, value);
      svg.appendChild(rect);
    }
    return svg;
  }

  /** YASR has bindings with variables to draw from (a SELECT answer, not a graph or a boolean). */
  function hasBindings(yasr) {
    const results = yasr.results;
    return !!results && !!results.getBindings() && results.getVariables().length > 0;
  }

  return { UNBOUND, isNumeric, number, numericVariables, text, labelVariable, csv, labelled, select, icon, hasBindings };
})();
