#!/usr/bin/env python3
"""Liftoff's search against Pagefind on the same published site, in headless Chromium:

- bytes the first one-word query downloads (a fresh browser cache; each file counted at its gzip -9
  size, or its own size when it is already compressed, as Pagefind's are), JavaScript included,
  with five results shown with their excerpts;
- bytes each further new word adds, and how many of them are the results' excerpts (Liftoff's text
  files, Pagefind's fragments);
- relevance: for each query, how many of Liftoff's top 5 are in Pagefind's top 5 — over the 30
  queries the goal is measured on, and over 30 others that no ranking weight was chosen by;
- time from a keystroke to results once the words' files are loaded: Liftoff's header box (the
  input event until the result titles are on screen), Pagefind's API (`search` and the five
  results' `data`, no UI of its own here); each query typed whole, then its last letter removed
  and typed again, the last two timed.

    search_compare.py SITE_DIR --pagefind-dir pagefind [--queries q1,q2 ...] [--json OUT]

SITE_DIR is a Liftoff output with its search/ index; Pagefind must have indexed it into
SITE_DIR/pagefind (bench/run.sh runs it with --root-selector .article --exclude-selectors .related,
so that both index the article's own text).
"""
import argparse
import functools
import gzip
import http.server
import json
import pathlib
import shutil
import statistics
import threading
import urllib.parse

DEFAULT_QUERIES = [
    # The bench site's vocabulary
    "pricing", "rate limits", "waitlist", "rollback plan", "latency budget", "status page", "vendor contracts",
    "prompt pack", "quality scoring", "fallback provider", "migration budget", "release window", "changelog",
    "general availability", "median latency", "cost per image", "limited preview", "announcement", "ecommerce",
    "monitoring", "reversible", "model list endpoint", "broken features", "churn", "named owner",
    "throughput", "go decision", "launch day", "evaluation plan", "rumors",
]

# Other queries over the same vocabulary, never used to choose a weight: a check that the overlap
# above is not a fit to its 30 queries.
OTHER_QUERIES = [
    "support team", "scoring rubric", "product manager", "current provider", "release signal", "timeline",
    "sprint", "customers", "budget", "overlap runs", "quality bar", "forecast", "commitment", "planning horizon",
    "contracts", "api", "checklists", "evaluation owner", "rollback path", "tight rate limits", "image model",
    "provider interface", "meeting", "risk", "serving users", "promise", "dates", "owner named", "questions",
    "sample images",
]


SERVED = []  # every path the server answered, in order (workers' requests too, unlike Resource Timing)


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        SERVED.append(urllib.parse.unquote(urllib.parse.urlsplit(self.path).path))
        super().do_GET()


def compressed(path):
    data = path.read_bytes()
    return min(len(data), len(gzip.compress(data, 9)))


def driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(argument)
    d = webdriver.Chrome(options=options, service=Service(executable_path=shutil.which("chromedriver")))
    d.set_script_timeout(60)
    return d


LIFTOFF = """
const [query, done] = [arguments[0], arguments[arguments.length - 1]];
(async () => {
  const form = document.querySelector('form[data-search]');
  const search = await import(form.getAttribute('data-search-module'));
  window.__index = window.__index || new search.Index(form.getAttribute('data-search-index'));
  const index = window.__index;
  const { manifest, ranked, words } = await index.search(query, true);
  const top = await Promise.all(ranked.slice(0, 5).map(n => index.document(manifest, n)));
  await Promise.all(top.map(d => index.text(manifest, d.url)));
  done(top.map(d => d.url));
})().catch(e => done('error: ' + e));
"""

# Pagefind's module, loaded once a page (both scripts below begin with it, inside their async function).
PAGEFIND_LOAD = """
  window.__pagefind = window.__pagefind || await import(base + 'pagefind/pagefind.js');
  await window.__pagefind.init();
"""

PAGEFIND = """
const [query, base, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
(async () => {""" + PAGEFIND_LOAD + """  const search = await window.__pagefind.search(query);
  const top = await Promise.all(search.results.slice(0, 5).map(r => r.data()));
  done(top.map(d => d.url));
})().catch(e => done('error: ' + e));
"""


def is_excerpt(path):
    """Whether a served file is a result's text (Liftoff's text file, Pagefind's fragment)."""
    return path.endswith("/search.txt") or "/pagefind/fragment/" in path


def served_bytes(site, since):
    """Compressed bytes of the files served since `since` (each path once), their count, and the
    bytes of the results' excerpts among them."""
    total, excerpts, paths = 0, 0, set(SERVED[since:])
    for path in paths:
        file = site / path.lstrip("/")
        if path.endswith("/"):
            file = file / "index.html"
        if file.is_file():
            size = compressed(file)
            total += size
            excerpts += size if is_excerpt(path) else 0
    return total, len(paths), excerpts


def run(site, queries, engine, origin, measured):
    """Per query: top-5 URLs; plus bytes of the first query and, among the first `measured` queries,
    (bytes, excerpt bytes) of each further new word."""
    d = driver()
    try:
        script = LIFTOFF if engine == "liftoff" else PAGEFIND
        args = (origin + "/",) if engine == "pagefind" else ()
        d.get(origin + "/articles/")
        before = len(SERVED)
        first = d.execute_async_script(script, queries[0], *args)
        first_bytes, first_files, _ = served_bytes(site, before)
        tops = {queries[0]: first}
        further = []
        for position, query in enumerate(queries[1:], start=1):
            before = len(SERVED)
            tops[query] = d.execute_async_script(script, query, *args)
            if " " not in query and position < measured:
                total, _, excerpts = served_bytes(site, before)
                further.append((total, excerpts))
        return tops, first_bytes, first_files, further
    finally:
        d.quit()


LIFTOFF_KEYS = """
const [queries, done] = [arguments[0], arguments[arguments.length - 1]];
const input = document.querySelector('#site-search-input'), list = document.querySelector('#site-search-results');
const form = input.closest('form[data-search]');
// The time from setting the box's text to the result titles being on screen.
function typed(text) {
  return new Promise((resolve) => {
    const start = performance.now();
    const observer = new MutationObserver(() => {
      if (list.querySelector('.search-result-title')) { observer.disconnect(); resolve(performance.now() - start); }
    });
    observer.observe(list, {childList: true, subtree: true});
    input.value = text;
    input.dispatchEvent(new Event('input'));
  });
}
(async () => {
  input.focus();  // the box loads search.js and attaches to the form
  await import(form.getAttribute('data-search-module'));
  await new Promise((resolve) => setTimeout(resolve, 100));
  const times = [];
  for (const query of queries) {
    await typed(query);
    await new Promise((resolve) => setTimeout(resolve, 200));  // the results' text files load
    times.push(await typed(query.slice(0, -1)), await typed(query));
  }
  done(times);
})().catch(e => done('error: ' + e));
"""

PAGEFIND_KEYS = """
const [queries, base, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
(async () => {""" + PAGEFIND_LOAD + """  async function typed(text) {
    const start = performance.now();
    const search = await window.__pagefind.search(text);
    await Promise.all(search.results.slice(0, 5).map(r => r.data()));
    return performance.now() - start;
  }
  const times = [];
  for (const query of queries) {
    await typed(query);
    times.push(await typed(query.slice(0, -1)), await typed(query));
  }
  done(times);
})().catch(e => done('error: ' + e));
"""


def keystrokes(queries, engine, origin):
    """Milliseconds from a keystroke to results, two a query, once its files are loaded."""
    d = driver()
    try:
        d.get(origin + "/articles/")
        times = (d.execute_async_script(LIFTOFF_KEYS, queries) if engine == "liftoff"
                 else d.execute_async_script(PAGEFIND_KEYS, queries, origin + "/"))
        if isinstance(times, str):
            raise SystemExit(f"{engine} keystrokes: {times}")
        return times
    finally:
        d.quit()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=pathlib.Path)
    parser.add_argument("--queries", help="comma-separated queries (default: 30 of the bench site's words)")
    parser.add_argument("--other-queries", help="comma-separated queries only for a second overlap figure (default: 30 more)")
    parser.add_argument("--json", type=pathlib.Path, help="write the figures here")
    parser.add_argument("--verbose", action="store_true", help="print both top 5s")
    args = parser.parse_args()
    queries = args.queries.split(",") if args.queries else DEFAULT_QUERIES
    others = args.other_queries.split(",") if args.other_queries else [] if args.queries else OTHER_QUERIES
    others = [q for q in others if q not in queries]
    site = args.site.resolve()
    handler = functools.partial(Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        # The other queries run after the measured ones: they change no byte figure.
        ours, our_first, our_files, our_further = run(site, queries + others, "liftoff", origin, measured=len(queries))
        theirs, their_first, their_files, their_further = run(site, queries + others, "pagefind", origin, measured=len(queries))
        # Timed on the queries that have results (a keystroke that shows none changes nothing to wait for).
        found = [q for q in queries if ours[q] and not isinstance(ours[q], str)]
        our_keys, their_keys = keystrokes(found, "liftoff", origin), keystrokes(found, "pagefind", origin)
    finally:
        httpd.shutdown()
    def overlaps(asked):
        rows = []
        for query in asked:
            a, b = ours[query], theirs[query]
            if isinstance(a, str) or isinstance(b, str):
                raise SystemExit(f"{query!r}: {a if isinstance(a, str) else b}")
            # Pagefind's URLs are the pages' (…/index.html → …/ with its default settings).
            b = [u.replace("index.html", "") for u in b]
            expected = min(5, len(b))
            rows.append((query, len(set(a[:5]) & set(b[:5])) / expected if expected else 1.0, len(a), len(b)))
        return rows, (sum(r[1] for r in rows) / len(rows) if rows else None)
    rows, mean = overlaps(queries)
    other_rows, other_mean = overlaps(others)
    # The further word that downloads most: (bytes, of which excerpts).
    further = lambda xs: max(xs) if xs else (0, 0)
    (our_max, our_excerpts), (their_max, their_excerpts) = further(our_further), further(their_further)
    figures = {
        "queries": len(queries), "overlap": mean, "other_queries": len(others), "other_overlap": other_mean,
        "liftoff_first_bytes": our_first, "liftoff_first_files": our_files,
        "liftoff_further_max": our_max, "liftoff_further_max_excerpts": our_excerpts,
        "pagefind_first_bytes": their_first, "pagefind_first_files": their_files,
        "pagefind_further_max": their_max, "pagefind_further_max_excerpts": their_excerpts,
        "liftoff_keystroke_median_ms": statistics.median(our_keys), "liftoff_keystroke_max_ms": max(our_keys),
        "pagefind_keystroke_median_ms": statistics.median(their_keys), "pagefind_keystroke_max_ms": max(their_keys),
        "keystrokes": len(our_keys),
        "per_query": [{"query": q, "overlap": o} for q, o, _, _ in rows],
        "per_other_query": [{"query": q, "overlap": o} for q, o, _, _ in other_rows],
    }
    print(f"first one-word query ({queries[0]!r}): Liftoff {our_first:,} B in {our_files} files, "
          f"Pagefind {their_first:,} B in {their_files} files")
    print(f"each further new word, at most: Liftoff {our_max:,} B ({our_excerpts:,} B of it excerpts), "
          f"Pagefind {their_max:,} B ({their_excerpts:,} B of it excerpts)")
    print(f"keystroke to results, files loaded ({len(our_keys)} keystrokes): Liftoff median {statistics.median(our_keys):.1f} ms, "
          f"at most {max(our_keys):.1f} ms; Pagefind's API median {statistics.median(their_keys):.1f} ms, at most {max(their_keys):.1f} ms")
    print(f"top-5 overlap with Pagefind over {len(queries)} queries: {mean:.0%}")
    if others:
        print(f"  (over {len(others)} other queries, no weight chosen by them: {other_mean:.0%})")
    for query, overlap, n_ours, n_theirs in rows + other_rows:
        print(f"  {overlap:4.0%}  {query}  ({n_ours} / {n_theirs} results)")
        if args.verbose:
            print("      Liftoff: ", " ".join(u.split("/")[-2] for u in ours[query]))
            print("      Pagefind:", " ".join(u.replace("index.html", "").split("/")[-2] for u in theirs[query]))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
