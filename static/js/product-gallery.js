// The product gallery. The template's links work on their own (each opens a large photo); here they become
// buttons: a thumbnail shows its photo in the main view (arrow keys, Home and End move between thumbnails),
// and the main photo opens the large one in a <dialog> that Escape closes, focus going back to the photo.
(function () {
  "use strict";
  var gallery = document.querySelector("[data-gallery]");
  var zoomLink = gallery && gallery.querySelector("[data-gallery-zoom]");
  if (!zoomLink) {
    return;
  }
  var dialog = gallery.querySelector("[data-gallery-dialog]");
  var largeImage = dialog.querySelector("[data-gallery-large]");

  // A control that changes the page is a <button>; the link's content, classes and data move into it.
  function linkToButton(link) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    Object.keys(link.dataset).forEach(function (key) {
      button.dataset[key] = link.dataset[key];
    });
    button.dataset.large = link.getAttribute("href");
    while (link.firstChild) {
      button.appendChild(link.firstChild);
    }
    link.replaceWith(button);
    return button;
  }

  var zoomButton = linkToButton(zoomLink);
  var mainImage = zoomButton.querySelector("img");
  var thumbs = Array.prototype.map.call(gallery.querySelectorAll("[data-gallery-thumb]"), function (link) {
    var chosen = link.getAttribute("aria-current") === "true";
    var button = linkToButton(link);
    button.setAttribute("aria-pressed", chosen ? "true" : "false");
    return button;
  });

  function show(thumb) {
    thumbs.forEach(function (other) {
      other.setAttribute("aria-pressed", other === thumb ? "true" : "false");
    });
    if (thumb.dataset.srcset) {
      mainImage.setAttribute("srcset", thumb.dataset.srcset);
    } else {
      mainImage.removeAttribute("srcset");
    }
    mainImage.src = thumb.dataset.src;
    mainImage.width = Number(thumb.dataset.width);
    mainImage.height = Number(thumb.dataset.height);
    mainImage.alt = thumb.dataset.alt;
    zoomButton.dataset.large = thumb.dataset.large;
  }

  thumbs.forEach(function (thumb, index) {
    thumb.addEventListener("click", function () {
      show(thumb);
    });
    thumb.addEventListener("keydown", function (event) {
      var next = {ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1,
        Home: 0, End: thumbs.length - 1}[event.key];
      if (next === undefined) {
        return;
      }
      event.preventDefault(); // the arrows would otherwise scroll the page
      var target = thumbs[(next + thumbs.length) % thumbs.length];
      show(target);
      target.focus();
    });
  });

  zoomButton.addEventListener("click", function () {
    largeImage.src = zoomButton.dataset.large;
    largeImage.alt = mainImage.alt;
    dialog.showModal();
  });
  dialog.querySelector("[data-gallery-close]").addEventListener("click", function () {
    dialog.close();
  });
  // A click on the dark backdrop (the dialog element itself, outside its content) closes it too.
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) {
      dialog.close();
    }
  });
  dialog.addEventListener("close", function () {
    zoomButton.focus();
  });
})();
