"""A tiny static file server on 127.0.0.1 that serves a site folder under its base path.

Why not `python -m http.server`: the site must be tested the way it is published, under a sub-path
(e.g. /evaluering/), so a URL that escapes the base path must 404 here as it would in production,
and a missing page must get the site's own 404.html as static hosts do. It also sends no-store so the
browser measures full transfers on every page.
"""
from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

from .pages import Site


class _Handler(SimpleHTTPRequestHandler):
    base_path = "/"
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript", ".mjs": "text/javascript",
                      ".wasm": "application/wasm", ".svg": "image/svg+xml", ".csv": "text/csv; charset=utf-8",
                      ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
                      ".json": "application/json", ".xml": "application/xml"}

    def _under_base(self) -> bool:
        url_path = unquote(urlsplit(self.path).path)
        return url_path.startswith(self.base_path) or url_path + "/" == self.base_path

    def send_head(self):  # noqa: ANN201 - returns a file object or None, as in the base class
        if not self._under_base():
            self.send_error(HTTPStatus.NOT_FOUND, "Outside the base path")
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        # Only called for paths under the base path (send_head checked); '/evaluering' is the folder
        # itself, which the base class then redirects to '/evaluering/'.
        return super().translate_path("/" + path[len(self.base_path):] if path.startswith(self.base_path) else "/")

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = os.path.join(self.directory, "404.html")
        if code != HTTPStatus.NOT_FOUND or not os.path.isfile(page):
            super().send_error(code, message, explain)
            return
        with open(page, "rb") as f:
            body = f.read()
        self.send_response(code, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature from the base class
        pass  # quiet: failures are reported by the gates, not by an access log


@contextlib.contextmanager
def serve(site: Site) -> Iterator[str]:
    """Serve `site` on an ephemeral port; yields the site's root URL, e.g. 'http://127.0.0.1:41234/evaluering/'."""
    handler = type("SiteHandler", (_Handler,), {"base_path": site.base_path})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(site.root)))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, name="rapport-static-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}{site.base_path}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
