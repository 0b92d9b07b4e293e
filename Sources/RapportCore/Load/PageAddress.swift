/// Where a Markdown file's page lives on the site, decided by its place in `Content/`.
///
/// `projekter/vejle.md` → `projekter/vejle/` (written as `projekter/vejle/index.html`), so URLs stay
/// readable and stable ("pretty URLs").
public enum PageAddress {
    /// The sections that hold pages of one kind, with the kinds of their index and member pages.
    static let sections: [String: (index: PageKind, member: PageKind)] = [
        "kapitler": (.chapterIndex, .chapter),
        "projekter": (.projectIndex, .project),
        "elementer": (.elementIndex, .element),
    ]

    /// Kind and site path of a content file, or a diagnostic saying why it cannot be a page.
    public static func locate(_ relativePath: String, display: String) -> Result<(PageKind, String), Diagnostic> {
        let parts = relativePath.split(separator: "/").map(String.init)
        guard let fileName = parts.last, fileName.hasSuffix(".md") else {
            return .failure(.error(at: SourceLocation(file: display), "not a Markdown page", hint: "pages end in .md"))
        }
        let name = String(fileName.dropLast(3))
        switch parts.count {
        case 1 where name == "index":
            return .success((.home, ""))
        case 1:
            return checkSlug(name, display: display).map { (.standalone, "\(name)/") }
        case 2:
            guard let section = sections[parts[0]] else {
                return .failure(.error(at: SourceLocation(file: display), "pages cannot live in '\(parts[0])/'",
                    hint: "put pages in Content/, kapitler/, projekter/ or elementer/"))
            }
            if name == "_index" { return .success((section.index, "\(parts[0])/")) }
            return checkSlug(name, display: display).map { (section.member, "\(parts[0])/\(name)/") }
        default:
            return .failure(.error(at: SourceLocation(file: display), "pages cannot be nested this deep",
                hint: "put pages in Content/, kapitler/, projekter/ or elementer/"))
        }
    }

    /// Turns a content path of a Markdown page into its site path without checking that it exists.
    public static func sitePath(forContentPath relativePath: String) -> String? {
        guard case .success(let located) = locate(relativePath, display: relativePath) else { return nil }
        return located.1
    }

    private static func checkSlug(_ name: String, display: String) -> Result<Void, Diagnostic> {
        let valid = !name.isEmpty && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard valid else {
            return .failure(.error(at: SourceLocation(file: display), "file name '\(name).md' is not a valid URL name",
                hint: "rename it to '\(Slugger.slug(name)).md' (lower-case a–z, 0–9 and '-')"))
        }
        return .success(())
    }
}
