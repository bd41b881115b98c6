/* Vägar till jobb: the reader's language, remembered in this browser only (issue 16).
 *
 * Path stories exist once, in Swedish; their labels (occupation, step types, durations,
 * outcome) are written in every interface language, each in a <span lang> inside
 * .vagar-l10n, and this script shows the one in the reader's language. The reader's language
 * is the language of the last list page they read (the interface languages' own pages), or
 * the one they picked in the language switch. Nothing leaves the browser.
 */
(function () {
  "use strict";
  var KEY = "vagar-sprak";

  function remember(code) {
    try {
      window.localStorage.setItem(KEY, code);
    } catch (error) {
      /* storage may be off: the choice is then not kept */
    }
  }

  function remembered() {
    try {
      return window.localStorage.getItem(KEY);
    } catch (error) {
      return null;
    }
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-vagar-language]");
    if (link) {
      remember(link.getAttribute("data-vagar-language"));
    }
  });

  var labelled = document.querySelectorAll(".vagar-l10n");
  if (labelled.length === 0) {
    remember(document.documentElement.lang || "sv");
    return;
  }
  var chosen = remembered();
  if (!chosen || chosen === document.documentElement.lang) {
    return;
  }
  labelled.forEach(function (group) {
    var spans = Array.prototype.filter.call(group.children, function (child) {
      return child.hasAttribute("lang");
    });
    var match = spans.some(function (span) {
      return span.getAttribute("lang") === chosen;
    });
    if (!match) {
      return;
    }
    spans.forEach(function (span) {
      span.hidden = span.getAttribute("lang") !== chosen;
    });
    if (group.classList.contains("vagar-l10n-note")) {
      group.hidden = false;
    }
  });
})();
