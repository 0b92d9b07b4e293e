"""Search gate: the Pagefind index finds Danish words on the pages a reader expects, and the search
page's UI shows those results when a person types.

Two checks, because they fail for different reasons: the index check (Pagefind's JS API, in the
browser) fails when pages are left out of the index or words are stemmed wrongly; the UI check fails
when the search page's markup or script is broken. The queries and the pages they must find are in
Tests/Browser/search-expectations.json, so content editors can change them without touching code.
"""
from __future__ import annotations

import json
from pathlib import Path

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from .browser import open_page
from .pages import Problem

EXPECTATIONS = Path(__file__).resolve().parent.parent / "search-expectations.json"
# Pagefind's Default UI (pagefind-ui.js) and its Component UI (pagefind-component-ui.js, 1.5+).
DEFAULT_INPUT = "input[type=search], .pagefind-ui__search-input, pagefind-input input"
DEFAULT_RESULTS = ".pagefind-ui__result-link, pagefind-results a"
MISSING_INDEX = "pagefind index missing – run rapport build with pagefind installed"

QUERY_INDEX = """
const done = arguments[arguments.length - 1];
import(arguments[0] + 'pagefind/pagefind.js')
  .then(async pagefind => {
    await pagefind.init();
    const search = await pagefind.search(arguments[1]);
    const data = await Promise.all(search.results.slice(0, 30).map(r => r.data()));
    done({urls: data.map(d => d.url)});
  })
  .catch(e => done({error: String(e)}));
"""


def load_expectations(path: Path = EXPECTATIONS) -> dict:
    """{"page": "soeg/", "input": css, "results": css, "queries": {"forældre": ["elementer/"], ...}}"""
    return json.loads(path.read_text(encoding="utf-8"))


def _relative(url: str, site_url: str) -> str:
    path = url.split("://", 1)[-1]
    path = path[path.find("/"):] if "://" in url else url
    base = "/" + site_url.split("://", 1)[-1].split("/", 1)[-1]
    return path[len(base):] if path.startswith(base) else path


def _missing(expected: list[str], found: list[str]) -> list[str]:
    """Expected entries are URL prefixes relative to the site root: "elementer/" matches any element page."""
    return [e for e in expected if not any(f.startswith(e) for f in found)]


def check_index(driver: WebDriver, site_url: str, expectations: dict) -> list[Problem]:
    """Query the index through Pagefind's own JS API; every expected page prefix must be among the hits."""
    open_page(driver, site_url)
    problems = []
    for query, expected in expectations["queries"].items():
        result = driver.execute_async_script(QUERY_INDEX, site_url, query)
        if "error" in result:
            problems.append(Problem("pagefind/", f"search for {query!r} failed: {result['error']}"))
            continue
        found = [_relative(u, site_url) for u in result["urls"]]
        for prefix in _missing(expected, found):
            problems.append(Problem("pagefind/", f"search for {query!r} found no page under {prefix!r} "
                                                 f"(found: {found or 'nothing'})"))
    return problems


def check_ui(driver: WebDriver, site_url: str, expectations: dict, timeout: float = 10) -> list[Problem]:
    """Type each query into the search page's box and wait (up to `timeout` s) for the expected result links."""
    where = expectations.get("page", "soeg/")
    input_css = expectations.get("input", DEFAULT_INPUT)
    results_css = expectations.get("results", DEFAULT_RESULTS)
    problems = []
    for query, expected in expectations["queries"].items():
        open_page(driver, site_url + where)
        try:
            box = WebDriverWait(driver, 10).until(EC.element_to_be_clickable((By.CSS_SELECTOR, input_css)))
        except TimeoutException:
            return [Problem(where, f"no usable search box ({input_css}) on the search page")]
        box.send_keys(query)

        def found_all(d: WebDriver) -> list[str] | bool:
            hrefs = [_relative(a.get_attribute("href") or "", site_url)
                     for a in d.find_elements(By.CSS_SELECTOR, results_css)]
            return hrefs if hrefs and not _missing(expected, hrefs) else False

        try:
            WebDriverWait(driver, timeout).until(found_all)
        except TimeoutException:
            shown = [_relative(a.get_attribute("href") or "", site_url)
                     for a in driver.find_elements(By.CSS_SELECTOR, results_css)]
            problems.append(Problem(where, f"typing {query!r} showed {shown or 'no results'}; "
                                           f"expected pages under {_missing(expected, shown)}"))
    return problems
