/* Sidak: starting an inspection. The phone names the inspection (a UUID) so that sending the
   form twice never creates two, and records where it starts unless the inspector declines. */
(function () {
  "use strict";
  var form = document.getElementById("start-form");
  if (!form) return;
  var id = form.querySelector("input[name=uuid]");
  if (id && !id.value) id.value = SidakCommon.uuid4();
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
