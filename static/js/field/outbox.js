/* Sidak field app: the outbox. Entries are sent in order; an entry is deleted only after the
   server confirmed it. Every request carries the client's UUIDs, so sending an entry twice (a
   retry, a second tab, a flush cut halfway) never duplicates anything on the server.
   A flush stops at the first entry it could not deliver, so what was queued after an
   inspection's start (answers, follow-up marks, photos) never reaches the server before it.
   Flushes: on page load, when the connection returns, every 30 s, and from "Kirim sekarang".
   The service worker never sees these requests (it does not intercept POST or PUT). */
(function (root) {
  "use strict";
  var DB = root.SidakDB, CHUNK = 256 * 1024, running = null, again = false, listeners = [];
  /* one bar of signal can leave a request hanging for minutes: give up and retry later */
  var TIMEOUT_MS = 45000;
  /* pending is null until the outbox was counted: never say "all sent" before knowing */
  var state = {pending: null, loginNeeded: false, offline: !navigator.onLine, lastError: null};

  function notify() { listeners.forEach(function (fn) { fn(state); }); }
  function onChange(fn) { listeners.push(fn); fn(state); }

  function csrf() { return DB.get("meta", "csrf").then(function (t) { return t || ""; }); }

  function send(method, url, body, headers) {
    return csrf().then(function (token) {
      var h = {"Accept": "application/json", "X-CSRFToken": token};
      Object.keys(headers || {}).forEach(function (k) { h[k] = headers[k]; });
      if (body !== undefined && !(body instanceof Blob)) {
        h["Content-Type"] = "application/json";
        body = JSON.stringify(body);
      }
      var controller = root.AbortController ? new AbortController() : null;
      var timer = controller && setTimeout(function () { controller.abort(); }, TIMEOUT_MS);
      return fetch(url, {method: method, headers: h, body: body, credentials: "same-origin",
                         cache: "no-store", signal: controller ? controller.signal : undefined})
        .then(function (res) { clearTimeout(timer); return res; },
              function (error) { clearTimeout(timer); throw error; });
    });
  }

  function json(res) { return res.json().catch(function () { return {}; }); }

  /* What to do with a response: "done" (delete the entry), "login" (stop, keep it), or
     "retry" (stop, keep it). A refusal the phone cannot fix by retrying is kept on the
     draft as a problem for the inspector and the entry leaves the queue. */
  function outcome(res, entry) {
    if (res.ok) return Promise.resolve("done");
    if (res.status === 401) return Promise.resolve("login");
    return json(res).then(function (body) {
      if (res.status === 400 && body.code === "csrf") return refreshToken();
      if (res.status >= 500 || res.status === 429) return "retry";
      return problem(entry, res.status, body).then(function () { return "done"; });
    });
  }

  function problem(entry, status, body) {
    return DB.change(entry.inspection, function (record) {
      if (!record) return record;
      record.problems = record.problems || [];
      record.problems.push({
        kind: entry.kind, item: entry.item || null, status: status,
        code: body.code || null, error: body.error || "", server: body.server || null,
        at: new Date().toISOString()
      });
      return record;
    }).then(function () {
      root.dispatchEvent(new CustomEvent("sidak:problem", {detail: {inspection: entry.inspection}}));
    });
  }

  /* A stale CSRF token (a new session on this device) is renewed, then the entry is sent again. */
  function refreshToken() {
    return fetch("/api/v1/field/session", {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (res) {
        if (!res.ok) return "login";
        return res.json().then(function (body) {
          return DB.put("meta", body.csrf_token, "csrf").then(function () { return "again"; });
        });
      }, function () { return "offline"; });
  }

  var senders = {
    create: function (entry) {
      return send("PUT", "/api/v1/inspections/" + entry.inspection, entry.body).then(function (res) {
        if (!res.ok) return res;
        // the draft as the server made it: which earlier findings it pre-loaded (followup.js)
        return res.clone().json().then(function (draft) {
          return root.SidakFollowUp.reconcile(entry.inspection, draft.follow_up);
        }).catch(function () { return null; }).then(function () { return res; });
      });
    },
    /* A 404 means the server has no such check on this inspection (the finding was settled
       before it began): the finding leaves the phone quietly instead of becoming a problem. */
    followup: function (entry) {
      return send("PUT", "/api/v1/inspections/" + entry.inspection + "/follow-up/" + entry.action, entry.body)
        .then(function (res) {
          if (res.status !== 404) return res;
          return root.SidakFollowUp.drop(entry.inspection, entry.action).then(function () {
            return new Response("{}", {status: 200});
          });
        });
    },
    answer: function (entry) {
      return send("PUT", "/api/v1/inspections/" + entry.inspection + "/answers/" + encodeURIComponent(entry.item), entry.body);
    },
    signature: function (entry) {
      return send("PUT", "/api/v1/inspections/" + entry.inspection + "/signatures/" + entry.slot, entry.body);
    },
    submit: function (entry) {
      return send("POST", "/api/v1/inspections/" + entry.inspection + "/submit", entry.body)
        .then(function (res) {
          if (res.ok) {
            return DB.change(entry.inspection, function (record) {
              record.status = "synced";
              return record;
            }).then(function () { return res; });
          }
          return res;
        });
    },
    photo: sendPhoto
  };

  /* Resumable: ask how much the server has, then send the rest in chunks. */
  function sendPhoto(entry) {
    var base = "/api/v1/inspections/" + entry.inspection + "/photos/" + entry.photo;
    return DB.get("photos", entry.photo).then(function (photo) {
      if (!photo) return new Response("{}", {status: 200});
      var query = "?item=" + encodeURIComponent(photo.item) + "&sha256=" + photo.sha256 +
        (photo.takenAt ? "&taken_at=" + encodeURIComponent(photo.takenAt) : "");
      return send("GET", base).then(function (res) {
        if (res.status === 401) return res;
        return json(res).then(function (status) {
          if (status.complete) return new Response("{}", {status: 200});
          return chunk(base + query, photo, status.received || 0);
        });
      });
    });
  }

  function chunk(url, photo, start) {
    var total = photo.blob.size, end = Math.min(start + CHUNK, total);
    var headers = {"Content-Range": "bytes " + start + "-" + (end - 1) + "/" + total,
                   "Content-Type": "application/octet-stream"};
    return send("PUT", url, photo.blob.slice(start, end), headers).then(function (res) {
      if (res.status === 416) {
        return json(res).then(function (body) { return chunk(url, photo, body.received || 0); });
      }
      if (res.status === 202 || (res.ok && end < total)) return chunk(url, photo, end);
      return res;
    });
  }

  /* Only this inspector's entries: another's wait on the phone until they sign in here. */
  function countPending() {
    return DB.all("outbox").then(function (entries) {
      entries = entries.filter(DB.mine);
      state.pending = entries.length;
      notify();
      return entries;
    });
  }

  function flushOnce() {
    return countPending().then(function (entries) {
      var i = 0;
      function next() {
        if (i >= entries.length) return "done";
        var entry = entries[i++];
        return senders[entry.kind](entry).then(function (res) {
          return outcome(res, entry);
        }, function () { return "offline"; }).then(function (result) {
          if (result === "done") {
            return DB.del("outbox", entry.id).then(function () {
              state.pending = Math.max(0, state.pending - 1);
              state.loginNeeded = false;
              notify();
              return next();
            });
          }
          if (result === "again" && !entry.retried) { entry.retried = true; i -= 1; return next(); }
          state.loginNeeded = result === "login";
          state.offline = result === "offline";
          notify();
          return result;
        });
      }
      return next();
    });
  }

  /* One flush at a time: in this tab (a promise) and across tabs (Web Locks, where present).
     A flush asked for while one runs (a change saved meanwhile) runs once more after it. */
  function flush() {
    if (running) { again = true; return running; }
    again = false;
    var work = function () { return flushOnce(); };
    var locked = navigator.locks && navigator.locks.request
      ? navigator.locks.request("sidak-outbox", work)
      : work();
    running = Promise.resolve(locked).catch(function (error) {
      state.lastError = String(error);
      notify();
    }).then(function (result) {
      running = null;
      if (again && result === "done") return flush();
      return countPending().then(function () { return result; });
    });
    return running;
  }

  function start() {
    root.addEventListener("online", function () { state.offline = false; notify(); flush(); });
    root.addEventListener("offline", function () { state.offline = true; notify(); });
    setInterval(function () { if (navigator.onLine) flush(); }, 30000);
    return flush();
  }

  root.SidakOutbox = {flush: flush, start: start, onChange: onChange, countPending: countPending};
})(typeof window !== "undefined" ? window : this);
