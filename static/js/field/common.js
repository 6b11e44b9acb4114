/* Sidak: what the online form and the field app share: ids made on the phone, and photos
   downscaled on the phone before they are stored or sent (the server enforces the same size). */
(function (root) {
  "use strict";
  var MAX_SIDE = 1600, QUALITY = 0.85;

  /* A random UUID; crypto.randomUUID exists only on HTTPS and localhost. */
  function uuid4() {
    if (root.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return ("0" + x.toString(16)).slice(-2); }).join("");
    return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join("-");
  }

  /* A JPEG no larger than MAX_SIDE; the original when the browser cannot decode it (HEIC). */
  function downscale(file) {
    if (!root.createImageBitmap) return Promise.resolve(file);
    return createImageBitmap(file, {imageOrientation: "from-image"}).then(function (bitmap) {
      var scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      return new Promise(function (resolve) {
        canvas.toBlob(function (blob) { resolve(blob || file); }, "image/jpeg", QUALITY);
      });
    }).catch(function () { return file; });
  }

  root.SidakCommon = {uuid4: uuid4, downscale: downscale};
})(window);
