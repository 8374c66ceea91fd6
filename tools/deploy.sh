#!/bin/sh
# Copies a published Liftoff tree to a deploy target with rsync: a local folder or user@host:path
# (rsync's rule: the target is remote when a ':' comes before any '/').
#
#     tools/deploy.sh OUTPUT TARGET
#
# Refused, with nothing copied or deleted:
# - an OUTPUT without the .liftoff-output marker (never built, half written, or not Liftoff's), so
#   a failed build never deploys anything;
# - a TARGET that starts with '-' (rsync would read it as an option; write ./-name for such a folder);
# - a local TARGET that is the output folder, lies inside it or holds it;
# - a local TARGET that exists and is neither an empty folder nor one a previous deploy marked as
#   Liftoff's (it holds .liftoff-deploy). A missing folder is made. A remote TARGET is not checked:
#   a first deploy there deletes nothing.
#
# What is deleted: only the paths the previous deploy's record lists that the output no longer has.
# The record, .liftoff-deploy at the target's root, lists every deployed file and folder (relative,
# each ended by a NUL byte, so any file name works). Nothing else on the target is ever deleted: a
# file beside the site, or added inside one of its folders, stays, and so does a folder the site
# dropped that still holds such a file. Before copying, the record lists the previous paths and the
# new ones, so a deploy that fails midway still lets the next one delete what it had copied; after
# a complete copy it lists exactly the new ones. The output's .liftoff-output marker is not deployed.
#
# Uses rsync and the GNU tools of Debian's coreutils, findutils, grep and sed (NUL-separated lists).
set -eu
if [ $# -ne 2 ] || [ -z "$2" ]; then
    echo "usage: make deploy DEPLOY_TARGET=user@host:/var/www/site (or a local folder)" >&2
    exit 2
fi
output=$1 target=$2
case $target in
    -*)
        echo "deploy: the target '$target' starts with '-', which rsync would read as an option; write ./$target for a local folder; nothing was copied" >&2
        exit 2
        ;;
esac
case $output in -*) output=./$output ;; esac
if [ ! -f "$output/.liftoff-output" ]; then
    echo "deploy: $output is not a published Liftoff site (run make first); nothing was copied" >&2
    exit 1
fi
command -v rsync >/dev/null || { echo "deploy: rsync is missing (Debian: apt-get install rsync)" >&2; exit 1; }

refuse() {
    echo "deploy: $target $1; nothing was copied" >&2
    exit 1
}

record=.liftoff-deploy
case $target in
    */ | *:) dest=$target ;;      # rsync's "into this folder" already (host: is the home folder)
    *) dest=$target/ ;;
esac
case ${target%%/*} in
    *:*) remote=true ;;
    *) remote=false ;;
esac

if ! $remote; then
    here=$(realpath -m -- "$output") there=$(realpath -m -- "$target")
    [ "$there" != "$here" ] || refuse "is the output folder itself"
    case ${there%/}/ in "${here%/}/"*) refuse "lies inside the output folder $output" ;; esac
    case ${here%/}/ in "${there%/}/"*) refuse "holds the output folder $output" ;; esac
    if [ -e "$target" ] || [ -L "$target" ]; then
        [ -d "$target" ] || refuse "exists and is not a folder"
        if [ ! -f "$target/$record" ] || [ -L "$target/$record" ]; then
            entries=$(ls -A -- "$target") || refuse "cannot be read"
            [ -z "$entries" ] || refuse "is not empty and was not deployed to by Liftoff (no $record); deploy into an empty folder"
        fi
    else
        mkdir -p -- "$target"
    fi
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/liftoff-deploy.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir "$work/record"

# The previous record (none: a first deploy, which deletes nothing).
: >"$work/previous"
if $remote; then
    status=0
    rsync -q "$dest$record" "$work/previous" 2>"$work/fetch.log" || status=$?
    case $status in
        0) ;;
        23) : >"$work/previous" ;;  # no record there (or no folder yet): a first deploy
        *)
            cat "$work/fetch.log" >&2
            echo "deploy: could not read $dest$record (rsync exit $status); nothing was copied" >&2
            exit 1
            ;;
    esac
elif [ -f "$target/$record" ] && [ ! -L "$target/$record" ]; then
    cp -- "$target/$record" "$work/previous"
fi

# Sorted, NUL-ended path lists. An entry of the record that is not a plain relative path (empty,
# absolute, or with a '.' or '..' step) is ignored, so a damaged record cannot widen a deletion.
LC_ALL=C
export LC_ALL
grep -z -v -E '^$|^/|^\.{1,2}(/|$)|/\.{1,2}(/|$)|//|/$' "$work/previous" | sort -z -u >"$work/old"
(cd "$output" && find . -mindepth 1 \( -path ./.liftoff-output -o -path "./$record" \) -prune -o -printf '%P\0') \
    | sort -z -u >"$work/new"
comm -z -23 "$work/old" "$work/new" >"$work/gone"

# rsync filter rules, read with --from0: the markers are neither sent nor deleted; each gone path
# is "risked" (anchored at the target's root; a name holding a wildcard *, ? or [ has those and any
# backslash escaped, as rsync's patterns require); everything else is protected from --delete.
{
    printf '%s\0' "- /.liftoff-output" "- /$record"
    sed -z -e '/[*?[]/{s/\\/\\\\/g;s/\*/\\*/g;s/?/\\?/g;s/\[/\\[/g}' -e 's|^|R /|' "$work/gone"
    printf '%s\0' "P *"
} >"$work/rules"

# Writes a list as the target's record (a folder of one file is copied, so a remote folder that does
# not exist yet is made, as the copy itself would make it).
publish_record() {
    cp -- "$1" "$work/record/$record"
    rsync -r -I -q "$work/record/" "$dest"
}

sort -z -u "$work/old" "$work/new" >"$work/both"
publish_record "$work/both"
# -a keeps times, so an unchanged file (Liftoff keeps their inode and time) is not copied again.
status=0
rsync -a --delete --from0 --filter="merge $work/rules" --stats "$output/" "$dest" || status=$?
if [ "$status" -ne 0 ]; then
    echo "deploy: rsync failed (exit $status); $dest$record still lists what this deploy may have copied, so the next deploy deletes what the site no longer has" >&2
    exit "$status"
fi
publish_record "$work/new"
