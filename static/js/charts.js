// Draws every <canvas data-chart="ID"> from the chart spec ({type, stacked, labels, datasets, unit}) in the
// JSON data block #ID (json_script), with the vendored Chart.js. No inline script: the page's CSP allows
// only the app's own files. Loaded (deferred, after Chart.js) by templates/reports/_chart_scripts.html.
(function () {
  "use strict";
  if (typeof Chart === "undefined") { return; }
  var palette = ["#0b4f8a", "#b3261e", "#2e7d32", "#e0a100", "#6a1b9a", "#00838f", "#5f6b7a"];
  var number = new Intl.NumberFormat("vi-VN", {maximumFractionDigits: 1});

  function draw(canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    var spec = source ? JSON.parse(source.textContent) : null;
    if (!spec) { return; }
    var unit = spec.unit ? " " + spec.unit : "";
    var datasets = spec.datasets.map(function (d, i) {
      return {label: d.label, data: d.data, backgroundColor: palette[i % palette.length]};
    });
    // spec.horizontal: bars along x, one row per label (long labels stay whole; the box grows with the rows).
    var across = spec.horizontal ? "y" : "x", along = spec.horizontal ? "x" : "y";
    if (spec.horizontal && canvas.parentNode) {
      canvas.parentNode.style.height = (spec.labels.length * 22 * Math.max(1, datasets.length) + 90) + "px";
    }
    var scales = {};
    scales[across] = {stacked: !!spec.stacked};
    scales[along] = {stacked: !!spec.stacked, beginAtZero: true,
                     ticks: {callback: function (v) { return number.format(v) + unit; }}};
    new Chart(canvas, {
      type: spec.type || "bar",
      data: {labels: spec.labels, datasets: datasets},
      options: {
        locale: "vi-VN",
        indexAxis: across,
        responsive: true,
        maintainAspectRatio: false,
        scales: scales,
        plugins: {tooltip: {callbacks: {label: function (ctx) {
          return ctx.dataset.label + ": " + number.format(ctx.parsed[along]) + unit;
        }}}}
      }
    });
  }

  document.querySelectorAll("canvas[data-chart]").forEach(draw);
})();
