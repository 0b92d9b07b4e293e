"""Gates without a browser: links, anchors, base path, external requests, page head and headings.

Run only these: scripts/check-site public -k links
"""
from rapport_gates import assert_no_problems
from rapport_gates.links import check_links, check_page_structure, check_sitemap


def test_links_resolve_within_base_path_and_origin(site):
    """Internal href/src/CSS url() -> a file (and #id) under the base path; nothing loaded from elsewhere."""
    problems = check_links(site)
    assert_no_problems(problems)


def test_links_page_structure(site):
    """lang="da", one <h1>, a distinct <title>, a canonical link – on every page."""
    problems = check_page_structure(site)
    assert_no_problems(problems)


def test_links_sitemap_matches_pages(site):
    problems = check_sitemap(site)
    assert_no_problems(problems)
