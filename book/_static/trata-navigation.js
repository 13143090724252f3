/* The two sidebar toggles, on every screen width.
 *
 * pydata-sphinx-theme (setupMobileSidebarKeyboardHandlers in pydata-sphinx-theme.js) and
 * sphinx-book-theme (fixSidebarToggle in sphinx-book-theme.js) bind their click handlers to
 * `document.querySelector(".primary-toggle")` and `(".secondary-toggle")`: the first button of
 * each kind in the document. With sphinx-book-theme that is the copy in the page header, which
 * its own style sheet hides; the buttons a reader sees, in the article header, have no handler
 * and do nothing. This script gives each visible toggle the themes' behaviour by passing its
 * click on to the first button of its kind, so that the themes' own code opens the sidebar as a
 * dialog on narrow screens and collapses the sidebar on wide ones. It also names the buttons,
 * keeps `aria-expanded` true to the state, and adds a close button to the open dialog (on a
 * phone the dialog can fill the screen, leaving no backdrop to tap). The installed themes are
 * not changed.
 */
(function () {
  "use strict";

  var TOGGLES = [
    { selector: ".primary-toggle", sidebar: "pst-primary-sidebar", dialog: "pst-primary-sidebar-modal",
      label: "Site navigation", close: "Close the site navigation" },
    { selector: ".secondary-toggle", sidebar: "pst-secondary-sidebar", dialog: "pst-secondary-sidebar-modal",
      label: "Contents of this page", close: "Close the contents of this page" },
  ];

  function setup(t) {
    var buttons = Array.prototype.slice.call(document.querySelectorAll(t.selector));
    var sidebar = document.getElementById(t.sidebar);
    var dialog = document.getElementById(t.dialog);
    if (buttons.length < 2 || !sidebar || !dialog) return;
    var bound = buttons[0];  // the one the themes listen to
    var visible = buttons.slice(1);

    function expanded() {
      return dialog.open || (t.sidebar === "pst-primary-sidebar" &&
        window.matchMedia("(min-width: 992px)").matches && !sidebar.classList.contains("pst-sidebar-hidden"));
    }

    function sync() {
      var state = expanded() ? "true" : "false";
      visible.forEach(function (b) { b.setAttribute("aria-expanded", state); });
    }

    function addClose() {
      if (!dialog.open || dialog.querySelector(".trata-dialog-close")) return;
      var close = document.createElement("button");
      close.type = "button";
      close.className = "trata-dialog-close btn";
      close.setAttribute("aria-label", t.close);
      close.innerHTML = '<span class="fa-solid fa-xmark" aria-hidden="true"></span>';
      close.addEventListener("click", function () { dialog.close(); });
      dialog.insertBefore(close, dialog.firstChild);
      close.focus();
    }

    visible.forEach(function (b) {
      b.setAttribute("aria-label", t.label);
      b.setAttribute("aria-controls", t.sidebar);
      b.addEventListener("click", function (event) {
        event.preventDefault();
        event.stopPropagation();
        bound.click();
        addClose();
        sync();
      });
    });
    // the themes move the sidebar's content back when the dialog closes; the close button goes
    dialog.addEventListener("close", function () {
      var close = document.querySelector(".trata-dialog-close[aria-label='" + t.close + "']");
      if (close) close.remove();
      sync();
    });
    window.matchMedia("(min-width: 992px)").addEventListener("change", sync);
    sync();
  }

  function init() {
    TOGGLES.forEach(setup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
