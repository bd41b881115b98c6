/* Vägar till jobb: the reader's language, remembered in this browser only (issue 16).
 *
 * Path stories exist once, in Swedish. Their labels (occupation, situations, age band, county,
 * step types, durations, outcome) carry data-term="<vocabulary>:<id>" or data-count and
 * data-unit; when the reader's language is not Swedish, they are written again in it from
 * one cached file, vagar-terms.json (beside this script), and a note says the story itself is
 * in Swedish. The reader's language is the language of the last list page they read (the
 * interface languages' own pages), or the one they picked in the language switch. Nothing
 * leaves the browser; without this script the Swedish labels stay.
 */
(function () {
  "use strict";
  var KEY = "vagar-sprak";
  var script = document.currentScript;

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

  var labels = document.querySelectorAll(".vagar-l10n");
  if (labels.length === 0) {
    remember(document.documentElement.lang || "sv");
    return;
  }
  var chosen = remembered();
  if (!chosen || chosen === document.documentElement.lang || !script) {
    return;
  }

  // The plural form of a count, as generator/render.py count_label picks it.
  function counted(count, forms) {
    var category = window.Intl && Intl.PluralRules ? new Intl.PluralRules(chosen).select(count) : "";
    var form = category !== "one" && category !== "many" ? forms[category] : undefined;
    if (form === undefined) {
      form = count === 1 ? forms.one : forms.many;
    }
    return count + " " + form;
  }

  function show(element, text, language) {
    element.textContent = text;
    element.lang = chosen;
    element.dir = language.direction;
  }

  fetch(new URL("vagar-terms.json", script.src))
    .then(function (response) {
      return response.ok ? response.json() : null;
    })
    .then(function (all) {
      var language = all && all[chosen];
      if (!language) {
        return;
      }
      labels.forEach(function (element) {
        var term = element.getAttribute("data-term");
        var unit = element.getAttribute("data-unit");
        if (term && language.terms[term]) {
          show(element, language.terms[term], language);
        } else if (unit && language.units[unit]) {
          show(element, counted(Number(element.getAttribute("data-count")), language.units[unit]), language);
        }
      });
      document.querySelectorAll(".vagar-l10n-note").forEach(function (note) {
        show(note, language.note, language);
        note.hidden = false;
      });
    })
    .catch(function () {
      /* the Swedish labels stay */
    });
})();
