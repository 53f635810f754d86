// TestFarm pages: small enhancements only; every page works without them.
(function () {
  "use strict";

  // "3 h ago" beside each time, in the reader's own clock.
  function ago(date) {
    var seconds = Math.round((Date.now() - date.getTime()) / 1000);
    var future = seconds < 0;
    var s = Math.abs(seconds);
    var text;
    if (s < 90) { text = s + " s"; }
    else if (s < 5400) { text = Math.round(s / 60) + " min"; }
    else if (s < 129600) { text = Math.round(s / 3600) + " h"; }
    else { text = Math.round(s / 86400) + " days"; }
    return future ? "in " + text : text + " ago";
  }

  function relativeTimes() {
    var times = document.querySelectorAll("time[datetime]");
    for (var i = 0; i < times.length; i++) {
      var value = times[i].getAttribute("datetime");
      var date = new Date(value.length === 10 ? value + "T00:00:00" : value);
      if (!isNaN(date.getTime()) && value.length > 10) {
        times[i].title = ago(date);
      }
    }
  }

  // One button opens (or closes) every collapsed block of a details page.
  function expandAll() {
    var button = document.querySelector("button.expand-all");
    var blocks = document.querySelectorAll("details.more");
    if (!button || blocks.length === 0) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-pressed") !== "true";
      for (var i = 0; i < blocks.length; i++) { blocks[i].open = open; }
      button.setAttribute("aria-pressed", open ? "true" : "false");
      button.textContent = open ? "collapse long output" : "expand all output";
    });
  }

  function start() {
    relativeTimes();
    expandAll();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
