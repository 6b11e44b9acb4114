/* Sidak field app: photos are downscaled on the phone (SidakCommon.downscale), kept as Blobs in
   IndexedDB with their SHA-256, and uploaded by the outbox in resumable chunks. */
(function () {
  "use strict";
  var DB = window.SidakDB, Outbox = window.SidakOutbox, F = window.SidakField;

  function sha256(blob) {
    return blob.arrayBuffer().then(function (buffer) { return crypto.subtle.digest("SHA-256", buffer); })
      .then(function (digest) {
        return Array.prototype.map.call(new Uint8Array(digest), function (x) { return ("0" + x.toString(16)).slice(-2); }).join("");
      });
  }

  function add(uuid, fs, input) {
    var files = Array.prototype.slice.call(input.files), list = fs.querySelector(".thumbs");
    var state = fs.querySelector("[data-state]");
    return files.reduce(function (chain, file) {
      return chain.then(function () {
        return SidakCommon.downscale(file).then(function (blob) {
          return sha256(blob).then(function (digest) {
            var photo = {uuid: F.uuid4(), inspection: uuid, item: fs.dataset.item, blob: blob, sha256: digest,
              takenAt: new Date(file.lastModified || Date.now()).toISOString()};
            return DB.addPhoto(photo, {kind: "photo", inspection: uuid, item: photo.item, photo: photo.uuid}).then(function () {
              var li = document.createElement("li"), img = document.createElement("img");
              img.src = URL.createObjectURL(blob); img.alt = F.msg("photo"); img.width = 96; img.height = 96;
              li.appendChild(img); list.appendChild(li);
              state.textContent = F.msg("photoOnDevice").replace("__T__", F.hhmm());
              state.className = "save-state saved";
            });
          });
        });
      });
    }, Promise.resolve()).then(function () { input.value = ""; Outbox.flush(); });
  }

  window.SidakPhotos = {add: add};
})();
