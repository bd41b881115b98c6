/* Vägar till jobb: the drawer of the pages outside the navigation (paths, actors, counties…),
 * filled from the tabs (issue 15).
 *
 * On those pages no item of the navigation is active, so the tabs (wide screens) and the drawer
 * (narrow screens) list the same links. The page carries them once, as the tabs
 * (theme/partials/vagar-nav.html); the drawer comes with its header and an empty list, which
 * this script fills with the same links in the drawer's markup before the drawer can be opened
 * and before assets/vagar-keyboard.js looks at it. Without JavaScript the tabs are shown on
 * narrow screens instead (vagar.css).
 */
(function () {
  "use strict";
  var list = document.querySelector(".md-sidebar--primary .vagar-drawer-list");
  if (!list || list.children.length) {
    return;
  }
  document.querySelectorAll(".md-tabs__link").forEach(function (tab) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    item.className = "md-nav__item";
    link.className = "md-nav__link";
    link.href = tab.getAttribute("href");
    link.textContent = tab.textContent;
    item.appendChild(link);
    list.appendChild(item);
  });
})();
