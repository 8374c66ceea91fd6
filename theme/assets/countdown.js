// Keeps every [data-countdown] element live: days, hours and minutes to its data-target, or a
// launch window's days (data-window-from/-to/-end). The page already holds the build-time text,
// so without this script it still reads right.
(function () {
  "use strict";
  var nodes = document.querySelectorAll("[data-countdown]");
  if (!nodes.length) return;

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  // A page in another language than English carries the theme's words (data-words on <html>):
  // the same messages the build used, each plural one chosen by the language's rules.
  var root = document.documentElement, words = null;
  try { words = JSON.parse(root.getAttribute("data-words") || "null"); } catch (e) { words = null; }
  var rules = words && window.Intl && Intl.PluralRules ? new Intl.PluralRules(root.lang) : null;
  function say(key, count, values) {
    var message = words[key];
    if (typeof message !== "string") message = message[rules ? rules.select(count) : "other"] || message.other;
    return message.replace(/\{(\w+)\}/g, function (all, name) {
      if (name === "count") return String(count);
      return values && Object.prototype.hasOwnProperty.call(values, name) ? values[name] : all;
    });
  }

  // The same words as the build-time text (CountdownWidget.swift).
  function describe(ms) {
    if (words) return describeIn(ms);
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

  function describeIn(ms) {
    if (ms <= 0) return { text: say("launched"), detail: "" };
    var minutes = Math.floor(ms / 60000);
    var days = Math.floor(minutes / 1440);
    var hours = Math.floor((minutes % 1440) / 60);
    var mins = minutes % 60;
    var text;
    if (days >= 1) text = say("days_left", days);
    else if (hours >= 1) text = say("hours_left", hours);
    else text = mins <= 1 ? say("less_than_two_minutes") : say("minutes_left", mins);
    return { text: text, detail: say("days", days) + ", " + say("hours", hours) + ", " + say("minutes", mins) };
  }

  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function shortDay(ms) { var d = new Date(ms); return MONTHS[d.getUTCMonth()] + " " + d.getUTCDate(); }
  // The same words as the build's (LaunchClock.swift): whole days, a part of a day counting as one.
  function windowText(from, to, end, now) {
    if (words) {
      var day = new Intl.DateTimeFormat(root.lang, { month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(to));
      if (now < from) {
        var first = Math.ceil((from - now) / 86400000), last = Math.ceil((to - now) / 86400000);
        return first === last ? say("in_days", first) : say("in_day_range", 0, { from: String(first), to: String(last) });
      }
      return say(now < end ? "window_open_until" : "window_closed", 0, { date: day });
    }
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
        var said = windowText(from, to, end, now), shown = node.querySelector(".countdown-text");
        if (shown && shown.textContent !== said) shown.textContent = said;
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
        if (targetLabel) targetLabel.textContent = words ? say("countdown_since") : "Since";
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
