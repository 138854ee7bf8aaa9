// The query page's chart view: a YASR plugin that draws the results with Chart.js (vendored, UMD build: no eval,
// a canvas, styles set through the DOM only). The reader picks the chart type, the variable that labels the points
// and the numeric variables drawn; numeric literals (xsd:integer, decimal, double, float and the integer types
// derived from them) are read as numbers. At most CAP rows are drawn, and the view says so.
"use strict";

const AnkleChart = (() => {
  const CAP = 500;
  const TYPES = [["bar", "bar"], ["line", "line"], ["pie", "pie"]];
  // Chart.js's own palette is pale (its bars fill at half opacity, 1.6:1 on white); these colours each stand at
  // least 3:1 against white, the contrast WCAG 1.4.11 asks of graphics a reader needs, and pie slices are parted
  // by white borders
  const PALETTE = ["#1d5f9a", "#b34700", "#2e7d32", "#7b1fa2", "#ad1457", "#00695c", "#5d4037", "#37474f",
    "#8a6d00", "#283593"];

  /** The settings to draw with: what was kept (YASR's plugin config) where it still fits these results. */
  function settingsFor(kept, variables, numeric, bindings) {
    const wanted = kept || {};
    const type = TYPES.some(([t]) => t === wanted.type) ? wanted.type : "bar";
    const label = variables.includes(wanted.label) ? wanted.label :
      AnkleValues.labelVariable(variables, bindings, numeric);
    const keptValues = (wanted.values || []).filter((v) => numeric.includes(v) && v !== label);
    const values = keptValues.length ? keptValues : numeric.filter((v) => v !== label).slice(0, 1);
    return { type, label, values: values.length ? values : numeric.slice(0, 1) };
  }

  /** Chart.js data for the first CAP rows: one label per row, one dataset per numeric variable. */
  function chartData(bindings, settings, prefixes) {
    const rows = bindings.slice(0, CAP);
    return {
      labels: rows.map((row) => AnkleValues.text(row[settings.label], prefixes)),
      datasets: settings.values.map((name, index) => {
        const colour = PALETTE[index % PALETTE.length];
        const slices = rows.map((_, i) => PALETTE[i % PALETTE.length]);
        return {
          label: `?${name}`,
          data: rows.map((row) => AnkleValues.number(row[name])),
          backgroundColor: settings.type === "pie" ? slices : colour,
          borderColor: settings.type === "pie" ? "#ffffff" : colour,
        };
      }),
    };
  }

  function description(settings, points) {
    return `${settings.type[0].toUpperCase()}${settings.type.slice(1)} chart of ` +
      `${settings.values.map((v) => `?${v}`).join(", ")} by ?${settings.label}, ${points} point${points === 1 ? "" : "s"}`;
  }

  function message(text) {
    const p = document.createElement("p");
    p.className = "view-message";
    p.setAttribute("role", "status");
    p.textContent = text;
    return p;
  }



  class ChartView {
    constructor(yasr) {
      this.yasr = yasr;
      this.priority = 3;
      this.label = "Chart";
      this.chart = null;
      this.canvas = null;
    }

    canHandleResults() {
      return AnkleValues.hasBindings(this.yasr);
    }

    getIcon() {
      return AnkleValues.icon([[1, 9, 4, 6], [6, 4, 4, 11], [11, 7, 4, 8]]);
    }

    destroy() {
      if (this.chart) this.chart.destroy();
      this.chart = null;
      this.canvas = null;
    }

    draw(kept) {
      this.destroy();
      const results = this.yasr.results;
      const variables = results.getVariables();
      const bindings = results.getBindings();
      const numeric = AnkleValues.numericVariables(variables, bindings);
      const view = document.createElement("div");
      view.className = "result-view chart-view";
      this.yasr.resultsEl.appendChild(view);
      if (!numeric.length) {
        view.appendChild(message("Nothing to chart: no variable in these results has numbers for values. A chart " +
          "needs a numeric literal (xsd:integer, xsd:decimal, xsd:double or xsd:float), such as COUNT(?x) AS ?n " +
          "in a query that groups its rows; the pivot view can count the rows of these results."));
        return;
      }
      this.settings = settingsFor(kept, variables, numeric, bindings);
      const controls = document.createElement("div");
      controls.className = "view-controls";
      controls.setAttribute("role", "group");
      controls.setAttribute("aria-label", "Chart settings");
      const typeSelect = AnkleValues.select("type", TYPES, this.settings.type);
      const labelSelect = AnkleValues.select("label", variables.map((v) => [v, `?${v}`]), this.settings.label);
      const values = document.createElement("fieldset");
      const legend = document.createElement("legend");
      legend.textContent = "Values";
      values.appendChild(legend);
      for (const name of numeric) {
        const box = document.createElement("input");
        box.type = "checkbox";
        box.name = "values";
        box.value = name;
        box.checked = this.settings.values.includes(name);
        const label = document.createElement("label");
        label.append(box, ` ?${name}`);
        values.appendChild(label);
      }
      controls.append(AnkleValues.labelled("Chart", typeSelect), AnkleValues.labelled("Labels", labelSelect), values);
      const note = document.createElement("p");
      note.className = "view-note";
      note.textContent = bindings.length > CAP ?
        `A chart draws at most ${CAP} rows: this one shows the first ${CAP} of ${bindings.length}.` :
        `A chart draws at most ${CAP} rows; these results have ${bindings.length}.`;
      const box = document.createElement("div");
      box.className = "chart-box";
      view.append(controls, note, box);
      const render = () => {
        if (this.chart) this.chart.destroy();
        this.chart = null;
        box.replaceChildren();
        if (!this.settings.values.length) {
          box.appendChild(message("Choose at least one variable under Values to draw."));
          return;
        }
        const data = chartData(bindings, this.settings, this.yasr.getPrefixes());
        this.canvas = document.createElement("canvas");
        this.canvas.setAttribute("role", "img");
        this.canvas.setAttribute("aria-label", description(this.settings, data.labels.length));
        this.canvas.textContent = description(this.settings, data.labels.length);
        box.appendChild(this.canvas);
        this.chart = new Chart(this.canvas, {
          type: this.settings.type,
          data,
          options: {
            animation: false,
            responsive: true,
            maintainAspectRatio: false,
            plugins: { legend: { display: this.settings.type === "pie" || this.settings.values.length > 1 } },
          },
        });
      };
      controls.addEventListener("change", () => {
        this.settings = {
          type: typeSelect.value,
          label: labelSelect.value,
          values: [...values.querySelectorAll("input:checked")].map((input) => input.value),
        };
        this.yasr.storePluginConfig("chart", { ...this.settings });
        render();
      });
      render();
    }

    download() {
      if (!this.chart || !this.canvas) return undefined;
      const canvas = this.canvas;
      return {
        contentType: "image/png",
        getData: () => canvas.toDataURL("image/png"),
        filename: "chart.png",
        title: "Download the chart as PNG",
      };
    }
  }

  Yasgui.Yasr.registerPlugin("chart", ChartView);
  return { CAP, PALETTE, settingsFor, chartData, ChartView };
})();
