// Casebook's compare page, before the first paint: when the address chooses two or more cases
// (?cases=a,b), the page is laid out for the side-by-side view from the start (site.css, under
// .compare-from-address), instead of showing the whole table and jumping once site.js has loaded.
// Loaded without defer on purpose; site.js removes the class once the comparison is in place.
(function () {
  "use strict";
  var cases = new URLSearchParams(window.location.search).get("cases") || "";
  if (cases.split(",").filter(Boolean).length >= 2) { document.documentElement.classList.add("compare-from-address"); }
})();
