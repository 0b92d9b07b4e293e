"""Gate: the Pagefind index and the search page find the pages in search-expectations.json.

Skipped (with the reason) when the site has no pagefind/ bundle, e.g. when Pagefind was not installed
at build time. Run only this gate: scripts/check-site public -k search
"""
import pytest

from rapport_gates import assert_no_problems
from rapport_gates.search import MISSING_INDEX, check_index, check_ui, load_expectations


@pytest.fixture(scope="module")
def expectations(site):
    if not site.has_pagefind:
        pytest.skip(MISSING_INDEX)
    return load_expectations()


def test_search_index_finds_expected_pages(browser, site_url, expectations):
    problems = check_index(browser, site_url, expectations)
    assert_no_problems(problems)


def test_search_ui_shows_expected_pages(browser, site_url, expectations):
    problems = check_ui(browser, site_url, expectations)
    assert_no_problems(problems)
