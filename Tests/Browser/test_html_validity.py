"""Gate: the Nu Html Checker (vnu 26.x) finds no errors in the site's HTML, CSS and SVG files.

vnu runs once for all files (a module fixture); the tests below only split its report by file type.
Run only this gate: scripts/check-site public -k validity
"""
import pytest

from rapport_gates import assert_no_problems
from rapport_gates.vnu import run_vnu


@pytest.fixture(scope="module")
def vnu_report(site):
    return run_vnu(site)


def test_html_validity(vnu_report):
    assert_no_problems(vnu_report["html"])


def test_css_validity(site, vnu_report):
    if not site.files_with_suffix(".css"):
        pytest.skip("the site has no CSS files")
    assert_no_problems(vnu_report["css"])


def test_svg_file_validity(site, vnu_report):
    if not site.files_with_suffix(".svg"):
        pytest.skip("the site has no SVG files")
    assert_no_problems(vnu_report["svg"])
