// The page viewer: zoom and pan a printed page with fingers (pinch, drag, double tap), the mouse
// (wheel, drag, double click) and the keyboard (+ - 0 and the arrow keys). It opens with
// the whole page in view. Without this script
// the page is still there, scrollable at its reading size.
(function () {
  var MAX = 6, STEP = 1.5, PAN = 60;

  function viewer(frame) {
    var img = frame.querySelector(".viewer-image");
    var tools = document.querySelectorAll("[data-zoom]");
    var scale = 1, x = 0, y = 0;
    var pointers = {}, last = null, pinch = null, lastTap = 0;

    frame.classList.add("js-viewer");

    function clamp() {
      var fw = frame.clientWidth, fh = frame.clientHeight;
      var iw = img.offsetWidth * scale, ih = img.offsetHeight * scale;
      x = iw <= fw ? (fw - iw) / 2 : Math.min(0, Math.max(fw - iw, x));
      y = ih <= fh ? 0 : Math.min(0, Math.max(fh - ih, y));
    }
    function apply() {
      clamp();
      img.style.transform = "translate(" + x + "px," + y + "px) scale(" + scale + ")";
      frame.classList.toggle("zoomed", scale > fit());
    }
    // Unzoomed, the whole page is in view: as wide as the frame, or as tall where that is less.
    function fit() { return img.offsetHeight ? Math.min(1, frame.clientHeight / img.offsetHeight) : 1; }
    function zoomAt(factor, cx, cy) {
      var next = Math.min(MAX, Math.max(fit(), scale * factor));
      factor = next / scale;
      x = cx - (cx - x) * factor;
      y = cy - (cy - y) * factor;
      scale = next;
      apply();
    }
    function centre() { return [frame.clientWidth / 2, frame.clientHeight / 2]; }
    function local(e) {
      var box = frame.getBoundingClientRect();
      return [e.clientX - box.left, e.clientY - box.top];
    }
    function reset() { scale = fit(); x = 0; y = 0; apply(); }

    Array.prototype.forEach.call(tools, function (button) {
      button.addEventListener("click", function () {
        var c = centre(), what = button.getAttribute("data-zoom");
        if (what === "in") zoomAt(STEP, c[0], c[1]);
        else if (what === "out") zoomAt(1 / STEP, c[0], c[1]);
        else reset();
      });
    });

    frame.addEventListener("keydown", function (e) {
      var c = centre(), handled = true;
      if (e.key === "+" || e.key === "=") zoomAt(STEP, c[0], c[1]);
      else if (e.key === "-" || e.key === "_") zoomAt(1 / STEP, c[0], c[1]);
      else if (e.key === "0") reset();
      else if (e.key === "ArrowLeft") { x += PAN; apply(); }
      else if (e.key === "ArrowRight") { x -= PAN; apply(); }
      else if (e.key === "ArrowUp") { y += PAN; apply(); }
      else if (e.key === "ArrowDown") { y -= PAN; apply(); }
      else handled = false;
      if (handled) e.preventDefault();
    });

    frame.addEventListener("wheel", function (e) {
      e.preventDefault();
      var p = local(e);
      zoomAt(e.deltaY < 0 ? 1.2 : 1 / 1.2, p[0], p[1]);
    }, { passive: false });

    frame.addEventListener("dblclick", function (e) {
      var p = local(e);
      if (scale > fit()) reset(); else zoomAt(2.5, p[0], p[1]);
    });

    frame.addEventListener("pointerdown", function (e) {
      try { frame.setPointerCapture(e.pointerId); } catch (err) { /* a pointer already gone */ }
      pointers[e.pointerId] = local(e);
      var ids = Object.keys(pointers);
      if (ids.length === 2) {
        var a = pointers[ids[0]], b = pointers[ids[1]];
        pinch = { distance: Math.hypot(a[0] - b[0], a[1] - b[1]) || 1 };
        last = null;
      } else if (ids.length === 1) {
        last = pointers[e.pointerId];
        if (e.pointerType === "touch") {
          var now = Date.now();
          if (now - lastTap < 300) { if (scale > fit()) reset(); else zoomAt(2.5, last[0], last[1]); }
          lastTap = now;
        }
      }
    });
    frame.addEventListener("pointermove", function (e) {
      if (!(e.pointerId in pointers)) return;
      pointers[e.pointerId] = local(e);
      var ids = Object.keys(pointers);
      if (ids.length === 2 && pinch) {
        var a = pointers[ids[0]], b = pointers[ids[1]];
        var distance = Math.hypot(a[0] - b[0], a[1] - b[1]) || 1;
        zoomAt(distance / pinch.distance, (a[0] + b[0]) / 2, (a[1] + b[1]) / 2);
        pinch.distance = distance;
      } else if (ids.length === 1 && last) {
        var p = pointers[e.pointerId];
        x += p[0] - last[0];
        y += p[1] - last[1];
        last = p;
        apply();
      }
    });
    function up(e) {
      delete pointers[e.pointerId];
      pinch = null;
      var ids = Object.keys(pointers);
      last = ids.length === 1 ? pointers[ids[0]] : null;
    }
    frame.addEventListener("pointerup", up);
    frame.addEventListener("pointercancel", up);
    window.addEventListener("resize", function () { scale = Math.max(scale, fit()); apply(); });
    if (img.complete) reset(); else img.addEventListener("load", reset);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var frame = document.getElementById("viewer-frame");
    if (frame) viewer(frame);
  });
})();
