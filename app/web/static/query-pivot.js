// The query page's pivot view: a YASR plugin that groups the results by a row variable (and optionally a column
// variable) and shows, per group, how many results fall in it or the sum or average of a numeric variable, as an
// HTML table (caption, th scope) with totals, downloadable as CSV.
//
// Our own small module, not PivotTable.js (the old YASGUI's pivot): that needs jQuery UI and, for its renderers,
// Google Charts from a CDN; nothing on npm that is kept up fits a strict Content-Security-Policy without them.
// AnklePivot.pivot is pure (bindings in, a table model out) so the browser tests check it on literal rows.
"use strict";

const AnklePivot = (() => {
  const ROW_CAP = 1000; // rows of the table drawn; totals and the CSV cover every row
  const COLUMN_CAP = 50; // columns drawn likewise
  const AGGREGATES = ["count", "sum", "avg"];
  const SEPARATOR = "\u0000";
  const format = new Intl.NumberFormat("en", { maximumFractionDigits: 4 });

  function accumulator() {
    return { count: 0, n: 0, sum: 0 };
  }

  function add(acc, value) {
    acc.count += 1;
    if (value !== null) {
      acc.n += 1;
      acc.sum += value;
    }
  }

  // A sum of decimals read back at 15 significant digits: 0.1 + 0.2 is 0.3, not 0.30000000000000004
  function tidy(value) {
    return value === null ? null : Number(value.toPrecision(15));
  }

  function result(acc, aggregate) {
    if (!acc) return null;
    if (aggregate === "count") return acc.count;
    if (!acc.n) return null;
    return tidy(aggregate === "sum" ? acc.sum : acc.sum / acc.n);
  }

  /**
   * The pivot of SPARQL JSON bindings: row keys and column keys in the order the results first show them (the
   * query's ORDER BY), and the aggregate per cell, per row, per column and overall. An unbound key is
   * AnkleValues.UNBOUND; a sum or average over no numeric value is null (an empty cell), not 0.
   */
  function pivot(bindings, settings, prefixes) {
    const { row, column, aggregate, value } = settings;
    if (!AGGREGATES.includes(aggregate)) throw new Error(`unknown aggregate ${aggregate}`);
    const rowKeys = [];
    const columnKeys = [];
    const cells = new Map();
    const rows = new Map();
    const columns = new Map();
    const total = accumulator();
    for (const binding of bindings) {
      const r = AnkleValues.text(binding[row], prefixes);
      const c = column ? AnkleValues.text(binding[column], prefixes) : "";
      const v = aggregate === "count" ? null : AnkleValues.number(binding[value]);
      if (!rows.has(r)) {
        rows.set(r, accumulator());
        rowKeys.push(r);
      }
      if (!columns.has(c)) {
        columns.set(c, accumulator());
        columnKeys.push(c);
      }
      const key = r + SEPARATOR + c;
      if (!cells.has(key)) cells.set(key, accumulator());
      for (const acc of [cells.get(key), rows.get(r), columns.get(c), total]) add(acc, v);
    }
    return {
      rowKeys,
      columnKeys,
      cell: (r, c) => result(cells.get(r + SEPARATOR + c), aggregate),
      rowTotal: (r) => result(rows.get(r), aggregate),
      columnTotal: (c) => result(columns.get(c), aggregate),
      total: bindings.length ? result(total, aggregate) : null,
    };
  }

  /** What the numbers are, in words: "Number of results", "Sum of ?entities". */
  function measure(settings) {
    if (settings.aggregate === "count") return "Number of results";
    return `${settings.aggregate === "sum" ? "Sum" : "Average"} of ?${settings.value}`;
  }

  function caption(settings) {
    return `${measure(settings)} by ?${settings.row}` + (settings.column ? ` (rows) and ?${settings.column} (columns)` : "");
  }

  /** The pivot as rows of fields (header, one row per row key, totals), for CSV; every row and column. */
  function rows(model, settings) {
    if (!settings.column) {
      return [[`?${settings.row}`, measure(settings)],
        ...model.rowKeys.map((r) => [r, model.cell(r, "")]), ["Total", model.total]];
    }
    return [
      [`?${settings.row} \\ ?${settings.column}`, ...model.columnKeys, "Total"],
      ...model.rowKeys.map((r) => [r, ...model.columnKeys.map((c) => model.cell(r, c)), model.rowTotal(r)]),
      ["Total", ...model.columnKeys.map((c) => model.columnTotal(c)), model.total],
    ];
  }

  function csv(model, settings) {
    return AnkleValues.csv(rows(model, settings));
  }

  function headerCell(text, scope) {
    const th = document.createElement("th");
    th.scope = scope;
    th.textContent = text;
    return th;
  }

  function numberCell(value) {
    const td = document.createElement("td");
    td.className = "num";
    td.textContent = value === null ? "" : format.format(value);
    return td;
  }

  /** The HTML table, at most ROW_CAP rows and COLUMN_CAP columns of keys (the totals still cover them all). */
  function table(model, settings) {
    const element = document.createElement("table");
    element.className = "pivot";
    element.createCaption().textContent = caption(settings);
    const columns = settings.column ? model.columnKeys.slice(0, COLUMN_CAP) : [""];
    const head = element.createTHead().insertRow();
    head.appendChild(headerCell(`?${settings.row}`, "col"));
    if (settings.column) {
      for (const c of columns) head.appendChild(headerCell(c, "col"));
      head.appendChild(headerCell("Total", "col"));
    } else {
      head.appendChild(headerCell(measure(settings), "col"));
    }
    const body = element.createTBody();
    for (const r of model.rowKeys.slice(0, ROW_CAP)) {
      const tr = body.insertRow();
      tr.appendChild(headerCell(r, "row"));
      for (const c of columns) tr.appendChild(numberCell(model.cell(r, c)));
      if (settings.column) tr.appendChild(numberCell(model.rowTotal(r)));
    }
    const foot = element.createTFoot().insertRow();
    foot.appendChild(headerCell("Total", "row"));
    if (settings.column) {
      for (const c of columns) foot.appendChild(numberCell(model.columnTotal(c)));
    }
    foot.appendChild(numberCell(model.total));
    return element;
  }

  /** What the table leaves out, in words, or "" when it shows everything. */
  function capNote(model, settings) {
    const notes = [];
    if (model.rowKeys.length > ROW_CAP) notes.push(`the first ${ROW_CAP} of ${model.rowKeys.length} rows`);
    if (settings.column && model.columnKeys.length > COLUMN_CAP) {
      notes.push(`the first ${COLUMN_CAP} of ${model.columnKeys.length} columns`);
    }
    return notes.length ? `The table shows ${notes.join(" and ")}; the totals and the CSV cover them all.` : "";
  }



  /** The settings to draw with: what was kept (YASR's plugin config) where it still fits these results. */
  function settingsFor(kept, variables, numeric, bindings) {
    const wanted = kept || {};
    const row = variables.includes(wanted.row) ? wanted.row : AnkleValues.labelVariable(variables, bindings, numeric);
    const column = variables.includes(wanted.column) && wanted.column !== row ? wanted.column : "";
    let aggregate = AGGREGATES.includes(wanted.aggregate) ? wanted.aggregate : (numeric.length ? "sum" : "count");
    let value = numeric.includes(wanted.value) ? wanted.value : numeric[0] || "";
    if (!value) aggregate = "count";
    if (aggregate === "count") value = "";
    return { row, column, aggregate, value };
  }

  class PivotView {
    constructor(yasr) {
      this.yasr = yasr;
      this.priority = 4;
      this.label = "Pivot";
      this.settings = null;
      this.model = null;
    }

    canHandleResults() {
      return AnkleValues.hasBindings(this.yasr);
    }

    getIcon() {
      return AnkleValues.icon([[1, 1, 14, 3], [1, 5, 3, 10], [5, 5, 10, 10]]);
    }

    draw(kept) {
      const results = this.yasr.results;
      const variables = results.getVariables();
      const bindings = results.getBindings();
      const numeric = AnkleValues.numericVariables(variables, bindings);
      this.settings = settingsFor(kept, variables, numeric, bindings);
      const view = document.createElement("div");
      view.className = "result-view pivot-view";
      const controls = document.createElement("div");
      controls.className = "view-controls";
      controls.setAttribute("role", "group");
      controls.setAttribute("aria-label", "Pivot settings");
      const vars = variables.map((v) => [v, `?${v}`]);
      const aggregates = [["count:", "number of results"],
        ...numeric.flatMap((v) => [[`sum:${v}`, `sum of ?${v}`], [`avg:${v}`, `average of ?${v}`]])];
      const rowSelect = AnkleValues.select("row", vars, this.settings.row);
      const columnSelect = AnkleValues.select("column", [["", "(none)"], ...vars], this.settings.column);
      const aggregateSelect = AnkleValues.select("aggregate", aggregates, `${this.settings.aggregate}:${this.settings.value}`);
      const download = document.createElement("button");
      download.type = "button";
      download.className = "pivot-csv";
      download.textContent = "Download as CSV";
      download.addEventListener("click", () => this.yasr.download());
      controls.append(AnkleValues.labelled("Rows", rowSelect), AnkleValues.labelled("Columns", columnSelect),
        AnkleValues.labelled("Show", aggregateSelect), download);
      const note = document.createElement("p");
      note.className = "view-note";
      const holder = document.createElement("div");
      holder.className = "pivot-holder";
      // a wide pivot scrolls sideways: the keyboard must reach that scrolling too (WCAG 2.1.1)
      holder.tabIndex = 0;
      holder.setAttribute("role", "region");
      holder.setAttribute("aria-label", "pivot table");
      view.append(controls, note, holder);
      this.yasr.resultsEl.appendChild(view);
      const render = () => {
        this.model = pivot(bindings, this.settings, this.yasr.getPrefixes());
        holder.replaceChildren(table(this.model, this.settings));
        note.textContent = capNote(this.model, this.settings);
        note.hidden = !note.textContent;
      };
      controls.addEventListener("change", () => {
        const [aggregate, value] = aggregateSelect.value.split(":");
        this.settings = { row: rowSelect.value, column: columnSelect.value === rowSelect.value ? "" : columnSelect.value,
          aggregate, value };
        columnSelect.value = this.settings.column;
        this.yasr.storePluginConfig("pivot", { ...this.settings });
        render();
      });
      render();
    }

    download() {
      if (!this.model || !this.settings) return undefined;
      const { model, settings } = this;
      return {
        contentType: "text/csv",
        getData: () => csv(model, settings),
        filename: "pivot.csv",
        title: "Download the pivot table as CSV",
      };
    }
  }

  Yasgui.Yasr.registerPlugin("pivot", PivotView);
  return { ROW_CAP, COLUMN_CAP, pivot, rows, csv, caption, settingsFor, PivotView };
})();
