#!/usr/bin/env bash
# Scale rows of `make bench`: Liftoff alone on large generated sites (bench/generate.py), each
# rebuild beside its goal. Called by bench/run.sh; usable alone:
#
#   bench/scale.sh LIFTOFF RESULTS_DIR TMP_DIR "10000 100000" RUNS
#
# For each size: a clean build (no output, nothing beside it) under /usr/bin/time (wall, peak
# memory); then rebuilds into that output, timed by hyperfine: nothing changed, one article's
# text edited, one article's title changed, one new article (removed again before the next run,
# so every run adds one). Each rebuild's result is compared with a clean build (`diff -r`).
# Writes RESULTS_DIR/scale.md, a Markdown section the report appends.
set -euo pipefail

LIFTOFF=$1 RESULTS=$2 TMP_BASE=$3 SIZES=$4 RUNS=$5
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NOW=2026-11-24T17:00:00Z

for n in $SIZES; do
    site="$TMP_BASE/liftoff-scale-$n"
    echo
    echo "== scale: $n articles =="
    rm -rf "$site"
    python3 "$ROOT/bench/generate.py" "$n" "$site" --theme "$ROOT/theme" > /dev/null
    rm -rf "$site/hugo" "$site/all.md"
    out="$site/out"
    build="$LIFTOFF build --source $site/liftoff --output $out --now $NOW"
    edit="$site/$(cat "$site/edit-target")"

    # Clean: nothing beside the output either (caches, spare tree, source state).
    /usr/bin/time -f "%e %M" -o "$RESULTS/scale-clean-$n" $build > /dev/null 2> "$RESULTS/scale-clean-$n.err" \
        || { cat "$RESULTS/scale-clean-$n.err" >&2; exit 1; }
    $build > /dev/null 2>&1  # the first rebuild keeps the output as the spare tree
    hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$RESULTS/scale-noop-$n.json" -n "no-op $n" "$build > /dev/null 2>&1"
    hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$RESULTS/scale-edit-$n.json" -n "one edit $n" \
        --prepare "printf '\nEdited at %s.\n' \"\$(date +%s%N)\" >> $edit" "$build > /dev/null 2>&1"
    # The title alternates between two values, so each run changes it.
    hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$RESULTS/scale-retitle-$n.json" -n "retitle $n" \
        --prepare "python3 $ROOT/bench/retitle.py $edit" "$build > /dev/null 2>&1"
    # A new article each run: the last run's is removed (and that build made) first.
    new="$site/liftoff/content/bench-added-article.md"
    hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$RESULTS/scale-new-$n.json" -n "new article $n" \
        --prepare "rm -f $new; $build > /dev/null 2>&1; cp $edit $new; python3 $ROOT/bench/retitle.py $new" "$build > /dev/null 2>&1"
    /usr/bin/time -f "%e %M" -o "$RESULTS/scale-edit-peak-$n" sh -c "printf '\nEdited again.\n' >> $edit; $build > /dev/null 2>&1"
    rm -rf "$site/out-clean"
    $LIFTOFF build --source "$site/liftoff" --output "$site/out-clean" --now "$NOW" > /dev/null 2>&1
    if diff -r -q "$out" "$site/out-clean" | grep -v 'search/index.json' | grep -q .; then echo no; else echo yes; fi > "$RESULTS/scale-equal-$n"
    find "$site/liftoff/content" -name '*.md' -exec cat {} + | wc -c > "$RESULTS/scale-bytes-$n"
    rm -rf "$site" "$TMP_BASE"/.out*.liftoff-*
done

python3 - "$RESULTS" "$SIZES" <<'PY'
import json, os, sys

results, sizes = sys.argv[1], [int(n) for n in sys.argv[2].split()]
# The goals of each rebuild, by size (seconds), and of a clean build's peak memory (KB).
goals = {
    "edit": {10000: 0.150, 100000: 1.0},
    "retitle": {100000: 2.0},
    "new": {100000: 2.0},
    "noop": {100000: 0.300},
}
memory_goal = {100000: 1.2 * 1024 * 1024}


def read(name):
    path = os.path.join(results, name)
    return open(path).read().strip() if os.path.exists(path) else None


def secs(t):
    return f"{t * 1000:.0f} ms" if t < 1 else f"{t:.2f} s"


def mem(kb):
    kb = float(kb)
    return f"{kb / 1024:.0f} MB" if kb < 1024 * 1024 else f"{kb / 1024 / 1024:.2f} GB"


lines = ["### At scale: Liftoff alone, rebuilds beside their goals", "",
         "| Articles | Build | Median wall | Min – max | Goal | Met |", "|---:|---|---:|---:|---:|:---:|"]
for n in sizes:
    mb = int(read(f"scale-bytes-{n}") or 0) / 1e6
    clean = (read(f"scale-clean-{n}") or "0 0").split()
    wall, peak = float(clean[0]), float(clean[1])
    goal = memory_goal.get(n)
    lines.append(f"| {n:,} ({mb:.0f} MB) | clean, peak memory {mem(peak)} | {secs(wall)} | one run | "
                 + (f"≤ {mem(goal)} | {'yes' if peak <= goal else 'no'} |" if goal else "— | — |"))
    for key, label in (("noop", "nothing changed"), ("edit", "one article's text edited"),
                       ("retitle", "one title changed"), ("new", "one new article")):
        text = read(f"scale-{key}-{n}.json")
        if text is None:
            continue
        r = json.loads(text)["results"][0]
        goal = goals[key].get(n)
        met = "—" if goal is None else ("yes" if r["median"] < goal else "no")
        lines.append(f"| {n:,} | {label} | {secs(r['median'])} | {secs(r['min'])} – {secs(r['max'])} | "
                     + (f"< {secs(goal)}" if goal else "—") + f" | {met} |")
    edited = (read(f"scale-edit-peak-{n}") or "0 0").split()
    lines.append(f"| {n:,} | one edit, peak memory | {mem(edited[1])} | one run | — | — |")
lines.append("")
equal = [f"{n:,}: {read(f'scale-equal-{n}')}" for n in sizes]
lines.append("Each output after these rebuilds equals a clean build's (`diff -r`): " + ", ".join(equal) + ".")
open(os.path.join(results, "scale.md"), "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
