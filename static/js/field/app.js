/* Sidak field app (/lapangan): start, fill, photograph, sign and submit an inspection with or
   without a connection. The phone is the first place everything is saved; the outbox tells
   the server later. Views: #/ (list), #/baru (start), #/i/<uuid>/<n> (section n),
   #/i/<uuid>/temuan (the office's earlier findings, followup.js),
   #/i/<uuid>/ringkasan (summary, signatures, submit). */
(function () {
  "use strict";
  var DB = window.SidakDB, Outbox = window.SidakOutbox, Rules = window.SidakRules;
  var root = document.getElementById("app");
  var M = JSON.parse(root.dataset.messages || "{}");
  var LANG = document.documentElement.lang === "en" ? "en" : "id";
  var boot = null, signedOut = false, timers = {}, pending = {};

  /* Typing is saved 600 ms after the last key; a page hidden or left before that (the phone
     locked, the tab closed, a reload) saves at once, so a note is never lost to the timer. */
  function later(key, run, ms) {
    clearTimeout(timers[key]);
    pending[key] = run;
    timers[key] = setTimeout(function () { now(key); }, ms);
  }
  function now(key) {
    clearTimeout(timers[key]);
    var run = pending[key];
    delete timers[key];
    delete pending[key];
    return new Promise(function (done) { done(run ? run() : null); });  // a throw: a rejection
  }
  function cancel(key) {
    clearTimeout(timers[key]);
    delete timers[key];
    delete pending[key];
  }
  function waiting(key) { return key in pending; }
  /* every change still waiting for its timer, saved now; resolves once they are on the phone */
  function saveAll() { return Promise.all(Object.keys(pending).map(now)); }
  /* a change waits for its timer: say so, so that an earlier "saved" is not taken for it */
  function unsaved(fs) {
    var state = fs.querySelector("[data-state]");
    if (!state) return;
    state.textContent = msg("saving");
    state.className = "save-state";
  }
  window.addEventListener("pagehide", saveAll);
  /* a link out of the field app waits for those saves: a page being unloaded may drop them */
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a[href]");
    if (!a || e.defaultPrevented || !Object.keys(pending).length) return;
    if (e.button || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || (a.target && a.target !== "_self")) return;
    if (a.origin === location.origin && a.pathname === location.pathname) return;  // a view: hashchange
    e.preventDefault();
    var go = function () { location.href = a.href; };
    saveAll().then(go, go);  // storage that fails must not keep anyone on the page
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") saveAll();
  });

  /* ---- small helpers ---- */
  function msg(key) { return M[key] || key; }
  function t(text) { return !text ? "" : (typeof text === "string" ? text : (LANG === "en" && text.en) || text.id); }
  function esc(value) {
    return String(value === null || value === undefined ? "" : value).replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
    });
  }
  function hhmm(iso) { var d = iso ? new Date(iso) : new Date(); return ("0" + d.getHours()).slice(-2) + ":" + ("0" + d.getMinutes()).slice(-2); }
  function when(iso) { return new Date(iso).toLocaleString(LANG === "en" ? "en-GB" : "id-ID", {day: "numeric", month: "short", hour: "2-digit", minute: "2-digit"}); }
  function checklistOf(record) { return boot && boot.checklists[record.checklist_hash]; }
  function officeName(id) { var o = (boot.offices || []).filter(function (x) { return x.id === id; })[0]; return o ? o.name : "?"; }
  function items(checklist) { var out = []; checklist.sections.forEach(function (s) { s.items.forEach(function (i) { out.push(i); }); }); return out; }
  function wire(answers) {
    var out = {};
    Object.keys(answers || {}).forEach(function (k) {
      var a = answers[k];
      out[k] = {value: a.value, observed: a.observed, compliant: a.compliant, number: a.number, na: !!a.na};
    });
    return out;
  }

  /* ---- bootstrap: what the inspector needs offline ---- */
  /* After signing out here, the phone shows nothing until someone signs in again: the work
     still waiting is kept, not shown. On a shared phone the bootstrap's user may be another
     inspector: DB.handOver keeps each one's work apart. */
  function loadBoot() {
    return Promise.all([DB.get("meta", "bootstrap"), DB.get("meta", "signedOut")]).then(function (found) {
      signedOut = !!found[1];
      var cached = signedOut ? null : found[0] || null;
      function stored() {
        boot = cached;
        return boot ? DB.handOver(boot.user.id).then(keepHeld) : boot;
      }
      if (!navigator.onLine) return stored();
      return fetch("/api/v1/field/bootstrap", {credentials: "same-origin", headers: {"Accept": "application/json"}})
        .then(function (res) {
          if (res.status === 401) { showLogin(); return stored(); }
          if (!res.ok) return stored();
          return res.json().then(function (data) {
            var fresh = {user: data.user, offices: data.offices, inspectors: data.inspectors || [], checklists: {},
              current: (data.checklists || []).map(function (c) { return c.content_hash; }), fetchedAt: new Date().toISOString()};
            (data.checklists || []).forEach(function (c) { fresh.checklists[c.content_hash] = c.checklist; fresh.checklists[c.content_hash].hash = c.content_hash; });
            // keep older versions a local draft still needs (another inspector's too)
            Object.keys((found[0] && found[0].checklists) || {}).forEach(function (h) { if (!fresh.checklists[h]) fresh.checklists[h] = found[0].checklists[h]; });
            boot = fresh;
            signedOut = false;
            return DB.handOver(data.user.id).then(keepHeld).then(function () {
              return Promise.all([DB.put("meta", fresh, "bootstrap"), DB.put("meta", data.csrf_token, "csrf"),
                DB.del("meta", "signedOut"), importDrafts(data.drafts || [], data.offices || [])]);
            });
          }).then(function () { return boot; });
        }, stored);
    });
  }

  /* Another inspector's work waiting on this phone: said on the list, never shown or sent. */
  var held = {entries: 0, names: []};
  function keepHeld(found) { held = found; return boot; }

  function importDrafts(drafts, offices) {
    return Promise.all(drafts.map(function (d) {
      return DB.get("inspections", d.uuid).then(function (local) {
        if (local) return null;
        var answers = {};
        Object.keys(d.answers || {}).forEach(function (k) { answers[k] = d.answers[k]; });
        var office = offices.filter(function (o) { return o.id === d.office_id; })[0];
        return DB.put("inspections", {uuid: d.uuid, office_id: d.office_id, checklist_hash: d.checklist_hash,
          team: d.team, started_at: d.started_at, answers: answers, signatures: {}, status: "draft",
          followUps: window.SidakFollowUp.fromServer(d.follow_up, office),
          fromServer: true, updatedAt: new Date().toISOString()});
      });
    }));
  }

  function showLogin() {
    var el = document.getElementById("login-needed");
    if (el) el.hidden = false;
  }

  /* ---- outbox banner ---- */
  function banner(state) {
    var el = document.getElementById("outbox");
    if (!el) return;
    el.querySelector("[data-pending]").textContent = state.pending === null ? ""
      : state.pending ? msg("pending").replace("__N__", state.pending) : msg("allSent");
    el.classList.toggle("has-pending", state.pending > 0);
    document.getElementById("login-needed").hidden = !state.loginNeeded;
    document.getElementById("offline-note").hidden = navigator.onLine;
  }

  /* ---- views ---- */
  function route() {
    var hash = location.hash.replace(/^#\/?/, "");
    var parts = hash.split("/");
    if (!boot) return renderNoData();
    if (parts[0] === "baru") return renderStart();
    if (parts[0] === "i" && parts[1]) {
      return DB.get("inspections", parts[1]).then(function (record) {
        if (!record || !DB.mine(record)) return renderHome();
        if (parts[2] === "ringkasan") return window.SidakForm.summary(root, record);
        if (parts[2] === "temuan") return window.SidakFollowUp.render(root, record);
        return window.SidakForm.section(root, record, parseInt(parts[2], 10) || 1);
      });
    }
    return renderHome();
  }

  function renderNoData() {
    root.innerHTML = '<section class="card"><h1>' + esc(msg("title")) + "</h1>" + (signedOut
      ? "<p>" + esc(msg("signedOut")) + '</p><a class="button primary" href="' + esc(msg("signInUrl")) + '">' + esc(msg("signIn")) + "</a>"
      : "<p>" + esc(msg("noData")) + "</p>") + "</section>";
  }

  function renderHome() {
    return DB.all("inspections").then(function (records) {
      records = records.filter(DB.mine);
      records.sort(function (a, b) { return (b.updatedAt || "").localeCompare(a.updatedAt || ""); });
      var list = records.map(function (r) {
        var done = r.status === "synced", queued = r.status === "queued";
        var first = (r.followUps || []).some(function (f) { return !f.result; }) ? "/temuan" : "/1";
        var link = done ? "/inspeksi/" + r.uuid : "#/i/" + r.uuid + first;
        var state = done ? msg("synced") : queued ? msg("queued") : msg("draft");
        return '<li class="card"><a href="' + link + '"><strong>' + esc(officeName(r.office_id)) + "</strong></a>" +
          '<p class="meta"><span>' + esc(when(r.started_at)) + '</span><span class="status">' + esc(state) + "</span>" +
          ((r.problems || []).length ? '<span class="warn">' + esc(msg("needsAttention")) + "</span>" : "") + "</p></li>";
      }).join("");
      root.innerHTML = '<div class="page-head"><h1>' + esc(msg("title")) + '</h1><a class="button primary" href="#/baru">' +
        esc(msg("start")) + "</a></div>" + '<p class="muted small">' + esc(msg("dataAge").replace("__T__", when(boot.fetchedAt))) + "</p>" +
        (list ? '<ul class="cards">' + list + "</ul>" : '<p class="muted">' + esc(msg("empty")) + "</p>") +
        (held.entries ? '<p class="card note" data-held>' + esc(msg("heldOther").replace("__N__", held.entries)
          .replace(/__WHO__/g, held.names.join(", ") || msg("otherInspector"))) + "</p>" : "");
    });
  }

  function renderStart() {
    var offices = boot.offices.map(function (o) { return '<option value="' + esc(o.name) + '">' + esc(o.district) + "</option>"; }).join("");
    var current = boot.current || Object.keys(boot.checklists);
    var checklists = current.map(function (h) { return '<option value="' + h + '">' + esc(t(boot.checklists[h].title)) + "</option>"; }).join("");
    var colleagues = boot.inspectors.filter(function (p) { return p.id !== boot.user.id; }).map(function (p) {
      return '<li><label class="check"><input type="checkbox" name="member" value="' + p.id + '"> ' + esc(p.full_name) + (p.agency ? " — " + esc(p.agency) : "") + "</label></li>";
    }).join("");
    var outsiders = [1, 2].map(function (n) {
      return '<fieldset class="pair outsider"><legend>' + esc(msg("otherMember")) + " " + n + "</legend>" +
        '<div class="field"><label for="o' + n + '-name">' + esc(msg("name")) + '</label><input class="input" id="o' + n + '-name" autocomplete="off"></div>' +
        '<div class="field"><label for="o' + n + '-agency">' + esc(msg("agency")) + '</label><input class="input" id="o' + n + '-agency" autocomplete="off"></div></fieldset>';
    }).join("");
    root.innerHTML = '<h1>' + esc(msg("start")) + '</h1><form class="card start-form" id="start" novalidate>' +
      '<div class="field"><label for="office">' + esc(msg("office")) + '</label><input class="input" id="office" list="offices" autocomplete="off" required><datalist id="offices">' + offices + "</datalist></div>" +
      '<div class="field"><label for="checklist">' + esc(msg("checklist")) + '</label><select class="input" id="checklist">' + checklists + "</select></div>" +
      '<fieldset class="team"><legend>' + esc(msg("team")) + '</legend><p>' + esc(msg("lead")) + ": <strong>" + esc(boot.user.full_name) + "</strong></p>" +
      (colleagues ? '<ul class="check-list">' + colleagues + "</ul>" : "") + outsiders + "</fieldset>" +
      '<label class="check"><input type="checkbox" id="decline"> ' + esc(msg("decline")) + "</label>" +
      '<p class="error" id="start-error" role="alert" hidden></p>' +
      '<button type="submit" class="button primary block">' + esc(msg("begin")) + "</button></form>";
    document.getElementById("start").addEventListener("submit", function (e) { e.preventDefault(); startInspection(); });
  }

  function position(declined) {
    if (declined || !navigator.geolocation) return Promise.resolve(null);
    return new Promise(function (resolve) {
      navigator.geolocation.getCurrentPosition(function (p) {
        resolve({latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy_m: p.coords.accuracy});
      }, function () { resolve(null); }, {enableHighAccuracy: true, timeout: 8000, maximumAge: 60000});
    });
  }

  function startInspection() {
    var name = document.getElementById("office").value.trim().toLowerCase();
    var office = boot.offices.filter(function (o) { return o.name.toLowerCase() === name; })[0];
    var error = document.getElementById("start-error");
    if (!office) { error.textContent = msg("pickOffice"); error.hidden = false; return; }
    var team = [{user_id: boot.user.id, name: boot.user.full_name, agency: boot.user.agency || "", lead: true}];
    document.querySelectorAll("input[name=member]:checked").forEach(function (box) {
      var p = boot.inspectors.filter(function (x) { return String(x.id) === box.value; })[0];
      team.push({user_id: p.id, name: p.full_name, agency: p.agency || "", lead: false});
    });
    for (var n = 1; n <= 2; n++) {
      var who = document.getElementById("o" + n + "-name").value.trim(), agency = document.getElementById("o" + n + "-agency").value.trim();
      if (who && !agency) { error.textContent = msg("needAgency").replace("__N__", who); error.hidden = false; return; }
      if (who) team.push({user_id: null, name: who, agency: agency, lead: false});
    }
    var declined = document.getElementById("decline").checked;
    position(declined).then(function (pos) {
      var record = {uuid: SidakCommon.uuid4(), office_id: office.id, checklist_hash: document.getElementById("checklist").value,
        team: team, started_at: new Date().toISOString(), position: pos, location_declined: declined,
        answers: {}, signatures: {}, followUps: window.SidakFollowUp.fromOffice(office),
        status: "draft", updatedAt: new Date().toISOString()};
      var body = {office_id: record.office_id, checklist_hash: record.checklist_hash, team: team,
        started_at: record.started_at, position: pos, location_declined: declined};
      return DB.put("inspections", record).then(function () {
        return DB.change(record.uuid, function (r) { return r; }, [{kind: "create", inspection: record.uuid, body: body}]);
      }).then(function () {
        // the office's earlier findings come first: the team looks at them on arrival
        location.hash = "#/i/" + record.uuid + (record.followUps.length ? "/temuan" : "/1");
        Outbox.flush();
      });
    });
  }

  window.SidakField = {
    route: route, msg: msg, t: t, esc: esc, uuid4: SidakCommon.uuid4, hhmm: hhmm, checklistOf: checklistOf,
    items: items, wire: wire, officeName: officeName, later: later, now: now, cancel: cancel, waiting: waiting, saveAll: saveAll, unsaved: unsaved,
    boot: function () { return boot; }
  };

  /* ---- start (after every deferred script of the page has run) ---- */
  document.addEventListener("DOMContentLoaded", function () { DB.open().then(loadBoot).then(function () {
    Outbox.onChange(banner);
    /* what was just typed goes too, and the next view shows it */
    document.getElementById("send-now").addEventListener("click", function () {
      saveAll().then(Outbox.flush, Outbox.flush);
    });
    window.addEventListener("hashchange", function () { saveAll().then(route, route); });
    /* the server refused something of the draft on screen (e.g. a conflict): show it now */
    window.addEventListener("sidak:problem", function (e) {
      if (location.hash.indexOf("#/i/" + e.detail.inspection + "/") === 0) route();
    });
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist();
    route();
    // nothing downloaded, or signed out: no one's work is this page's to send
    if (boot) Outbox.start();
    else document.getElementById("send-now").hidden = true;
  }); });
})();
