#!/bin/sh
# Copies a published Liftoff tree to a deploy target with rsync: a local folder or user@host:path.
# Files the site no longer has are deleted there; a folder that is not a complete Liftoff output
# (no .liftoff-output marker: never built, or not Liftoff's) is refused, so a failed build never
# deploys anything.
#
#     tools/deploy.sh OUTPUT TARGET
set -eu
if [ $# -ne 2 ] || [ -z "$2" ]; then
    echo "usage: make deploy DEPLOY_TARGET=user@host:/var/www/site (or a local folder)" >&2
    exit 2
fi
output=$1 target=$2
if [ ! -f "$output/.liftoff-output" ]; then
    echo "deploy: $output is not a published Liftoff site (run make first); nothing was copied" >&2
    exit 1
fi
command -v rsync >/dev/null || { echo "deploy: rsync is missing (Debian: apt-get install rsync)" >&2; exit 1; }
case "$target" in
    *:*) ;;                       # a remote path: rsync makes it
    *) mkdir -p "$target" ;;
esac
# -a keeps times, so an unchanged file (Liftoff keeps their inode and time) is not copied again.
exec rsync -a --delete --exclude /.liftoff-output --stats "$output/" "$target/"
