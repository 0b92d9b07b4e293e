// Starts Pagefind's search UI on the search page (progressive enhancement: without JavaScript the
// page explains where else to look). Danish labels follow from <html lang="da">.
(function () {
  "use strict";
  var box = document.getElementById("soegning");
  if (!box || typeof PagefindUI === "undefined") return;
  var ui = new PagefindUI({
    element: "#soegning",
    bundlePath: box.getAttribute("data-pagefind-ui"),
    showSubResults: true,
    showImages: false,
    resetStyles: false
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
