/* Sidak field app: the summary of a draft. The score preview and the list of what is missing
   come from SidakRules, the same rules as the server; signatures are drawn with signature_pad;
   submitting queues the submission, which the server accepts once every photo has arrived. */
(function () {
  "use strict";
  var DB = window.SidakDB, Outbox = window.SidakOutbox, Rules = window.SidakRules, F = window.SidakField;
  var esc = F.esc, msg = F.msg, t = F.t;

  function slots(record) {
    var list = record.team.map(function (m, i) {
      return {slot: m.lead ? "lead" : "member/" + i, label: (m.lead ? msg("leadSign") : msg("memberSign")) + ": " + m.name + (m.agency ? " (" + m.agency + ")" : ""), name: m.name};
    });
    list.push({slot: "representative", label: msg("representative"), name: "", representative: true});
    return list;
  }

  function missing(record, checklist, photos) {
    var notes = {}, counts = {};
    Object.keys(record.answers).forEach(function (k) { notes[k] = record.answers[k].note || ""; });
    photos.forEach(function (p) { counts[p.item] = (counts[p.item] || 0) + 1; });
    var gaps = Rules.missingEvidence(checklist, F.wire(record.answers), notes, counts);
    slots(record).forEach(function (s) { if (!record.signatures[s.slot]) gaps.push({kind: "signature", label: s.label}); });
    return gaps;
  }

  function sectionOf(checklist, itemId) {
    for (var i = 0; i < checklist.sections.length; i++) {
      if (checklist.sections[i].items.some(function (x) { return x.id === itemId; })) return i + 1;
    }
    return 1;
  }

  /* The office's earlier findings: how many the team looked at. Never blocks submission. */
  function followUpHtml(record) {
    var c = window.SidakFollowUp.counts(record), items = {};
    if (!c.total) return "";
    record.followUps.forEach(function (f) { items[f.photo_item] = true; });
    var refused = (record.problems || []).some(function (p) { return items[p.item]; });
    return '<section class="card" id="temuan-sebelumnya"><h2>' + esc(msg("previousFindings")) + "</h2><p" + (c.unmarked ? "" : ' class="ok"') + ">" +
      esc(msg("followUpCount").replace("__N__", c.marked).replace("__M__", c.unmarked)) + "</p>" +
      '<p><a href="#/i/' + record.uuid + '/temuan">' + esc(msg("checkFindings")) + "</a>" +
      (refused ? ' <span class="warn">' + esc(msg("needsAttention")) + "</span>" : "") + "</p></section>";
  }

  function gapText(gap) {
    return {answer: msg("unanswered"), photo: msg("needPhoto"), note: msg("needNote")}[gap.kind] || gap.label;
  }

  function render(root, record) {
    var checklist = F.checklistOf(record);
    return DB.photosOf(record.uuid).then(function (photos) {
      var result, gaps;
      try {
        result = Rules.score(checklist, F.wire(record.answers));
        gaps = missing(record, checklist, photos);
      } catch (error) {  // an answer the rules refuse: say which, never a blank page
        root.innerHTML = window.SidakForm.header(record, checklist, 0) + '<section class="card"><h1>' + esc(msg("summary")) +
          '</h1><ul class="missing">' + (error.problems || []).map(function (p) {
            return '<li><a href="#/i/' + record.uuid + "/" + sectionOf(checklist, p.item) + '">' +
              esc(document.documentElement.lang === "en" ? p.message_en : p.message_id) + "</a></li>";
          }).join("") + "</ul></section>";
        return;
      }
      var byId = {};
      F.items(checklist).forEach(function (i) { byId[i.id] = i; });
      var grade = checklist.grades.filter(function (g) { return g.id === result.grade; })[0];
      var locked = record.status !== "draft";
      root.innerHTML = window.SidakForm.header(record, checklist, 0) + "<h1>" + esc(msg("summary")) + "</h1>" +
        '<section class="card score-card"><p class="muted">' + esc(msg("preview")) + '</p><p class="score" data-score>' +
        esc(result.total === null ? "–" : (document.documentElement.lang === "en" ? result.total : result.total.replace(".", ","))) + "</p>" +
        (grade ? '<span class="badge" style="--badge:' + esc(grade.color) + '">' + esc(t(grade.label)) + "</span>" : "") + "</section>" +
        '<section class="card"><h2>' + esc(msg("stillMissing")) + "</h2>" + (gaps.length ? '<ul class="missing">' + gaps.map(function (g) {
          return g.item ? '<li><a href="#/i/' + record.uuid + "/" + sectionOf(checklist, g.item) + '">' + esc(t(byId[g.item].question)) + "</a> — " + esc(gapText(g)) + "</li>"
            : "<li>" + esc(msg("signatureMissing").replace("__W__", g.label)) + "</li>";
        }).join("") + "</ul>" : '<p class="ok">' + esc(msg("complete")) + "</p>") + "</section>" + followUpHtml(record) +
        '<section id="tanda-tangan"><h2>' + esc(msg("signatures")) + "</h2>" + slots(record).map(function (s) { return padHtml(record, s, locked); }).join("") + "</section>" +
        (locked ? '<p class="card">' + esc(record.status === "synced" ? msg("synced") : msg("queued")) + "</p>"
          : '<div class="card"><button type="button" class="button primary block" id="submit"' + (gaps.length ? ' aria-disabled="true"' : "") + ">" + esc(msg("submit")) + '</button><p class="error" id="submit-error" role="alert" hidden></p></div>');
      if (!locked) bind(root, record, gaps);
    });
  }

  function padHtml(record, s, locked) {
    var done = record.signatures[s.slot];
    var status = done ? '<p class="ok">' + esc(done.refused ? msg("refusedBy").replace("__N__", done.name).replace("__W__", done.witness) : msg("signedBy").replace("__N__", done.name)) + "</p>" : "";
    if (locked) return '<div class="signature card"><h3>' + esc(s.label) + "</h3>" + status + "</div>";
    return '<form class="signature card" data-slot="' + s.slot + '"><h3>' + esc(s.label) + "</h3>" + status +
      (s.representative ? '<div class="field"><label for="rep-name">' + esc(msg("repName")) + '</label><input class="input" id="rep-name" name="name" autocomplete="off" value="' + esc(done ? done.name : "") + '"></div>' : "") +
      '<div data-pad-wrap><canvas class="pad" width="600" height="240" role="img" aria-label="' + esc(msg("padLabel")) + '"></canvas>' +
      '<button type="button" class="button" data-clear>' + esc(msg("clear")) + "</button></div>" +
      (s.representative ? '<label class="check"><input type="checkbox" name="refused" data-refuse> ' + esc(msg("refuse")) + '</label><div class="field" data-witness hidden><label for="witness">' + esc(msg("witness")) + '</label><input class="input" id="witness" name="witness" autocomplete="off"></div>' : "") +
      '<p class="error" data-error role="alert" hidden></p><button type="submit" class="button primary">' + esc(msg("saveSignature")) + "</button></form>";
  }

  function bind(root, record, gaps) {
    root.querySelectorAll("form[data-slot]").forEach(function (form) {
      var canvas = form.querySelector("canvas"), pad = new window.SignaturePad(canvas, {penColor: "#0b1f3a"});
      var ratio = Math.max(window.devicePixelRatio || 1, 1);
      canvas.width = canvas.offsetWidth * ratio; canvas.height = canvas.offsetHeight * ratio;
      canvas.getContext("2d").scale(ratio, ratio);
      form.querySelector("[data-clear]").addEventListener("click", function () { pad.clear(); });
      var refuse = form.querySelector("[data-refuse]");
      if (refuse) refuse.addEventListener("change", function () {
        form.querySelector("[data-witness]").hidden = !refuse.checked;
        form.querySelector("[data-pad-wrap]").hidden = refuse.checked;
      });
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        var error = form.querySelector("[data-error]"), slot = form.dataset.slot;
        var name = form.elements.name ? form.elements.name.value.trim() : slots(record).filter(function (s) { return s.slot === slot; })[0].name;
        var refused = !!(refuse && refuse.checked), witness = refused ? form.elements.witness.value.trim() : "";
        var fail = function (text) { error.textContent = text; error.hidden = false; };
        if (form.elements.name && !name) return fail(msg("repName"));
        if (refused && !witness) return fail(msg("needWitness"));
        if (!refused && pad.isEmpty()) return fail(msg("emptyPad"));
        var signature = {image: refused ? null : pad.toDataURL("image/png"), refused: refused, witness: witness, name: name, signedAt: new Date().toISOString()};
        DB.change(record.uuid, function (r) { r.signatures[slot] = signature; r.updatedAt = signature.signedAt; return r; },
          [{kind: "signature", inspection: record.uuid, slot: slot, body: {image: signature.image, refused: refused, witness: witness, name: name}}])
          .then(function () { Outbox.flush(); F.route(); });
      });
    });
    root.querySelector("#submit").addEventListener("click", function () {
      var error = root.querySelector("#submit-error");
      if (gaps.length || (record.problems || []).length) { error.textContent = msg("notComplete"); error.hidden = false; return; }
      DB.photosOf(record.uuid).then(function (photos) {
        var body = {answers: {}, photos: photos.map(function (p) { return p.uuid; }).sort()};
        return DB.change(record.uuid, function (r) { r.status = "queued"; r.updatedAt = new Date().toISOString(); return r; },
          [{kind: "submit", inspection: record.uuid, body: body}]);
      }).then(function () { Outbox.flush(); location.hash = "#/"; });
    });
  }

  window.SidakForm.summary = render;
})();
