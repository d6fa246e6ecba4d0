/// Checks the links and images written in Markdown bodies against what the site will publish.
/// A link to a page that does not exist is a warning (an error under `--strict`); a missing image is
/// an error; an image without alt text is a warning.
struct LinkChecker {
    /// Routes and files the build writes, relative to the site root (`case-studies/x/`, `data/metrics.csv`).
    let published: Set<String>
    /// Files under `content/images/`, relative to it.
    let images: Set<String>
    /// What each of those pictures is, for the problems of a picture shown in a story.
    var pictures = PictureCatalog.empty
    var imageSettings = ImageSettings()

    /// Broken links per file that get a "did you mean": finding one costs an edit distance against
    /// every page, and a hostile file of 50,000 broken links once took minutes.
    static let suggestionsPerFile = 100

    func check(_ rendered: Markdown.Rendered) -> [Diagnostic] {
        // Besides links: a body refused before cmark saw it, and tables the site cannot show.
        var diagnostics = rendered.problems + rendered.pipeTables.map {
            .warning($0, "this looks like a table, but Markdown here has no tables: it would show as lines of `|` characters",
                     hint: "write it as a list (one item per row), or describe it in sentences", code: .storyTable)
        }
        var suggestions: [String: String?] = [:]
        lazy var pages = published.filter { $0.hasSuffix("/") }
        for link in rendered.links {
            let url = link.url
            if url.isEmpty {
                diagnostics.append(.warning(link.location, "this link has no address", hint: "write the address between the parentheses: [text](/case-studies/…/)", code: .linkEmpty))
                continue
            }
            if url.hasPrefix("#") || url.hasPrefix("mailto:") || url.hasPrefix("//") { continue }
            if url.contains("://") {
                if !(url.lowercased().hasPrefix("http://") || url.lowercased().hasPrefix("https://")) {
                    diagnostics.append(.warning(link.location, "the link `\(url)` is not a web address", hint: "link to an http or https page", code: .linkNotWeb))
                }
                continue
            }
            if url.lowercased().hasPrefix("javascript:") || url.lowercased().hasPrefix("data:") {
                diagnostics.append(.warning(link.location, "the link `\(url.prefix(40))` was removed: only web addresses are allowed",
                                            hint: "link to an http or https page, or to a page of this site starting with /", code: .linkRemoved))
                continue
            }
            guard url.hasPrefix("/") else {
                diagnostics.append(.warning(link.location, "the link `\(url)` is relative, so it may break when pages move",
                                            hint: "start internal links with /, e.g. /case-studies/\(url)", code: .linkRelative))
                continue
            }
            let path = String(url.dropFirst().prefix { $0 != "#" && $0 != "?" })
            if !exists(path) {
                let suggestion: String?
                if let known = suggestions[path] {
                    suggestion = known
                } else if suggestions.count < Self.suggestionsPerFile {
                    suggestion = Suggestion.closest(to: path, in: pages)
                    suggestions[path] = suggestion
                } else {
                    suggestion = nil
                }
                diagnostics.append(.warning(link.location, "the link `\(url)` points to a page that does not exist",
                                            hint: suggestion.map { "did you mean `/\($0)`?" } ?? "check the address against the site's pages", code: .linkBroken))
            }
        }
        for image in rendered.images {
            let path = image.url.hasPrefix("/") ? String(image.url.dropFirst()) : image.url
            if image.url.contains("://") {
                diagnostics.append(.error(image.location, "the image `\(image.url)` is on another site; pictures must be kept under content/images/",
                                          hint: "download it into content/images/ and write ![description](/images/name.jpg)", code: .imageRemote))
            } else if path.hasPrefix("images/"), let picture = pictures.picture(at: path) {
                diagnostics += PictureCheck.problems(of: picture, at: image.location, settings: imageSettings)
            } else if !path.hasPrefix("images/") || !images.contains(String(path.dropFirst("images/".count))) {
                let otherwise = "put the file in content/images/ and refer to it as /images/its-name"
                diagnostics.append(.error(image.location, "the image `\(image.url)` does not exist",
                                          hint: path.hasPrefix("images/")
                                              ? PictureCheck.missingHint(String(path.dropFirst("images/".count)), among: images, otherwise: otherwise)
                                              : otherwise, code: .imageMissing))
            }
            if (image.alt ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                diagnostics.append(.warning(image.location, "this image has no alt text",
                                            hint: "describe the picture between the brackets: ![Tutors working with students](/images/…)", code: .imageAlt))
            }
        }
        return diagnostics
    }

    private func exists(_ path: String) -> Bool {
        if path.isEmpty || published.contains(path) { return true }
        if published.contains(path + "/") { return true }
        if path.hasSuffix("/index.html"), published.contains(String(path.dropLast("index.html".count))) { return true }
        if path.hasPrefix("images/") { return images.contains(String(path.dropFirst("images/".count))) }
        return false
    }
}

import Foundation
