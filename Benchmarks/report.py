#!/usr/bin/env python3
"""Turn Benchmarks/run's measurements into Markdown tables (stdout).

    python3 Benchmarks/report.py MEASUREMENTS.tsv

Each TSV line (written by Benchmarks/run): case, pages, figures, tool, status, hyperfine JSON
path, peak RSS in KiB, HTML files written, 1-minute load average before, and after.
Kept apart from the bash script because ratios and formatting are easier to read in Python.
"""

from __future__ import annotations

import json
import sys

TOOL_ORDER = ["rapport", "hugo", "floor -j1", "floor -j2"]


def load(tsv: str) -> list[dict]:
    rows = []
    with open(tsv, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            case, pages, figs, tool, status, js, rss, html, load0, load1 = \
                line.rstrip("\n").split("\t")
            r = {"case": case, "pages": int(pages), "figures": int(figs), "tool": tool,
                 "status": status, "rss": int(rss) if rss.isdigit() else None,
                 "html": html, "load": f"{load0}→{load1}", "median": None}
            if status == "ok":
                with open(js, encoding="utf-8") as jf:
                    res = json.load(jf)["results"][0]
                r.update(median=res["median"], min=res["min"], max=res["max"],
                         runs=len(res["times"]), cpu=res["user"] + res["system"])
            rows.append(r)
    return rows


def fmt_s(x: float | None) -> str:
    return "–" if x is None else (f"{x:.3f}" if x < 10 else f"{x:.2f}")


def fmt_mib(kib: int | None) -> str:
    return "–" if kib is None else f"{kib / 1024:.0f}"


def ratio(a: float | None, b: float | None) -> str:
    return "–" if a is None or b is None or b == 0 else f"{a / b:.2f}×"


def table(rows: list[dict], case: str) -> list[str]:
    sel = [r for r in rows if r["case"] == case]
    if not sel:
        return []
    out = ["| pages | figures | tool | wall median (s) | min–max (s) | runs | CPU user+sys (s) "
           "| peak RSS (MiB) | HTML files | rapport ÷ tool (time) | rapport ÷ tool (RSS) "
           "| load 1 min |",
           "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    corpora = sorted({(r["pages"], r["figures"]) for r in sel})
    for pages, figs in corpora:
        group = {r["tool"]: r for r in sel if (r["pages"], r["figures"]) == (pages, figs)}
        floors = [group[t] for t in ("floor -j1", "floor -j2")
                  if t in group and group[t]["median"] is not None]
        floor = min(floors, key=lambda r: r["median"]) if floors else None
        rap = group.get("rapport")
        for tool in TOOL_ORDER + sorted(set(group) - set(TOOL_ORDER)):
            if tool not in group:
                continue
            r = group[tool]
            name = tool + (" **(floor)**" if r is floor else "")
            if r["median"] is None:
                out.append(f"| {pages} | {figs} | {name} | {r['status']} | – | – | – | – | – | – "
                           f"| – | {r['load']} |")
                continue
            t_ratio = rss_ratio = "–"
            if rap is not None and rap["median"] is not None and tool != "rapport":
                if tool == "hugo" or r is floor:
                    t_ratio = ratio(rap["median"], r["median"])
                    rss_ratio = ratio(rap["rss"], r["rss"])
            out.append(f"| {pages} | {figs} | {name} | {fmt_s(r['median'])} "
                       f"| {fmt_s(r['min'])}–{fmt_s(r['max'])} | {r['runs']} | {fmt_s(r['cpu'])} "
                       f"| {fmt_mib(r['rss'])} "
                       f"| {r['html']} | {t_ratio} | {rss_ratio} | {r['load']} |")
    return out


def main() -> int:
    rows = load(sys.argv[1])
    cold = table(rows, "cold")
    if cold:
        print("### Cold builds (no output folder before any timed run)\n")
        print("\n".join(cold) + "\n")
    inc = table(rows, "incremental")
    if inc:
        print("### One page edited, rebuild with the previous output in place\n")
        print("\n".join(inc) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
