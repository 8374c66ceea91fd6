// Keeps every [data-countdown] element live: days, hours and minutes to its data-target, or a
// launch window's days (data-window-from/-to/-end). The page already holds the build-time text,
// so without this script it still reads right.
(function () {
  "use strict";
  var nodes = document.querySelectorAll("[data-countdown]");
  if (!nodes.length) return;

  // The build's words (theme/i18n): English, unless the page carries its language's
  // (<script type="application/json" data-words>); plurals by the language's rules.
  var words = {
    launched: "Launched", countdown_since: "Since", less_than_two_minutes: "Less than 2 minutes left",
    days_left: { one: "{count} day left", other: "{count} days left" },
    hours_left: { one: "{count} hour left", other: "{count} hours left" },
    minutes_left: { one: "{count} minute left", other: "{count} minutes left" },
    days: { one: "{count} day", other: "{count} days" }, hours: { one: "{count} hour", other: "{count} hours" },
    minutes: { one: "{count} minute", other: "{count} minutes" }, in_days: { one: "in {count} day", other: "in {count} days" },
    in_day_range: "in {from}\u2013{to} days", window_open_until: "window open until {date}", window_closed: "window closed {date}"
  };
  var lang = document.documentElement.lang || "en", given = document.querySelector("script[data-words]"), numbers = null;
  if (given) {
    try { words = JSON.parse(given.textContent); numbers = new Intl.NumberFormat(lang, { numberingSystem: words.numbering_system }); } catch (e) { /* the English words */ }
  }
  var rules = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang) : null;
  function number(n) { return numbers ? numbers.format(n) : String(n); }
  function say(key, count, values) {
    var message = words[key];
    if (typeof message !== "string") message = message[rules ? rules.select(count) : "other"] || message.other;
    return message.replace(/\{(\w+)\}/g, function (all, name) {
      if (name === "count") return number(count);
      return values && Object.prototype.hasOwnProperty.call(values, name) ? values[name] : all;
    });
  }

  // The same words as the build-time text (CountdownClock.swift).
  function describe(ms) {
    if (ms <= 0) return { text: say("launched"), detail: "" };
    var minutes = Math.floor(ms / 60000);
    var days = Math.floor(minutes / 1440), hours = Math.floor((minutes % 1440) / 60), mins = minutes % 60;
    var text;
    if (days >= 1) text = say("days_left", days);
    else if (hours >= 1) text = say("hours_left", hours);
    else text = mins <= 1 ? say("less_than_two_minutes") : say("minutes_left", mins);
    return { text: text, detail: say("days", days) + ", " + say("hours", hours) + ", " + say("minutes", mins) };
  }

  // The same words as the build's (LaunchClock.swift): whole days, a part of a day counting as one.
  function windowText(from, to, end, now) {
    if (now < from) {
      var soonest = Math.ceil((from - now) / 86400000), latest = Math.ceil((to - now) / 86400000);
      return soonest === latest ? say("in_days", soonest) : say("in_day_range", 0, { from: number(soonest), to: number(latest) });
    }
    var day = new Intl.DateTimeFormat(lang, { month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(to));
    return say(now < end ? "window_open_until" : "window_closed", 0, { date: day });
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
        if (targetLabel) targetLabel.textContent = say("countdown_since");
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
