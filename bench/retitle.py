#!/usr/bin/env python3
"""Changes an article's title for `bench/scale.sh`: appends " (updated)", or takes it off again,
so every run of a rebuild sees a new title.  python3 bench/retitle.py FILE"""
import sys

path = sys.argv[1]
lines = open(path, encoding="utf-8").read().split("\n")
for i, line in enumerate(lines):
    if line.startswith('title: "') and line.endswith('"'):
        title = line[len('title: "'):-1]
        title = title[: -len(" (updated)")] if title.endswith(" (updated)") else title + " (updated)"
        lines[i] = f'title: "{title}"'
        break
open(path, "w", encoding="utf-8").write("\n".join(lines))
