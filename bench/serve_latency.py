#!/usr/bin/env python3
"""Time from saving an article to the rebuilt page being served by `liftoff serve`.

    python3 bench/serve_latency.py N [--saves 20] [--liftoff .build/release/liftoff]

Generates N synthetic articles (bench/generate.py) in /dev/shm, starts `liftoff serve --port 0`,
then saves one article SAVES times the way editors do (write a temporary file, rename it over
the article), each time with a new marker sentence, and polls the article's URL until the page
carries the marker. Prints the median and min–max in milliseconds, and the server's resident
memory after the last save (and its peak).
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request

here = os.path.dirname(os.path.abspath(__file__))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--saves", type=int, default=20)
    parser.add_argument("--liftoff", default=os.path.join(here, "..", ".build", "release", "liftoff"))
    args = parser.parse_args()
    if not os.path.exists(args.liftoff):
        sys.exit(f"{args.liftoff} is missing: run make first")

    root = f"/dev/shm/liftoff-serve-{args.n}"
    shutil.rmtree(root, ignore_errors=True)
    subprocess.run([sys.executable, os.path.join(here, "generate.py"), str(args.n), root], check=True, stdout=subprocess.DEVNULL)
    site = os.path.join(root, "liftoff")
    with open(os.path.join(root, "edit-target")) as f:
        target = os.path.join(root, f.read().strip())
    slug = os.path.splitext(os.path.basename(target))[0]

    server = subprocess.Popen([args.liftoff, "serve", "--source", site, "--port", "0"], stderr=subprocess.PIPE, text=True)
    try:
        port = None
        while port is None:
            line = server.stderr.readline()
            if not line:
                sys.exit("liftoff serve stopped before serving")
            match = re.search(r"Serving at http://127\.0\.0\.1:(\d+)/", line)
            if match:
                port = int(match.group(1))
        url = f"http://127.0.0.1:{port}/articles/{slug}/"
        with open(target) as f:
            original = f.read()
        times = []
        for save in range(args.saves):
            marker = f"Saved for the latency run, number {save} at {time.time_ns()}."
            temporary = target + ".tmp"
            with open(temporary, "w") as f:
                f.write(original + f"\n{marker}\n")
            start = time.perf_counter()
            os.rename(temporary, target)
            deadline = start + 30
            while True:
                with urllib.request.urlopen(url) as response:
                    if marker.encode() in response.read():
                        break
                if time.perf_counter() > deadline:
                    sys.exit(f"save {save}: the page did not change within 30 s")
                time.sleep(0.002)
            times.append((time.perf_counter() - start) * 1000)
            time.sleep(0.2)  # let the watcher settle before the next save
        memory = {}
        with open(f"/proc/{server.pid}/status") as f:
            for line in f:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    memory[line.split(":")[0]] = int(line.split()[1]) / 1024
        print(f"{args.n} articles, {args.saves} saves: median {statistics.median(times):.0f} ms, "
              f"min {min(times):.0f} ms, max {max(times):.0f} ms; resident {memory.get('VmRSS', 0):.0f} MB "
              f"(peak {memory.get('VmHWM', 0):.0f} MB)")
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
