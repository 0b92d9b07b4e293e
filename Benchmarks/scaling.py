#!/usr/bin/env python3
"""How Rapport's build stages grow with the number of pages: is any step worse than linear?

    python3 Benchmarks/scaling.py [--sizes 1000 5000 10000 20000] [--figures 0] [--runs 3]
                                  [--rapport-bin .build/release/rapport] [--build-dir DIR]

For each size it generates the benchmark corpus (Benchmarks/generate_corpus.py, cached in
Benchmarks/.out/corpus/ like Benchmarks/run does), builds it with `rapport build --timings
--no-search` into a fresh folder (the previous output is renamed away and deleted after the
timed run, so deleting it is not timed), and records wall time, each stage and peak RSS
(GNU time). Prints a Markdown table with the median run per size and, per stage, the time per
1,000 pages: flat columns mean linear growth. `--build-dir` puts the output elsewhere, e.g. on
tmpfs (/dev/shm/…): on ext4, creating files in a folder tree that was just deleted gets slower
with the tree's size, which shows up as the write-heavy render stage growing faster than linear.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(HERE, ".out")
STAGES = ["staging", "load", "markdown", "render", "assemble", "write"]


def corpus(pages, figures):
    folder = os.path.join(OUT, "corpus", f"n{pages}-f{figures}")
    content = os.path.join(folder, "content")
    if not os.path.isdir(content):
        subprocess.run([sys.executable, os.path.join(HERE, "generate_corpus.py"), "--pages", str(pages),
                        "--figures", str(figures), "--seed", "1", "--out", content], check=True,
                       stdout=subprocess.DEVNULL)
    return content


def run_once(binary, content, output):
    # A cold build: no output and no previous site beside it (README: Command line).
    previous = os.path.join(os.path.dirname(output), "." + os.path.basename(output) + ".rapport-forrige")
    for old in (output, previous):
        if os.path.lexists(old):
            aside = old + ".old"
            shutil.rmtree(aside, ignore_errors=True)
            os.rename(old, aside)
            shutil.rmtree(aside)
    command = ["/usr/bin/time", "-f", "RSS %M", binary, "build", "--content", content, "--output", output,
               "--timings", "--no-search"]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"rapport build failed on {content}:\n{done.stdout}\n{done.stderr}")
    text = done.stdout + done.stderr
    stages = {name: float(ms) / 1000 for name, ms in re.findall(r"^\s*(\w+)\s+([\d.]+) ms", text, re.M)}
    wall = float(re.search(r"in ([\d.]+) s\.", text).group(1))
    rss = int(re.search(r"RSS (\d+)", text).group(1)) / 1024
    return wall, stages, rss


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000, 20000])
    parser.add_argument("--figures", type=int, default=0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rapport-bin", default=os.path.join(ROOT, ".build", "release", "rapport"))
    parser.add_argument("--build-dir", default=OUT, help="folder for the built site (default Benchmarks/.out)")
    options = parser.parse_args()
    os.makedirs(options.build_dir, exist_ok=True)
    output = os.path.join(options.build_dir, "scaling-site")
    rows = []
    for pages in options.sizes:
        content = corpus(pages, options.figures)
        runs = sorted((run_once(options.rapport_bin, content, output) for _ in range(options.runs)), key=lambda r: r[0])
        wall, stages, rss = runs[len(runs) // 2]
        rows.append((pages, wall, stages, max(r[2] for r in runs)))
        print(f"{pages} pages: {wall:.2f} s, peak RSS {rss:.0f} MB", file=sys.stderr, flush=True)
    shutil.rmtree(output, ignore_errors=True)
    with open("/proc/loadavg") as handle:
        load = handle.read().split()[0]
    filesystem = subprocess.run(["stat", "-f", "-c", "%T", options.build_dir], capture_output=True, text=True).stdout.strip()
    print(f"Figures per page: {options.figures}; median of {options.runs} runs; output on {filesystem}; load after: {load}\n")
    print("| pages | wall s | " + " | ".join(f"{s} s" for s in STAGES) + " | peak RSS MB | wall s per 1,000 pages | RSS MB per 1,000 pages |")
    print("|" + " --- |" * (len(STAGES) + 5))
    for pages, wall, stages, rss in rows:
        cells = " | ".join(f"{stages.get(s, 0):.2f}" for s in STAGES)
        print(f"| {pages:,} | {wall:.2f} | {cells} | {rss:.0f} | {wall / pages * 1000:.2f} | {rss / pages * 1000:.1f} |")


if __name__ == "__main__":
    main()
