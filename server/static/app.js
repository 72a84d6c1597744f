// reportmine: the little the pages need from script. Everything works
// without it; it only scrolls to a highlighted range and shows a figure's
// reading when it is clicked or tapped.
"use strict";

(function () {
  // scrollToSpan brings the range named by the fragment (#start-end) into
  // view: the server's highlight, or else the figure with that range.
  function scrollToSpan() {
    var m = /^#(\d+)-(\d+)$/.exec(location.hash);
    if (!m) return;
    var span = m[1] + "-" + m[2];
    var el = document.getElementById(span) || document.querySelector('[data-span="' + span + '"]');
    if (!el) {
      // A link that names the range only in its fragment: ask the server
      // to mark it.
      if (/^\/doc\//.test(location.pathname) && !/[?&]hl=/.test(location.search)) {
        location.replace(location.pathname + "?hl=" + span + "#" + span);
      }
      return;
    }
    el.classList.add("active");
    el.scrollIntoView({ block: "center" });
  }

  // showFigure puts a figure's reading (its title) in the side panel.
  function showFigure(mark) {
    var panel = document.getElementById("figpanel");
    if (!panel) return;
    document.querySelectorAll("mark.fig.active").forEach(function (m) { m.classList.remove("active"); });
    mark.classList.add("active");
    panel.querySelector("p").textContent = "«" + mark.textContent + "» " + mark.title;
    panel.hidden = false;
  }

  document.addEventListener("click", function (ev) {
    var mark = ev.target.closest && ev.target.closest("mark.fig");
    if (mark) { showFigure(mark); return; }
    if (ev.target.closest && ev.target.closest("#figpanel .close")) {
      document.getElementById("figpanel").hidden = true;
    }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && ev.target.matches && ev.target.matches("mark.fig")) showFigure(ev.target);
  });
  window.addEventListener("hashchange", scrollToSpan);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", scrollToSpan);
  } else {
    scrollToSpan();
  }
})();
