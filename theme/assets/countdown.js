// Keeps every [data-countdown] element live: days, hours and minutes to its data-target.
// The page already holds the build-time text, so without this script it still reads right.
(function () {
  "use strict";
  var nodes = document.querySelectorAll("[data-countdown]");
  if (!nodes.length) return;

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function describe(ms, short) {
    if (ms <= 0) return "Launched";
    var minutes = Math.floor(ms / 60000);
    var days = Math.floor(minutes / 1440);
    var hours = Math.floor((minutes % 1440) / 60);
    var mins = minutes % 60;
    if (short) {
      if (days >= 1) return plural(days, "day") + " left";
      if (hours >= 1) return plural(hours, "hour") + " left";
      return plural(Math.max(mins, 1), "minute") + " left";
    }
    if (days >= 1) return plural(days, "day") + ", " + plural(hours, "hour") + ", " + plural(mins, "minute") + " left";
    if (hours >= 1) return plural(hours, "hour") + ", " + plural(mins, "minute") + " left";
    return plural(Math.max(mins, 1), "minute") + " left";
  }

  function update() {
    var now = Date.now();
    var running = false;
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i];
      var target = Date.parse(node.getAttribute("data-target"));
      if (isNaN(target)) continue;
      var text = node.querySelector(".countdown-text");
      var value = describe(target - now, node.getAttribute("data-style") === "short");
      if (text && text.textContent !== value) text.textContent = value;
      if (target <= now) node.classList.add("is-launched"); else running = true;
    }
    return running;
  }

  function tick() {
    if (!update()) return;
    // Wake at the next whole second: at most one update a second.
    setTimeout(tick, 1000 - (Date.now() % 1000));
  }
  tick();
})();
