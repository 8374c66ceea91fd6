// Live coverage. Every [data-live-until] badge goes at the end of coverage. On a live article,
// the page fetches its live.json once a minute while the tab is visible and offers the entries it
// does not show yet behind a "N new updates" button; the button floats over the page, so nothing
// moves until the reader asks for the entries. It all stops at the end of coverage. Without this
// script the page is complete as of its build.
(function () {
  "use strict";
  var POLL = 60000;
  var feed = document.querySelector(".live-feed[data-live-json]");
  var badges = document.querySelectorAll("[data-live-until]");
  if (!feed && !badges.length) return;

  var list = feed && feed.querySelector(".live-entries");
  var button = feed && feed.querySelector(".live-new");
  var lastFetch = Date.now();
  var pending = [];
  var fetching = false;
  var timer;

  // The build's words (theme/i18n): English, unless the page carries its language's
  // (<script type="application/json" data-words>); plurals by the language's rules.
  var words = {
    new_updates_count: { one: "{count} new update", other: "{count} new updates" },
    updates_count: { one: "{count} update", other: "{count} updates" }
  };
  var lang = document.documentElement.lang || "en", given = document.querySelector("script[data-words]"), numbers = null;
  if (given) {
    try { words = JSON.parse(given.textContent); numbers = new Intl.NumberFormat(lang, { numberingSystem: words.numbering_system }); } catch (e) { /* the English words */ }
  }
  var rules = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang) : null;
  function count(key, n) {
    var message = words[key];
    if (typeof message !== "string") message = message[rules ? rules.select(n) : "other"] || message.other;
    return message.replace(/\{count\}/g, numbers ? numbers.format(n) : String(n));
  }

  function ended(element) {
    var until = Date.parse(element.getAttribute("data-live-until") || "");
    return !isNaN(until) && Date.now() >= until;
  }

  function endBadges() {
    for (var i = 0; i < badges.length; i++) {
      var badge = badges[i];
      if (badge.hidden || !badge.classList.contains("live-badge") || !ended(badge)) continue;
      badge.hidden = true;
      var status = badge.closest("[data-live-ended]");
      if (status) status.textContent = status.getAttribute("data-live-ended");
    }
  }

  function shown() {
    var ids = {};
    var entries = list.querySelectorAll(".live-entry[id]");
    for (var i = 0; i < entries.length; i++) ids[entries[i].id] = true;
    return ids;
  }

  function offer(data) {
    var ids = shown();
    pending = (data.entries || []).filter(function (entry) { return entry.id && entry.html && !ids[entry.id]; });
    if (!pending.length) { button.hidden = true; return; }
    button.textContent = count("new_updates_count", pending.length);
    button.hidden = false;
  }

  function poll() {
    if (fetching) return;
    fetching = true;
    lastFetch = Date.now();
    fetch(feed.getAttribute("data-live-json"), { cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data) offer(data); })
      .catch(function () {})
      .then(function () { fetching = false; });
  }

  function show() {
    if (!pending.length) return;
    // Newest first, as the page shows them.
    var html = pending.map(function (entry) { return entry.html; }).join("");
    list.insertAdjacentHTML("afterbegin", html);
    var added = list.querySelectorAll(".live-entry");
    for (var i = 0; i < pending.length && i < added.length; i++) added[i].classList.add("live-entry-new");
    var counter = feed.querySelector(".live-count");
    var total = list.querySelectorAll(".live-entry").length;
    if (counter) counter.textContent = count("updates_count", total);
    pending = [];
    button.hidden = true;
    var first = list.querySelector(".live-entry");
    if (first) { first.focus({ preventScroll: true }); first.scrollIntoView({ block: "start" }); }
  }

  if (button) button.addEventListener("click", show);

  function tick() {
    endBadges();
    if (feed && ended(feed)) {
      clearInterval(timer);
      return;
    }
    if (feed && document.visibilityState === "visible" && Date.now() - lastFetch >= POLL) poll();
  }

  document.addEventListener("visibilitychange", tick);
  timer = setInterval(tick, 1000);
  tick();
})();
