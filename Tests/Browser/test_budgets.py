"""Gate: each project page loads < 150 KB (HTML+CSS+JS+images, pagefind/ excluded) and makes no
request to another origin. The weights are printed in the summary at the end of the run.

Run only this gate: scripts/check-site public -k budget
"""
from rapport_gates import assert_no_problems
from rapport_gates.budgets import check_budget


def test_budget_project_page(browser, site_url, url_for, project_page, budget_report):
    problems = check_budget(browser, url_for(project_page), site_url, project_page, report=budget_report)
    assert_no_problems(problems)
