/* Sidak field app: the office's earlier findings ("Temuan sebelumnya") on a new inspection.
   The phone copies them from the bootstrap when the inspection starts (record.followUps); the
   team marks each corrected or still open, with a note and "after" photos filed under the item
   id tl-<action>. Marks are saved on the phone first and queued like answers. The server's
   list wins: it says which findings it pre-loaded when it answers the start, and a finding it
   does not know (settled meanwhile) leaves the phone quietly, with its photos.
   Page: #/i/<uuid>/temuan. */
(function () {
  "use strict";
  var DB = window.SidakDB, Outbox = window.SidakOutbox, F = window.SidakField;
  var esc = F.esc, msg = F.msg, t = F.t;
  var CHANGED = "sidak:followups";

  /* ---- the findings on the draft: no DOM, used by app.js and the outbox too ---- */

  function fromFinding(f) {
    return {action_id: f.action_id, item_id: f.item_id, question: f.question, finding: f.finding,
      critical: !!f.critical, due: f.due, found_on: f.found_on, photo_item: f.photo_item,
      result: null, note: ""};
  }

  /* The findings to check on a new inspection of `office` (an entry of the bootstrap's offices). */
  function fromOffice(office) {
    return ((office && office.open_findings) || []).map(fromFinding);
  }

  /* A draft the server sent (bootstrap drafts[].follow_up), worded from its office's findings;
     a check whose finding is closed by now is no longer listed there, nor here. */
  function fromServer(checks, office) {
    var known = {};
    fromOffice(office).forEach(function (f) { known[f.action_id] = f; });
    return (checks || []).filter(function (c) { return known[c.action_id]; }).map(function (c) {
      var f = known[c.action_id];
      f.result = c.result || null;
      f.note = c.note || "";
      return f;
    });
  }

  function counts(record) {
    var list = record.followUps || [], marked = list.filter(function (f) { return f.result; }).length;
    return {total: list.length, marked: marked, unmarked: list.length - marked};
  }

  function forget(record, actionIds) {
    var items = {};
    (record.followUps || []).forEach(function (f) { if (actionIds.indexOf(f.action_id) !== -1) items[f.photo_item] = true; });
    record.followUps = (record.followUps || []).filter(function (f) { return actionIds.indexOf(f.action_id) === -1; });
    record.problems = (record.problems || []).filter(function (p) { return !items[p.item]; });
    return items;
  }

  /* Photos of findings that left the draft: they cannot be filed on the server any more. */
  function dropPhotos(uuid, items) {
    return DB.photosOf(uuid).then(function (photos) {
      return Promise.all(photos.filter(function (p) { return items[p.item]; }).map(function (p) { return DB.del("photos", p.uuid); }));
    });
  }

  function changed(uuid) {
    window.dispatchEvent(new CustomEvent(CHANGED, {detail: {inspection: uuid}}));
  }

  /* The server has no such check on this inspection (404): drop the finding from the phone. */
  function drop(uuid, actionId) {
    var items = {};
    return DB.get("inspections", uuid).then(function (record) {
      if (!record || !(record.followUps || []).some(function (f) { return f.action_id === actionId; })) return null;
      return DB.change(uuid, function (r) { items = forget(r, [actionId]); return r; })
        .then(function () { return dropPhotos(uuid, items); })
        .then(function () { changed(uuid); });
    });
  }

  /* The server answered the start with the checks it pre-loaded (`checks`): findings it did not
     pre-load leave the phone; ones it has that the phone did not know are added when the
     phone's bootstrap words them. Local marks are kept: their PUTs follow in the outbox. */
  function reconcile(uuid, checks) {
    if (!Array.isArray(checks)) return Promise.resolve();
    var onServer = {};
    checks.forEach(function (c) { onServer[c.action_id] = c; });
    return Promise.all([DB.get("inspections", uuid), DB.get("meta", "bootstrap")]).then(function (found) {
      var record = found[0], boot = found[1];
      if (!record) return null;
      var mine = record.followUps || [], have = {};
      mine.forEach(function (f) { have[f.action_id] = true; });
      var gone = mine.filter(function (f) { return !onServer[f.action_id]; }).map(function (f) { return f.action_id; });
      var office = ((boot && boot.offices) || []).filter(function (o) { return o.id === record.office_id; })[0];
      var added = fromServer(checks.filter(function (c) { return !have[c.action_id]; }), office);
      if (!gone.length && !added.length) return null;
      var items = {};
      return DB.change(uuid, function (r) {
        items = forget(r, gone);
        r.followUps = r.followUps.concat(added);
        return r;
      }).then(function () { return dropPhotos(uuid, items); }).then(function () { changed(uuid); });
    });
  }

  /* Save one finding's mark: to the phone now, to the server through the outbox. */
  function mark(uuid, actionId, result, note) {
    return DB.change(uuid, function (record) {
      var f = (record.followUps || []).filter(function (x) { return x.action_id === actionId; })[0];
      if (!f) return record;
      f.result = result;
      f.note = note;
      f.savedAt = new Date().toISOString();
      record.problems = (record.problems || []).filter(function (p) { return p.item !== f.photo_item; });
      record.updatedAt = f.savedAt;
      return record;
    }, function (record) {
      var f = (record.followUps || []).filter(function (x) { return x.action_id === actionId; })[0];
      return f ? [{kind: "followup", inspection: uuid, action: actionId, item: f.photo_item,
        body: {result: f.result, note: f.note}}] : [];
    });
  }

  /* ---- the page ---- */

  function day(iso) {
    if (!iso) return "";
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);  // a calendar date: no time zone to shift it
    var d = m ? new Date(+m[1], m[2] - 1, +m[3]) : new Date(iso);
    return d.toLocaleDateString(document.documentElement.lang === "en" ? "en-GB" : "id-ID", {day: "numeric", month: "short", year: "numeric"});
  }

  function overdue(due) {
    var today = new Date(), iso = today.getFullYear() + "-" + ("0" + (today.getMonth() + 1)).slice(-2) + "-" + ("0" + today.getDate()).slice(-2);
    return due && due < iso;
  }

  function findingHtml(record, f, photos) {
    var id = f.action_id, p = "tl-" + id + "-";
    var problem = (record.problems || []).filter(function (x) { return x.item === f.photo_item; }).pop();
    var choice = function (value, label) {
      return '<label class="choice"><input type="radio" name="' + p + 'result" value="' + value + '"' + (f.result === value ? " checked" : "") +
        "><span>" + esc(label) + "</span></label>";
    };
    return '<fieldset class="item followup' + (problem ? " has-error" : "") + '" id="temuan-' + id + '" data-item="' + esc(f.photo_item) + '" data-action="' + id + '">' +
      '<legend class="question">' + (f.critical ? '<span class="tag critical">' + esc(msg("critical")) + "</span> " : "") + esc(t(f.question)) + "</legend>" +
      (t(f.finding) ? '<p class="finding-text">' + esc(t(f.finding)) + "</p>" : "") +
      '<p class="meta"><span' + (overdue(f.due) ? ' class="warn"' : "") + ">" + esc(msg("dueOn").replace("__T__", day(f.due))) + "</span>" +
      "<span>" + esc(msg("foundOn").replace("__T__", day(f.found_on))) + "</span></p>" +
      (problem ? '<p class="error" role="alert">' + esc(problem.error || msg("refused")) + "</p>" : "") +
      '<div class="choices choices-row" role="radiogroup" aria-label="' + esc(msg("recheck")) + '">' +
      choice("corrected", msg("corrected")) + choice("open", msg("stillOpen")) + "</div>" +
      '<div class="field"><label for="' + p + 'note">' + esc(msg("note")) + '</label><textarea class="input" rows="2" id="' + p + 'note" name="' + p + 'note">' + esc(f.note) + "</textarea></div>" +
      '<div class="photos"><ul class="thumbs">' + photos.map(function (ph, i) {
        return '<li><img src="' + URL.createObjectURL(ph.blob) + '" alt="' + esc(msg("afterPhoto") + " " + (i + 1)) + '" width="96" height="96"></li>';
      }).join("") + '</ul><label class="button photo-button"><span>' + esc(msg("afterPhoto")) +
      '</span><input type="file" accept="image/*" capture="environment" multiple data-photo></label></div>' +
      '<p class="save-state" aria-live="polite" data-state></p></fieldset>';
  }

  /* `again`: the same page drawn anew (the list changed), so the scroll position stays */
  function render(root, record, again) {
    var checklist = F.checklistOf(record);
    if (!checklist) { root.innerHTML = '<p class="error">' + esc(msg("noChecklist")) + "</p>"; return; }
    var list = record.followUps || [];
    return DB.photosOf(record.uuid).then(function (photos) {
      root.innerHTML = window.SidakForm.header(record, checklist, "temuan") + "<h1>" + esc(msg("previousFindings")) + "</h1>" +
        '<p class="muted">' + esc(msg(list.length ? "previousFindingsIntro" : "noPreviousFindings")) + "</p>" +
        '<form id="followups" novalidate>' + list.map(function (f) {
          return findingHtml(record, f, photos.filter(function (p) { return p.item === f.photo_item; }));
        }).join("") +
        (list.length ? '<p class="muted small">' + esc(msg("unmarkedStay")) + "</p>" : "") +
        '<nav class="section-nav"><a class="button primary" href="#/i/' + record.uuid + '/1">' + esc(msg("toChecklist")) + "</a></nav></form>";
      if (!again) window.scrollTo(0, 0);  // arriving from the start form, scrolled to its button
      if (record.status === "draft") bind(document.getElementById("followups"), record.uuid);
      else document.getElementById("followups").querySelectorAll("input, textarea").forEach(function (el) { el.disabled = true; });
    });
  }

  function save(uuid, fs) {
    var p = "tl-" + fs.dataset.action + "-", state = fs.querySelector("[data-state]");
    var checked = fs.querySelector("input[type=radio]:checked");
    F.cancel(fs.dataset.item);  // this save includes the note being typed
    return mark(uuid, parseInt(fs.dataset.action, 10), checked ? checked.value : null,
      fs.querySelector('[name="' + p + 'note"]').value.trim()).then(function (record) {
      var c = counts(record), done = document.querySelector('.jump a[href$="/temuan"] .completion');
      if (done) { done.textContent = c.marked + "/" + c.total; done.classList.toggle("complete", !c.unmarked); }
      state.textContent = msg("savedOnDevice").replace("__T__", F.hhmm());
      state.className = "save-state saved";
      fs.classList.remove("has-error");
      var error = fs.querySelector(".error");
      if (error) error.remove();
      Outbox.flush();
    });
  }

  function bind(form, uuid) {
    form.addEventListener("input", function (e) {
      var fs = e.target.closest("[data-action]");
      if (!fs || e.target.tagName !== "TEXTAREA") return;
      F.unsaved(fs);
      F.later(fs.dataset.item, function () { save(uuid, fs); }, 600);
    });
    form.addEventListener("change", function (e) {
      var fs = e.target.closest("[data-action]");
      if (!fs) return;
      if (e.target.type === "file") return window.SidakPhotos.add(uuid, fs, e.target);
      if (e.target.type === "radio") save(uuid, fs);
      else if (F.waiting(fs.dataset.item)) F.now(fs.dataset.item);  // a note left before its timer ran
    });
  }

  /* The server changed the list of this draft's findings: show the new list if it is on screen. */
  window.addEventListener(CHANGED, function (e) {
    if (location.hash !== "#/i/" + e.detail.inspection + "/temuan") return;
    DB.get("inspections", e.detail.inspection).then(function (record) {
      if (record) render(document.getElementById("app"), record, true);
    });
  });

  window.SidakFollowUp = {
    fromOffice: fromOffice, fromServer: fromServer, counts: counts,
    reconcile: reconcile, drop: drop, mark: mark, render: render
  };
})();
