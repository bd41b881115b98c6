/* Vägar till jobb: Min plan, the part every page that touches the plan needs.
 *
 * Loaded on path pages and on min-plan/ (theme/vagar/_onward.html, plan.html), before
 * assets/vagar-plan.js, which only min-plan/ loads.
 * - The plan's format and its check. A plan is checked in full wherever it comes from
 *   (localStorage, a file, a path page, an edit) before anything changes; markup in any text
 *   (such as "<script") is refused, also when typed, so a saved plan always loads again.
 * - localStorage, one plan per site (a project site at org.github.io/repo/ shares its origin
 *   with others): nothing leaves the device.
 * - On a path page, "Gör till min plan" copies the path's steps (type, title, weeks, actors)
 *   from the page's JSON data block into the plan and opens min-plan/; and every link of the
 *   story gets its full address for print (vagar.css writes it out on paper). The button and
 *   its question are built here, with the texts of assets/vagar-plan-strings.js (loaded
 *   before this file).
 * Text is only ever set as DOM text (textContent, value), never parsed as HTML. Every text shown
 * comes from theme/locales/sv.yml through the page's JSON data block (min-plan/) or
 * assets/vagar-plan-strings.js (path pages; generator/onward.py writes both from it).
 */
window.vagarPlan = (function () {
  "use strict";

  var FORMAT = "vagar-till-jobb/min-plan";
  var VERSION = 1;
  var MAX_FILE_BYTES = 1024 * 1024;
  var LIMITS = { steps: 200, title: 200, type: 200, actors: 20, actor: 200, note: 5000, notes: 20000, weeks: 520 };
  var MARKUP = /<\s*[a-z!\/?]/i;
  var PLAN_KEYS = ["format", "version", "source", "notes", "steps"];
  var SOURCE_KEYS = ["url", "title"];
  var STEP_KEYS = ["title", "type", "weeks", "actors", "done", "note"];
  var SITE_PATH = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*\/$/;

  function readJson(root, selector) {
    var element = root.querySelector(selector);
    if (!element) {
      return null;
    }
    try {
      return JSON.parse(element.textContent);
    } catch (error) {
      return null;
    }
  }

  function fill(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function countLabel(count, forms) {
    return count + " " + (count === 1 ? forms.one : forms.many);
  }

  // One plan per site: a project site at org.github.io/repo/ shares its origin with others.
  function storageKey(baseUrl) {
    return "vagar-till-jobb:min-plan:" + new URL(baseUrl, document.baseURI).pathname;
  }

  function emptyPlan() {
    return { format: FORMAT, version: VERSION, source: null, notes: "", steps: [] };
  }

  // --- Checking a plan: from storage, from a file, from a path page, after an edit ---------

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function strangeKey(value, allowed) {
    var keys = Object.keys(value);
    for (var i = 0; i < keys.length; i++) {
      if (allowed.indexOf(keys[i]) < 0) {
        return keys[i].slice(0, 40);
      }
    }
    return null;
  }

  function textProblem(value, max, required) {
    if (typeof value !== "string" || value.length > max || (required && !value.trim())) {
      return "text";
    }
    return MARKUP.test(value) ? "markup" : null;
  }

  // The plan itself (a fresh copy) or {problem, values}: which rule failed, for the message.
  function check(data) {
    function fail(problem, values) {
      return { problem: problem, values: values || {} };
    }
    if (!isObject(data) || data.format !== FORMAT) {
      return fail("format");
    }
    if (data.version !== VERSION) {
      return fail("version");
    }
    var key = strangeKey(data, PLAN_KEYS);
    if (key !== null) {
      return fail("field", { field: key });
    }
    var source = null;
    if (data.source !== null) {
      if (!isObject(data.source) || strangeKey(data.source, SOURCE_KEYS) !== null) {
        return fail("field", { field: "source" });
      }
      if (typeof data.source.url !== "string" || !SITE_PATH.test(data.source.url) || data.source.url.length > 200) {
        return fail("field", { field: "source.url" });
      }
      var sourceProblem = textProblem(data.source.title, 300, true);
      if (sourceProblem) {
        return fail(sourceProblem, { field: "source.title" });
      }
      source = { url: data.source.url, title: data.source.title };
    }
    var notesProblem = textProblem(data.notes, LIMITS.notes, false);
    if (notesProblem) {
      return fail(notesProblem, { field: "notes" });
    }
    if (!Array.isArray(data.steps)) {
      return fail("steps");
    }
    if (data.steps.length > LIMITS.steps) {
      return fail("too_many", { max: LIMITS.steps });
    }
    var steps = [];
    for (var i = 0; i < data.steps.length; i++) {
      var step = data.steps[i];
      var number = i + 1;
      if (!isObject(step)) {
        return fail("step", { number: number, field: typeof step });
      }
      var extra = strangeKey(step, STEP_KEYS);
      if (extra !== null) {
        return fail("step", { number: number, field: extra });
      }
      var checks = [["title", LIMITS.title, true], ["type", LIMITS.type, false], ["note", LIMITS.note, false]];
      for (var c = 0; c < checks.length; c++) {
        var problem = textProblem(step[checks[c][0]], checks[c][1], checks[c][2]);
        if (problem) {
          return fail(problem, { field: "steps[" + number + "]." + checks[c][0] });
        }
      }
      var weeks = step.weeks;
      if (weeks !== null && !(typeof weeks === "number" && Math.floor(weeks) === weeks && weeks >= 0 && weeks <= LIMITS.weeks)) {
        return fail("step", { number: number, field: "weeks" });
      }
      if (!Array.isArray(step.actors) || step.actors.length > LIMITS.actors) {
        return fail("step", { number: number, field: "actors" });
      }
      for (var a = 0; a < step.actors.length; a++) {
        var actorProblem = textProblem(step.actors[a], LIMITS.actor, true);
        if (actorProblem) {
          return fail(actorProblem, { field: "steps[" + number + "].actors" });
        }
      }
      if (typeof step.done !== "boolean") {
        return fail("step", { number: number, field: "done" });
      }
      steps.push({ title: step.title, type: step.type, weeks: weeks, actors: step.actors.slice(), done: step.done, note: step.note });
    }
    return { plan: { format: FORMAT, version: VERSION, source: source, notes: data.notes, steps: steps } };
  }

  function loadPlan(key) {
    var text = null;
    try {
      text = window.localStorage.getItem(key);
    } catch (error) {
      return { plan: emptyPlan(), unavailable: true };
    }
    if (text === null) {
      return { plan: emptyPlan() };
    }
    try {
      var checked = check(JSON.parse(text));
      return checked.plan ? { plan: checked.plan } : { plan: emptyPlan(), damaged: true };
    } catch (error) {
      return { plan: emptyPlan(), damaged: true };
    }
  }

  function savePlan(key, plan) {
    try {
      window.localStorage.setItem(key, JSON.stringify(plan));
      return true;
    } catch (error) {
      return false;
    }
  }

  function problemText(strings, result) {
    var values = result.values;
    var detail = fill(strings.problems[result.problem] || strings.problems.format, values);
    return fill(strings.error_shape, { problem: detail });
  }

  // --- A path page: "Gör till min plan" ------------------------------------------------------

  function element(tag, className, text) {
    var node = document.createElement(tag);
    node.className = className || "";
    node.textContent = text || "";
    return node;
  }

  function textButton(className, text) {
    var button = element("button", "md-button " + className, text);
    button.type = "button";
    return button;
  }

  // The block's hint, button and question, with the texts of assets/vagar-plan-strings.js: it
  // only works with JavaScript, so the page carries none of it (issue 15).
  function buildMakePlan(box, strings) {
    var button = textButton("md-button--primary vagar-make-plan__button", strings.make);
    var buttonLine = element("p");
    buttonLine.appendChild(button);
    var choice = element("div", "vagar-make-plan__choice");
    choice.setAttribute("role", "group");
    choice.setAttribute("aria-labelledby", "make-plan-question");
    choice.hidden = true;
    var question = element("p", "", strings.replace_question);
    question.id = "make-plan-question";
    var buttons = element("p", "vagar-plan__buttons");
    buttons.appendChild(textButton("vagar-make-plan__replace", strings.replace));
    buttons.appendChild(textButton("vagar-make-plan__append", strings.append));
    buttons.appendChild(textButton("vagar-make-plan__cancel", strings.cancel));
    choice.appendChild(question);
    choice.appendChild(buttons);
    var error = element("p", "vagar-make-plan__error");
    error.setAttribute("role", "alert");
    box.appendChild(element("p", "", strings.make_hint));
    box.appendChild(buttonLine);
    box.appendChild(choice);
    box.appendChild(error);
    return { button: button, choice: choice, error: error };
  }

  function setUpMakePlan(box) {
    var source = readJson(box, ".vagar-plan-source");
    var strings = window.vagarPlanStrings;
    if (!source || !strings) {
      return;
    }
    var key = storageKey(box.getAttribute("data-base-url"));
    var parts = buildMakePlan(box, strings);
    var button = parts.button;
    var choice = parts.choice;
    var error = parts.error;
    box.hidden = false;

    function steps() {
      return (source.steps || []).map(function (step) {
        return { title: step.title, type: step.type, weeks: step.weeks, actors: step.actors, done: false, note: "" };
      });
    }

    function make(mode) {
      var current = loadPlan(key).plan;
      var plan = { format: FORMAT, version: VERSION, source: { url: source.url, title: source.title }, notes: "", steps: steps() };
      if (mode === "append") {
        plan = { format: FORMAT, version: VERSION, source: current.source || plan.source, notes: current.notes, steps: current.steps.concat(plan.steps) };
      }
      var checked = check(plan);
      if (!checked.plan) {
        error.textContent = problemText(strings, checked);
        return;
      }
      if (!savePlan(key, checked.plan)) {
        error.textContent = strings.error_storage;
        return;
      }
      window.location.assign(new URL(box.getAttribute("data-plan-url"), document.baseURI).href);
    }

    button.addEventListener("click", function () {
      error.textContent = "";
      if (loadPlan(key).plan.steps.length) {
        choice.hidden = false;
        choice.querySelector("button").focus();
      } else {
        make("replace");
      }
    });
    box.querySelector(".vagar-make-plan__replace").addEventListener("click", function () { make("replace"); });
    box.querySelector(".vagar-make-plan__append").addEventListener("click", function () { make("append"); });
    box.querySelector(".vagar-make-plan__cancel").addEventListener("click", function () {
      choice.hidden = true;
      button.focus();
    });
  }

  // Printed on paper, a link is only its text: give each link of the story its full address
  // (vagar.css writes it after the link in print; links to other sites need no help).
  function addPrintAddresses() {
    document.querySelectorAll(".vagar-path a[href]").forEach(function (link) {
      if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(link.getAttribute("href"))) {
        link.setAttribute("data-print-href", link.href);
      }
    });
  }

  document.querySelectorAll(".vagar-make-plan").forEach(setUpMakePlan);
  addPrintAddresses();

  return {
    MAX_FILE_BYTES: MAX_FILE_BYTES,
    LIMITS: LIMITS,
    readJson: readJson,
    fill: fill,
    countLabel: countLabel,
    storageKey: storageKey,
    emptyPlan: emptyPlan,
    check: check,
    loadPlan: loadPlan,
    savePlan: savePlan,
    problemText: problemText
  };
})();
