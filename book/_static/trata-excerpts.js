/* Excerpt explorer: filters the list of interview excerpts by network type and theme.
 *
 * The page carries the full list as plain HTML, so it reads completely without this script. The
 * filter form ships hidden; this script reveals it and hides the excerpts that do not match.
 * No network access, no dependencies.
 */
(function () {
  "use strict";

  function setup(root) {
    var form = root.querySelector(".trata-excerpts-filters");
    if (!form) return;
    var items = Array.prototype.slice.call(root.querySelectorAll("li[data-network]"));
    var network = form.querySelector('select[data-filter="network"]');
    var theme = form.querySelector('select[data-filter="theme"]');
    var status = form.querySelector(".trata-excerpts-count");

    function apply() {
      var n = network ? network.value : "";
      var t = theme ? theme.value : "";
      var shown = 0;
      items.forEach(function (li) {
        var themes = (li.getAttribute("data-themes") || "").split(" ");
        var match = (!n || li.getAttribute("data-network") === n) && (!t || themes.indexOf(t) !== -1);
        li.hidden = !match;
        if (match) shown += 1;
      });
      if (status) {
        status.textContent = shown === items.length
          ? "Showing all " + items.length + " excerpts."
          : "Showing " + shown + " of " + items.length + " excerpts.";
      }
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".trata-excerpts"), setup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
