// Keep shared catalogue links short: leave empty filters (and the default sort) out of the URL.
// Without JavaScript the form still works; the URL just lists every field.
(function () {
  "use strict";
  var form = document.querySelector("form.filters");
  if (!form) {
    return;
  }
  function fields() {
    return Array.prototype.slice.call(form.querySelectorAll("input[name], select[name]"));
  }
  form.addEventListener("submit", function () {
    fields().forEach(function (field) {
      var isDefaultSort = field.name === "sort" && field.value === "newest";
      if (field.value === "" || isDefaultSort) {
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
