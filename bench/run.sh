#!/usr/bin/env bash
# make bench: Liftoff side by side with Hugo (and the cmark-gfm CLI alone) on the same synthetic
# articles, for N = 1,000 and 10,000. Prints a table and writes it into BENCHMARKS.md.
#
#   LIFTOFF=.build/release/liftoff   the binary to time
#   BENCH_SIZES="1000 10000"         article counts
#   BENCH_RUNS=5                     timed runs per command (after one warm-up run)
#   BENCH_TMP=/dev/shm               where the sites and outputs go (tmpfs)
#   BENCH_KEEP=1                     keep the generated sites and hyperfine's JSON
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

LIFTOFF=${LIFTOFF:-.build/release/liftoff}
SIZES=${BENCH_SIZES:-1000 10000}
RUNS=${BENCH_RUNS:-5}
NOW=2026-11-24T17:00:00Z
CMARK_FLAGS="-e table -e strikethrough -e autolink -e tagfilter -e tasklist"

die() { echo "bench: $*" >&2; exit 1; }

[ -x "$LIFTOFF" ] || die "$LIFTOFF not found: run make first (or set LIFTOFF=path/to/liftoff)"
LIFTOFF=$(cd "$(dirname "$LIFTOFF")" && pwd)/$(basename "$LIFTOFF")
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive number, not '$RUNS'"
for n in $SIZES; do [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "BENCH_SIZES must hold positive numbers, not '$n'"; done
command -v python3 >/dev/null || die "python3 is needed"

# Debian packages, installed only when missing.
missing=()
command -v hugo >/dev/null || missing+=(hugo)
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v cmark-gfm >/dev/null || missing+=(cmark-gfm)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
    echo "bench: installing ${missing[*]}"
    { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null; } \
        || die "could not install ${missing[*]}: install them with apt-get as root"
fi

TMP_BASE=${BENCH_TMP:-/dev/shm}
if [ ! -d "$TMP_BASE" ] || [ ! -w "$TMP_BASE" ]; then
    TMP_BASE=${TMPDIR:-/tmp}
    echo "bench: /dev/shm is not writable; using $TMP_BASE (not tmpfs: figures include disk writes)"
fi
RESULTS=$(mktemp -d "$TMP_BASE/liftoff-bench-results.XXXXXX")
SITES=()
cleanup() {
    if [ "${BENCH_KEEP:-0}" = 1 ]; then
        echo "bench: kept ${SITES[*]:-} $RESULTS"
    else
        rm -rf "${SITES[@]}" "$RESULTS"
    fi
}
trap cleanup EXIT

# Machine and versions, for the report.
{
    echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "nproc=$(nproc)"
    echo "cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -1)"
    echo "memory=$(free -g 2>/dev/null | awk '/^Mem:/ {print $2 " GiB"}')"
    echo "load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
    echo "tmp=$TMP_BASE ($(stat -f -c %T "$TMP_BASE" 2>/dev/null || echo '?'))"
    echo "hugo=$(hugo version | head -1)"
    echo "hyperfine=$(hyperfine --version | head -1)"
    echo "cmark=$(cmark-gfm --version | head -1)"
    commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
    built=$(date -u -r "$LIFTOFF" '+%Y-%m-%d %H:%M UTC')
    stale=""
    if [ -d "$ROOT/Sources" ] && [ -n "$(find "$ROOT/Sources" "$ROOT/Package.swift" -newer "$LIFTOFF" -print -quit 2>/dev/null)" ]; then
        stale=" — older than Sources/: rebuild with make"
    fi
    echo "liftoff=commit $commit, binary built $built$stale"
    echo "runs=$RUNS"
    echo "sizes=$SIZES"
} > "$RESULTS/meta"
if grep -q 'older than Sources' "$RESULTS/meta"; then
    echo "bench: warning: $LIFTOFF is older than Sources/; the figures are for that older build" >&2
fi

# peak_kb LOG COMMAND...: runs COMMAND once under /usr/bin/time -v (its stdout discarded) and
# prints the maximum resident set size in KB.
peak_kb() {
    local log=$1; shift
    if ! /usr/bin/time -v -o "$log" "$@" >"$log.out" 2>"$log.err"; then
        cat "$log.out" "$log.err" >&2
        die "failed: $*"
    fi
    awk -F': ' '/Maximum resident set size/ {print $2}' "$log"
}

hyper() {
    hyperfine --style basic --warmup 1 --runs "$RUNS" "$@"
}

for n in $SIZES; do
    site="$TMP_BASE/liftoff-bench-$n"
    SITES+=("$site")
    echo
    echo "== $n articles =="
    python3 "$ROOT/bench/generate.py" "$n" "$site" --theme "$ROOT/theme"
    lout="$site/out-liftoff"
    hout="$site/out-hugo"
    hcache="$site/hugo-cache"
    lbuild="$LIFTOFF build --source $site/liftoff --output $lout --now $NOW"
    hbuild="hugo --quiet --buildFuture -s $site/hugo -d $hout --cacheDir $hcache"
    cbuild="cmark-gfm $CMARK_FLAGS $site/all.md > /dev/null"

    # One run of each under /usr/bin/time: checks that the builds succeed and measures peak memory.
    rm -rf "$lout" "$hout"
    peak_kb "$RESULTS/mem-liftoff-$n" $lbuild > "$RESULTS/peak-liftoff-$n"
    sed 's/^/liftoff: /' "$RESULTS/mem-liftoff-$n.out" "$RESULTS/mem-liftoff-$n.err"
    peak_kb "$RESULTS/mem-hugo-$n" $hbuild > "$RESULTS/peak-hugo-$n"
    sed 's/^/hugo: /' "$RESULTS/mem-hugo-$n.err"
    peak_kb "$RESULTS/mem-cmark-$n" cmark-gfm $CMARK_FLAGS "$site/all.md" > "$RESULTS/peak-cmark-$n"
    find "$lout" -type f ! -name .liftoff-output | wc -l > "$RESULTS/files-liftoff-$n"
    find "$hout" -type f | wc -l > "$RESULTS/files-hugo-$n"
    find "$site/liftoff/content" -name '*.md' -exec cat {} + | wc -c > "$RESULTS/bytes-$n"

    # Clean builds, each into a fresh output folder.
    hyper --prepare "rm -rf $lout" --export-json "$RESULTS/liftoff-$n.json" -n "liftoff $n" "$lbuild"
    hyper --prepare "rm -rf $hout" --export-json "$RESULTS/hugo-$n.json" -n "hugo $n" "$hbuild"
    hyper --export-json "$RESULTS/cmark-$n.json" -n "cmark-gfm $n" "$cbuild"

    # Liftoff rebuilds into the output of the previous build: nothing changed, then one article
    # changed before every run (a new line appended, so each run sees a real edit).
    $lbuild > /dev/null
    hyper --export-json "$RESULTS/noop-$n.json" -n "liftoff no-op rebuild $n" "$lbuild"
    edit="$site/$(cat "$site/edit-target")"
    hyper --prepare "printf '\nEdited at %s.\n' \"\$(date +%s%N)\" >> $edit" \
        --export-json "$RESULTS/edit-$n.json" -n "liftoff one-edit rebuild $n" "$lbuild"
    # One more edit: which pages it rendered, and whether the result equals a clean build.
    printf '\nEdited once more.\n' >> "$edit"
    $lbuild | sed -n 's/.*(\([0-9]*\) pages rendered, \([0-9]*\) carried over.*/\1 \2/p' > "$RESULTS/edit-pages-$n"
    rm -rf "$site/out-clean"
    $LIFTOFF build --source "$site/liftoff" --output "$site/out-clean" --now "$NOW" > /dev/null
    if diff -r -q "$lout" "$site/out-clean" > /dev/null; then echo yes; else echo no; fi > "$RESULTS/edit-equal-$n"

    rm -rf "$site"
done

python3 - "$RESULTS" "$ROOT/BENCHMARKS.md" <<'PY'
import json
import os
import statistics
import sys

results, target = sys.argv[1], sys.argv[2]
meta = dict(line.rstrip("\n").split("=", 1) for line in open(os.path.join(results, "meta")) if "=" in line)
try:
    meta["load_end"] = " ".join(open("/proc/loadavg").read().split()[:3])
except OSError:
    meta["load_end"] = "?"
sizes = [int(n) for n in meta["sizes"].split()]


def read(name):
    path = os.path.join(results, name)
    return open(path).read().strip() if os.path.exists(path) else None


def times(name):
    text = read(name + ".json")
    if text is None:
        return None
    r = json.loads(text)["results"][0]
    return {"median": r["median"], "min": r["min"], "max": r["max"], "mean": r["mean"]}


def secs(t):
    return f"{t * 1000:.0f} ms" if t < 1 else f"{t:.2f} s"


def span(r):
    return f"{secs(r['min'])} – {secs(r['max'])}"


def mem(kb):
    kb = int(kb)
    return f"{kb / 1024:.0f} MB" if kb < 1024 * 1024 else f"{kb / 1024 / 1024:.2f} GB"


def ratio(a, b):
    r = a / b
    return f"{r:.2f} ({1 / r:.1f}× faster)" if r < 1 else f"{r:.2f} ({r:.1f}× slower)"


hugo_version = meta["hugo"].split()[1].lstrip("v").split("+")[0] if meta.get("hugo") else "?"
tools = [("liftoff", "Liftoff"), ("hugo", f"Hugo {hugo_version}"), ("cmark", "cmark-gfm CLI, Markdown only")]
data = {}
lines = []
lines.append("### Clean build (fresh output folder each run)")
lines.append("")
lines.append("| Articles | Tool | Median wall | Min – max | Peak memory | Articles/s | Files written |")
lines.append("|---:|---|---:|---:|---:|---:|---:|")
for n in sizes:
    mb = int(read(f"bytes-{n}") or 0) / 1e6
    for key, label in tools:
        r = times(f"{key}-{n}")
        if r is None:
            continue
        peak = read(f"peak-{key}-{n}")
        data[(key, n)] = (r, int(peak))
        files = read(f"files-{key}-{n}") or "—"
        lines.append(f"| {n:,} ({mb:.1f} MB) | {label} | {secs(r['median'])} | {span(r)} | {mem(peak)} | "
                     f"{n / r['median']:,.0f} | {files if key != 'cmark' else '—'} |")
lines.append("")
lines.append("### Ratios (medians; below 1 means Liftoff is faster or smaller)")
lines.append("")
lines.append("| Articles | Liftoff / Hugo, time | Liftoff / cmark-gfm CLI, time | Liftoff / Hugo, peak memory |")
lines.append("|---:|---:|---:|---:|")
for n in sizes:
    if ("liftoff", n) not in data:
        continue
    (l, lm), (h, hm), (c, _) = data[("liftoff", n)], data[("hugo", n)], data[("cmark", n)]
    lines.append(f"| {n:,} | {ratio(l['median'], h['median'])} | {ratio(l['median'], c['median'])} | "
                 f"{lm / hm * 100:.1f} % |")
if len(sizes) >= 2:
    small, large = min(sizes), max(sizes)
    lines.append("")
    scale = []
    for key, label in tools:
        if (key, small) in data and (key, large) in data:
            scale.append(f"{label.split(',')[0]} {data[(key, large)][0]['median'] / data[(key, small)][0]['median']:.1f}×")
    lines.append(f"Scaling, {large:,} articles against {small:,} ({large // small}× the articles): " + ", ".join(scale) + ".")
lines.append("")
lines.append("### Liftoff rebuilds (into the previous build's output)")
lines.append("")
lines.append("| Articles | Nothing changed: median | min – max | One article edited: median | min – max |")
lines.append("|---:|---:|---:|---:|---:|")
rebuild = {}
for n in sizes:
    noop, edit = times(f"noop-{n}"), times(f"edit-{n}")
    if noop is None or edit is None:
        continue
    rebuild[n] = (noop, edit)
    lines.append(f"| {n:,} | {secs(noop['median'])} | {span(noop)} | {secs(edit['median'])} | {span(edit)} |")

checks = []
for n in (1000, 10000):
    if ("liftoff", n) in data:
        l, h, c = data[("liftoff", n)][0]["median"], data[("hugo", n)][0]["median"], data[("cmark", n)][0]["median"]
        checks.append((f"{n:,} articles: at least 4× faster than Hugo", f"{h / l:.1f}×", h / l >= 4))
        checks.append((f"{n:,} articles: no slower than the cmark-gfm CLI", f"{l / c:.2f}× its time", l <= c))
if ("liftoff", 10000) in data:
    lm, hm = data[("liftoff", 10000)][1], data[("hugo", 10000)][1]
    checks.append(("10,000 articles: peak memory at most 10 % of Hugo's", f"{lm / hm * 100:.1f} %", lm <= hm * 0.10))
if ("liftoff", 1000) in data and ("liftoff", 10000) in data:
    s = data[("liftoff", 10000)][0]["median"] / data[("liftoff", 1000)][0]["median"]
    checks.append(("10,000 articles cost at most 11× what 1,000 cost", f"{s:.1f}×", s <= 11))
if 10000 in rebuild:
    t = rebuild[10000][0]["median"]
    checks.append(("No-op rebuild of 10,000 articles under 150 ms", secs(t), t < 0.150))
for n in sizes:
    pages, equal = read(f"edit-pages-{n}"), read(f"edit-equal-{n}")
    if pages and equal:
        rendered, carried = (int(x) for x in pages.split())
        checks.append((f"{n:,} articles, one article edited: only the pages that show it are rendered, "
                       "and the output equals a clean build",
                       f"{rendered:,} of {rendered + carried:,} pages rendered; identical: {equal}",
                       rendered < 100 and equal == "yes"))
if checks:
    lines.append("")
    lines.append("### Targets")
    lines.append("")
    lines.append("| Target | Measured | Met |")
    lines.append("|---|---:|:---:|")
    for what, measured, ok in checks:
        lines.append(f"| {what} | {measured} | {'yes' if ok else '**no**'} |")

table = "\n".join(lines)
print()
print(table)

doc = f"""# Benchmarks

Written by `make bench` (`bench/run.sh`); run it again to refresh this page.

- Date: {meta['date']}
- Machine: {meta['nproc']} cores ({meta['cpu']}), {meta['memory']} of memory; load average {meta['load']} at the start, {meta['load_end']} at the end
- Sites and outputs on {meta['tmp']}
- Liftoff: {meta['liftoff']}
- Hugo: `{meta['hugo']}`
- cmark-gfm: `{meta['cmark']}`; {meta['hyperfine']}, 1 warm-up run and {meta['runs']} timed runs per command

The articles are synthetic and seeded (`bench/generate.py`), about 8.8 KB of Markdown each, shaped like
a countdown article: front matter with tags, related reads and, on a third of them, a countdown; a
TL;DR, sections of prose, two tables, a list, links to the related articles, an FAQ and sources. Liftoff
builds them with its default theme (`--now {'2026-11-24T17:00:00Z'}`); Hugo builds the same articles
with templates that do the same work where Hugo has a counterpart (layout, head tags, countdowns,
related-read cards, heading anchors, links between articles, paginated lists, tag pages, home, feed,
sitemap); it does not group TL;DR or FAQ sections nor emit FAQ data, so it does a little less.
The cmark-gfm line is the CLI rendering all the articles' Markdown as one file
(`cmark-gfm {'-e table -e strikethrough -e autolink -e tagfilter -e tasklist'}`), nothing else.
Peak memory is the maximum resident set size of one run under `/usr/bin/time -v`.

{table}
"""
with open(target, "w") as f:
    f.write(doc)
print(f"\nWritten to {target}")
PY
