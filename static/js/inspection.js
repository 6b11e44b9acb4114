/* Sidak: a section of an inspection. Without this script the form still works (it posts the
   section); with it every answer is saved the moment it is given, photos are downscaled on the
   phone before upload, and conditional items appear and disappear as answers change. */
(function () {
  "use strict";
  var form = document.getElementById("section-form");
  if (!form) return;
  var csrf = form.querySelector("input[name=csrf_token]").value;
  var msg = JSON.parse(form.dataset.messages || "{}");
  var controllers = JSON.parse(form.dataset.controllers || "{}");
  var banner = form.querySelector("[data-save-banner]");
  var timers = {};
  var unsaved = {};
  var refused = {};

  function t(key) { return msg[key] || key; }
  function now() {
    var d = new Date();
    return ("0" + d.getHours()).slice(-2) + ":" + ("0" + d.getMinutes()).slice(-2);
  }
  function fieldsetOf(el) { return el.closest("[data-item]"); }
  function named(fs, name) { return fs.querySelector('[name="a-' + fs.dataset.item + "-" + name + '"]'); }
  function state(fs, text, kind) {
    var el = fs.querySelector("[data-save-state]");
    el.textContent = text;
    el.className = "save-state" + (kind ? " " + kind : "");
  }
  function showBanner(text) { banner.textContent = text; banner.hidden = !text; }

  function collect(fs) {
    var type = fs.dataset.type, body = {};
    var note = named(fs, "note"), na = named(fs, "na");
    if (note) body.note = note.value;
    if (type === "yesno" || type === "choice") {
      var checked = fs.querySelector('input[type=radio]:checked');
      if (checked && checked.value === "na") body.na = true;
      else if (checked) body.value = checked.value;
    } else if (na && na.checked) {
      body.na = true;
    } else if (type === "count") {
      body.observed = named(fs, "observed").value.trim();
      body.compliant = named(fs, "compliant").value.trim();
    } else if (type === "number") {
      body.number = named(fs, "number").value.trim().replace(",", ".");
    } else if (type === "text") {
      body.value = named(fs, "value").value;
    }
    return body;
  }

  function save(fs, leaving) {
    var item = fs.dataset.item;
    state(fs, t("saving"), "saving");
    var url = form.dataset.answerUrl.replace("__ITEM__", encodeURIComponent(item));
    return fetch(url, {
      method: "PUT",
      keepalive: !!leaving,
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrf},
      body: JSON.stringify(collect(fs))
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) {
        if (res.ok) {
          delete unsaved[item];
          fs.classList.remove("has-error");
          state(fs, t("saved") + " " + now(), "saved");
          progress(data.progress);
        } else if (res.status === 401) {
          unsaved[item] = true;
          state(fs, t("notSaved"), "error");
          showBanner(t("loginAgain"));
        } else {
          refused[item] = true;  // the same answer would be refused again: not retried
          fs.classList.add("has-error");
          state(fs, data.error || t("notSaved"), "error");
        }
        if (!Object.keys(unsaved).length) showBanner("");
      });
    }).catch(function () {
      unsaved[item] = true;
      state(fs, t("offline"), "error");
      showBanner(t("offline"));
    });
  }

  /* Saved after a pause in typing; meanwhile the item says so, not an earlier "saved". */
  function later(fs, ms) {
    var item = fs.dataset.item;
    clearTimeout(timers[item]);
    unsaved[item] = true;
    delete refused[item];
    if (ms) state(fs, t("saving"), "saving");
    timers[item] = setTimeout(function () { delete timers[item]; save(fs); }, ms);
  }

  function retryUnsaved() {
    Object.keys(unsaved).forEach(function (item) {
      var fs = form.querySelector('[data-item="' + item + '"]');
      if (fs && !refused[item]) save(fs);
    });
  }

  function progress(list) {
    if (!list) return;
    list.forEach(function (pair, i) {
      var el = document.querySelector('[data-progress="' + i + '"]');
      if (!el) return;
      el.textContent = pair[0] + "/" + pair[1];
      el.classList.toggle("complete", pair[1] > 0 && pair[0] === pair[1]);
    });
  }

  /* The visibility rule of sidak.domain.visibility: shown when the controlling item is shown,
     answered, not N/A, and its answer is one of the listed values. */
  function currentValue(item) {
    var fs = form.querySelector('[data-item="' + item + '"]');
    if (!fs) return controllers[item] === undefined ? null : controllers[item];
    if (fs.hidden) return null;
    var checked = fs.querySelector("input[type=radio]:checked");
    return checked ? checked.value : null;
  }
  function refreshVisibility() {
    var changed = true, guard = 0;
    while (changed && guard++ < 50) {
      changed = false;
      form.querySelectorAll("[data-item]").forEach(function (fs) {
        var cond = JSON.parse(fs.dataset.condition || "null");
        if (!cond) return;
        var value = currentValue(cond.item);
        var show = value !== null && value !== "na" && cond.values.indexOf(value) !== -1;
        if (fs.hidden === show) { fs.hidden = !show; changed = true; }
      });
    }
  }

  function countHint(fs) {
    var n = parseInt(named(fs, "observed").value, 10), x = parseInt(named(fs, "compliant").value, 10);
    if (!isNaN(n) && !isNaN(x) && x > n) state(fs, t("tooMany"), "error");
  }

  form.addEventListener("click", function (e) {
    var step = e.target.closest(".step");
    if (!step) return;
    var input = document.getElementById(step.dataset.target);
    var value = Math.max(0, (parseInt(input.value, 10) || 0) + parseInt(step.dataset.step, 10));
    input.value = value;
    input.dispatchEvent(new Event("input", {bubbles: true}));
  });

  form.addEventListener("input", function (e) {
    var fs = fieldsetOf(e.target);
    if (!fs || e.target.type === "file") return;
    if (e.target.type === "radio" || e.target.type === "checkbox") return;
    if (fs.dataset.type === "count") countHint(fs);
    later(fs, 700);
  });

  form.addEventListener("change", function (e) {
    var fs = fieldsetOf(e.target);
    if (!fs) return;
    if (e.target.type === "file") return upload(fs, e.target);
    if (e.target.type === "radio" || e.target.type === "checkbox") {
      refreshVisibility();
      later(fs, 0);
    }
  });

  function upload(fs, input) {
    var files = Array.prototype.slice.call(input.files);
    var list = fs.querySelector(".thumbs");
    files.reduce(function (chain, file) {
      return chain.then(function () {
        state(fs, t("uploading"), "saving");
        return SidakCommon.downscale(file).then(function (blob) { return send(fs, list, blob, file, SidakCommon.uuid4(), 0); });
      });
    }, Promise.resolve()).then(function () { input.value = ""; });
  }

  /* The same button the server renders beside each photo (it posts the form elsewhere). */
  function removeButton(fs, photoUuid, number) {
    var button = document.createElement("button");
    button.type = "submit";
    button.className = "remove-photo";
    button.formAction = form.dataset.photoUrl + "/" + photoUuid + "/hapus";
    button.formNoValidate = true;
    button.name = "kembali";
    button.value = location.pathname + "#butir-" + fs.dataset.item;
    button.setAttribute("aria-label", t("removePhoto").replace("__N__", number));
    button.textContent = "×";
    return button;
  }

  function send(fs, list, blob, original, id, attempt) {
    var data = new FormData();
    data.append("csrf_token", csrf);
    data.append("uuid", id);
    data.append("butir", fs.dataset.item);
    data.append("diambil", new Date(original.lastModified || Date.now()).toISOString());
    data.append("foto", blob, "foto.jpg");
    return fetch(form.dataset.photoUrl, {
      method: "POST", body: data, credentials: "same-origin",
      headers: {"Accept": "application/json", "X-CSRFToken": csrf}
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (body) {
        if (!res.ok) { state(fs, body.error || t("notSaved"), "error"); return; }
        var li = document.createElement("li"), img = document.createElement("img");
        img.src = body.thumbnail; img.alt = t("photo"); img.width = 96; img.height = 96;
        li.appendChild(img);
        li.appendChild(removeButton(fs, body.uuid, list.children.length + 1));
        list.appendChild(li);
        state(fs, t("photoSaved") + " " + now(), "saved");
      });
    }).catch(function () {
      /* the same uuid on retry: the server never stores the photo twice */
      if (attempt < 5) {
        state(fs, t("offline"), "error");
        return new Promise(function (r) { setTimeout(r, 2000 * (attempt + 1)); })
          .then(function () { return send(fs, list, blob, original, id, attempt + 1); });
      }
      state(fs, t("notSaved"), "error");
    });
  }

  /* Posting the page sends every answer; leaving it otherwise (a link, the tab closed) sends
     what is still waiting for its timer, in requests that outlive the page. */
  var posting = false;
  function stopTimers() {
    var waiting = Object.keys(timers);
    waiting.forEach(function (item) { clearTimeout(timers[item]); delete timers[item]; });
    return waiting;
  }
  form.addEventListener("submit", function () { posting = true; stopTimers(); });
  window.addEventListener("pagehide", function () {
    if (posting) return;
    stopTimers().forEach(function (item) {
      var fs = form.querySelector('[data-item="' + item + '"]');
      if (fs) save(fs, true);
    });
  });
  window.addEventListener("pageshow", function () { posting = false; });  // back from the cache
  /* A link out of the page first saves what waits (a request from a page being left may never
     go), and asks before leaving an answer the server has not taken. */
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a[href]");
    if (!a || e.defaultPrevented || posting) return;
    if (e.button || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || (a.target && a.target !== "_self")) return;
    if (a.origin === location.origin && a.pathname === location.pathname) return;  // on this page
    stopTimers();
    var items = Object.keys(unsaved);
    if (!items.length) return;
    e.preventDefault();
    Promise.all(items.map(function (item) {
      var fs = form.querySelector('[data-item="' + item + '"]');
      return fs ? save(fs) : null;
    })).then(function () {
      if (!Object.keys(unsaved).length || window.confirm(t("leaveUnsaved"))) location.href = a.href;
    });
  });
  window.addEventListener("online", retryUnsaved);
  setInterval(function () { if (Object.keys(unsaved).length && !Object.keys(timers).length) retryUnsaved(); }, 15000);
  document.documentElement.classList.add("js");
  refreshVisibility();
})();
