// Favourites without a page reload. The forms work on their own (POST, then back to the same page); this only
// sends the same POST in the background, asks for JSON and updates the button and the header's count.
(function () {
  "use strict";
  var live = null;
  function announce(text) {
    // One polite live region, so a screen reader hears "saved" the way a sighted buyer sees the heart fill.
    if (!live) {
      live = document.createElement("p");
      live.className = "visually-hidden";
      live.setAttribute("role", "status");
      document.body.appendChild(live);
    }
    live.textContent = text;
  }
  function updateCount(count, countText) {
    document.querySelectorAll("[data-favourites-count]").forEach(function (node) {
      node.textContent = "(" + count + ")";
    });
    document.querySelectorAll("[data-favourites-count-text]").forEach(function (node) {
      node.textContent = countText;
    });
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-favourite-form]") || !window.fetch) {
      return;
    }
    event.preventDefault();
    var button = form.querySelector("button");
    button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (data) {
        // Every toggle for this product on the page (a card and the product's own button) follows.
        document.querySelectorAll('form[action="' + form.getAttribute("action") + '"] button').forEach(function (other) {
          other.setAttribute("aria-pressed", data.saved ? "true" : "false");
        });
        updateCount(data.count, data.count_text);
        announce(data.message);
      })
      .catch(function () {
        form.submit(); // fall back to the plain form, which reports any problem on the next page
      })
      .finally(function () {
        button.disabled = false;
      });
  });
})();
