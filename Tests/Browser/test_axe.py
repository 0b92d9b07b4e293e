"""Gate: no axe-core WCAG 2.0/2.1 A+AA violations, of any impact, on any page.

One browser for all pages (session fixture): axe is injected into each loaded page and run there.
Run only this gate: scripts/check-site public -k axe
"""
from rapport_gates import assert_no_problems
from rapport_gates.axe import run_axe


def test_axe_wcag_a_aa(browser, url_for, page):
    problems = run_axe(browser, url_for(page), page)
    assert_no_problems(problems)
