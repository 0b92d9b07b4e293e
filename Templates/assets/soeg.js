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
  // The page's own search box replaces the header's form here; one search field is less confusing.
  var headerForm = document.getElementById("soeg");
  if (headerForm) headerForm.hidden = true;
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
