/* Sidak: register the service worker (/sw.js), say when the phone is ready to work offline,
   and offer a waiting new version instead of swapping it in under an open form.

   Browsers offer service workers only in secure contexts (https://, http://127.0.0.1,
   http://localhost); elsewhere this script does nothing and the pages work as before.
   templates/_pwa_head.html loads it; templates/_pwa_status.html holds what it shows. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator) || !window.isSecureContext) return;
  var container = navigator.serviceWorker;
  var ready = document.querySelector("[data-offline-ready]");
  var notice = document.querySelector("[data-sw-update]");
  var asked = false;

  function offerUpdate(worker) {
    if (!notice) return;
    notice.hidden = false;
    document.documentElement.classList.add("has-sw-update");
    notice.querySelector("[data-sw-reload]").onclick = function () {
      asked = true;
      worker.postMessage({type: "skip-waiting"});
    };
  }

  function watch(registration) {
    // a worker waiting while another controls the page is a new version; the very first
    // worker is no "update" and takes over on its own
    if (registration.waiting && container.controller) offerUpdate(registration.waiting);
    registration.addEventListener("updatefound", function () {
      var worker = registration.installing;
      if (!worker) return;
      worker.addEventListener("statechange", function () {
        if (worker.state === "installed" && container.controller) offerUpdate(worker);
      });
    });
  }

  function showReady() {
    if (!ready || !window.caches) return;
    container.ready.then(function (registration) {
      if (!registration.active) return false;
      var options = {cacheName: "sidak-data", ignoreSearch: true};
      return caches.match(script.dataset.bootstrap, options).then(Boolean);
    }).then(function (yes) {
      ready.hidden = !yes;
    }).catch(function () {
      ready.hidden = true;
    });
  }

  container.addEventListener("controllerchange", function () {
    // only the page that asked reloads: other open pages keep their forms as they are
    if (asked) {
      asked = false;
      window.location.reload();
    }
  });
  container.addEventListener("message", function (event) {
    if (event.data && event.data.type === "data-stored") showReady();
  });

  container.register(script.dataset.worker, {scope: script.dataset.scope})
    .then(watch)
    .catch(function () { /* no worker: the pages still work online */ });
  showReady();

  // an inspector's drafts and photos must not be evicted when the phone runs low on space
  if ("persist" in script.dataset && navigator.storage && navigator.storage.persist) {
    navigator.storage.persisted().then(function (persisted) {
      return persisted || navigator.storage.persist();
    }).catch(function () {});
  }
})();
