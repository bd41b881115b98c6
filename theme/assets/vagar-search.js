/* Vägar till jobb: glue between the pages and Pagefind's Component UI.
 *
 * Loaded before pagefind-component-ui.js, at the end of <body>.
 * 1. Every <pagefind-config bundle-path> is written relative to the page; Pagefind needs it
 *    absolute, so it is resolved here. That is what makes search work under a sub-path
 *    (https://org.github.io/repo/): result URLs get the same prefix (Pagefind's baseUrl
 *    defaults to the part of the bundle path before "pagefind/").
 * 2. On the search page: ?q= starts a search (the home page's form and plain links use it),
 *    and the sort menu orders results by total duration. Pagefind 1.5's Component UI has no
 *    sort control, so the instance's search call is wrapped; the browser tests cover it, so an
 *    upgrade that breaks it fails loudly.
 */
(function () {
  "use strict";
  document.querySelectorAll("pagefind-config[bundle-path]").forEach(function (config) {
    var resolved = new URL(config.getAttribute("bundle-path"), document.baseURI);
    config.setAttribute("bundle-path", resolved.pathname);
  });

  var sortMenu = document.getElementById("vagar-sort");
  if (!sortMenu) {
    return;
  }
  document.addEventListener("DOMContentLoaded", async function () {
    if (!window.PagefindComponents) {
      return;
    }
    var instance = window.PagefindComponents.getInstanceManager().getInstance("default");
    await instance.triggerLoad();
    var pagefind = instance.__pagefind__;
    var search = pagefind.search.bind(pagefind);
    var sortKey = sortMenu.getAttribute("data-sort-key");
    var sort = null;
    pagefind.search = function (term, options) {
      var merged = Object.assign({}, options || {});
      if (sort) {
        merged.sort = sort;
      }
      return search(term, merged);
    };
    sortMenu.addEventListener("change", function () {
      sort = sortMenu.value ? { [sortKey]: sortMenu.value } : null;
      instance.triggerSearch(instance.searchTerm || "");
    });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) {
      instance.triggerSearch(query);
      var input = document.querySelector("pagefind-input input");
      if (input) {
        input.value = query;
      }
    }
  });
})();
