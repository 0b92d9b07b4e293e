"""Static gates, pure Python: links and anchors resolve, nothing escapes the base path or loads from
another origin, and every page has the head and heading structure a report page must have.

These run without a browser, in a second or two, so they are the first thing to look at when a
build breaks: a broken cross-reference is a file:line here instead of a 404 in production.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from urllib.parse import unquote, urljoin, urlsplit

from .pages import Problem, Reference, Site

# Any host will do: it only stands for "the origin the site is served from" while resolving URLs.
ORIGIN = "http://rapport.invalid"
SKIPPED_SCHEMES = ("mailto:", "tel:", "data:")
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.I)


def _css_refs(text: str, first_line: int = 1) -> list[Reference]:
    refs = []
    for m in CSS_URL.finditer(text):
        value = (m.group(2) if m.group(2) is not None else m.group(4)).strip()
        line = first_line + text.count("\n", 0, m.start())
        if value and not value.startswith("#"):  # url(#id) points into an SVG, not to a file
            refs.append(Reference("css", "url", value, line))
    return refs


def _check_ref(site: Site, rel: str, base_url_path: str, ref: Reference) -> list[Problem]:
    where = f"{rel}:{ref.line}"
    value = ref.value
    label = f"<{ref.tag} {ref.attr}=\"{value}\">" if ref.tag != "css" else f"url({value})"
    if value == "":
        return [Problem(where, f"{label}: empty URL (write \"./\" for the current folder)")]
    if value.lower().startswith(SKIPPED_SCHEMES):
        return []
    if value.lower().startswith("javascript:"):
        return [Problem(where, f"{label}: javascript: URLs are not allowed")]
    absolute = urljoin(ORIGIN + base_url_path, value)
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https"):
        return []
    if f"{parts.scheme}://{parts.netloc}" != ORIGIN:
        if ref.loads_resource:
            return [Problem(where, f"{label}: loads a resource from another origin ({parts.netloc}); "
                                   "the site must make zero external requests")]
        return []  # an outbound <a href="https://..."> link is fine
    if value.startswith("/") and not value.startswith(site.base_path):
        return [Problem(where, f"{label}: absolute path escapes the base path {site.base_path}")]
    if rel == "404.html" and not value.startswith(("/", "#")):
        return [Problem(where, f"{label}: 404.html is served at any missing URL, so a relative URL breaks "
                               f"below the top level; use a base-path absolute URL ({site.base_path}...)")]
    path = unquote(parts.path)
    if path.startswith(site.base_path + "pagefind/") and not site.has_pagefind:
        return []  # the search bundle is added by a later indexing step; test_search says if it is missing
    target = site.file_for_path(path)
    if target is None:
        return [Problem(where, f"{label}: broken link, nothing is served at {path}")]
    if value == "#":
        return [Problem(where, f"{label}: empty fragment")]
    fragment = unquote(parts.fragment)
    if fragment and target.endswith(".html") and fragment not in site.page(target).ids:
        return [Problem(where, f"{label}: {target} has no element with id=\"{fragment}\"")]
    return []


def check_links(site: Site) -> list[Problem]:
    """Every internal URL in HTML and CSS resolves to a file (and #anchor to an id) under the base path;
    no absolute path escapes the base path; nothing is loaded from another origin."""
    problems: list[Problem] = []
    for rel in site.html_files:
        info = site.page(rel)
        refs = list(info.refs)
        for line, css in info.css_blocks:
            refs += _css_refs(css, line)
        for ref in refs:
            problems += _check_ref(site, rel, site.url_path(rel), ref)
    for rel in site.files_with_suffix(".css"):
        text = (site.root / rel).read_text(encoding="utf-8")
        for ref in _css_refs(text):
            problems += _check_ref(site, rel, site.url_path(rel), ref)
    return problems


def check_page_structure(site: Site) -> list[Problem]:
    """Each page: <html lang="da">, one <h1>, one non-empty <title> that says more than the site title,
    a canonical link to its own pretty URL; and no two pages share a title."""
    problems: list[Problem] = []
    front = site.page("index.html").title if "index.html" in site.html_files else None
    if front is None:
        problems.append(Problem("index.html", "the site has no front page"))
    titles: dict[str, list[str]] = defaultdict(list)
    for rel in site.html_files:
        info = site.page(rel)
        lang = info.lang or ""
        if lang != "da" and not lang.startswith("da-"):
            problems.append(Problem(rel, f'<html lang="{info.lang}">: must be lang="da"' if info.lang is not None
                                    else '<html> has no lang attribute: must be lang="da"'))
        if info.h1_count != 1:
            problems.append(Problem(rel, f"has {info.h1_count} <h1> elements, must have exactly one"))
        if info.title_count != 1 or not info.title:
            problems.append(Problem(rel, f"must have exactly one non-empty <title> (found {info.title_count}, "
                                         f"text {info.title!r})"))
        elif rel != "index.html" and info.title == front:
            problems.append(Problem(rel, f"<title> is only the site title {front!r}; name the page first"))
        else:
            titles[info.title].append(rel)
        problems += _check_canonical(site, rel, info.canonicals)
    for title, rels in titles.items():
        if len(rels) > 1:
            problems.append(Problem(", ".join(rels), f"pages share the <title> {title!r}"))
    return problems


def _check_canonical(site: Site, rel: str, canonicals: list[str]) -> list[Problem]:
    if rel == "404.html":
        return []  # served at every missing URL: no single canonical URL exists, none is required
    if len(canonicals) != 1:
        return [Problem(rel, f'must have exactly one <link rel="canonical">, found {len(canonicals)}')]
    parts = urlsplit(canonicals[0])
    own = site.url_path(rel)[len(site.base_path):]
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return [Problem(rel, f"canonical URL {canonicals[0]!r} must be absolute (from base_url)")]
    if not parts.path.endswith("/" + own) and not (own == "" and parts.path.endswith("/")):
        return [Problem(rel, f"canonical URL {canonicals[0]!r} is not this page's URL (…/{own})")]
    return []


def check_sitemap(site: Site) -> list[Problem]:
    """sitemap.xml lists exactly the pages' canonical URLs."""
    path = site.root / "sitemap.xml"
    if not path.is_file():
        return [Problem("sitemap.xml", "missing")]
    try:
        tree = ET.parse(path)
    except ET.ParseError as err:
        return [Problem("sitemap.xml", f"not well-formed XML: {err}")]
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = {(el.text or "").strip() for el in tree.iter(f"{ns}loc")}
    canonical = {}
    for rel in site.html_files:
        for url in site.page(rel).canonicals:
            canonical[url] = rel
    problems = [Problem("sitemap.xml", f"lists {loc}, which is no page's canonical URL")
                for loc in sorted(locs - canonical.keys())]
    problems += [Problem(canonical[url], f"canonical URL {url} is missing from sitemap.xml")
                 for url in sorted(canonical.keys() - locs)]
    return problems
