// Catalogue niceties; without JavaScript everything still works (the filters just stay open and the URL
// lists every field). Shared links stay short: empty filters and the default sort are left out of the URL.
(function () {
  "use strict";
  var panel = document.querySelector("details.filters-panel");
  if (panel && !panel.hasAttribute("data-keep-open") && window.matchMedia("(max-width: 55.99em)").matches) {
    panel.open = false; // on a phone the results come first; the summary opens the filters
  }
  var form = document.querySelector("form.filters");
  if (!form) {
    return;
  }
  function fields() {
    return Array.prototype.slice.call(form.querySelectorAll("input[name], select[name]"));
  }
  // Sort and page size always show a value; one the buyer did not pick (absent from the URL and unchanged
  // since the page loaded) must not stick to a new search: "newest" shown before searching is not a choice.
  var inUrl = new URLSearchParams(window.location.search);
  var onLoad = {};
  fields().forEach(function (field) {
    onLoad[field.name] = field.value;
  });
  function notChosen(field) {
    return (field.name === "sort" || field.name === "per_page") && !inUrl.has(field.name) && field.value === onLoad[field.name];
  }
  form.addEventListener("submit", function () {
    var search = form.querySelector("input[name=q]");
    // The default order is the best match while searching and the newest first otherwise.
    var defaultSort = search && search.value.trim() !== "" ? "relevance" : "newest";
    fields().forEach(function (field) {
      var isDefaultSort = field.name === "sort" && field.value === defaultSort;
      var isDefaultSize = field.name === "per_page" && field.selectedIndex === 0;
      if (field.value === "" || isDefaultSort || isDefaultSize || notChosen(field)) {
        field.disabled = true;
      }
    });
  });
  // A page restored by the back button (bfcache) must not come back with disabled fields.
  window.addEventListener("pageshow", function () {
    fields().forEach(function (field) {
      field.disabled = false;
    });
  });
})();
