/* Sidak: signatures drawn on the screen with signature_pad (shipped in static/vendor). */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  document.querySelectorAll("[data-signature]").forEach(function (form) {
    var canvas = form.querySelector("canvas.pad");
    var pad = new window.SignaturePad(canvas, {penColor: "#0b1f3a", minWidth: 1, maxWidth: 2.5});
    function fit() {
      var ratio = Math.max(window.devicePixelRatio || 1, 1);
      var data = pad.toData();
      canvas.width = canvas.offsetWidth * ratio;
      canvas.height = canvas.offsetHeight * ratio;
      canvas.getContext("2d").scale(ratio, ratio);
      pad.clear();
      pad.fromData(data);
    }
    window.addEventListener("resize", fit);
    fit();
    form.querySelector("[data-pad-clear]").addEventListener("click", function () { pad.clear(); });
    var refuse = form.querySelector("[data-refuse]");
    var witness = form.querySelector("[data-witness]");
    var wrap = form.querySelector("[data-pad-wrap]");
    if (refuse) {
      refuse.addEventListener("change", function () {
        witness.hidden = !refuse.checked;
        wrap.hidden = refuse.checked;
      });
    }
    form.addEventListener("submit", function (e) {
      if (refuse && refuse.checked) return;
      if (pad.isEmpty()) {
        e.preventDefault();
        canvas.focus();
        var note = form.querySelector("[data-pad-error]");
        note.textContent = form.dataset.empty;
        note.hidden = false;
        return;
      }
      form.querySelector("[data-pad-data]").value = pad.toDataURL("image/png");
    });
  });
})();
