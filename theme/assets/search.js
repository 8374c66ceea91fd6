// Search over the index Liftoff writes under search/ (format: README, "Search"). Loaded by
// search-box.js when a search box is first focused, or at once on the search page.
// Terms are made exactly as the build makes them (SearchTokenizer.swift; shared test vectors).

const CJK = /[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\u{20000}-\u{3134f}]/u;
const WORD = /[\p{L}\p{N}\p{Mc}]/u;
const MAX_LENGTH = 32;

export function fold(text) {
  return text.normalize("NFKD").replace(/(?![\u3099\u309a])\p{Mn}/gu, "").normalize("NFC").toLowerCase().replace(/ς/g, "σ");
}

/** A word of 4+ ASCII letters without its plural ending (SearchTokenizer.stem). */
export function stem(word) {
  if (word.length < 4 || !/^[a-z]+s$/.test(word)) return word;
  if (/ies$/.test(word) && !/[ea]ies$/.test(word)) return word.slice(0, -3) + "y";
  if (/es$/.test(word) && !/[aeo]es$/.test(word)) return word.slice(0, -1);
  if (/(us|ss)$/.test(word)) return word;
  return word.slice(0, -1);
}

export function terms(text) {
  const out = [];
  let word = "", length = 0, previous = null, run = 0;
  const endWord = () => { if (word) out.push(stem(word)); word = ""; length = 0; };
  const endCJK = () => { if (run === 1) out.push(previous); previous = null; run = 0; };
  for (const ch of fold(text)) {
    if (CJK.test(ch)) {
      endWord();
      if (previous !== null) out.push(previous + ch);
      previous = ch;
      run++;
    } else {
      endCJK();
      if (WORD.test(ch)) { if (length < MAX_LENGTH) word += ch; length++; } else endWord();
    }
  }
  endCJK();
  endWord();
  return out;
}

// Numbers in base 32: higher places from MORE, the last from LAST (SearchIndex.appendNumber).
const LAST = "0123456789abcdefghijklmnopqrstuv", MORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_";
const DIGIT = {};
for (let i = 0; i < 32; i++) { DIGIT[LAST[i]] = [i, true]; DIGIT[MORE[i]] = [i, false]; }

/** One number (the document count of a shard line). */
export function readNumber(encoded) {
  let value = 0;
  for (const ch of encoded) value = value * 32 + DIGIT[ch][0];
  return value;
}

/** A term's postings: document number → term-frequency part (×100). */
export function postings(encoded) {
  const scores = new Map();
  let number = 0, document = 0, first = true, isScore = false;
  for (const ch of encoded) {
    const [value, last] = DIGIT[ch];
    number = number * 32 + value;
    if (!last) continue;
    if (isScore) scores.set(document, number);
    else document = first ? number : document + number;
    first = false;
    isScore = !isScore;
    number = 0;
  }
  return scores;
}

// Code-point order, as the build sorts terms (by their UTF-8 bytes).
function compare(a, b) {
  const x = [...a], y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d) return d;
  }
  return x.length - y.length;
}

/** An index at `base` (the site's search/ folder URL): loads what a query needs, once. */
export class Index {
  constructor(base) {
    this.base = base;
    this.cache = new Map();
  }

  load(path, as) {
    if (!this.cache.has(path)) {
      const request = fetch((path.startsWith("/") ? "" : this.base) + path, path === "index.json" ? { cache: "no-cache" } : {})
        .then((r) => { if (!r.ok) throw new Error(r.status + " " + path); return as === "text" ? r.text() : r.json(); });
      request.catch(() => this.cache.delete(path));
      this.cache.set(path, request);
    }
    return this.cache.get(path);
  }

  manifest() { return this.load("index.json"); }

  /** The shard numbers that may hold `term` (a prefix may run into the following shards). */
  shardsFor(shards, term, prefix) {
    let low = 0, high = shards.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (compare(shards[middle][0], term) <= 0) low = middle; else high = middle - 1;
    }
    const found = [low];
    while (prefix && found[found.length - 1] + 1 < shards.length && shards[found[found.length - 1] + 1][0].startsWith(term)) {
      found.push(found[found.length - 1] + 1);
    }
    return found;
  }

  async shard(manifest, number) {
    const key = "shard:" + number;
    if (!this.cache.has(key)) {
      this.cache.set(key, this.load(manifest.shards[number][1], "text").then((text) => {
        const lines = text.split("\n");
        if (lines[lines.length - 1] === "") lines.pop();
        // BM25's idf from the term's document count (a word on every page still ranks by frequency).
        return lines.map((line) => {
          const [term, count, encoded] = line.split("\t"), df = readNumber(count);
          return [term, encoded, Math.max(0.001, Math.log(1 + (manifest.documents - df + 0.5) / (df + 0.5)))];
        });
      }));
    }
    return this.cache.get(key);
  }

  /** Per document: [words matched, score], for the query's words (the last one as a prefix unless `complete`). */
  async search(query, complete) {
    const words = [...new Set(terms(query))];
    if (!words.length) return { words, ranked: [] };
    const manifest = await this.manifest();
    if (!manifest.shards.length) return { words, manifest, ranked: [] };
    const found = new Map();
    await Promise.all(words.map(async (word, index) => {
      const prefix = !complete && index === words.length - 1;
      const best = new Map();
      for (const number of this.shardsFor(manifest.shards, word, prefix)) {
        const lines = await this.shard(manifest, number);
        let expanded = 0;
        for (const [term, encoded, idf] of lines) {
          const exact = term === word;
          if (!exact && !(prefix && term.startsWith(word) && expanded++ < 64)) continue;
          for (const [document, part] of postings(encoded)) {
            const value = idf * part * (exact ? 1 : 0.7);
            if (!(best.get(document) >= value)) best.set(document, value);
          }
        }
      }
      for (const [document, score] of best) {
        const entry = found.get(document) || [0, 0];
        entry[0] += 1;
        entry[1] += score;
        found.set(document, entry);
      }
    }));
    // Ties: the newer article first (articles are numbered oldest first, after the pages).
    const ranked = [...found].sort((a, b) => b[1][0] - a[1][0] || b[1][1] - a[1][1] || b[0] - a[0]);
    return { words, manifest, ranked: ranked.map(([document]) => document) };
  }

  /** URL, title and date of document `number` (from its pack). */
  async document(manifest, number) {
    const pack = await this.load("packs/" + Math.floor(number / manifest.pack) + ".json?v=" + manifest.version);
    const [url, title, date, dateText] = pack[number % manifest.pack];
    return { url, title, date, dateText };
  }

  /** A document's description and text (the file in its page's folder). */
  text(manifest, url) {
    return this.load(url + "search.json?v=" + manifest.version);
  }
}

// MARK: the reader's side: a search box (a dropdown under it) or the search page (a list).

const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));

const TEXT_WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Whether a word of the text is one the query's words find (the last one as a prefix while typing). */
function finder(words, prefix) {
  return (word) => {
    const folded = stem(fold(word));
    return words.some((w, i) => folded === w || (CJK.test(w) ? folded.includes(w) : prefix && i === words.length - 1 && folded.startsWith(w)));
  };
}

/** `text`, escaped, with every word that a query word finds in a <mark>. */
export function marked(text, words, prefix) {
  const hit = finder(words, prefix);
  let out = "", last = 0;
  for (const match of text.matchAll(TEXT_WORD)) {
    if (!hit(match[0])) continue;
    out += escape(text.slice(last, match.index)) + "<mark>" + escape(match[0]) + "</mark>";
    last = match.index + match[0].length;
  }
  return out + escape(text.slice(last));
}

/** About `size` characters of `text` around its first word a query word finds, marked. */
export function snippet(text, words, prefix, size = 200) {
  // One-letter words mark where they are found, but do not choose where the snippet starts.
  const hit = finder(words.filter((w) => w.length > 1 || CJK.test(w)), prefix);
  let at = -1;
  for (const match of text.matchAll(TEXT_WORD)) {
    if (hit(match[0])) { at = match.index; break; }
  }
  if (at < 0) return "";
  let start = Math.max(0, at - Math.floor(size / 3)), end = Math.min(text.length, start + size);
  while (start > 0 && /\S/.test(text[start - 1])) start--;
  while (end < text.length && /\S/.test(text[end])) end++;
  const part = text.slice(start, end).replace(/\s+/g, " ").trim();
  return (start > 0 ? "… " : "") + marked(part, words, prefix) + (end < text.length ? " …" : "");
}

export function attach(form) {
  const input = form.querySelector("[data-search-input]");
  const list = document.getElementById(input.getAttribute("aria-controls"));
  const status = document.querySelector("[data-search-status]");
  const page = form.hasAttribute("data-search-page");
  const site = form.getAttribute("data-search-site");
  const index = new Index(form.getAttribute("data-search-index"));
  const shown = page ? 10 : 5;
  let latest = 0, limit = shown;

  async function run() {
    const query = input.value, ticket = ++latest;
    if (page) history.replaceState(null, "", query.trim() ? "?q=" + encodeURIComponent(query.trim()) : location.pathname);
    if (!query.trim()) { render(ticket, query, [], []); return; }
    try {
      const complete = /\s$/.test(query);
      const { words, manifest, ranked } = await index.search(query, complete);
      if (ticket !== latest) return;
      const top = await Promise.all(ranked.slice(0, limit).map((n) => index.document(manifest, n)));
      if (ticket !== latest) return;
      render(ticket, query, top, ranked, { words, manifest, prefix: !complete });
    } catch (error) {
      if (status) status.textContent = "Search is not available right now.";
    }
  }

  function render(ticket, query, top, ranked, context) {
    list.hidden = !page && !query.trim();
    list.innerHTML = "";
    if (status) status.textContent = query.trim() ? (ranked.length ? ranked.length + " result" + (ranked.length === 1 ? "" : "s") : "No results") + " for “" + query.trim() + "”" : "";
    for (const result of top) {
      const item = document.createElement("li");
      item.className = "search-result";
      item.innerHTML = '<a class="search-result-title" href="' + escape(result.url) + '">' + marked(result.title, context.words, context.prefix) + "</a>" +
        (result.date ? ' <time datetime="' + escape(result.date) + '">' + escape(result.dateText) + "</time>" : "") +
        '<p class="search-result-text"></p>';
      list.append(item);
      index.text(context.manifest, result.url).then((doc) => {
        if (ticket !== latest) return;
        const text = item.querySelector(".search-result-text");
        const cut = snippet(doc.x, context.words, context.prefix);
        text.innerHTML = (doc.s ? '<span class="search-result-description">' + marked(doc.s, context.words, context.prefix) + "</span>" : "") +
          (cut ? '<span class="search-result-snippet">' + cut + "</span>" : "");
      }).catch(() => {});
    }
    if (ranked.length > top.length) {
      const more = document.createElement("li");
      more.className = "search-more";
      if (page) {
        more.innerHTML = '<button type="button">More results</button>';
        more.querySelector("button").addEventListener("click", () => { limit += shown; run(); });
      } else {
        more.innerHTML = '<a href="' + escape(form.action + "?q=" + encodeURIComponent(query.trim())) + '">All ' + ranked.length + " results</a>";
      }
      list.append(more);
    }
  }

  input.addEventListener("input", () => { limit = shown; run(); });
  // Arrow keys go from the box through the results and back; Escape closes the dropdown.
  form.addEventListener("keydown", (event) => {
    const links = [...list.querySelectorAll("a, button")];
    const at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && links.length) {
      links[Math.min(at + 1, links.length - 1)].focus();
      event.preventDefault();
    } else if (event.key === "ArrowUp" && at >= 0) {
      (at === 0 ? input : links[at - 1]).focus();
      event.preventDefault();
    } else if (event.key === "Escape" && !page) {
      list.hidden = true;
      input.focus();
    }
  });
  if (!page) {
    form.addEventListener("focusout", (event) => { if (!form.contains(event.relatedTarget)) list.hidden = true; });
    input.addEventListener("focus", () => { if (input.value.trim()) list.hidden = false; });
  }
  const query = new URLSearchParams(location.search).get("q");
  if (page && query) input.value = query;
  if (input.value.trim()) run();
}
