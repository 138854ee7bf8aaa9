// /docs: what Swagger UI's markup lacks for the WCAG 2.1 AA checks (tests/web/test_accessibility.py), added as it
// renders: a name for each parameter's input (its <select multiple> and text boxes have no <label>), and keyboard
// access to the example blocks that scroll (a focusable region).
"use strict";

function labelControls(root) {
  for (const row of root.querySelectorAll("tr[data-param-name]")) {
    const name = row.dataset.paramName;
    const where = row.dataset.paramIn ? ` (${row.dataset.paramIn})` : "";
    for (const control of row.querySelectorAll("select, input, textarea")) {
      if (!control.labels?.length && !control.getAttribute("aria-label")) control.setAttribute("aria-label", `${name}${where}`);
    }
  }
  for (const block of root.querySelectorAll(".highlight-code > pre, pre.microlight, pre.example")) {
    if (!block.hasAttribute("tabindex")) block.setAttribute("tabindex", "0");
  }
}

new MutationObserver(() => labelControls(document)).observe(document.body, { childList: true, subtree: true });
