import Foundation
import RapportCore

/// Adds the live-reload script to HTML as it is served, never to the files the builder writes.
struct LiveReloadInjector: Sendable {
    let basePath: String

    /// The tag for the page stored at `path`; it tells the script which URL the page is, so that
    /// a reload event naming other pages can leave this one alone (the 404 page is served under
    /// any URL, so the browser's own address can't tell).
    func tag(forPath path: String) -> String {
        let url = SnapshotChange(paths: [path]).urls(basePath: basePath)[0]
        return "<script src=\"\(RequestGate.scriptPath)\" data-rapport-page=\"\(HTMLEscaping.escape(url))\"></script>"
    }

    /// `html` with the tag just before the last `</body>` (any case), or at the end if there is none.
    func inject(into html: String, path: String) -> String {
        let tag = tag(forPath: path)
        var html = html
        let found = html.withUTF8 { Self.lastBodyEndTag(in: $0) }
        guard let offset = found else { return html + tag }
        // `</body>` is ASCII, so its offset is a character boundary; slicing copies without re-validating.
        let position = html.utf8.index(html.utf8.startIndex, offsetBy: offset)
        var result = ""
        result.reserveCapacity(html.utf8.count + tag.utf8.count + 1)
        result += html[..<position]
        result += tag + "\n"
        result += html[position...]
        return result
    }

    /// Where the last `</body>` (ASCII, any case) starts. On bytes: Foundation's backwards,
    /// case-insensitive `range(of:)` took tens of milliseconds on the whole-report page.
    static func lastBodyEndTag(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let pattern = Array("</body>".utf8)
        var start = bytes.count - pattern.count
        while start >= 0 {
            if bytes[start] == UInt8(ascii: "<"),
               zip(bytes[start..<start + pattern.count], pattern).allSatisfy({ $0 == $1 || ($1 >= 0x61 && $1 <= 0x7A && $0 == $1 - 0x20) }) {
                return start
            }
            start -= 1
        }
        return nil
    }
}

/// The script behind `/__rapport/live.js`.
///
/// It listens on `/__rapport/events` (Server-Sent Events):
/// - `reload` `{"build", "changed": [url]}`: reloads if this page, a non-page file (script, image,
///   sitemap) changed, or the error overlay is open; the scroll position survives the reload
///   (kept in sessionStorage per path).
/// - `css` `{"build", "changed"}`: swaps same-origin stylesheets for fresh copies, no reload; the
///   old sheet stays until the new one has loaded, so the page doesn't flash unstyled.
/// - `error` `{"build", "errors": [...]}`: shows the "Byggefejl" overlay. EventSource also
///   fires `error` for lost connections, without data; those are ignored (it reconnects itself).
/// On each (re)connection it asks `/__rapport/status`, so a page opened while the site is broken
/// shows the overlay, and a page that missed events while disconnected (server restarted)
/// reloads. The overlay lives in a shadow root so the site's CSS can't restyle it, is built with
/// DOM text nodes only (messages quote the author's files), and is an accessible alert dialog.
enum LiveReloadScript {
    static let source = #"""
    // Added by `rapport serve` while previewing; never part of the built site.
    (() => {
      "use strict";
      const me = document.currentScript;
      const page = (me && me.dataset.rapportPage) || location.pathname;
      const scrollKey = "rapport:scroll:" + location.pathname;
      let build = null;
      let overlay = null;
      let returnFocus = null;

      const saved = sessionStorage.getItem(scrollKey);
      if (saved !== null) {
        sessionStorage.removeItem(scrollKey);
        const restore = () => window.scrollTo(0, Number(saved) || 0);
        if (document.readyState === "complete") restore(); else window.addEventListener("load", restore, { once: true });
      }

      function reload() {
        sessionStorage.setItem(scrollKey, String(window.scrollY));
        location.reload();
      }

      function concernsThisPage(changed) {
        return changed.some((url) => url === page || !(url.endsWith("/") || url.endsWith(".html")));
      }

      function swapStylesheets() {
        const stamp = String(Date.now());
        for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) {
          const url = new URL(link.href, location.href);
          if (url.origin !== location.origin) continue;
          url.searchParams.set("rapport", stamp);
          const fresh = link.cloneNode();
          fresh.href = url.pathname + url.search;
          fresh.addEventListener("load", () => link.remove(), { once: true });
          fresh.addEventListener("error", () => fresh.remove(), { once: true });
          link.after(fresh);
        }
      }

      function element(tag, text, className) {
        const node = document.createElement(tag);
        if (text) node.textContent = text;
        if (className) node.className = className;
        return node;
      }

      function hideErrors() {
        if (!overlay) return;
        overlay.remove();
        overlay = null;
        if (returnFocus && document.contains(returnFocus)) returnFocus.focus();
        returnFocus = null;
      }

      function showErrors(errors) {
        const hadFocus = overlay ? returnFocus : document.activeElement;
        hideErrors();
        returnFocus = hadFocus;
        const host = element("div");
        host.id = "rapport-byggefejl";
        const root = host.attachShadow({ mode: "open" });
        const style = element("style", `
          .bagtaeppe { position: fixed; inset: 0; z-index: 2147483647; background: rgba(0, 0, 0, .6);
            display: flex; align-items: flex-start; justify-content: center; padding: 4vh 1rem; overflow: auto; }
          .dialog { background: #fff; color: #1a1a1a; max-width: 52rem; width: 100%; border-top: .5rem solid #b3001b;
            border-radius: .25rem; padding: 1.5rem; font: 1rem/1.5 system-ui, sans-serif; box-shadow: 0 .5rem 2rem rgba(0,0,0,.4); }
          .dialog:focus { outline: none; }
          h2 { margin: 0 0 .5rem; font-size: 1.5rem; color: #8a0014; }
          ol { padding-left: 1.25rem; }
          li { margin: 1rem 0; }
          .sted { font: .95rem/1.4 ui-monospace, monospace; font-weight: 700; }
          .tip { color: #3d3d3d; }
          pre { background: #f3f3f3; color: #1a1a1a; padding: .5rem .75rem; overflow: auto; border-left: .25rem solid #b3001b;
            font: .9rem/1.4 ui-monospace, monospace; white-space: pre-wrap; }
          button { font: inherit; font-weight: 600; background: #1a1a1a; color: #fff; border: 0; border-radius: .25rem;
            padding: .5rem 1.25rem; cursor: pointer; }
          button:focus-visible { outline: 3px solid #1a4fd6; outline-offset: 2px; }
        `);
        const backdrop = element("div", null, "bagtaeppe");
        const dialog = element("div", null, "dialog");
        dialog.setAttribute("role", "alertdialog");
        dialog.setAttribute("aria-modal", "true");
        dialog.setAttribute("aria-labelledby", "rapport-byggefejl-titel");
        dialog.setAttribute("aria-describedby", "rapport-byggefejl-forklaring");
        dialog.tabIndex = -1;
        const title = element("h2", "Byggefejl");
        title.id = "rapport-byggefejl-titel";
        const count = errors.length === 1 ? "1 fejl" : errors.length + " fejl";
        const intro = element("p", count + " forhindrer, at webstedet kan bygges. Du ser den seneste version, der kunne bygges. " +
          "Ret fejlen, og gem filen, så opdateres siden af sig selv.");
        intro.id = "rapport-byggefejl-forklaring";
        const list = element("ol");
        for (const error of errors) {
          const item = element("li");
          let where = error.file;
          if (error.line > 0) where += ":" + error.line + (error.column > 0 ? ":" + error.column : "");
          item.append(element("div", where, "sted"), element("div", error.message));
          if (error.hint) item.append(element("div", error.hint, "tip"));
          if (error.source) item.append(element("pre", error.line + " | " + error.source));
          list.append(item);
        }
        const close = element("button", "Luk");
        close.type = "button";
        close.addEventListener("click", hideErrors);
        dialog.addEventListener("keydown", (event) => { if (event.key === "Escape") hideErrors(); });
        dialog.append(title, intro, list, close);
        backdrop.append(dialog);
        root.append(style, backdrop);
        overlay = host;
        (document.body || document.documentElement).append(host);
        close.focus();
      }

      function follow(data) {
        if (data.build) build = data.build;
      }

      async function checkStatus() {
        try {
          const response = await fetch("/__rapport/status", { cache: "no-store" });
          const status = await response.json();
          const missed = build !== null && status.build !== build;
          follow(status);
          if (status.ok && (missed || overlay)) { reload(); return; }
          if (!status.ok) showErrors(status.errors);
        } catch (_) { /* the server is gone; EventSource keeps retrying */ }
      }

      const events = new EventSource("/__rapport/events");
      events.addEventListener("open", checkStatus);
      events.addEventListener("reload", (event) => {
        const data = JSON.parse(event.data);
        follow(data);
        if (overlay || concernsThisPage(data.changed)) reload();
      });
      events.addEventListener("css", (event) => {
        follow(JSON.parse(event.data));
        hideErrors();
        swapStylesheets();
      });
      events.addEventListener("error", (event) => {
        if (!(event instanceof MessageEvent) || !event.data) return;
        const data = JSON.parse(event.data);
        follow(data);
        showErrors(data.errors);
      });
    })();
    """#
}
