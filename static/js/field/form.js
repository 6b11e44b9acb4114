/* Sidak field app: one section of a draft, and the summary with signatures and submission.
   Every change is written to the phone (IndexedDB) at once, with an outbox entry in the same
   transaction; the checklist rules (SidakRules) are the server's, run here. */
(function () {
  "use strict";
  var DB = window.SidakDB, Outbox = window.SidakOutbox, Rules = window.SidakRules, F = window.SidakField;
  var esc = F.esc, msg = F.msg, t = F.t;

  function answerOf(record, id) { return (record.answers || {})[id] || null; }
  function checked(a, value) { return a && (value === "na" ? a.na : (!a.na && a.value === value)) ? " checked" : ""; }

  function controls(item, a) {
    var p = "f-" + item.id + "-";
    if (item.type === "yesno" || item.type === "choice") {
      var options = item.type === "yesno"
        ? [["yes", msg("yes")], ["no", msg("no")]]
        : item.options.map(function (o) { return [o.value, t(o.label)]; });
      if (item.allow_na) options.push(["na", msg("na")]);
      return '<div class="choices' + (item.type === "yesno" ? " choices-row" : "") + '">' + options.map(function (o) {
        return '<label class="choice"><input type="radio" name="' + p + 'value" value="' + esc(o[0]) + '"' + checked(a, o[0]) + "><span>" + esc(o[1]) + "</span></label>";
      }).join("") + "</div>";
    }
    if (item.type === "count") {
      return '<div class="count">' + [["observed", msg("observed")], ["compliant", msg("compliant")]].map(function (f) {
        var v = a && !a.na && a[f[0]] !== null && a[f[0]] !== undefined ? a[f[0]] : "";
        return '<div class="stepper-field"><label for="' + p + f[0] + '">' + esc(f[1]) + '</label><div class="stepper">' +
          '<button type="button" class="step" data-step="-1" data-target="' + p + f[0] + '" aria-label="' + esc(msg("less") + " " + f[1]) + '">−</button>' +
          '<input type="number" inputmode="numeric" min="0" step="1" id="' + p + f[0] + '" name="' + p + f[0] + '" value="' + esc(v) + '">' +
          '<button type="button" class="step" data-step="1" data-target="' + p + f[0] + '" aria-label="' + esc(msg("more") + " " + f[1]) + '">+</button></div></div>';
      }).join("") + "</div>" + naBox(item, a, p);
    }
    if (item.type === "number") {
      return '<div class="field number-field"><label for="' + p + 'number">' + esc(msg("value")) + (item.unit ? " (" + esc(item.unit) + ")" : "") +
        '</label><input class="input" type="text" inputmode="decimal" id="' + p + 'number" name="' + p + 'number" value="' + esc(a && !a.na && a.number ? a.number.replace(".", LANGSEP()) : "") + '" autocomplete="off"></div>' + naBox(item, a, p);
    }
    if (item.type === "text") {
      return '<label class="visually-hidden" for="' + p + 'value">' + esc(t(item.question)) + '</label><textarea class="input" rows="3" id="' + p + 'value" name="' + p + 'value">' + esc(a ? a.value : "") + "</textarea>";
    }
    return "";
  }
  function LANGSEP() { return document.documentElement.lang === "en" ? "." : ","; }
  function naBox(item, a, p) {
    return item.allow_na ? '<label class="check"><input type="checkbox" name="' + p + 'na"' + (a && a.na ? " checked" : "") + "> " + esc(msg("na")) + "</label>" : "";
  }

  function itemHtml(record, item, photos) {
    var a = answerOf(record, item.id), scored = item.type !== "text" && item.type !== "photo";
    var problem = (record.problems || []).filter(function (x) { return x.item === item.id; }).pop();
    return '<fieldset class="item' + (problem ? " has-error" : "") + '" id="butir-' + esc(item.id) + '" data-item="' + esc(item.id) + '" data-type="' + item.type + '">' +
      '<legend class="question">' + esc(t(item.question)) + (item.critical ? ' <span class="tag critical">' + esc(msg("critical")) + "</span>" : "") + "</legend>" +
      (item.guidance ? '<details class="guidance"><summary>' + esc(msg("guidance")) + "</summary><p>" + esc(t(item.guidance)) + "</p></details>" : "") +
      (problem ? conflictHtml(problem) : "") + controls(item, a) +
      (scored ? '<details class="note"' + (a && a.note ? " open" : "") + "><summary>" + esc(msg("note")) + '</summary><label class="visually-hidden" for="f-' + esc(item.id) + '-note">' + esc(msg("note")) + '</label><textarea class="input" rows="2" id="f-' + esc(item.id) + '-note" name="f-' + esc(item.id) + '-note">' + esc(a ? a.note : "") + "</textarea></details>" : "") +
      (scored || item.type === "photo" ? '<div class="photos"><ul class="thumbs">' + photos.map(function (ph, i) {
        return '<li><img src="' + URL.createObjectURL(ph.blob) + '" alt="' + esc(msg("photo") + " " + (i + 1)) + '" width="96" height="96"></li>';
      }).join("") + '</ul><label class="button photo-button"><span>' + esc(msg("addPhoto")) + '</span><input type="file" accept="image/*" capture="environment" multiple data-photo></label></div>' : "") +
      '<p class="save-state" aria-live="polite" data-state></p></fieldset>';
  }

  function conflictHtml(problem) {
    if (problem.code === "stale" && problem.server) {
      return '<div class="conflict" role="alert"><p>' + esc(msg("conflict").replace("__W__", problem.server.updated_by || "?")) + '</p>' +
        '<button type="button" class="button" data-keep="mine">' + esc(msg("keepMine")) + '</button> ' +
        '<button type="button" class="button" data-keep="server">' + esc(msg("keepServer")) + "</button></div>";
    }
    return '<p class="error" role="alert">' + esc(problem.error || msg("refused")) + "</p>";
  }

  /* n: the section on screen, 0 on the summary, "temuan" on the earlier findings */
  function header(record, checklist, n) {
    var progress = progressOf(record, checklist), findings = window.SidakFollowUp.counts(record);
    var label = n === "temuan" ? msg("previousFindings") : n ? msg("sectionOf").replace("__N__", n).replace("__T__", checklist.sections.length) : msg("allSections");
    return '<header class="fill-head"><p class="muted small">' + esc(F.officeName(record.office_id)) + " · " + esc(t(checklist.title)) + "</p>" +
      '<details class="jump"><summary>' + esc(label) + "</summary><ol>" +
      (findings.total ? '<li><a href="#/i/' + record.uuid + '/temuan"' + (n === "temuan" ? ' aria-current="page"' : "") + "><span>" + esc(msg("previousFindings")) +
        '</span><span class="completion' + (findings.unmarked ? "" : " complete") + '">' + findings.marked + "/" + findings.total + "</span></a></li>" : "") +
      checklist.sections.map(function (s, i) {
        var d = progress[i];
        return '<li><a href="#/i/' + record.uuid + "/" + (i + 1) + '"' + (n === i + 1 ? ' aria-current="page"' : "") + "><span>" + esc(t(s.title)) +
          '</span><span class="completion' + (d[1] && d[0] === d[1] ? " complete" : "") + '">' + d[0] + "/" + d[1] + "</span></a></li>";
      }).join("") + '<li><a href="#/i/' + record.uuid + '/ringkasan"><span>' + esc(msg("summary")) + "</span></a></li></ol></details></header>";
  }

  function progressOf(record, checklist) {
    var shown = Rules.visibleItems(checklist, F.wire(record.answers));
    return checklist.sections.map(function (s) {
      var asked = s.items.filter(function (i) { return has(shown, i.id) && i.type !== "text" && i.type !== "photo"; });
      var done = asked.filter(function (i) { var a = answerOf(record, i.id); return a && (a.na || [a.value, a.observed, a.compliant, a.number].some(function (v) { return v !== null && v !== undefined && v !== ""; })); });
      return [done.length, asked.length];
    });
  }
  function has(set, id) { return set.has ? set.has(id) : set.indexOf(id) !== -1; }

  function section(root, record, n) {
    var checklist = F.checklistOf(record);
    if (!checklist) { root.innerHTML = '<p class="error">' + esc(msg("noChecklist")) + "</p>"; return; }
    n = Math.min(Math.max(n, 1), checklist.sections.length);
    var sec = checklist.sections[n - 1];
    return DB.photosOf(record.uuid).then(function (photos) {
      root.innerHTML = header(record, checklist, n) + "<h1>" + esc(t(sec.title)) + '</h1><form id="section" novalidate>' +
        sec.items.map(function (item) { return itemHtml(record, item, photos.filter(function (p) { return p.item === item.id; })); }).join("") +
        '<nav class="section-nav">' + (n > 1 || (record.followUps || []).length ? '<a class="button" href="#/i/' + record.uuid + "/" + (n > 1 ? n - 1 : "temuan") + '">' + esc(msg("previous")) + "</a>" : "") +
        '<a class="button primary" href="#/i/' + record.uuid + "/" + (n < checklist.sections.length ? n + 1 : "ringkasan") + '">' + esc(msg(n < checklist.sections.length ? "next" : "toSummary")) + "</a></nav></form>";
      var form = document.getElementById("section");
      refreshVisibility(form, record, checklist);
      bind(form, record.uuid, checklist);
    });
  }

  function refreshVisibility(form, record, checklist) {
    var shown = Rules.visibleItems(checklist, F.wire(record.answers));
    form.querySelectorAll("[data-item]").forEach(function (fs) { fs.hidden = !has(shown, fs.dataset.item); });
  }

  function read(fs, item) {
    var p = "f-" + item.id + "-", get = function (n) { var el = fs.querySelector('[name="' + p + n + '"]'); return el ? el.value.trim() : ""; };
    var na = fs.querySelector('[name="' + p + 'na"]'), a = {value: null, observed: null, compliant: null, number: null, na: false};
    if (item.type === "yesno" || item.type === "choice") {
      var c = fs.querySelector("input[type=radio]:checked");
      if (c && c.value === "na") a.na = true; else if (c) a.value = c.value;
    } else if (na && na.checked) {
      a.na = true;
    } else if (item.type === "count") {
      a.observed = get("observed") === "" ? null : Number(get("observed"));
      a.compliant = get("compliant") === "" ? null : Number(get("compliant"));
    } else if (item.type === "number") {
      a.number = get("number") === "" ? null : get("number").replace(",", ".");
    } else if (item.type === "text") {
      a.value = get("value") || null;
    }
    var note = fs.querySelector('[name="' + p + 'note"]');
    a.note = note ? note.value : "";
    return a;
  }

  /* the checker's messages name the item by its id; on the item itself, plainer words */
  var ON_THE_FORM = {A107: "countBoth", A108: "countWhole", A109: "tooMany"};

  /* Save one item: to the phone now, to the server through the outbox. */
  function save(uuid, checklist, fs) {
    var item = F.items(checklist).filter(function (i) { return i.id === fs.dataset.item; })[0];
    var a = read(fs, item), state = fs.querySelector("[data-state]");
    var problems = Rules.validateAnswer(checklist, item.id, a);
    if (problems.length) {
      var p = problems[0], said = ON_THE_FORM[p.code];
      state.textContent = said ? msg(said) : document.documentElement.lang === "en" ? p.message_en : p.message_id;
      state.className = p.code === "A107" ? "save-state" : "save-state error";  // half a count: not yet
      return Promise.resolve();
    }
    var edit = F.uuid4();
    return DB.change(uuid, function (record) {
      var previous = record.answers[item.id];
      a.edit = edit;
      a.base = previous ? previous.edit || null : null;
      a.savedAt = new Date().toISOString();
      record.answers[item.id] = a;
      record.problems = (record.problems || []).filter(function (x) { return x.item !== item.id; });
      record.updatedAt = a.savedAt;
      return record;
    }, function (record) {
      var s = record.answers[item.id];
      return [{kind: "answer", inspection: uuid, item: item.id, body: {edit: s.edit, base: s.base,
        value: s.value, observed: s.observed, compliant: s.compliant, number: s.number, na: s.na, note: s.note}}];
    }).then(function (record) {
      state.textContent = msg("savedOnDevice").replace("__T__", F.hhmm());
      state.className = "save-state saved";
      fs.classList.remove("has-error");
      refreshVisibility(fs.form, record, checklist);
      Outbox.flush();
    });
  }

  function bind(form, uuid, checklist) {
    form.addEventListener("click", function (e) {
      var step = e.target.closest(".step");
      if (step) {
        var input = document.getElementById(step.dataset.target);
        input.value = Math.max(0, (parseInt(input.value, 10) || 0) + parseInt(step.dataset.step, 10));
        input.dispatchEvent(new Event("input", {bubbles: true}));
      }
      var keep = e.target.closest("[data-keep]");
      if (keep) resolveConflict(uuid, checklist, keep.closest("[data-item]"), keep.dataset.keep);
    });
    form.addEventListener("input", function (e) {
      var fs = e.target.closest("[data-item]");
      if (!fs || e.target.type === "radio" || e.target.type === "checkbox" || e.target.type === "file") return;
      F.unsaved(fs);
      F.later(fs.dataset.item, function () { save(uuid, checklist, fs); }, 600);
    });
    form.addEventListener("change", function (e) {
      var fs = e.target.closest("[data-item]");
      if (!fs) return;
      if (e.target.type === "file") return window.SidakPhotos.add(uuid, fs, e.target);
      if (e.target.type === "radio" || e.target.type === "checkbox") save(uuid, checklist, fs);
    });
  }

  /* A second device changed this item: keep mine (a new edit on top of theirs) or theirs. */
  function resolveConflict(uuid, checklist, fs, choice) {
    return DB.get("inspections", uuid).then(function (record) {
      var problem = (record.problems || []).filter(function (x) { return x.item === fs.dataset.item; }).pop();
      if (!problem || !problem.server) return;
      var server = problem.server;
      if (choice === "server") {
        return DB.change(uuid, function (r) {
          r.answers[fs.dataset.item] = {value: server.value, observed: server.observed, compliant: server.compliant,
            number: server.number, na: !!server.na, note: server.note || "", edit: server.edit};
          r.problems = r.problems.filter(function (x) { return x.item !== fs.dataset.item; });
          return r;
        }).then(function () { F.route(); });
      }
      return DB.change(uuid, function (r) {
        r.answers[fs.dataset.item].edit = server.edit;  // my next edit builds on theirs
        return r;
      }).then(function () { return save(uuid, checklist, fs); }).then(function () { F.route(); });
    });
  }

  window.SidakForm = {section: section, progressOf: progressOf, header: header, has: has};
})();
