/* Vägar till jobb: the search page (issue 11), over Pagefind's JavaScript API.
 *
 * - The form's fields are the URL (?q=…&lan=07&yrke=elektriker&sortera=kortast&sida=2):
 *   a change pushes a history entry (typing replaces it), Back and Forward restore the form
 *   and the results, and a shared link opens the same results.
 * - A query with no words but a filter browses: a search for the word every indexed page
 *   holds (data.browseWord; Pagefind's search(null, {filters}) fetches every index chunk),
 *   with the filters and the sort. Nothing is loaded before there is a word or a filter;
 *   Pagefind then fetches the filter chunks in use only (the counts beside the checkboxes
 *   are the site's, in the page).
 * - A query word that names a county, a municipality or a province (the page's data block)
 *   becomes a county filter shown above the results, and leaves the words Pagefind stems.
 * - Result cards are built with textContent: nothing from the index is parsed as HTML.
 *   Excerpts are written again from the page's own text (Pagefind escapes only < and >).
 * - On a narrow screen the filters fold behind one button that counts the active filters.
 * Every text comes from the page (theme/locales/sv.yml through theme/vagar/search.html).
 */
(function () {
  "use strict";
  var root = document.querySelector(".vagar-search[data-bundle]");
  var dataBlock = document.getElementById("vagar-search-data");
  var stringsBlock = document.getElementById("vagar-search-strings");
  if (!root || !dataBlock || !stringsBlock) {
    return;
  }
  var data = JSON.parse(dataBlock.textContent);
  var strings = JSON.parse(stringsBlock.textContent);
  var form = root.querySelector("form");
  var input = form.querySelector("input[name=q]");
  var sortMenu = form.querySelector("select[name=sortera]");
  var status = root.querySelector(".vagar-search__status");
  var list = root.querySelector(".vagar-results");
  var pager = root.querySelector(".vagar-search__pager");
  var placeLine = root.querySelector(".vagar-search__place");
  var toggle = root.querySelector(".vagar-search__toggle");
  var bundle = new URL(root.getAttribute("data-bundle"), document.baseURI).pathname;
  var PAGE_SIZE = 10;
  var SORTS = { kortast: "asc", langst: "desc" };
  var narrow = window.matchMedia("(max-width: 44.9375em)");
  var pagefindPromise = null;
  var run = 0;

  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function normalize(text) {
    return text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
  }

  // The page's place names are keys (generator/places.py, place_key): 32-bit FNV-1a of the
  // normalized words, as eight letters a-p. A hidden municipality is then nowhere in the page.
  function placeKey(normalized) {
    var value = 0x811c9dc5;
    for (var i = 0; i < normalized.length; i++) {
      value = Math.imul(value ^ normalized.charCodeAt(i), 0x01000193) >>> 0;
    }
    var key = "";
    for (var shift = 28; shift >= 0; shift -= 4) {
      key += "abcdefghijklmnop".charAt((value >>> shift) & 15);
    }
    return key;
  }

  function joinAnd(items) {
    if (items.length < 2) {
      return items.join("");
    }
    return items.slice(0, -1).join(", ") + " " + strings.listAnd + " " + items[items.length - 1];
  }

  // --- State: the form <-> the URL ------------------------------------------------------------

  function checkboxes() {
    return Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
  }

  function readForm() {
    var params = new URLSearchParams();
    var q = input.value.trim();
    if (q) {
      params.set("q", q);
    }
    checkboxes().forEach(function (box) {
      if (box.checked) {
        params.append(box.name, box.value);
      }
    });
    if (sortMenu.value) {
      params.set("sortera", sortMenu.value);
    }
    return params;
  }

  function writeForm(params) {
    input.value = params.get("q") || "";
    checkboxes().forEach(function (box) {
      box.checked = params.getAll(box.name).indexOf(box.value) !== -1;
    });
    sortMenu.value = SORTS[params.get("sortera")] ? params.get("sortera") : "";
  }

  function urlFor(params) {
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "");
  }

  function commit(params, replace) {
    var url = urlFor(params);
    if (url !== window.location.pathname + window.location.search) {
      window.history[replace ? "replaceState" : "pushState"](null, "", url);
    }
    show(params);
  }

  // --- Places -------------------------------------------------------------------------------

  // The query's words, with the place names among them taken out (longest names first).
  function readPlaces(query) {
    var words = query.split(/\s+/).filter(Boolean);
    var keys = words.map(normalize);
    var kept = [];
    var places = [];
    var i = 0;
    while (i < words.length) {
      var found = 0;
      for (var n = Math.min(4, words.length - i); n > 0 && !found; n--) {
        var name = keys.slice(i, i + n).join(" ");
        var key = name ? placeKey(name) : "";
        if (key && Object.prototype.hasOwnProperty.call(data.places, key)) {
          places.push({ words: words.slice(i, i + n).join(" "), counties: data.places[key] });
          found = n;
        }
      }
      if (found) {
        i += found;
      } else {
        kept.push(words[i]);
        i += 1;
      }
    }
    return { text: kept.join(" "), places: places };
  }

  // The counties of every place named ("Umeå Luleå": either); null when none is.
  function placeCounties(places) {
    if (!places.length) {
      return null;
    }
    var counties = [];
    places.forEach(function (place) {
      place.counties.forEach(function (county) {
        if (counties.indexOf(county) === -1) {
          counties.push(county);
        }
      });
    });
    return counties;
  }

  function showPlaces(places, params) {
    placeLine.textContent = "";
    placeLine.hidden = places.length === 0;
    places.forEach(function (place) {
      var labels = place.counties.map(function (id) {
        return data.labels.county[id] || id;
      });
      var line = document.createElement("span");
      line.className = "vagar-search__place-item";
      line.appendChild(document.createTextNode(format(strings.placeShown, { places: joinAnd(labels) }) + " — "));
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "vagar-search__place-remove";
      remove.textContent = strings.placeRemove;
      remove.setAttribute("aria-label", format(strings.placeRemoveLabel, { place: place.words }));
      remove.addEventListener("click", function () {
        // The place's words leave the query; the rest of it stays.
        var words = (params.get("q") || "").split(/\s+/).filter(Boolean);
        var q = (" " + words.join(" ") + " ").replace(" " + place.words + " ", " ").trim();
        var next = new URLSearchParams(params);
        next.delete("sida");
        if (q) {
          next.set("q", q);
        } else {
          next.delete("q");
        }
        writeForm(next);
        commit(next, false);
        input.focus();
      });
      line.appendChild(remove);
      placeLine.appendChild(line);
    });
  }

  // --- Filters for Pagefind -----------------------------------------------------------------

  // Only values the page offers are used: anything else in the URL is ignored.
  function filtersFor(params, counties) {
    var filters = {};
    checkboxes().forEach(function (box) {
      if (params.getAll(box.name).indexOf(box.value) !== -1) {
        filters[box.name] = filters[box.name] || { any: [] };
        filters[box.name].any.push(box.value);
      }
    });
    if (counties !== null) {
      var chosen = filters.lan ? filters.lan.any : [];
      var both = chosen.length
        ? counties.filter(function (c) {
            return chosen.indexOf(c) !== -1;
          })
        : counties;
      filters.lan = { any: both };
    }
    return filters;
  }

  function activeFilters(params) {
    return checkboxes().filter(function (box) {
      return box.checked;
    }).length + (params && readPlaces(params.get("q") || "").places.length ? 1 : 0);
  }

  function updateToggle(params) {
    var count = activeFilters(params);
    toggle.textContent = count ? format(strings.filtersButtonActive, { count: count }) : strings.filtersButton;
  }

  // --- Pagefind -----------------------------------------------------------------------------

  function loadPagefind() {
    if (!pagefindPromise) {
      pagefindPromise = import(bundle + "pagefind.js").then(async function (pagefind) {
        await pagefind.options({ baseUrl: bundle.replace(/pagefind\/$/, "") });
        await pagefind.init();
        return pagefind;
      });
    }
    return pagefindPromise;
  }

  // Pagefind's excerpt is a run of the page's words (raw_content, < and > escaped), some in
  // <mark>: each word again from the page's own text (content), found by the header search's
  // excerptWords (assets/vagar-search.js, on every page).
  function excerptParts(fragment) {
    var excerpt = fragment.excerpt;
    if (typeof excerpt !== "string" || !excerpt) {
      return [];
    }
    var raw = typeof fragment.raw_content === "string" ? fragment.raw_content.split(/[\r\n\s]+/g) : [];
    var words = typeof fragment.content === "string" ? fragment.content.split(/[\r\n\s]+/g) : [];
    var found = raw.length === words.length && window.vagarExcerptWords;
    var parts = found ? window.vagarExcerptWords(excerpt, raw, words) : null;
    // Not found: show the words as text, never as markup.
    parts =
      parts ||
      excerpt.split(" ").map(function (word) {
        var text = word.replace(/<\/?mark>/g, "");
        return { text: text, marked: text !== word };
      });
    return parts.filter(function (part) {
      return part.text.toLowerCase() !== data.browseWord;
    });
  }

  function weeksText(weeks) {
    var number = parseInt(weeks, 10);
    return number + " " + (number === 1 ? strings.weeksOne : strings.weeksMany);
  }

  function span(parent, text) {
    var element = document.createElement("span");
    element.textContent = text;
    parent.appendChild(element);
    return element;
  }

  function card(fragment, query) {
    var meta = fragment.meta || {};
    var item = document.createElement("li");
    item.className = "vagar-card vagar-result";
    var heading = document.createElement("h3");
    heading.className = "vagar-card__title";
    var link = document.createElement("a");
    link.className = "vagar-result__link";
    link.href = fragment.url;
    link.textContent = meta.title || fragment.url;
    heading.appendChild(link);
    item.appendChild(heading);
    var facts = document.createElement("p");
    facts.className = "vagar-card__meta";
    var labels = data.labels;
    if (meta.weeks !== undefined) {
      span(facts, labels.occupation[meta.occupation] || meta.occupation || "");
      span(facts, labels.county[meta.county] || meta.county || "");
      span(facts, weeksText(meta.weeks));
      span(facts, format(strings.cardOutcome, { outcome: labels.outcome[meta.outcome] || meta.outcome || "" }));
      span(facts, meta.year || "");
    } else if (meta.type !== undefined) {
      span(facts, format(strings.cardType, { type: labels.type[meta.type] || meta.type }));
      var counties = meta.counties === "all" ? strings.nationwide : (meta.counties || "").split(" ").map(function (id) {
        return labels.county[id] || id;
      }).join(", ");
      span(facts, format(strings.cardCounties, { counties: counties }));
    } else {
      span(facts, strings.pageTypes.occupation);
    }
    item.appendChild(facts);
    var text = document.createElement("p");
    text.className = "vagar-result__excerpt";
    if (!query && meta.summary) {
      text.textContent = meta.summary;
    } else {
      excerptParts(fragment).forEach(function (part, index) {
        if (index) {
          text.appendChild(document.createTextNode(" "));
        }
        if (part.marked) {
          var mark = document.createElement("mark");
          mark.textContent = part.text;
          text.appendChild(mark);
        } else {
          text.appendChild(document.createTextNode(part.text));
        }
      });
    }
    item.appendChild(text);
    return item;
  }

  function pageLink(params, number, label, rel) {
    var next = new URLSearchParams(params);
    if (number > 1) {
      next.set("sida", String(number));
    } else {
      next.delete("sida");
    }
    var link = document.createElement("a");
    link.href = urlFor(next);
    link.textContent = label;
    if (rel) {
      link.rel = rel;
    }
    link.addEventListener("click", function (event) {
      event.preventDefault();
      commit(next, false);
      status.focus();
    });
    return link;
  }

  function showPager(params, number, pages) {
    pager.textContent = "";
    pager.hidden = pages < 2;
    if (pages < 2) {
      return;
    }
    var items = document.createElement("ul");
    function add(node) {
      var li = document.createElement("li");
      li.appendChild(node);
      items.appendChild(li);
    }
    if (number > 1) {
      add(pageLink(params, number - 1, strings.previous, "prev"));
    }
    var where = document.createElement("span");
    where.textContent = format(strings.pageOf, { number: number, count: pages });
    add(where);
    if (number < pages) {
      add(pageLink(params, number + 1, strings.next, "next"));
    }
    pager.appendChild(items);
  }

  // data-state (start, loading, done, failed) and data-run (the number of the search shown)
  // let tests and the benchmark wait for a result instead of for time.
  function setStatus(text, state) {
    status.textContent = text;
    root.setAttribute("data-state", state);
    root.setAttribute("data-run", String(run));
  }

  async function show(params) {
    var mine = ++run;
    updateToggle(params);
    var query = params.get("q") || "";
    var read = readPlaces(query);
    showPlaces(read.places, params);
    var counties = placeCounties(read.places);
    var filters = filtersFor(params, counties);
    var text = read.text;
    list.textContent = "";
    pager.hidden = true;
    if (!text && !Object.keys(filters).length) {
      setStatus(strings.start, "start");
      return;
    }
    setStatus(strings.searching, "loading");
    var sort = SORTS[params.get("sortera")];
    var options = { filters: filters };
    if (sort) {
      options.sort = {};
      options.sort[data.sortKey] = sort;
    }
    var response;
    try {
      if (counties !== null && filters.lan.any.length === 0) {
        response = { results: [] };
      } else {
        var pagefind = await loadPagefind();
        // Browsing searches for the word every page holds (generator/search_page.py,
        // BROWSE_WORD): search(null) would fetch every index chunk.
        response = await pagefind.search(text || data.browseWord, options);
      }
    } catch (error) {
      if (mine === run) {
        setStatus(strings.failed, "failed");
      }
      throw error;
    }
    if (mine !== run) {
      return;
    }
    var results = response.results || [];
    var pages = Math.max(1, Math.ceil(results.length / PAGE_SIZE));
    var number = Math.min(Math.max(parseInt(params.get("sida") || "1", 10) || 1, 1), pages);
    var shown = results.slice((number - 1) * PAGE_SIZE, number * PAGE_SIZE);
    var fragments = await Promise.all(
      shown.map(function (result) {
        return result.data();
      })
    );
    if (mine !== run) {
      return;
    }
    fragments.forEach(function (fragment) {
      list.appendChild(card(fragment, text));
    });
    var count = results.length === 1 ? strings.resultsOne : format(strings.resultsMany, { count: results.length });
    if (!results.length) {
      setStatus(strings.noResults, "done");
    } else {
      setStatus(query ? format(strings.resultsFor, { results: count, term: query }) : count, "done");
    }
    showPager(params, number, pages);
  }

  // --- Events -------------------------------------------------------------------------------

  var typing = null;
  input.addEventListener("input", function () {
    window.clearTimeout(typing);
    typing = window.setTimeout(function () {
      commit(readForm(), true);
    }, 300);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(typing);
    commit(readForm(), false);
  });
  form.addEventListener("change", function (event) {
    if (event.target === input) {
      return;
    }
    window.clearTimeout(typing);
    commit(readForm(), false);
  });
  window.addEventListener("popstate", function () {
    var params = new URLSearchParams(window.location.search);
    writeForm(params);
    show(params);
  });

  function setOpen(open) {
    root.classList.toggle("vagar-search--closed", !open);
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  }
  toggle.hidden = false;
  toggle.addEventListener("click", function () {
    setOpen(root.classList.contains("vagar-search--closed"));
  });
  setOpen(!narrow.matches);

  status.setAttribute("tabindex", "-1");
  var start = new URLSearchParams(window.location.search);
  writeForm(start);
  show(start);
})();
