// Larger text that persists: applied before the page paints, remembered in this browser.
(function () {
  var KEY = "newsroom-large-text";
  var root = document.documentElement;
  var stored = null;
  try { stored = window.localStorage.getItem(KEY); } catch (e) { /* private mode */ }
  if (stored === "1") root.classList.add("large-text");
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("text-size");
    if (!button) return;
    var sync = function () {
      var on = root.classList.contains("large-text");
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.textContent = on ? "标准字" : "大字";
    };
    sync();
    button.addEventListener("click", function () {
      root.classList.toggle("large-text");
      try { window.localStorage.setItem(KEY, root.classList.contains("large-text") ? "1" : "0"); } catch (e) { /* ignore */ }
      sync();
    });
  });
})();
