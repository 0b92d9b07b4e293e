"""Weight gate: what a project page costs to load, and that it loads nothing from anywhere else.

Measured in Chromium (cache off) from the DevTools network log: the bytes actually transferred for
the HTML and everything the page loads while it opens (CSS, JS, images, fonts, CSV), so a big inline
SVG, a forgotten font or a stray library shows up. The search bundle (pagefind/) is left out: it is
fetched on demand and budgeted by Pagefind itself. Other origins count as a failure on their own:
the site must work with no third-party requests at all (privacy, GDPR, and offline copies).
"""
from __future__ import annotations

from urllib.parse import urlsplit

from selenium.webdriver.remote.webdriver import WebDriver

from .browser import Request, open_page, page_requests
from .pages import Problem

PAGE_BUDGET_BYTES = 150 * 1024


def measure(driver: WebDriver, url: str, site_url: str) -> tuple[list[Request], list[Request]]:
    """Open `url` (a page of the site served at `site_url`); return (the requests counted in the
    budget, the requests to other origins)."""
    open_page(driver, url)
    origin = urlsplit(site_url)[:2]
    counted, external = [], []
    for request in page_requests(driver):
        if urlsplit(request.url)[:2] != origin:
            external.append(request)
        elif not request.url.startswith(site_url + "pagefind/"):
            counted.append(request)
    return counted, external


def check_budget(driver: WebDriver, url: str, site_url: str, where: str,
                 budget: int = PAGE_BUDGET_BYTES, report: list[tuple[str, float]] | None = None) -> list[Problem]:
    """Problems: any request to another origin, and a total at or over `budget` bytes.
    `report`, if given, gets (where, KB) appended, for a summary of page weights."""
    counted, external = measure(driver, url, site_url)
    problems = [Problem(where, f"requests another origin: {r.url} ({r.resource_type})") for r in external]
    total = sum(r.bytes for r in counted)
    if report is not None:
        report.append((where, total / 1024))
    if total >= budget:
        biggest = sorted(counted, key=lambda r: r.bytes, reverse=True)[:8]
        detail = "\n".join(f"      {r.bytes / 1024:7.1f} KB  {r.url}" for r in biggest)
        problems.append(Problem(where, f"transfers {total / 1024:.1f} KB, budget is {budget / 1024:.0f} KB; "
                                       f"largest:\n{detail}"))
    return problems
