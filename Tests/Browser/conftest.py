"""Fixtures for the publish-readiness gates.

The site under test is the folder in RAPPORT_SITE (default: public, relative to the current
directory), served on 127.0.0.1 at an ephemeral port under RAPPORT_BASE_PATH. Without
RAPPORT_BASE_PATH the base path is the path of the front page's canonical URL (from base_url in
site.yaml, e.g. /evaluering/), so by default the site is tested exactly where it will be published.

One server and one headless Chromium serve the whole session: starting Chromium per page would cost
more than all the checks together.
"""
from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from rapport_gates import Site
from rapport_gates.axe import axe_version
from rapport_gates.browser import make_driver
from rapport_gates.server import serve

MISSING = "(site missing)"


def _load_site() -> Site | str:
    """The site under test, or why there is none (reported by the `site` fixture as a failure)."""
    folder = os.environ.get("RAPPORT_SITE", "public")
    try:
        return Site(folder, os.environ.get("RAPPORT_BASE_PATH") or None)
    except FileNotFoundError as err:
        return f"{err} (set RAPPORT_SITE, or run scripts/site)"


_SITE = _load_site()


def pytest_report_header(config: pytest.Config) -> list[str]:
    if isinstance(_SITE, str):
        return [f"rapport site: {_SITE}"]
    try:
        axe = axe_version()
    except RuntimeError as err:
        axe = str(err)
    return [f"rapport site: {_SITE.root} served at {_SITE.base_path} "
            f"({len(_SITE.html_files)} pages, pagefind: {'yes' if _SITE.has_pagefind else 'no'}); axe-core {axe}"]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """`page` runs a test once per HTML page; `project_page` once per projekter/<slug>/index.html."""
    for name, pick in (("page", lambda s: s.html_files), ("project_page", lambda s: s.project_pages())):
        if name in metafunc.fixturenames:
            values = [MISSING] if isinstance(_SITE, str) else pick(_SITE)
            metafunc.parametrize(name, values, ids=[v.removesuffix("index.html") or "/" for v in values])


@pytest.fixture(scope="session")
def site() -> Site:
    if isinstance(_SITE, str):
        pytest.fail(_SITE, pytrace=False)
    return _SITE


@pytest.fixture(scope="session")
def site_url(site: Site) -> Iterator[str]:
    """e.g. 'http://127.0.0.1:41234/evaluering/'."""
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def url_for(site: Site, site_url: str):  # noqa: ANN201
    """url_for('projekter/vejle/index.html') -> the page's URL on the test server (its pretty URL)."""
    return lambda rel: site_url + site.url_path(rel)[len(site.base_path):]


@pytest.fixture(scope="session")
def browser() -> Iterator[WebDriver]:
    try:
        driver = make_driver()
    except Exception as err:  # noqa: BLE001 - any start-up failure gets the same advice
        pytest.fail(f"headless Chromium did not start: {err}\nrun scripts/setup-browser-tools", pytrace=False)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="session")
def budget_report() -> list[tuple[str, float]]:
    """(page, KB) measured by test_budgets, printed in the terminal summary."""
    return BUDGETS


BUDGETS: list[tuple[str, float]] = []  # session-wide, so the summary hook can read it


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:  # noqa: ANN001
    if BUDGETS:
        terminalreporter.write_sep("-", "page weight (budget 150 KB)")
        for page, kb in BUDGETS:
            terminalreporter.write_line(f"{kb:8.1f} KB  {page}")
