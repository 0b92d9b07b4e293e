// Project overview filter: hides table rows that do not match the chosen kommune / indsatsområde.
// Progressive enhancement: without JavaScript the full table is shown.
(function () {
  "use strict";
  var form = document.getElementById("projektfilter");
  var table = document.getElementById("projekttabel");
  if (!form || !table) { return; }
  var status = document.getElementById("filter-status");
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);

  function apply() {
    var kommune = form.elements.kommune.value;
    var omraader = Array.prototype.filter.call(form.elements.omraade, function (box) { return box.checked; })
      .map(function (box) { return box.value; });
    var shown = 0;
    rows.forEach(function (row) {
      var ok = (!kommune || row.dataset.kommune === kommune) && omraader.indexOf(row.cells[2].textContent) !== -1;
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    status.textContent = "Viser " + shown + " af " + rows.length + " projekter.";
  }

  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
})();
