// Search over the index Liftoff writes under search/ (format: README, "Search"). Loaded by
// search-box.js when a search box is first focused, or at once on the search page.
// Terms are made exactly as the build makes them (SearchTokenizer.swift; shared test vectors).

const CJK = /[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\u{20000}-\u{3134f}]/u;
const WORD = /[\p{L}\p{N}\p{Mc}]/u;
const MAX_LENGTH = 32;

export function fold(text) {
  return text.normalize("NFKD").replace(/(?![\u3099\u309a])\p{Mn}/gu, "").normalize("NFC").toLowerCase().replace(/ς/g, "σ");
}

// Snowball's English stemmer (EnglishStemmer.swift; shared vectors: Tests/SearchVectors/stemmer.json).
const VOWEL = /[aeiouy]/;
const isVowel = (c) => c !== undefined && VOWEL.test(c);
const EXCEPTIONS = { skis: "ski", skies: "sky", idly: "idl", gently: "gentl", ugly: "ugli", early: "earli", only: "onli", singly: "singl",
  sky: "sky", news: "news", howe: "howe", atlas: "atlas", cosmos: "cosmos", bias: "bias", andes: "andes" };
const PREFIXES = ["arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past", "univers"];
const STEP2 = { tional: "tion", enci: "ence", anci: "ance", abli: "able", entli: "ent", izer: "ize", ization: "ize", ational: "ate",
  ation: "ate", ator: "ate", alism: "al", aliti: "al", alli: "al", fulness: "ful", fulli: "ful", ousli: "ous", ousness: "ous",
  iveness: "ive", iviti: "ive", biliti: "ble", bli: "ble", ogist: "og", ogi: "og", lessli: "less", li: "" };
const STEP3 = { tional: "tion", ational: "ate", alize: "al", icate: "ic", iciti: "ic", ical: "ic", ful: "", ness: "", ative: "" };
const STEP4 = ["ic", "ance", "ence", "able", "ible", "ate", "ive", "ize", "iti", "al", "ism", "ion", "er", "ous", "ant", "ent", "ment", "ement"];

/** The longest of `suffixes` that `word` ends with. */
const longest = (word, suffixes) => suffixes.reduce((best, s) => (word.endsWith(s) && s.length > (best ?? "").length ? s : best), undefined);

/** Whether `w` up to `end` ends in a short syllable. */
function endsShort(w, end) {
  if (end >= 3 && !/[aeiouywxY]/.test(w[end - 1]) && isVowel(w[end - 2]) && !isVowel(w[end - 3])) return true;
  if (end === 2 && !isVowel(w[1]) && isVowel(w[0])) return true;
  return end >= 4 && w.slice(end - 4, end) === "past";
}

/** A word of lower-case ASCII letters, stemmed. */
export function stem(word) {
  if (!/^[a-z]+$/.test(word)) return word;
  if (Object.hasOwn(EXCEPTIONS, word)) return EXCEPTIONS[word];
  if (word.length < 3) return word;
  let w = word.replace(/^y/, "Y");
  for (let i = 1; i < w.length; i++) if (w[i] === "y" && isVowel(w[i - 1])) w = w.slice(0, i) + "Y" + w.slice(i + 1);
  // R1 and R2: after a non-vowel that follows a vowel (R1 after one of a few prefixes).
  const after = (from) => {
    let i = from;
    while (i < w.length && !isVowel(w[i])) i++;
    while (i < w.length && isVowel(w[i])) i++;
    return i < w.length ? i + 1 : w.length;
  };
  const prefix = PREFIXES.find((p) => w.startsWith(p));
  const p1 = prefix ? prefix.length : after(0);
  const p2 = p1 < w.length ? after(p1) : w.length;
  const hasVowel = (end) => { for (let i = 0; i < end; i++) if (isVowel(w[i])) return true; return false; };
  // Step 1a
  let s = longest(w, ["sses", "ied", "ies", "s", "ss", "us"]);
  if (s === "sses") w = w.slice(0, -2);
  else if (s === "ied" || s === "ies") w = w.slice(0, -3) + (w.length - 3 >= 2 ? "i" : "ie");
  else if (s === "s" && w.length >= 2 && hasVowel(w.length - 2)) w = w.slice(0, -1);
  // Step 1b
  s = longest(w, ["ed", "eed", "ing", "edly", "eedly", "ingly"]);
  if (s !== undefined) {
    const start = w.length - s.length, before = w.slice(0, start);
    let general = true;
    if (s === "eed" || s === "eedly") {
      general = false;
      if (start >= p1 && !["succ", "proc", "exc"].includes(before)) w = before + "ee";
    } else if (s === "ing") {
      if (start === 2 && before[1] === "y" && !isVowel(before[0])) { w = before[0] + "ie"; general = false; }
      else if (["even", "cann", "inn", "earr", "herr", "out"].includes(before)) general = false;
    }
    if (general && hasVowel(start)) {
      w = before;
      if (/(at|bl|iz)$/.test(w)) w += "e";
      else if (/(bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(w)) { if (!(w.length === 3 && "aeo".includes(w[0]))) w = w.slice(0, -1); }
      else if (w.length === p1 && endsShort(w, w.length)) w += "e";
    }
  }
  // Step 1c
  if (w.length >= 3 && /[yY]$/.test(w) && !isVowel(w[w.length - 2])) w = w.slice(0, -1) + "i";
  // Step 2
  s = longest(w, Object.keys(STEP2));
  if (s !== undefined && w.length - s.length >= p1) {
    const start = w.length - s.length;
    if (s === "ogi") { if (w[start - 1] === "l") w = w.slice(0, start) + "og"; }
    else if (s === "li") { if ("cdeghkmnrt".includes(w[start - 1] ?? "-")) w = w.slice(0, start); }
    else w = w.slice(0, start) + STEP2[s];
  }
  // Step 3
  s = longest(w, Object.keys(STEP3));
  if (s !== undefined && w.length - s.length >= p1 && (s !== "ative" || w.length - s.length >= p2)) w = w.slice(0, w.length - s.length) + STEP3[s];
  // Step 4
  s = longest(w, STEP4);
  if (s !== undefined && w.length - s.length >= p2 && (s !== "ion" || /[st]$/.test(w.slice(0, -3)))) w = w.slice(0, w.length - s.length);
  // Step 5
  const last = w.length - 1;
  if (w[last] === "e" && (last >= p2 || (last >= p1 && !endsShort(w, last)))) w = w.slice(0, last);
  else if (w[last] === "l" && last >= p2 && w[last - 1] === "l") w = w.slice(0, last);
  return w.replace(/Y/g, "y");
}

/** The query's words: [term, word as typed (folded, not stemmed)]; `stems` false for an index whose words are whole. */
export function words(text, stems = true) {
  const out = [];
  let word = "", length = 0, previous = null, run = 0;
  const endWord = () => { if (word) out.push([stems ? stem(word) : word, word]); word = ""; length = 0; };
  const endCJK = () => { if (run === 1) out.push([previous, previous]); previous = null; run = 0; };
  for (const ch of fold(text)) {
    if (CJK.test(ch)) {
      endWord();
      if (previous !== null) out.push([previous + ch, previous + ch]);
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

/** The terms of `text`, as the build makes them. */
export const terms = (text, stems = true) => words(text, stems).map(([term]) => term);

// Endings the stemmer takes off or changes (Snowball English's steps 1–5, and those endings followed
// by another: `ements`, `atively`): a word being typed that is a stem and the start of one of them is
// that stem's word. Checked against every word of the stemmer's vectors at every letter
// (test_search.py).
const ENDINGS = ["ability", "ables", "abli", "ably", "alism", "alized", "alli", "ally", "als", "ances", "anci", "ant",
  "ated", "ately", "ateness", "ates", "ating", "ational", "ations", "atively", "atives", "ators", "d", "eable", "ed",
  "edly", "eedly", "eement", "eering", "ely", "ements", "ences", "encies", "ency", "entatives", "ented", "entli",
  "ently", "ents", "eously", "ered", "ers", "es", "fully", "fulness", "ibilities", "ibility", "ible", "ically",
  "icate", "ications", "iciti", "ics", "ies", "iliti", "ility", "ingly", "ings", "ionally", "ioned", "ions", "ism",
  "ist", "ities", "ity", "ively", "iveness", "iviti", "izations", "ized", "izer", "izes", "izing", "lessli", "li",
  "ly", "ments", "ness", "ogi", "or", "ousli", "ously", "ousness", "s", "tional", "ying"];

// The last letters a three-letter stem's word drops or changes before its ending (`us|e` → `us|ing`,
// `sk|y` → `sk|ies`): such a stem is also found from its first two letters (`completes`), and the
// reader fetches its shard even when it sorts before the typed word (`Index.shardsFor`).
const SHORT_STEM_ENDS = "eiy";

/** Whether `typed` may be a word of stem `term` being typed (`pricin` → `price`, `hoppin` → `hop`). */
function completes(typed, term) {
  // The stem as it is, or but for its last letter (`price` from `pric|ing`, `happi` from `happ|y`).
  for (const base of [term, term.slice(0, -1)]) {
    const short = base.length === 2 && base !== term && SHORT_STEM_ENDS.includes(term[2]);
    if ((base.length < 3 && !short) || !typed.startsWith(base)) continue;
    let rest = typed.slice(base.length);
    if (rest[0] === base[base.length - 1]) rest = rest.slice(1);  // a doubled consonant: `hop` from `hopp|ing`
    if (rest === "" || ENDINGS.some((ending) => ending.startsWith(rest))) return true;
  }
  return false;
}

/**
 * How much an index term counts for a query word (0: not at all): the same term fully; a longer term
 * starting with it less the longer it is (`rumor` finds `rumored`, as Pagefind's word extensions
 * do); for the word being typed, also a term starting with it as typed, or the stem of a word it may
 * be the start of.
 */
export function finds(term, [stemmed, typed], typing, stems = true) {
  if (term === stemmed) return 1;
  if (stemmed.length >= 2 && term.startsWith(stemmed)) {
    const extra = term.length - stemmed.length;
    return Math.exp(Math.exp(-((extra + 1) ** 2) / 8) - Math.exp(-1 / 8));
  }
  return typing && (term.startsWith(typed) || (stems && completes(typed, term))) ? 0.7 : 0;
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

  /** The shard numbers that may hold the terms a query word finds (`finds`). */
  shardsFor(shards, [stemmed, typed], typing) {
    const at = (term) => {
      let low = 0, high = shards.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (compare(shards[middle][0], term) <= 0) low = middle; else high = middle - 1;
      }
      return low;
    };
    // From the stem (or, while typing, the typed word's first three letters: a stem it starts with)
    // to past every term starting with either.
    const first = typing ? Math.min(at(stemmed), at([...typed].slice(0, 3).join(""))) : at(stemmed), found = [];
    let last = typing ? Math.max(at(stemmed), at(typed)) : at(stemmed);
    for (let n = first; n <= last; n++) found.push(n);
    const extends_ = (next) => (stemmed.length >= 2 && next.startsWith(stemmed)) || (typing && next.startsWith(typed));
    while (last + 1 < shards.length && extends_(shards[last + 1][0])) found.push(++last);
    // A three-letter stem the typed word's first two letters start (`use` for `usi|ng`) may sort before them.
    const two = [...typed].slice(0, 2).join("");
    const before = typing && [...typed].length >= 3 ? [...SHORT_STEM_ENDS].map((letter) => at(two + letter)).filter((n) => n < first) : [];
    return [...new Set([...before, ...found])].sort((a, b) => a - b);
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

  /**
   * Documents in order: the most query words found, then the most found as whole words (`live`
   * before a longer term it starts, `lives`), then BM25, then the newer; for the query's words (the
   * last one as a prefix unless `complete`).
   */
  async search(query, complete) {
    const manifest = await this.manifest(), stems = manifest.stem !== false;
    const seen = new Set(), asked = words(query, stems).filter(([term]) => !seen.has(term) && seen.add(term));
    if (!asked.length || !manifest.shards.length) return { words: asked, manifest, ranked: [] };
    const found = new Map();
    await Promise.all(asked.map(async (word, index) => {
      const prefix = !complete && index === asked.length - 1;
      // A document's score for the word (the sum over the terms it finds there), and whether it has the word itself.
      const best = new Map(), whole = new Set();
      let expanded = 0;
      for (const number of this.shardsFor(manifest.shards, word, prefix)) {
        const lines = await this.shard(manifest, number);
        for (const [term, encoded, idf] of lines) {
          const weight = finds(term, word, prefix, stems);
          if (!weight || (weight < 1 && expanded++ >= 64)) continue;
          for (const [document, part] of postings(encoded)) {
            best.set(document, (best.get(document) || 0) + idf * part * weight);
            if (weight === 1) whole.add(document);
          }
        }
      }
      for (const [document, score] of best) {
        const entry = found.get(document) || [0, 0, 0];
        entry[0] += 1;
        if (whole.has(document)) entry[1] += 1;
        entry[2] += score;
        found.set(document, entry);
      }
    }));
    // Ties: the newer article first (articles are numbered oldest first, after the pages).
    const ranked = [...found].sort((a, b) => b[1][0] - a[1][0] || b[1][1] - a[1][1] || b[1][2] - a[1][2] || b[0] - a[0]);
    return { words: asked, manifest, ranked: ranked.map(([document]) => document) };
  }

  /**
   * `ranked` with, among its first `count`, the documents whose title holds every query word first
   * (in their order), and those documents' URL, title and date.
   */
  async titlesFirst(manifest, ranked, words, prefix, count) {
    const head = ranked.slice(0, count), stems = manifest.stem !== false;
    const documents = await Promise.all(head.map((n) => this.document(manifest, n)));
    const titled = head.map((n, i) => {
      const titleWords = documents[i].title.match(TEXT_WORD) || [];
      return words.every((w, k) => titleWords.some(finder([w], prefix && k === words.length - 1, stems)));
    });
    const order = [...head.filter((_, i) => titled[i]), ...head.filter((_, i) => !titled[i]), ...ranked.slice(count)];
    const byNumber = new Map(head.map((n, i) => [n, documents[i]]));
    return { order, documents: byNumber };
  }

  /** URL, title and date of document `number` (from its pack). */
  async document(manifest, number) {
    const pack = await this.load("packs/" + Math.floor(number / manifest.pack) + ".json?v=" + manifest.version);
    const [url, title, date, dateText] = pack[number % manifest.pack];
    return { url, title, date, dateText };
  }

  /** A document's description (the first line of the file in its page's folder) and text (the rest). */
  text(manifest, url) {
    return this.load(url + "search.txt?v=" + manifest.version, "text").then((file) => {
      const end = file.indexOf("\n");
      return end < 0 ? { description: file, text: "" } : { description: file.slice(0, end), text: file.slice(end + 1) };
    });
  }
}

// MARK: the reader's side: a search box (a dropdown under it) or the search page (a list).

const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));

const TEXT_WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Whether a word of the text is one the query's words find (the last one as a prefix while typing). */
function finder(words, prefix, stems = true) {
  return (word) => {
    const folded = fold(word), stemmed = stems ? stem(folded) : folded;
    return words.some((w, i) => CJK.test(w[0]) ? folded.includes(w[0]) : finds(stemmed, w, prefix && i === words.length - 1, stems) ||
      (prefix && i === words.length - 1 && folded.startsWith(w[1])));
  };
}

/** `text`, escaped, with every word that a query word finds in a <mark>. */
export function marked(text, words, prefix, stems = true) {
  const hit = finder(words, prefix, stems);
  let out = "", last = 0;
  for (const match of text.matchAll(TEXT_WORD)) {
    if (!hit(match[0])) continue;
    out += escape(text.slice(last, match.index)) + "<mark>" + escape(match[0]) + "</mark>";
    last = match.index + match[0].length;
  }
  return out + escape(text.slice(last));
}

/** About `size` characters of `text` around its first word a query word finds, marked. */
export function snippet(text, words, prefix, size = 200, stems = true) {
  // One-letter words mark where they are found, but do not choose where the snippet starts.
  const hit = finder(words.filter(([w]) => w.length > 1 || CJK.test(w)), prefix, stems);
  let at = -1;
  for (const match of text.matchAll(TEXT_WORD)) {
    if (hit(match[0])) { at = match.index; break; }
  }
  if (at < 0) return "";
  let start = Math.max(0, at - Math.floor(size / 3)), end = Math.min(text.length, start + size);
  while (start > 0 && /\S/.test(text[start - 1])) start--;
  while (end < text.length && /\S/.test(text[end])) end++;
  // A line that ends without a stop (a heading, a label, a caption) is kept apart from the next by a dot.
  const part = text.slice(start, end).replace(/([^\s.!?:;…。！？])[^\S\n]*\n\s*/gu, "$1 · ").replace(/\s+/g, " ").trim();
  return (start > 0 ? "… " : "") + marked(part, words, prefix, stems) + (end < text.length ? " …" : "");
}

// The build's words (theme/i18n): English, unless the page carries its language's
// (<script type="application/json" data-words>); plurals by the language's rules.
const ENGLISH = {
  search_found: { one: "{count} result for “{query}”", other: "{count} results for “{query}”" },
  search_nothing: "No results for “{query}”", search_more: "More results",
  search_all: { one: "All {count} results", other: "All {count} results" }, search_unavailable: "Search is not available right now."
};

/** A function saying a key's words, `{count}` and `{query}` filled in. */
function speaker() {
  const lang = document.documentElement.lang || "en", given = document.querySelector("script[data-words]");
  let words = ENGLISH, numbers = null;
  if (given) {
    try {
      words = { ...ENGLISH, ...JSON.parse(given.textContent) };
      numbers = new Intl.NumberFormat(lang, { numberingSystem: words.numbering_system });
    } catch (e) { /* the English words */ }
  }
  const rules = new Intl.PluralRules(lang);
  return (key, count = 0, query = "") => {
    let message = words[key];
    if (typeof message !== "string") message = message[rules.select(count)] || message.other;
    return message.replace(/\{(count|query)\}/g, (all, name) => (name === "count" ? (numbers ? numbers.format(count) : String(count)) : query));
  };
}

export function attach(form) {
  const say = speaker();
  const input = form.querySelector("[data-search-input]");
  const list = document.getElementById(input.getAttribute("aria-controls"));
  const status = document.querySelector("[data-search-status]");
  const page = form.hasAttribute("data-search-page");
  const index = new Index(form.getAttribute("data-search-index"));
  const shown = page ? 10 : 5;
  let latest = 0, limit = shown;

  async function run() {
    const query = input.value, ticket = ++latest;
    if (page) history.replaceState(null, "", query.trim() ? "?q=" + encodeURIComponent(query.trim()) : location.pathname);
    if (!query.trim()) { render(ticket, query, [], []); return; }
    try {
      const complete = /\s$/.test(query);
      const { words, manifest, ranked: found } = await index.search(query, complete);
      if (ticket !== latest) return;
      const { order: ranked, documents } = await index.titlesFirst(manifest, found, words, !complete, limit * 2);
      if (ticket !== latest) return;
      const top = await Promise.all(ranked.slice(0, limit).map((n) => documents.get(n) || index.document(manifest, n)));
      if (ticket !== latest) return;
      render(ticket, query, top, ranked, { words, manifest, prefix: !complete, stems: manifest.stem !== false });
    } catch (error) {
      if (status) status.textContent = say("search_unavailable");
      else { list.innerHTML = ""; list.hidden = false; notice(say("search_unavailable")); }
    }
  }

  // The dropdown's own line for what the search page's status says (it has no status line).
  function notice(text) {
    const item = document.createElement("li");
    item.className = "search-more";
    item.textContent = text;
    list.append(item);
  }

  function render(ticket, query, top, ranked, context) {
    list.hidden = !page && !query.trim();
    list.innerHTML = "";
    const asked = query.trim();
    if (status) status.textContent = asked ? (ranked.length ? say("search_found", ranked.length, asked) : say("search_nothing", 0, asked)) : "";
    else if (asked && !ranked.length) notice(say("search_nothing", 0, asked));
    for (const result of top) {
      const item = document.createElement("li");
      item.className = "search-result";
      item.innerHTML = '<a class="search-result-title" href="' + escape(result.url) + '">' + marked(result.title, context.words, context.prefix, context.stems) + "</a>" +
        (result.date ? ' <time datetime="' + escape(result.date) + '">' + escape(result.dateText) + "</time>" : "") +
        '<p class="search-result-text"></p>';
      list.append(item);
      index.text(context.manifest, result.url).then((doc) => {
        if (ticket !== latest) return;
        const text = item.querySelector(".search-result-text");
        const cut = snippet(doc.text, context.words, context.prefix, 200, context.stems);
        text.innerHTML = (doc.description ? '<span class="search-result-description">' + marked(doc.description, context.words, context.prefix, context.stems) + "</span>" : "") +
          (cut ? '<span class="search-result-snippet">' + cut + "</span>" : "");
      }).catch(() => {});
    }
    if (ranked.length > top.length) {
      const more = document.createElement("li");
      more.className = "search-more";
      if (page) {
        more.innerHTML = '<button type="button">' + escape(say("search_more")) + "</button>";
        more.querySelector("button").addEventListener("click", () => { limit += shown; run(); });
      } else {
        more.innerHTML = '<a href="' + escape(form.action + "?q=" + encodeURIComponent(asked)) + '">' + escape(say("search_all", ranked.length)) + "</a>";
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
