"""Gate: keyboard use of a project page and of the project overview's filters.

Run only this gate: scripts/check-site public -k keyboard
"""
import pytest

from rapport_gates import assert_no_problems
from rapport_gates.keyboard import check_controls_reachable, check_tab_order


def test_keyboard_project_page_tab_order(site, browser, url_for):
    """Skip link first, focus always visible with an indicator, in DOM order."""
    pages = site.project_pages()
    if not pages:
        pytest.skip("the site has no project page (projekter/<slug>/index.html)")
    problems = check_tab_order(browser, url_for(pages[0]), pages[0])
    assert_no_problems(problems)


def test_keyboard_overview_filters_reachable(site, browser, url_for):
    overview = "projekter/index.html"
    if overview not in site.html_files:
        pytest.skip("the site has no project overview (projekter/index.html)")
    problems = check_controls_reachable(browser, url_for(overview), overview)
    assert_no_problems(problems)
