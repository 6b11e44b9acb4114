/* Sidak: starting an inspection. The phone names the inspection (a UUID) so that sending the
   form twice never creates two, and records where it starts unless the inspector declines. */
(function () {
  "use strict";
  var form = document.getElementById("start-form");
  if (!form) return;
  var id = form.querySelector("input[name=uuid]");
  if (id && !id.value) {
    if (window.crypto && crypto.randomUUID) {
      id.value = crypto.randomUUID();
    } else {
      var b = crypto.getRandomValues(new Uint8Array(16));
      b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
      var h = Array.prototype.map.call(b, function (x) { return ("0" + x.toString(16)).slice(-2); }).join("");
      id.value = [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join("-");
    }
  }
  var state = form.querySelector("[data-location-state]");
  var decline = form.querySelector("input[name=decline_location]");
  var msg = JSON.parse(form.dataset.messages || "{}");
  function locate() {
    if (decline.checked) { state.textContent = msg.declined; return; }
    if (!navigator.geolocation) { state.textContent = msg.unavailable; return; }
    state.textContent = msg.locating;
    navigator.geolocation.getCurrentPosition(function (pos) {
      form.querySelector("input[name=latitude]").value = pos.coords.latitude;
      form.querySelector("input[name=longitude]").value = pos.coords.longitude;
      form.querySelector("input[name=accuracy]").value = pos.coords.accuracy;
      state.textContent = msg.located.replace("__M__", Math.round(pos.coords.accuracy));
    }, function () { state.textContent = msg.unavailable; }, {enableHighAccuracy: true, timeout: 15000, maximumAge: 60000});
  }
  decline.addEventListener("change", function () {
    if (decline.checked) {
      ["latitude", "longitude", "accuracy"].forEach(function (n) { form.querySelector("input[name=" + n + "]").value = ""; });
    }
    locate();
  });
  locate();
})();
