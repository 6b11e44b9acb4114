// Copy buttons: <button data-copy="ID"> copies the value of #ID; without JavaScript the
// field stays selectable by hand. Shown only where the Clipboard API is there.
(function () {
  "use strict";
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    var done = button.parentNode.querySelector("[data-copy-done]");
    if (!source) return;
    source.addEventListener("focus", function () { source.select(); });
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.value).then(function () {
        if (done) done.hidden = false;
      }, function () {
        source.focus();
        source.select();
      });
    });
  });
})();
