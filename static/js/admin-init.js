// Starts the Wagtail admin's widgets and panels from JSON data blocks instead of inline scripts, so the admin
// runs under a Content-Security-Policy without 'unsafe-inline' (see cms/admin_csp.py and the overridden
// templates in templates/wagtailadmin/). A block reads:
//   <script type="application/json" data-admin-init>{"construct": "InlinePanel", "argsJson": "[...]"}</script>
// and becomes `new InlinePanel(...)` ("call" instead of "construct" calls a function). Blocks inserted later
// (a form added to an inline panel, a chooser's result) are started when they appear.
(function () {
  "use strict";
  // Only Wagtail's own initialisers: a data block must never be able to call just any global function.
  var ALLOWED = /^(InlinePanel|MultipleChooserPanel|[A-Za-z]*Chooser|init(Date|Time|DateTime)Chooser|createTaskChooser)$/;

  function start(block) {
    if (block.hasAttribute("data-admin-init-done")) {
      return;
    }
    block.setAttribute("data-admin-init-done", "");
    var data = JSON.parse(block.textContent);
    var name = data.construct || data.call;
    var target = window[name];
    if (!ALLOWED.test(name) || typeof target !== "function") {
      throw new Error("admin-init: no initialiser called " + name);
    }
    // "args" are plain values; "argsJson" is a JSON array as a string, for values a template can only escape.
    var args = (data.args || []).concat(data.argsJson ? JSON.parse(data.argsJson) : []);
    if (data.construct) {
      // eslint-disable-next-line no-new
      new (Function.prototype.bind.apply(target, [null].concat(args)))();
    } else {
      target.apply(window, args);
    }
  }

  function startAll(root) {
    var blocks = root.querySelectorAll ? root.querySelectorAll("script[data-admin-init]") : [];
    Array.prototype.forEach.call(blocks, start);
    if (root.matches && root.matches("script[data-admin-init]")) {
      start(root);
    }
  }

  function watch() {
    startAll(document);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        Array.prototype.forEach.call(mutation.addedNodes, function (node) {
          if (node.nodeType === Node.ELEMENT_NODE) {
            startAll(node);
          }
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watch);
  } else {
    watch();
  }
})();
