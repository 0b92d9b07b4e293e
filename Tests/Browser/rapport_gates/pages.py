"""The site under test: which pages it has, which URL each is served at, and what each page contains.

Every gate needs the same facts (the list of pages, the URL of a page under the base path, the ids and
references in a page), so they are worked out once here and cached, with a plain html.parser parser:
the gates must not depend on a lenient HTML5 parser hiding markup mistakes the Nu checker reports.
"""
from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

# Folders written by other tools after the build; they are not Rapport's pages.
GENERATED_DIRS = ("pagefind/",)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the site: where it is (file:line, or a page URL) and what is wrong."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def format_problems(problems: list[Problem], limit: int = 200) -> str:
    """A failure message: one line per problem, capped so a broken build doesn't flood the log."""
    lines = [str(p) for p in problems[:limit]]
    if len(problems) > limit:
        lines.append(f"... and {len(problems) - limit} more")
    return f"{len(problems)} problem(s):\n" + "\n".join(lines)


def assert_no_problems(problems: list[Problem]) -> None:
    """Fail the calling test with just the list of problems (no assertion-rewrite noise)."""
    if problems:
        import pytest  # only the test wrappers need pytest; the checkers stay importable without it

        pytest.fail(format_problems(problems), pytrace=False)


def normalise_base_path(base: str) -> str:
    """'/evaluering' -> '/evaluering/', '' -> '/'."""
    base = "/" + base.strip("/") + "/"
    return "/" if base == "//" else base


@dataclass
class Reference:
    """A URL in a page: <a href>, <img src>, <link href>, CSS url(), ..."""

    tag: str
    attr: str
    value: str
    line: int
    rel: str = ""  # <link rel="..."> (lower case), to tell stylesheets from canonical links

    @property
    def loads_resource(self) -> bool:
        """True when the browser fetches this URL while loading the page (as opposed to a link)."""
        if self.tag in ("a", "area", "form"):
            return False
        if self.tag == "link":
            passive = {"canonical", "alternate", "author", "license", "help", "me", "next", "prev", "search"}
            return not set(self.rel.split()) <= passive
        return True


@dataclass
class PageInfo:
    """What the gates need to know about one HTML file."""

    ids: set[str] = field(default_factory=set)
    refs: list[Reference] = field(default_factory=list)
    title: str = ""
    title_count: int = 0
    h1_count: int = 0
    lang: str | None = None
    canonicals: list[str] = field(default_factory=list)
    css_blocks: list[tuple[int, str]] = field(default_factory=list)  # (line, text) of <style>


URL_ATTRS = {"href", "src", "action", "data", "poster", "xlink:href"}


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.info = PageInfo()
        self._in_title = False
        self._in_style = False
        self._svg_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        line = self.getpos()[0]
        if "id" in a:
            self.info.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.info.ids.add(a["name"])
        if tag == "html":
            self.info.lang = a.get("lang")
        elif tag == "h1":
            self.info.h1_count += 1
        elif tag == "svg":
            self._svg_depth += 1
        elif tag == "title" and not self._svg_depth:  # an SVG <title> names a figure, not the page
            self.info.title_count += 1
            self._in_title = True
        elif tag == "style":
            self._in_style = True
        rel = a.get("rel", "").lower()
        if tag == "link" and "canonical" in rel.split():
            self.info.canonicals.append(a.get("href", ""))
        for attr, value in a.items():
            if attr in URL_ATTRS and tag != "meta":
                self.info.refs.append(Reference(tag, attr, value.strip(), line, rel))
            elif attr in ("srcset", "imagesrcset"):
                for candidate in value.split(","):
                    if candidate.strip():
                        self.info.refs.append(Reference(tag, attr, candidate.split()[0], line, rel))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "style":
            self._in_style = False
        elif tag == "svg" and self._svg_depth:
            self._svg_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.info.title += data
        if self._in_style:
            self.info.css_blocks.append((self.getpos()[0], data))


def parse_html(text: str) -> PageInfo:
    parser = _PageParser()
    parser.feed(text)
    parser.close()
    parser.info.title = " ".join(parser.info.title.split())
    return parser.info


class Site:
    """A built site folder, served at `base_path` (e.g. '/evaluering/')."""

    def __init__(self, root: str | Path, base_path: str | None = None) -> None:
        self.root = Path(root).resolve()
        if not self.root.is_dir():
            raise FileNotFoundError(f"site folder {self.root} does not exist – build the site first")
        self.base_path = normalise_base_path(base_path) if base_path else self._inferred_base_path()

    def _inferred_base_path(self) -> str:
        """The path of the front page's canonical URL: the sub-path the site was built to be served at."""
        if (self.root / "index.html").is_file():
            for canonical in self.page("index.html").canonicals:
                return normalise_base_path(urlsplit(canonical).path)
        return "/"

    @functools.cached_property
    def html_files(self) -> list[str]:
        """Every HTML file of the site as a POSIX path relative to the root, sorted, generated dirs left out."""
        files = sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*.html"))
        return [f for f in files if not f.startswith(GENERATED_DIRS)]

    def files_with_suffix(self, *suffixes: str) -> list[str]:
        files = sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*") if p.suffix in suffixes)
        return [f for f in files if not f.startswith(GENERATED_DIRS)]

    @property
    def has_pagefind(self) -> bool:
        return (self.root / "pagefind" / "pagefind.js").is_file()

    def url_path(self, rel: str) -> str:
        """'projekter/vejle/index.html' -> '/evaluering/projekter/vejle/' (pretty URL), '404.html' kept."""
        if rel == "index.html":
            return self.base_path
        if rel.endswith("/index.html"):
            rel = rel[: -len("index.html")]
        return self.base_path + rel

    def file_for_path(self, path: str) -> str | None:
        """URL path -> relative file it is served from (None when outside the base path or missing)."""
        if not path.startswith(self.base_path):
            return None
        rel = posixpath.normpath(path[len(self.base_path):]) if path != self.base_path else ""
        if rel in ("", "."):
            rel = ""
        if rel.startswith(".."):
            return None
        target = self.root / rel
        if target.is_dir():
            target = target / "index.html"
        if target.is_file():
            return target.relative_to(self.root).as_posix()
        return None

    def page(self, rel: str) -> PageInfo:
        return _parse_cached(self.root / rel)

    def project_pages(self) -> list[str]:
        """Pages of single projects: projekter/<slug>/index.html (the overview left out)."""
        return [f for f in self.html_files if f.startswith("projekter/") and f.count("/") == 2
                and f.endswith("/index.html")]


@functools.lru_cache(maxsize=None)
def _parse_cached(path: Path) -> PageInfo:
    return parse_html(path.read_text(encoding="utf-8"))
