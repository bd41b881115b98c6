/* Vägar till jobb: glue between the pages and Pagefind's Component UI.
 *
 * Loaded before pagefind-component-ui.js, at the end of <body>.
 * 1. Every <pagefind-config bundle-path> is written relative to the page; Pagefind needs it
 *    absolute, so it is resolved here. That is what makes search work under a sub-path
 *    (https://org.github.io/repo/): result URLs get the same prefix (Pagefind's baseUrl
 *    defaults to the part of the bundle path before "pagefind/").
 * 2. Issue 11: the header's dialog never loads every filter chunk. Pagefind's Component UI
 *    calls filters() as soon as it loads (and again whenever the field is emptied), which
 *    fetches every filter's chunk — most of a first search's bytes on a large site, for a
 *    dialog that shows no filters. Its instance's loader is replaced by one that does the
 *    same without that call (tests/test_search_browse.py counts the requests).
 * 3. Pagefind 1.5.2 names the search dialog's close button before it has loaded the page's
 *    language, so the name stays "Close"; the Swedish name comes from the template
 *    (data-close-label on <pagefind-modal>, from locales/sv.yml). Its field's placeholder,
 *    Pagefind's "Sök på denna sida", becomes data-placeholder (issue 11: it searches the
 *    whole site).
 * 4. Pagefind 1.5.2 builds result excerpts (inserted as HTML) from the page text escaping only
 *    < and >, not &: a path whose text reads "&lt;b&gt;" showed "<b>" in the results. Nothing
 *    can run that way (< is always escaped), but the text must show as written. Each
 *    instance's search is wrapped: every excerpt is written again from the page text,
 *    escaped in full, keeping Pagefind's choice of words and highlights
 *    (tests/test_hostile.py checks it, so an upgrade that changes Pagefind's fragments fails
 *    loudly). The word every page holds for browsing (data-hidden-word) is left out.
 */
(function () {
  "use strict";
  document.querySelectorAll("pagefind-config[bundle-path]").forEach(function (config) {
    var resolved = new URL(config.getAttribute("bundle-path"), document.baseURI);
    config.setAttribute("bundle-path", resolved.pathname);
  });

  document.querySelectorAll("pagefind-modal[data-close-label]").forEach(function (modal) {
    var label = modal.getAttribute("data-close-label");
    var placeholder = modal.getAttribute("data-placeholder");
    new MutationObserver(function () {
      modal.querySelectorAll(".pf-modal-close").forEach(function (button) {
        if (button.getAttribute("aria-label") !== label) {
          button.setAttribute("aria-label", label);
        }
      });
      modal.querySelectorAll("input[type=search]").forEach(function (input) {
        if (placeholder && input.getAttribute("placeholder") !== placeholder) {
          input.setAttribute("placeholder", placeholder);
        }
      });
    }).observe(modal, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["aria-label", "placeholder"],
    });
  });

  // The word every indexed page holds for browsing (generator/search_page.py, BROWSE_WORD)
  // is never shown in an excerpt.
  var hiddenConfig = document.querySelector("pagefind-config[data-hidden-word]");
  var hiddenWord = hiddenConfig ? hiddenConfig.getAttribute("data-hidden-word").toLowerCase() : "";

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  // Pagefind's excerpt is a run of the page's words (from `raw_content`), some wrapped in
  // <mark>. Find the run and take each word again from the page text (`content`), with
  // whether it was marked; null when the run is not there. The search page uses it too
  // (assets/vagar-search-page.js), so it is on window.
  function excerptWords(excerpt, rawWords, words) {
    var shown = excerpt.split(" ");
    var plain = shown.map(function (word) {
      var marked = /^<mark>([\s\S]*)<\/mark>$/.exec(word);
      return marked ? marked[1] : word;
    });
    for (var start = 0; start + plain.length <= rawWords.length; start++) {
      var same = true;
      for (var k = 0; k < plain.length && same; k++) {
        same = rawWords[start + k] === plain[k];
      }
      if (same) {
        return shown.map(function (word, k) {
          return { text: words[start + k], marked: word !== plain[k] };
        });
      }
    }
    return null;
  }
  window.vagarExcerptWords = excerptWords;

  // The excerpt written again from the page text, every word escaped in full.
  function escapeExcerpt(excerpt, rawWords, words) {
    var parts = excerptWords(excerpt, rawWords, words);
    if (!parts) {
      return excerpt;
    }
    return parts
      .filter(function (part) {
        return part.text && !(hiddenWord && part.text.toLowerCase() === hiddenWord);
      })
      .map(function (part) {
        var text = escapeHtml(part.text);
        return part.marked ? "<mark>" + text + "</mark>" : text;
      })
      .join(" ");
  }

  function escapeResult(result) {
    var data = result.data;
    result.data = async function () {
      var fragment = await data();
      var raw = fragment.raw_content;
      // Pages whose words Pagefind breaks at zero-width spaces (Chinese, Japanese…) keep
      // Pagefind's own excerpt: its words are joined without a separator.
      if (typeof raw !== "string" || typeof fragment.content !== "string" || raw.indexOf("\u200B") !== -1) {
        return fragment;
      }
      var rawWords = raw.split(/[\r\n\s]+/g);
      var words = fragment.content.split(/[\r\n\s]+/g);
      if (rawWords.length !== words.length) {
        return fragment;
      }
      if (typeof fragment.excerpt === "string") {
        fragment.excerpt = escapeExcerpt(fragment.excerpt, rawWords, words);
      }
      (fragment.sub_results || []).forEach(function (sub) {
        if (typeof sub.excerpt === "string") {
          sub.excerpt = escapeExcerpt(sub.excerpt, rawWords, words);
        }
      });
      return fragment;
    };
  }

  function escapeFragments(pagefind) {
    if (pagefind.__vagarEscaped) {
      return;
    }
    pagefind.__vagarEscaped = true;
    ["search", "debouncedSearch"].forEach(function (name) {
      var search = pagefind[name];
      pagefind[name] = async function () {
        var response = await search.apply(pagefind, arguments);
        if (response && response.results) {
          response.results.forEach(escapeResult);
        }
        return response;
      };
    });
  }

  function escapeResults(instance) {
    var load = instance.__load__.bind(instance);
    instance.__load__ = async function () {
      await load();
      if (instance.__pagefind__) {
        escapeFragments(instance.__pagefind__);
      }
    };
    if (instance.__pagefind__) {
      escapeFragments(instance.__pagefind__);
    } else if (instance.__loadPromise__) {
      instance.__loadPromise__.then(function () {
        if (instance.__pagefind__) {
          escapeFragments(instance.__pagefind__);
        }
      });
    }
  }

  // The Component UI's loader (1.5.2, __doLoad__) without its call of filters(); and
  // __clear__ (an emptied field) without it too. The dialog shows no filters.
  function skipFilters(instance) {
    instance.__doLoad__ = async function () {
      if (this.__pagefind__) {
        return;
      }
      var module;
      try {
        module = await import(this.options.bundlePath + "pagefind.js");
      } catch (error) {
        console.error(error);
        this.__dispatch__("error", { type: "bundle_load_failed", message: "Could not load search bundle" });
        return;
      }
      var pagefind = module.createInstance(this.pagefindOptions || {});
      this.__pagefind__ = pagefind;
      escapeFragments(pagefind);
      this.availableFilters = {};
      this.totalFilters = {};
    };
    instance.__clear__ = async function () {
      this.__dispatch__("results", { results: [], unfilteredTotalCount: 0 });
    };
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!window.PagefindComponents) {
      return;
    }
    var manager = window.PagefindComponents.getInstanceManager();
    document.querySelectorAll("pagefind-config").forEach(function (config) {
      var instance = manager.getInstance(config.getAttribute("instance") || "default");
      if (config.getAttribute("instance") === "header") {
        skipFilters(instance);
      }
      escapeResults(instance);
    });
  });
})();
