// Starts Pagefind's default UI when the search bundle is present (it is added by a separate indexing step).
(function () {
  "use strict";
  var box = document.getElementById("soegning");
  if (!box || typeof window.PagefindUI !== "function") { return; }
  box.textContent = "";
  new window.PagefindUI({ element: "#soegning", showSubResults: true, showImages: false });
})();
