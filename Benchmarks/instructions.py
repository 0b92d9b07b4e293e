#!/usr/bin/env python3
"""Instructions a Rapport build executes, counted by valgrind's callgrind: comparable across runs.

    python3 Benchmarks/instructions.py [--pages 1000] [--figures 0 1] [--rapport-bin PATH] [--profile DIR]

Wall and CPU times on this shared 2-core machine move by ±30 % with other sessions' load, which
hides the effect of most single changes. Instruction counts hardly move (the same binary on the
same corpus: within 1 %, from how the threads share the work), so two versions can be compared one
change at a time (build one,
count, build the other, count). For each figure count it builds the corpus (cached, as
`Benchmarks/run` does) once under `valgrind --tool=callgrind` and prints the total; `--profile DIR`
keeps the callgrind files for `callgrind_annotate --inclusive=yes FILE | swift demangle`.

valgrind 3.19 (Debian 12) cannot read the DWARF 5 debug information Swift 6 writes, so the binary is
copied without its debug sections first; function names come from the symbol table.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(HERE, ".out")


def corpus(pages, figures):
    content = os.path.join(OUT, "corpus", f"n{pages}-f{figures}", "content")
    if not os.path.isdir(content):
        subprocess.run([sys.executable, os.path.join(HERE, "generate_corpus.py"), "--pages", str(pages),
                        "--figures", str(figures), "--seed", "1", "--out", content], check=True,
                       stdout=subprocess.DEVNULL)
    return content


def count(binary, content, templates, profile):
    with tempfile.TemporaryDirectory(prefix="rapport-instructions-") as scratch:
        command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={profile}", binary, "build",
                   "--content", content, "--templates", templates, "--output", os.path.join(scratch, "public"),
                   "--no-search"]
        run = subprocess.run(command, capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"instructions: the build failed under valgrind:\n{run.stderr[-2000:]}")
        match = re.search(r"Collected : (\d+)", run.stderr)
        if not match:
            sys.exit("instructions: valgrind printed no total")
        return int(match.group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--figures", type=int, nargs="+", default=[0, 1])
    parser.add_argument("--rapport-bin", default=None, help="a release binary built elsewhere (default: build this checkout)")
    parser.add_argument("--profile", default=None, help="keep the callgrind files in this folder")
    args = parser.parse_args()

    for tool in ("valgrind", "strip"):
        if shutil.which(tool) is None:
            sys.exit(f"instructions: {tool} is missing (apt-get install -y valgrind binutils)")
    binary = args.rapport_bin
    if binary is None:
        subprocess.run(["swift", "build", "-c", "release", "--product", "rapport"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        binary = os.path.join(ROOT, ".build", "release", "rapport")
    os.makedirs(OUT, exist_ok=True)
    stripped = os.path.join(OUT, "rapport-stripped")
    subprocess.run(["strip", "--strip-debug", "-o", stripped, binary], check=True)
    if args.profile:
        os.makedirs(args.profile, exist_ok=True)

    counts = {}
    for figures in args.figures:
        content = corpus(args.pages, figures)
        profile = os.path.join(args.profile or tempfile.gettempdir(), f"callgrind.n{args.pages}-f{figures}.out")
        counts[figures] = count(stripped, content, os.path.join(ROOT, "Templates"), profile)
        if not args.profile:
            os.remove(profile)
        print(f"{args.pages} pages × {figures} figures: {counts[figures] / 1e9:.2f} G instructions", file=sys.stderr)

    print(f"| pages | figures | instructions | ÷ no figures |\n| ---: | ---: | ---: | ---: |")
    base = counts.get(0)
    for figures, total in counts.items():
        ratio = f"{total / base:.2f}×" if base else "–"
        print(f"| {args.pages} | {figures} | {total / 1e9:.2f} G | {ratio} |")


if __name__ == "__main__":
    main()
