"""Meta-tests: every gate passes on the sample site and FAILS on a copy broken on purpose.

A gate that cannot fail is worse than none: it says "accessible" about a page nobody checked. So each
checker function is run here on tmp copies of Tests/Browser/sample-site with one kind of damage each,
and must report that damage. These tests do not use RAPPORT_SITE; they always run on the sample.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from rapport_gates import Site
from rapport_gates.axe import run_axe
from rapport_gates.budgets import check_budget
from rapport_gates.keyboard import check_controls_reachable, check_tab_order
from rapport_gates.links import check_links, check_page_structure, check_sitemap
from rapport_gates.search import check_index, check_ui, load_expectations
from rapport_gates.server import serve
from rapport_gates.vnu import run_vnu

SAMPLE = Path(__file__).resolve().parent / "sample-site"
VEJLE = "projekter/vejle/index.html"


def broken_copy(tmp_path: Path, edits: dict[str, list[tuple[str, str]]], new_files: dict[str, str] | None = None) -> Site:
    """A copy of the sample site with text replacements applied (each must match) and files added."""
    root = tmp_path / "site"
    shutil.copytree(SAMPLE, root)
    for rel, replacements in edits.items():
        path = root / rel
        text = path.read_text(encoding="utf-8")
        for old, new in replacements:
            assert old in text, f"sample site changed: {old!r} not in {rel}"
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    for rel, text in (new_files or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return Site(root)


def messages(problems) -> str:
    return "\n".join(str(p) for p in problems)


# --- static gates ----------------------------------------------------------------------------------

@pytest.mark.parametrize("base_path", [None, "/evaluering/"])
def test_static_gates_pass_on_sample(base_path):
    site = Site(SAMPLE, base_path)
    assert site.base_path == "/evaluering/"  # inferred from the front page's canonical URL
    for check in (check_links, check_page_structure, check_sitemap):
        assert check(site) == [], messages(check(site))


def test_links_gate_reports_broken_link_and_anchors(tmp_path):
    site = broken_copy(tmp_path, {VEJLE: [
        ('href="../aarhus/#hovedresultat"', 'href="../aarhus/#findes-ikke"'),
        ('href="../../elementer/tidlig-inddragelse-af-foraeldre/"', 'href="../../elementer/slettet/"'),
        ('href="#formaal"', 'href="#formal"'),
    ]})
    found = messages(check_links(site))
    assert 'projekter/aarhus/index.html has no element with id="findes-ikke"' in found
    assert "nothing is served at /evaluering/elementer/slettet/" in found
    assert 'projekter/vejle/index.html has no element with id="formal"' in found


def test_links_gate_reports_escapes_and_external_loads(tmp_path):
    site = broken_copy(tmp_path, {
        "kapitler/index.html": [("</head>", '  <script src="https://cdn.example.com/lib.js"></script>\n</head>'),
                                ('<a href="forankring/">', '<a href="/kapitler/forankring/">')],
        "assets/rapport.css": [(":root {", '@import url("https://fonts.example.com/font.css");\n:root {')],
        "404.html": [('href="/evaluering/assets/rapport.css"', 'href="assets/rapport.css"')],
    })
    found = messages(check_links(site))
    assert "kapitler/index.html" in found and "loads a resource from another origin (cdn.example.com)" in found
    assert "absolute path escapes the base path /evaluering/" in found
    assert "assets/rapport.css:" in found and "(fonts.example.com)" in found
    assert "404.html is served at any missing URL" in found
    assert "example.org/puljen" not in found  # an outbound <a> link is fine


def test_structure_gate_reports_lang_h1_title_canonical_sitemap(tmp_path):
    site = broken_copy(tmp_path, {
        "index.html": [('<html lang="da">', "<html>")],
        "kapitler/index.html": [("<ol>", "<h1>Endnu en overskrift</h1>\n    <ol>")],
        "elementer/index.html": [("<title>Elementer – Evaluering af puljeprojekter</title>",
                                  "<title>Evaluering af puljeprojekter</title>")],
        "tilgaengelighed/index.html": [('  <link rel="canonical" href="https://example.dk/evaluering/tilgaengelighed/">\n', "")],
        "sitemap.xml": [("</urlset>", "  <url><loc>https://example.dk/evaluering/gammel/</loc></url>\n</urlset>")],
    })
    found = messages(check_page_structure(site) + check_sitemap(site))
    assert "index.html: <html> has no lang attribute" in found
    assert "kapitler/index.html: has 2 <h1> elements" in found
    assert "elementer/index.html: <title> is only the site title" in found
    assert 'tilgaengelighed/index.html: must have exactly one <link rel="canonical">, found 0' in found
    assert "lists https://example.dk/evaluering/gammel/" in found


def test_server_serves_only_under_base_path():
    with serve(Site(SAMPLE)) as url:
        assert urllib.request.urlopen(url + "projekter/vejle/").status == 200
        origin = url[: -len("/evaluering/")]
        for outside in (origin + "/index.html", origin + "/projekter/vejle/", url + "findes/ikke/"):
            with pytest.raises(urllib.error.HTTPError) as err:
                urllib.request.urlopen(outside)
            assert err.value.code == 404
            assert "Siden findes ikke" in err.value.read().decode("utf-8")  # the site's own 404.html


# --- Nu checker --------------------------------------------------------------------------------------

def test_vnu_reports_invalid_html_css_svg(tmp_path):
    site = broken_copy(tmp_path, {
        "index.html": [('<p class="lead">', '<p class="lead"><div>'), ("<ul>", '<ul id="laes-rapporten">')],
        "assets/rapport.css": [("body { margin: 0; }", "body { margn: 0; width: 10 }")],
        "assets/favicon.svg": [("<rect ", "<rectangle ")],
    })
    report = run_vnu(site)
    html = messages(report["html"])
    assert "index.html:" in html and "Unclosed element “div”" in html
    assert "Duplicate ID “laes-rapporten”" in html
    assert "assets/rapport.css:" in messages(report["css"]) and "margn" in messages(report["css"])
    assert "rectangle" in messages(report["svg"])


# --- browser gates -------------------------------------------------------------------------------------

def test_axe_reports_alt_contrast_and_lang(tmp_path, browser):
    site = broken_copy(tmp_path, {
        VEJLE: [('<p class="eksempeldata"', '<img src="../../assets/favicon.svg" width="16" height="16">\n'
                                            '      <p style="color: #c8c8c8">Svag tekst</p>\n      <p class="eksempeldata"')],
        "index.html": [('<html lang="da">', "<html>")],
    })
    with serve(site) as url:
        assert run_axe(browser, url + "kapitler/", "kapitler/") == []  # an undamaged page stays clean
        vejle = messages(run_axe(browser, url + "projekter/vejle/", VEJLE))
        front = messages(run_axe(browser, url, "index.html"))
    assert "image-alt" in vejle and "color-contrast" in vejle
    assert "html-has-lang" in front


def test_keyboard_reports_skip_link_indicator_and_order(tmp_path, browser):
    site = broken_copy(tmp_path, {
        VEJLE: [('<a class="skip-link" href="#indhold">Gå til indhold</a>\n', ""),
                ('<a href="../../tilgaengelighed/">', '<a href="../../tilgaengelighed/" tabindex="1">')],
        "assets/rapport.css": [(":focus-visible { outline: 3px solid var(--fokus); outline-offset: 2px; }",
                                ":focus, :focus-visible { outline: none; }")],
    })
    with serve(site) as url:
        found = messages(check_tab_order(browser, url + "projekter/vejle/", VEJLE))
    assert "expected a skip link" in found
    assert "shows no focus indicator" in found
    assert "focus order does not follow reading order" in found


def test_keyboard_reports_unreachable_filter(tmp_path, browser):
    site = broken_copy(tmp_path, {"projekter/index.html": [
        ('<select id="filter-kommune" name="kommune">', '<select id="filter-kommune" name="kommune" tabindex="-1">')]})
    with serve(site) as url:
        found = messages(check_controls_reachable(browser, url + "projekter/", "projekter/"))
    assert "select#filter-kommune[name=kommune] is not reachable with Tab" in found
    with serve(Site(SAMPLE)) as url:  # and the undamaged pages pass
        assert check_controls_reachable(browser, url + "projekter/", "projekter/") == []
        assert check_tab_order(browser, url + "projekter/vejle/", VEJLE) == []


def test_budget_reports_heavy_page_and_external_request(tmp_path, browser):
    heavy = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><!--' + "x" * 200_000 + "--></svg>\n"
    site = broken_copy(tmp_path, {VEJLE: [(
        '<p class="eksempeldata"',
        '<img src="../../assets/tung.svg" alt="Tung figur" width="10" height="10">\n'
        '      <img src="https://cdn.example.com/pixel.png" alt="" width="1" height="1">\n      <p class="eksempeldata"')]},
        new_files={"assets/tung.svg": heavy})
    with serve(site) as url:
        report: list[tuple[str, float]] = []
        found = messages(check_budget(browser, url + "projekter/vejle/", url, VEJLE, report=report))
        assert check_budget(browser, url + "projekter/aarhus/", url, "aarhus") == []
    assert "requests another origin: https://cdn.example.com/pixel.png" in found
    assert "budget is 150 KB" in found and "tung.svg" in found
    assert report[0][1] > 195


def test_search_gate_passes_with_index_and_fails_on_wrong_expectations(tmp_path, browser):
    site = broken_copy(tmp_path, {})
    assert not site.has_pagefind
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site.root), "--silent"], check=True, timeout=120)
    assert site.has_pagefind
    wrong = {"queries": {"forældre": ["tilgaengelighed/"], "zxqvmnb": ["elementer/"]}}
    with serve(site) as url:
        assert check_index(browser, url, load_expectations()) == []
        assert check_ui(browser, url, load_expectations()) == []
        found = messages(check_index(browser, url, wrong))
        ui = messages(check_ui(browser, url, {**load_expectations(), "queries": {"zxqvmnb": ["elementer/"]}},
                      timeout=2))
    assert "search for 'forældre' found no page under 'tilgaengelighed/'" in found
    assert "search for 'zxqvmnb' found no page under 'elementer/' (found: nothing)" in found
    assert "typing 'zxqvmnb' showed no results" in ui
