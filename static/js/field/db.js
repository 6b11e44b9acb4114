/* Sidak field app: everything lives on the phone first, in IndexedDB.
   Stores: meta (the bootstrap: checklists, offices, user), inspections (drafts with their
   answers and signatures), photos (downscaled Blobs), outbox (what the server has not
   confirmed yet, in order). Nothing here talks to the network. */
(function (root) {
  "use strict";
  var NAME = "sidak-lapangan", VERSION = 1, opened = null;

  function open() {
    if (opened) return opened;
    opened = new Promise(function (resolve, reject) {
      var request = indexedDB.open(NAME, VERSION);
      request.onupgradeneeded = function () {
        var db = request.result;
        db.createObjectStore("meta");
        db.createObjectStore("inspections", {keyPath: "uuid"});
        var photos = db.createObjectStore("photos", {keyPath: "uuid"});
        photos.createIndex("inspection", "inspection");
        db.createObjectStore("outbox", {keyPath: "id", autoIncrement: true});
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
    return opened;
  }

  function run(stores, mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(stores, mode), result;
        tx.oncomplete = function () { resolve(result); };
        tx.onerror = tx.onabort = function () { reject(tx.error); };
        result = work(tx);
        if (result && typeof result.then === "function") {
          result.then(function (value) { result = value; });
        }
      });
    });
  }

  function req(request) {
    return new Promise(function (resolve, reject) {
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function get(store, key) {
    var out;
    return run([store], "readonly", function (tx) {
      req(tx.objectStore(store).get(key)).then(function (v) { out = v; });
    }).then(function () { return out; });
  }

  function all(store) {
    var out;
    return run([store], "readonly", function (tx) {
      req(tx.objectStore(store).getAll()).then(function (v) { out = v; });
    }).then(function () { return out || []; });
  }

  function put(store, value, key) {
    return run([store], "readwrite", function (tx) {
      if (key === undefined) tx.objectStore(store).put(value);
      else tx.objectStore(store).put(value, key);
    });
  }

  function del(store, key) {
    return run([store], "readwrite", function (tx) { tx.objectStore(store).delete(key); });
  }

  /* Change a draft and queue what the server must be told, in one transaction: either both
     are on the phone or neither is. */
  function change(uuid, mutate, outboxEntries) {
    var saved;
    return run(["inspections", "outbox"], "readwrite", function (tx) {
      var store = tx.objectStore("inspections");
      req(store.get(uuid)).then(function (record) {
        saved = mutate(record);
        store.put(saved);
        var entries = typeof outboxEntries === "function" ? outboxEntries(saved) : outboxEntries;
        (entries || []).forEach(function (entry) {
          entry.createdAt = new Date().toISOString();
          tx.objectStore("outbox").add(entry);
        });
      });
    }).then(function () { return saved; });
  }

  function addPhoto(photo, outboxEntry) {
    return run(["photos", "outbox"], "readwrite", function (tx) {
      tx.objectStore("photos").put(photo);
      outboxEntry.createdAt = new Date().toISOString();
      tx.objectStore("outbox").add(outboxEntry);
    });
  }

  function photosOf(uuid) {
    var out;
    return run(["photos"], "readonly", function (tx) {
      req(tx.objectStore("photos").index("inspection").getAll(uuid)).then(function (v) { out = v; });
    }).then(function () { return out || []; });
  }

  root.SidakDB = {
    open: open, get: get, all: all, put: put, del: del,
    change: change, addPhoto: addPhoto, photosOf: photosOf
  };
})(typeof window !== "undefined" ? window : this);
