/* Vägar till jobb: the page Min plan (min-plan/), kept only in this browser.
 *
 * Loaded only there, after assets/vagar-plan-core.js (the plan's format, its check and its
 * storage). The reader renames steps, marks them done, adds own steps and notes, moves steps
 * with buttons, removes them, prints the plan, saves it to a file, loads it from a file and
 * deletes it with one confirmed action; focus stays with the step that was acted on, and a
 * status line says what happened. Nothing leaves the device: the file is saved through a blob:
 * link made in the page and read with the File API. Text from the plan or a file is only ever
 * set as DOM text (textContent, value), never parsed as HTML.
 */
(function () {
  "use strict";
  var core = window.vagarPlan;
  if (!core) {
    return;
  }
  var MAX_FILE_BYTES = core.MAX_FILE_BYTES;
  var LIMITS = core.LIMITS;
  var readJson = core.readJson;
  var fill = core.fill;
  var countLabel = core.countLabel;
  var storageKey = core.storageKey;
  var emptyPlan = core.emptyPlan;
  var check = core.check;
  var loadPlan = core.loadPlan;
  var savePlan = core.savePlan;
  var problemText = core.problemText;

  function setUpPlanPage(root) {
    var strings = readJson(root, ".vagar-plan-strings");
    if (!strings) {
      return;
    }
    var base = root.getAttribute("data-base-url");
    var key = storageKey(base);
    var app = root.querySelector(".vagar-plan__app");
    var list = root.querySelector(".vagar-plan__steps");
    var status = root.querySelector(".vagar-plan__status");
    var alert = root.querySelector(".vagar-plan__alert");
    var notes = root.querySelector(".vagar-plan__notes");
    var notesPrint = root.querySelector(".vagar-plan__notes-print");
    var addForm = root.querySelector(".vagar-plan__add");
    var confirmBox = root.querySelector(".vagar-plan__confirm");
    var clearButton = root.querySelector(".vagar-plan__clear");
    var keys = new WeakMap();
    var nextKey = 1;
    var editing = null;
    var loaded = loadPlan(key);
    var plan = loaded.plan;
    app.hidden = false;
    if (loaded.unavailable || loaded.damaged) {
      alert.textContent = strings.error_storage;
    }

    function keyOf(step) {
      if (!keys.has(step)) {
        keys.set(step, nextKey++);
      }
      return keys.get(step);
    }

    function say(text) {
      alert.textContent = "";
      status.textContent = text;
    }

    function warn(text) {
      status.textContent = "";
      alert.textContent = text;
    }

    // Keep an edited plan only when it would load again; say so otherwise.
    function commit(candidate) {
      var checked = check(candidate);
      if (!checked.plan) {
        warn(checked.problem === "markup" ? strings.error_markup : strings.error_typed);
        return false;
      }
      if (!savePlan(key, candidate)) {
        warn(strings.error_storage);
        return false;
      }
      return true;
    }

    function element(tag, className, text) {
      var node = document.createElement(tag);
      if (className) {
        node.className = className;
      }
      if (text !== undefined) {
        node.textContent = text;
      }
      return node;
    }

    function hidden(text) {
      return element("span", "vagar-visually-hidden", text);
    }

    function button(label, className, context, onClick) {
      var node = element("button", "md-button vagar-plan__step-button " + className);
      node.type = "button";
      node.appendChild(document.createTextNode(label));
      node.appendChild(hidden(" – " + context));
      node.addEventListener("click", onClick);
      return node;
    }

    function stepView(step, index) {
      var id = "plan-step-" + keyOf(step);
      var number = index + 1;
      var context = fill(strings.step_label, { number: number, title: step.title });
      var item = element("li", "vagar-plan__step" + (step.done ? " vagar-plan__step--done" : ""));
      item.id = id;

      var heading = element("h3", "vagar-plan__step-title");
      heading.appendChild(element("span", "vagar-plan__step-number", fill(strings.step_number, { number: number }) + ": "));
      heading.appendChild(element("span", "", step.title));
      item.appendChild(heading);

      var facts = [step.type || strings.own_type];
      if (step.weeks !== null) {
        facts.push(countLabel(step.weeks, strings.weeks));
      }
      if (step.actors.length) {
        facts.push(fill(strings.actors, { names: step.actors.join(", ") }));
      }
      item.appendChild(element("p", "vagar-plan__step-meta", facts.join(" · ")));

      var done = element("p", "vagar-plan__done");
      var box = element("input");
      box.type = "checkbox";
      box.id = id + "-done";
      box.checked = step.done;
      box.addEventListener("change", function () {
        var before = step.done;
        step.done = box.checked;
        if (!commit(plan)) {
          step.done = before;
          box.checked = before;
          return;
        }
        item.classList.toggle("vagar-plan__step--done", step.done);
        say(fill(step.done ? strings.marked_done : strings.marked_undone, { title: step.title }));
      });
      var doneLabel = element("label", "", strings.done);
      doneLabel.htmlFor = box.id;
      doneLabel.appendChild(hidden(" – " + context));
      done.appendChild(box);
      done.appendChild(doneLabel);
      item.appendChild(done);

      if (editing === step) {
        item.appendChild(renameForm(step, id, number));
      }

      var controls = element("p", "vagar-plan__buttons vagar-plan__controls");
      controls.appendChild(button(strings.rename, "vagar-plan__rename", context, function () {
        editing = step;
        render("#" + id + "-rename-input");
      }));
      if (index > 0) {
        controls.appendChild(button(strings.up, "vagar-plan__up", context, function () { move(index, -1); }));
      }
      if (index < plan.steps.length - 1) {
        controls.appendChild(button(strings.down, "vagar-plan__down", context, function () { move(index, 1); }));
      }
      controls.appendChild(button(strings.remove, "vagar-plan__remove", context, function () { remove(index); }));
      item.appendChild(controls);

      var note = element("p", "vagar-plan__controls");
      var noteLabel = element("label", "", fill(strings.note_label, { number: number }));
      var noteField = element("textarea", "vagar-plan__note");
      noteField.id = id + "-note";
      noteField.rows = 2;
      noteField.maxLength = LIMITS.note;
      noteField.value = step.note;
      noteLabel.htmlFor = noteField.id;
      var notePrint = element("p", "vagar-plan__note-print vagar-print-only", step.note);
      noteField.addEventListener("input", function () {
        var before = step.note;
        step.note = noteField.value;
        if (commit(plan)) {
          notePrint.textContent = step.note;
          noteField.removeAttribute("aria-invalid");
          if (alert.textContent) {
            alert.textContent = "";
          }
        } else {
          step.note = before;
          noteField.setAttribute("aria-invalid", "true");
        }
      });
      note.appendChild(noteLabel);
      note.appendChild(noteField);
      item.appendChild(note);
      item.appendChild(notePrint);
      return item;
    }

    function renameForm(step, id, number) {
      var form = element("form", "vagar-plan__rename-form vagar-plan__controls");
      var label = element("label", "", fill(strings.rename_label, { number: number }));
      var input = element("input");
      input.type = "text";
      input.id = id + "-rename-input";
      input.maxLength = LIMITS.title;
      input.required = true;
      input.autocomplete = "off";
      input.value = step.title;
      label.htmlFor = input.id;
      var save = element("button", "md-button md-button--primary", strings.save);
      save.type = "submit";
      var cancel = element("button", "md-button", strings.cancel);
      cancel.type = "button";
      cancel.addEventListener("click", function () {
        editing = null;
        render("#" + id + " .vagar-plan__rename");
      });
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var before = step.title;
        step.title = input.value.trim();
        if (!commit(plan)) {
          step.title = before;
          input.setAttribute("aria-invalid", "true");
          input.focus();
          return;
        }
        editing = null;
        render("#" + id + " .vagar-plan__rename");
        say(fill(strings.renamed, { title: step.title }));
      });
      var row = element("span", "vagar-plan__buttons");
      row.appendChild(save);
      row.appendChild(cancel);
      form.appendChild(label);
      form.appendChild(input);
      form.appendChild(row);
      return form;
    }

    function move(index, by) {
      var steps = plan.steps;
      var step = steps[index];
      steps.splice(index, 1);
      steps.splice(index + by, 0, step);
      if (!commit(plan)) {
        steps.splice(index + by, 1);
        steps.splice(index, 0, step);
        return;
      }
      var id = "#plan-step-" + keyOf(step);
      var to = index + by;
      var wanted = by < 0 ? (to > 0 ? " .vagar-plan__up" : " .vagar-plan__down") : (to < steps.length - 1 ? " .vagar-plan__down" : " .vagar-plan__up");
      render(id + wanted);
      say(fill(strings.moved, { title: step.title, number: to + 1 }));
    }

    function remove(index) {
      var step = plan.steps[index];
      plan.steps.splice(index, 1);
      if (!commit(plan)) {
        plan.steps.splice(index, 0, step);
        return;
      }
      var next = plan.steps[Math.min(index, plan.steps.length - 1)];
      render(next ? "#plan-step-" + keyOf(next) + " .vagar-plan__rename" : "#plan-add-title");
      say(fill(strings.removed, { title: step.title }));
    }

    function render(focusSelector) {
      list.textContent = "";
      plan.steps.forEach(function (step, index) {
        list.appendChild(stepView(step, index));
      });
      root.querySelector(".vagar-plan__empty").hidden = plan.steps.length > 0;
      var source = root.querySelector(".vagar-plan__source");
      source.hidden = !plan.source;
      if (plan.source) {
        var link = source.querySelector("a");
        link.textContent = plan.source.title;
        link.href = new URL(plan.source.url, new URL(base, document.baseURI)).href;
      }
      notes.value = plan.notes;
      notesPrint.textContent = plan.notes;
      if (focusSelector) {
        var target = root.querySelector(focusSelector);
        if (target) {
          target.focus();
        }
      }
    }

    addForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var title = addForm.elements.title.value.trim();
      var weeksText = addForm.elements.weeks.value;
      var step = {
        title: title,
        type: addForm.elements.type.value || strings.own_type,
        weeks: weeksText === "" ? null : Number(weeksText),
        actors: [],
        done: false,
        note: ""
      };
      plan.steps.push(step);
      if (!commit(plan)) {
        plan.steps.pop();
        addForm.elements.title.focus();
        return;
      }
      addForm.reset();
      render("#plan-add-title");
      say(fill(strings.added, { title: step.title, number: plan.steps.length }));
    });

    notes.addEventListener("input", function () {
      var before = plan.notes;
      plan.notes = notes.value;
      if (commit(plan)) {
        notesPrint.textContent = plan.notes;
        notes.removeAttribute("aria-invalid");
      } else {
        plan.notes = before;
        notes.setAttribute("aria-invalid", "true");
      }
    });

    root.querySelector(".vagar-plan__print-button").addEventListener("click", function () {
      window.print();
    });

    root.querySelector(".vagar-plan__export").addEventListener("click", function () {
      var blob = new Blob([JSON.stringify(plan, null, 2) + "\n"], { type: "application/json" });
      var address = URL.createObjectURL(blob);
      var link = element("a");
      link.href = address;
      link.download = strings.file_name;
      link.hidden = true;
      document.body.appendChild(link);
      link.click();
      link.remove();
      window.setTimeout(function () { URL.revokeObjectURL(address); }, 1000);
      say(strings.exported);
    });

    var fileInput = root.querySelector(".vagar-plan__import");
    fileInput.addEventListener("change", function () {
      var file = fileInput.files && fileInput.files[0];
      fileInput.value = "";
      if (!file) {
        return;
      }
      if (file.size > MAX_FILE_BYTES) {
        warn(fill(strings.error_too_big, { size: Math.ceil(file.size / 1024), max: MAX_FILE_BYTES / 1024 }));
        return;
      }
      file.text().then(function (text) {
        var data;
        try {
          data = JSON.parse(text);
        } catch (error) {
          warn(strings.error_not_json);
          return;
        }
        var checked = check(data);
        if (!checked.plan) {
          warn(problemText(strings, checked));
          return;
        }
        if (!savePlan(key, checked.plan)) {
          warn(strings.error_storage);
          return;
        }
        plan = checked.plan;
        editing = null;
        render();
        say(fill(strings.imported, { count: plan.steps.length }));
      }, function () {
        warn(strings.error_not_json);
      });
    });

    clearButton.addEventListener("click", function () {
      confirmBox.hidden = false;
      confirmBox.querySelector(".vagar-plan__clear-yes").focus();
    });
    confirmBox.querySelector(".vagar-plan__clear-no").addEventListener("click", function () {
      confirmBox.hidden = true;
      clearButton.focus();
    });
    confirmBox.querySelector(".vagar-plan__clear-yes").addEventListener("click", function () {
      try {
        window.localStorage.removeItem(key);
      } catch (error) {
        warn(strings.error_storage);
        return;
      }
      plan = emptyPlan();
      editing = null;
      confirmBox.hidden = true;
      render();
      clearButton.focus();
      say(strings.cleared);
    });

    render();
  }

  var planRoot = document.querySelector(".vagar-plan");
  if (planRoot) {
    setUpPlanPage(planRoot);
  }
})();
