// Keeps every [data-countdown] element live: days, hours and minutes to its data-target.
// The page already holds the build-time text, so without this script it still reads right.
(function () {
  "use strict";
  var nodes = document.querySelectorAll("[data-countdown]");
  if (!nodes.length) return;

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  // The same words as the build-time text (CountdownWidget.swift).
  function describe(ms) {
    if (ms <= 0) return { text: "Launched", detail: "" };
    var minutes = Math.floor(ms / 60000);
    var days = Math.floor(minutes / 1440);
    var hours = Math.floor((minutes % 1440) / 60);
    var mins = minutes % 60;
    var text;
    if (days >= 1) text = plural(days, "day") + " left";
    else if (hours >= 1) text = plural(hours, "hour") + " left";
    else text = mins <= 1 ? "Less than 2 minutes left" : plural(mins, "minute") + " left";
    return { text: text, detail: plural(days, "day") + ", " + plural(hours, "hour") + ", " + plural(mins, "minute") };
  }

  function update() {
    var now = Date.now();
    var running = false;
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i];
      var target = Date.parse(node.getAttribute("data-target"));
      if (isNaN(target)) continue;
      var value = describe(target - now);
      var text = node.querySelector(".countdown-text");
      var detail = node.querySelector(".countdown-detail");
      var targetLabel = node.querySelector(".countdown-target-label");
      if (text && text.textContent !== value.text) text.textContent = value.text;
      if (detail && detail.textContent !== value.detail) detail.textContent = value.detail;
      if (detail && !value.detail) detail.hidden = true;
      if (target <= now) {
        // The launched state, as the build writes it after the target.
        node.classList.add("is-launched");
        if (targetLabel) targetLabel.textContent = "Since";
      } else running = true;
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
