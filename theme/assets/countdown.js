// Keeps every [data-countdown] element live: days, hours and minutes to its data-target, or a
// launch window's days (data-window-from/-to/-end). The page already holds the build-time text,
// so without this script it still reads right.
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

  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function shortDay(ms) { var d = new Date(ms); return MONTHS[d.getUTCMonth()] + " " + d.getUTCDate(); }
  // The same words as the build's (LaunchClock.swift): whole days, a part of a day counting as one.
  function windowText(from, to, end, now) {
    if (now < from) {
      var soonest = Math.ceil((from - now) / 86400000), latest = Math.ceil((to - now) / 86400000);
      return soonest === latest ? "in " + plural(soonest, "day") : "in " + soonest + "\u2013" + latest + " days";
    }
    return now < end ? "window open until " + shortDay(to) : "window closed " + shortDay(to);
  }

  function update() {
    var now = Date.now();
    var running = false;
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i];
      var from = Date.parse(node.getAttribute("data-window-from"));
      if (!isNaN(from)) {
        var to = Date.parse(node.getAttribute("data-window-to")), end = Date.parse(node.getAttribute("data-window-end"));
        var words = windowText(from, to, end, now), shown = node.querySelector(".countdown-text");
        if (shown && shown.textContent !== words) shown.textContent = words;
        if (now < end) running = true;
        continue;
      }
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
