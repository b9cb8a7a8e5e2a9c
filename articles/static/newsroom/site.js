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

// Read aloud (朗读全文): the browser's own speech synthesis, in a Chinese voice. The button stays
// hidden where the browser cannot speak, or has no Chinese voice to speak with.
(function () {
  var synth = window.speechSynthesis;
  if (!synth || typeof window.SpeechSynthesisUtterance !== "function") return;

  function chineseVoice() {
    var voices = synth.getVoices() || [];
    var zh = voices.filter(function (v) { return /^zh([-_]|$)/i.test(v.lang || ""); });
    var mainland = zh.filter(function (v) { return /^zh[-_](CN|Hans)/i.test(v.lang); });
    return mainland[0] || zh[0] || null;
  }

  function textsOf(article) {
    // One utterance per heading and paragraph: browsers cut off a single very long one.
    var parts = [];
    article.querySelectorAll("header h1, header .subtitle, .article-body > h2, .article-body > p").forEach(function (el) {
      var text = el.textContent.replace(/\s+/g, " ").trim();
      if (text) parts.push(text);
    });
    return parts;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("read-aloud");
    var article = button && button.closest("article");
    if (!article) return;
    var speaking = false;

    function show(on) {
      speaking = on;
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.textContent = on ? "停止朗读" : "朗读全文";
    }

    function stop() { synth.cancel(); show(false); }

    function start() {
      var voice = chineseVoice();
      if (!voice) { button.hidden = true; return; }
      synth.cancel();
      var parts = textsOf(article);
      parts.forEach(function (text, i) {
        var utterance = new SpeechSynthesisUtterance(text);
        utterance.voice = voice;
        utterance.lang = voice.lang;
        utterance.rate = 0.9;  // a little slower than the default, for older listeners
        if (i === parts.length - 1) utterance.onend = function () { show(false); };
        utterance.onerror = function () { show(false); };
        synth.speak(utterance);
      });
      show(true);
    }

    function offer() { if (chineseVoice()) button.hidden = false; }

    button.addEventListener("click", function () { if (speaking) stop(); else start(); });
    window.addEventListener("pagehide", function () { synth.cancel(); });
    offer();
    // Voices arrive asynchronously in Chromium: ask again when the list changes.
    if (typeof synth.addEventListener === "function") synth.addEventListener("voiceschanged", offer);
  });
})();
