/* kit report: redraw plotly figures at the printed page's width before printing, and back after. */
(function () {
  var PRINT_WIDTH = 680;  /* CSS pixels between the A4 margins of print.css */
  function figures() { return window.Plotly ? document.querySelectorAll(".js-plotly-plot") : []; }
  function toPrint() {
    figures().forEach(function (g) {
      g.dataset.kitWidth = g.style.width || "";
      g.style.width = PRINT_WIDTH + "px";
      try { window.Plotly.relayout(g, { width: PRINT_WIDTH, autosize: false }); } catch (e) {}
    });
  }
  function toScreen() {
    figures().forEach(function (g) {
      g.style.width = g.dataset.kitWidth || "100%";
      try { window.Plotly.relayout(g, { width: null, autosize: true }); window.Plotly.Plots.resize(g); } catch (e) {}
    });
  }
  window.addEventListener("beforeprint", toPrint);
  window.addEventListener("afterprint", toScreen);
  if (window.matchMedia) {
    var query = window.matchMedia("print");
    var react = function (e) { if (e.matches) { toPrint(); } else { toScreen(); } };
    if (query.addEventListener) { query.addEventListener("change", react); } else if (query.addListener) { query.addListener(react); }
  }
})();
