"""Accessibility gate: axe-core's WCAG 2.0/2.1 A and AA rules, in real Chromium, on every page.

axe runs in the rendered page (so colour contrast, hidden content and ARIA are judged as a user meets
them), which a static checker cannot do. Only the WCAG-tagged rules run: best-practice rules are
advice, and a gate must only fail on what the law (webtilgængelighedsloven → WCAG 2.1 AA) requires.
"""
from __future__ import annotations

import functools
import re
from importlib import resources

from selenium.webdriver.remote.webdriver import WebDriver

from .browser import open_page
from .pages import Problem

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# The bundled axe.min.js comes from a PyPI package (see scripts/setup-browser-tools); first hit wins.
AXE_PACKAGES = ("axe_playwright_python", "axe_selenium_python", "selenium_axe_python", "axe_core_python")

RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {
  runOnly: {type: 'tag', values: arguments[0]},
  resultTypes: ['violations'],
}).then(r => done({violations: r.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary}))}))}),
  e => done({error: String(e)}));
"""


@functools.lru_cache(maxsize=1)
def axe_source() -> str:
    for package in AXE_PACKAGES:
        try:
            root = resources.files(package)
        except ModuleNotFoundError:
            continue
        for path in _walk(root):
            return path.read_text(encoding="utf-8")
    raise RuntimeError("axe.min.js not found – run scripts/setup-browser-tools")


def _walk(folder):
    for entry in folder.iterdir():
        if entry.is_dir():
            yield from _walk(entry)
        elif entry.name == "axe.min.js":
            yield entry


def axe_version() -> str:
    m = re.search(r"axe v([\d.]+)", axe_source()[:300])
    return m.group(1) if m else "unknown"


def run_axe(driver: WebDriver, url: str, where: str) -> list[Problem]:
    """Load `url`, run axe with the WCAG A/AA tags, and return one Problem per violating element."""
    open_page(driver, url)
    driver.execute_script(axe_source())
    result = driver.execute_async_script(RUN_AXE, WCAG_TAGS)
    if "error" in result:
        return [Problem(where, f"axe failed to run: {result['error']}")]
    problems = []
    for v in result["violations"]:
        for node in v["nodes"]:
            target = " ".join(">>".join(t) if isinstance(t, list) else t for t in node["target"])
            problems.append(Problem(where, f"[{v['impact']}] {v['id']}: {v['help']} – at {target}\n"
                                           f"      {_indent(node['summary'])}\n      {v['helpUrl']}"))
    return problems


def _indent(text: str | None) -> str:
    return (text or "").replace("\n", "\n      ")
