/* Vägar till jobb: Material's navigation with the keyboard.
 *
 * Material opens its drawer (the navigation on narrow screens) and the sections inside it with
 * <label>s that toggle hidden checkboxes. Only some of those labels can be focused, and Enter
 * is the only key Material handles. Here (with partials/header.html and vagar.css):
 * - the menu button (a <button> in partials/header.html) opens and closes the drawer, and
 *   every label that opens or closes a section of the navigation works with Enter and Space;
 * - opening the drawer or a section moves focus to its first visible control, closing a
 *   section returns focus to the label that opened it;
 * - Escape, or moving focus out of the drawer, closes it; aria-expanded follows the state.
 * - the light/dark toggle works with Space as well as Enter;
 * vagar.css takes everything the reader cannot see (the closed drawer, closed sections, a level
 * covered by an open section) out of the tab order.
 */
(function () {
  "use strict";
  // Issue 11: the light/dark toggle is a radio button that Material switches on Enter only;
  // Space (the key of a button) did nothing, the radio being already checked.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key !== " " || !(target instanceof HTMLInputElement) || !target.matches("input.md-option")) {
      return;
    }
    var label = target.nextElementSibling;
    if (label instanceof HTMLLabelElement) {
      event.preventDefault();
      label.click();
    }
  });

  var drawer = document.getElementById("__drawer");
  var button = document.querySelector(".vagar-drawer-toggle");
  var sidebar = document.querySelector(".md-sidebar--primary");
  if (!drawer || !button || !sidebar) {
    return;
  }

  function visible(element) {
    var style = window.getComputedStyle(element);
    return style.visibility === "visible" && style.display !== "none" && element.getClientRects().length > 0;
  }

  function focusFirst(container) {
    // The sidebar is made visible by the same change that opened it; wait one frame.
    window.requestAnimationFrame(function () {
      var candidates = container.querySelectorAll("a[href], label[tabindex='0']");
      for (var i = 0; i < candidates.length; i++) {
        if (visible(candidates[i])) {
          candidates[i].focus();
          return;
        }
      }
    });
  }

  function setDrawer(open) {
    if (drawer.checked !== open) {
      drawer.checked = open;
      drawer.dispatchEvent(new Event("change"));
    }
  }

  // Labels of the open section are headings on wide screens, so Material leaves them out of the
  // tab order; in the open drawer they open and close their section and must be reachable.
  var headings = sidebar.querySelectorAll("label.md-nav__link[for]:not([tabindex='0'])");
  drawer.addEventListener("change", function () {
    button.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
    headings.forEach(function (label) {
      if (drawer.checked) {
        label.setAttribute("tabindex", "0");
      } else {
        label.removeAttribute("tabindex");
      }
    });
  });

  // The back labels at the top of each section are not focusable in Material.
  sidebar.querySelectorAll(".md-nav__title[for]:not([for='__drawer'])").forEach(function (label) {
    label.setAttribute("tabindex", "0");
  });

  button.addEventListener("click", function () {
    setDrawer(!drawer.checked);
    if (drawer.checked) {
      focusFirst(sidebar);
    }
  });

  // Enter and Space on the navigation's labels. Material's own handler (Enter on a focused
  // label) is stopped, so a label is clicked once.
  document.addEventListener(
    "keydown",
    function (event) {
      var target = event.target;
      if (event.key === "Escape" && drawer.checked) {
        setDrawer(false);
        button.focus();
        return;
      }
      if (event.key !== "Enter" && event.key !== " ") {
        return;
      }
      var isNavLabel = target instanceof HTMLLabelElement && sidebar.contains(target) && target.htmlFor !== "__drawer";
      if (!isNavLabel) {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      target.click();
    },
    true
  );

  // A section opened or closed from the keyboard: keep focus on something visible.
  sidebar.querySelectorAll(".md-nav__toggle").forEach(function (toggle) {
    toggle.addEventListener("change", function () {
      var pane = toggle.parentElement.querySelector(":scope > .md-nav");
      var opener = document.getElementById(toggle.id + "_label");
      if (!pane) {
        return;
      }
      if (toggle.checked && opener && document.activeElement === opener) {
        focusFirst(pane);
      } else if (!toggle.checked && pane.contains(document.activeElement) && opener) {
        window.requestAnimationFrame(function () {
          opener.focus();
        });
      }
    });
  });

  // Focus that leaves the open drawer (Tab past its last link) closes it.
  document.addEventListener("focusin", function (event) {
    if (drawer.checked && event.target !== button && !sidebar.contains(event.target)) {
      setDrawer(false);
    }
  });
})();
