// The header's menu button on narrow screens. The template renders the links visible and the button
// unused, so a browser without JavaScript still shows every link; here the links fold behind the button.
// Whether the button shows at all is CSS's call (a media query), so resizing never leaves the links stuck.
(function () {
  "use strict";
  var header = document.querySelector("[data-site-header]");
  var button = header && header.querySelector("[data-menu-toggle]");
  var menu = button && document.getElementById(button.getAttribute("aria-controls"));
  if (!menu) {
    return;
  }
  function isOpen() {
    return button.getAttribute("aria-expanded") === "true";
  }
  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    menu.classList.toggle("site-menu--open", open);
  }
  header.classList.add("site-header--folding");
  setOpen(false);
  button.addEventListener("click", function () {
    setOpen(!isOpen());
  });
  // Escape closes the menu from the button or any link in it, and focus goes back to the button so a
  // keyboard user is not left on a link that has just disappeared.
  header.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && isOpen()) {
      setOpen(false);
      button.focus();
    }
  });
})();
