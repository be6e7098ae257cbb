/// The page's style sheet and script, inline so that the page needs nothing from anywhere.
enum HTMLAssets {
    static let style = """
    body{font:13px/1.35 system-ui,-apple-system,"Segoe UI",sans-serif;margin:16px;color:#222;background:#fff}
    h1{font-size:18px;margin:0 0 4px}h2{font-size:15px;margin:18px 0 6px}h3{font-size:13px;margin:12px 0 4px}
    .meta{color:#555;margin:0 0 8px}.pass-word{color:#2e7d32;font-weight:700}.fail-word{color:#c62828;font-weight:700}
    .controls{display:flex;gap:8px;align-items:center;margin:8px 0;flex-wrap:wrap}
    .controls button{font:inherit;padding:2px 10px}
    #detail{flex:1 1 300px;min-height:2.7em;white-space:pre-wrap;background:#f6f6f6;border:1px solid #ddd;padding:3px 6px;font-size:12px}
    .timeline{display:flex;border:1px solid #ccc}
    .labels{flex:0 0 150px;border-right:1px solid #ccc;background:#fff}
    .labels div{height:18px;line-height:18px;padding:0 6px;white-space:nowrap;overflow:hidden;font-size:12px;box-sizing:border-box}
    .labels .axis-space{height:24px}
    .labels .lane-name{font-weight:600}
    .labels .row-name{color:#777;font-size:11px;text-align:right}
    .plot{flex:1 1 auto;overflow-x:auto}
    svg.chart{display:block;width:100%}
    svg text{font-size:11px;pointer-events:none}
    .lane-bg{fill:#fff;stroke:#ddd;stroke-width:1}
    .axis line{stroke:#e6e6e6}.axis text{fill:#555}
    .role-manager rect{fill:#e6e0f5}.role-worker rect{fill:#f1f1f1}.role-manager text,.role-worker text{fill:#555}
    .leader rect{fill:#f2c14e}.term{fill:#7b5ea7}
    .st-ready rect,rect.st-ready{fill:#8fd18f}.st-unknown rect{fill:#f0b34a}.st-down rect{fill:#e06666}.st-disconnected rect{fill:#bbb}
    .s-new,.s-pending,.s-assigned{fill:#c4d0e3}.s-accepted,.s-preparing,.s-ready,.s-starting{fill:#92b6e3}
    .s-running{fill:#3b7dd8}.s-complete{fill:#6a8f6a}.s-shutdown,.s-remove{fill:#a0a0a0}
    .s-failed,.s-rejected{fill:#d9534f}.s-orphaned{fill:#9b59b6}
    .task text,.leader text,.st-ready text,.st-unknown text,.st-down text{fill:#111;paint-order:stroke;stroke:#fff;stroke-width:3px}
    .fault rect{fill:#f7d4d4;stroke:#c0392b}.fault text{fill:#7a1f1f}
    .shade{fill:#c0392b;fill-opacity:.1;pointer-events:none}.shade-text{fill:#a33;font-size:10px}
    .expect rect{fill:#2e7d32}.expect.fail rect{fill:#c62828}.expect text{font-weight:700;font-size:13px}
    .expect.pass text{fill:#2e7d32}.expect.fail text{fill:#c62828}
    .command rect{fill:#555}.command text{fill:#333}
    g[tabindex]:focus rect{stroke:#000;stroke-width:2}
    .legend{margin:4px 0 8px}
    .words li{margin:1px 0}
    @media print{.controls{display:none}.plot{overflow:visible}svg.chart{width:100% !important}body{margin:0}
    *{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
    """

    /// Zoom buttons (and Ctrl+wheel) widen the chart, whose x are in percent; hovering or
    /// focusing a mark shows its `<title>` text in the detail box.
    static let script = """
    (function () {
      var chart = document.getElementById("chart");
      var detail = document.getElementById("detail");
      var level = document.getElementById("zoom-level");
      var zoom = 1;
      function apply() {
        chart.style.width = (100 * zoom) + "%";
        level.textContent = zoom + "\\u00d7";
      }
      function change(kind) {
        zoom = kind === "in" ? Math.min(64, zoom * 2) : kind === "out" ? Math.max(1, zoom / 2) : 1;
        apply();
      }
      var buttons = document.querySelectorAll("button[data-zoom]");
      for (var i = 0; i < buttons.length; i++) {
        buttons[i].addEventListener("click", function (event) { change(event.currentTarget.getAttribute("data-zoom")); });
      }
      document.getElementById("plot").addEventListener("wheel", function (event) {
        if (!event.ctrlKey) { return; }
        event.preventDefault();
        change(event.deltaY < 0 ? "in" : "out");
      }, { passive: false });
      function titleOf(element) {
        for (; element && element !== chart; element = element.parentNode) {
          var first = element.firstElementChild;
          if (first && first.tagName.toLowerCase() === "title") { return first.textContent; }
        }
        return null;
      }
      function show(event) {
        var text = titleOf(event.target);
        if (text) { detail.textContent = text; }
      }
      chart.addEventListener("mouseover", show);
      chart.addEventListener("focusin", show);
      chart.addEventListener("click", show);
      apply();
    })();
    """
}
