/* Sidak: signing out on a phone the field app has used (templates/base.html loads this
   after js/field/db.js). The field app then shows nothing until someone signs in again, and
   the stored copy of the field data leaves the phone. With nothing waiting to be sent, the
   inspector's drafts and photos leave it too, so the next person on a shared phone sees none
   of them; with work still waiting, the inspector is asked first, and the work stays on the
   phone until they sign in here again. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-logout]");
  if (!form || !window.indexedDB || !window.SidakDB) return;
  var DB = window.SidakDB, leaving = false;

  /* Only a phone that opened the field app has its database: never create one here. */
  function used() {
    if (!indexedDB.databases) return Promise.resolve(true);
    return indexedDB.databases().then(function (list) {
      return list.some(function (d) { return d.name === "sidak-lapangan"; });
    }, function () { return true; });
  }

  function leave() {
    if (leaving) return;
    leaving = true;
    form.submit();
  }

  form.addEventListener("submit", function (event) {
    if (leaving) return;
    event.preventDefault();
    /* on the field app: a change still waiting for its timer is saved, and counted, first */
    var saved = window.SidakField ? window.SidakField.saveAll() : Promise.resolve();
    saved.then(used).then(function (yes) {
      if (!yes) return leave();
      return DB.waiting().then(function (count) {
        if (count && !window.confirm(form.dataset.waiting.replace("__N__", count))) return null;
        var cache = window.caches ? caches.delete("sidak-data") : Promise.resolve();
        return Promise.all([DB.signOut(), cache]).then(leave);
      });
    }).catch(leave);  // storage that fails must never keep anyone signed in
  });
})();
