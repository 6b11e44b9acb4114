/* Sidak field app: everything lives on the phone first, in IndexedDB.
   Stores: meta (the bootstrap: checklists, offices, user; the owner), inspections (drafts with
   their answers and signatures), photos (downscaled Blobs), outbox (what the server has not
   confirmed yet, in order). Nothing here talks to the network.

   A phone may be shared by a team: every draft, photo and outbox entry carries its owner
   (the inspector's user id). Each inspector sees and sends only their own; another's
   unsent work stays on the phone, untouched, until they sign in here again. */
(function (root) {
  "use strict";
  var NAME = "sidak-lapangan", VERSION = 1, opened = null, owner = null;

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
    if (store === "inspections") stamp(value);
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
        store.put(stamp(saved));
        var entries = typeof outboxEntries === "function" ? outboxEntries(saved) : outboxEntries;
        (entries || []).forEach(function (entry) {
          entry.createdAt = new Date().toISOString();
          tx.objectStore("outbox").add(stamp(entry));
        });
      });
    }).then(function () { return saved; });
  }

  function addPhoto(photo, outboxEntry) {
    return run(["photos", "outbox"], "readwrite", function (tx) {
      tx.objectStore("photos").put(stamp(photo));
      outboxEntry.createdAt = new Date().toISOString();
      tx.objectStore("outbox").add(stamp(outboxEntry));
    });
  }

  function photosOf(uuid) {
    var out;
    return run(["photos"], "readonly", function (tx) {
      req(tx.objectStore("photos").index("inspection").getAll(uuid)).then(function (v) { out = v; });
    }).then(function () { return out || []; });
  }

  /* ---- owners ---- */
  function stamp(value) {
    if (value && value.owner == null && owner != null) value.owner = owner;
    return value;
  }
  function mine(value) { return value.owner == null || value.owner === owner; }

  /* The phone now works for `userId` (the bootstrap's user, or the stored one offline).
     What an earlier version stored without an owner was the previous inspector's. When the
     inspector changes, the previous one's drafts that reached the server leave the phone;
     what is still waiting stays, kept apart. Resolves with the others' waiting work:
     {entries: n, names: [lead inspector of each of their drafts]}. */
  function handOver(userId) {
    var held = {entries: 0, names: []};
    return run(["meta", "inspections", "photos", "outbox"], "readwrite", function (tx) {
      var meta = tx.objectStore("meta"), stores = {};
      ["inspections", "photos", "outbox"].forEach(function (name) { stores[name] = tx.objectStore(name); });
      return Promise.all([req(meta.get("owner")), req(meta.get("bootstrap")),
        req(stores.inspections.getAll()), req(stores.photos.getAll()), req(stores.outbox.getAll())])
        .then(function (found) {
          var boot = found[1], previous = found[0] != null ? found[0] : boot && boot.user ? boot.user.id : userId;
          var records = found[2], photos = found[3], entries = found[4], waiting = {};
          [["inspections", records], ["photos", photos], ["outbox", entries]].forEach(function (pair) {
            pair[1].forEach(function (value) {
              if (value.owner == null) { value.owner = previous; stores[pair[0]].put(value); }
            });
          });
          entries.forEach(function (entry) {
            if (entry.owner === userId) return;
            waiting[entry.inspection] = true;
            held.entries += 1;
          });
          var gone = {};
          records.forEach(function (record) {
            if (record.owner === userId) return;
            if (!waiting[record.uuid]) { gone[record.uuid] = true; stores.inspections.delete(record.uuid); return; }
            var lead = (record.team || []).filter(function (m) { return m.lead; })[0];
            if (lead && held.names.indexOf(lead.name) < 0) held.names.push(lead.name);
          });
          photos.forEach(function (photo) { if (gone[photo.inspection]) stores.photos.delete(photo.uuid); });
          meta.put(userId, "owner");
          owner = userId;
        });
    }).then(function () { return held; });
  }

  /* The phone's inspector (as stored) and how many of their outbox entries still wait. */
  function whoIsWaiting(tx) {
    var meta = tx.objectStore("meta");
    return Promise.all([req(meta.get("owner")), req(meta.get("bootstrap")), req(tx.objectStore("outbox").getAll())])
      .then(function (found) {
        var who = found[0] != null ? found[0] : found[1] && found[1].user ? found[1].user.id : null;
        var waiting = found[2].filter(function (e) { return e.owner == null || e.owner === who; }).length;
        return {who: who, waiting: waiting};
      });
  }

  function waiting() {
    var out = 0;
    return run(["meta", "outbox"], "readonly", function (tx) {
      return whoIsWaiting(tx).then(function (found) { out = found.waiting; });
    }).then(function () { return out; });
  }

  /* Signing out: the phone shows nothing until someone signs in again. With nothing waiting,
     the inspector's drafts, photos and field data leave the phone; what still waits is kept. */
  function signOut() {
    var stores = ["meta", "inspections", "photos", "outbox"];
    return run(stores, "readwrite", function (tx) {
      var meta = tx.objectStore("meta");
      return whoIsWaiting(tx).then(function (found) {
        meta.put(true, "signedOut");
        if (found.waiting) return null;
        meta.delete("bootstrap");
        meta.delete("csrf");
        var theirs = function (v) { return v.owner == null || v.owner === found.who; };
        return Promise.all([req(tx.objectStore("inspections").getAll()), req(tx.objectStore("photos").getAll())])
          .then(function (own) {
            own[0].filter(theirs).forEach(function (r) { tx.objectStore("inspections").delete(r.uuid); });
            own[1].filter(theirs).forEach(function (p) { tx.objectStore("photos").delete(p.uuid); });
          });
      });
    });
  }

  root.SidakDB = {
    open: open, get: get, all: all, put: put, del: del,
    change: change, addPhoto: addPhoto, photosOf: photosOf,
    handOver: handOver, waiting: waiting, signOut: signOut, mine: mine,
    owner: function () { return owner; }
  };
})(typeof window !== "undefined" ? window : this);
