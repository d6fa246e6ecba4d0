/// The HTML of a picture: a `<picture>` whose WebP `<source>` and fallback `<img>` list every
/// resized copy by width (`srcset`), so a browser fetches the smallest that fills the space
/// `sizes` describes, with `width` and `height` so the page keeps the picture's space before it
/// arrives (no layout shift). One function draws it for a case's header image and for pictures in
/// stories.
enum PictureMarkup {
    /// What to show and how: `alt` and `title` are HTML-escaped already.
    struct Shown {
        var alt: String
        var title: String?
        /// Below the first screen, so fetched only when scrolled near.
        var lazy: Bool
        var className: String?
    }

    /// `srcset` of the copies in one format: `/images/a-480-….webp 480w, /images/a-960-….webp 960w`.
    static func srcset(_ copies: [PictureCopy], routes: Routes) -> String {
        copies.map { routes.link($0.route) + " \($0.size.width)w" }.joined(separator: ", ")
    }

    /// The markup of `picture`; nil when it has no copies and no known size (an SVG, or a file
    /// that could not be read), which is shown with a plain `<img>`.
    static func html(_ picture: Picture, _ shown: Shown, routes: Routes, sizes: String) -> String? {
        var loading = shown.lazy ? " loading=\"lazy\"" : ""
        loading += " decoding=\"async\""
        let title = shown.title.map { " title=\"\($0)\"" } ?? ""
        let sizesAttribute = " sizes=\"\(HTMLText.escaped(sizes))\""
        guard let fallback = picture.fallbackCopy, let format = picture.fallbackFormat else {
            // A GIF or AVIF: published as it is, with its size.
            guard let size = picture.size else { return nil }
            let className = shown.className.map { " class=\"\($0)\"" } ?? ""
            return "<img\(className) src=\"\(HTMLText.escaped(routes.link("images/" + picture.path).addingSpacesEncoded))\" width=\"\(size.width)\" height=\"\(size.height)\" alt=\"\(shown.alt)\"\(title)\(loading)>"
        }
        let image = "<img src=\"\(routes.link(fallback.route))\" srcset=\"\(srcset(picture.copies(in: format), routes: routes))\"\(sizesAttribute)"
            + " width=\"\(fallback.size.width)\" height=\"\(fallback.size.height)\" alt=\"\(shown.alt)\"\(title)\(loading)>"
        let className = shown.className.map { " class=\"\($0)\"" } ?? ""
        guard format != .webp else { return "<picture\(className)>\(image)</picture>" }
        return "<picture\(className)><source type=\"image/webp\" srcset=\"\(srcset(picture.copies(in: .webp), routes: routes))\"\(sizesAttribute)>\(image)</picture>"
    }

    /// A story's HTML with each picture cmark wrote (`<img src="…" alt="…" />`, or with a `title`)
    /// drawn as above. Raw HTML in stories is never emitted, so every `<img` is one of cmark's; an
    /// address that names no picture of the catalog is left as cmark wrote it.
    static func rewrite(_ body: String, catalog: PictureCatalog, routes: Routes, sizes: String) -> String {
        guard body.contains("<img src=\"") else { return body }
        var out = ""
        var rest = Substring(body)
        while let start = rest.range(of: "<img src=\"") {
            out += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].range(of: " />"),
                  let tag = CmarkImage(rest[start.upperBound..<end.lowerBound]),
                  let picture = catalog.picture(at: localPath(tag.src, routes: routes)),
                  let drawn = html(picture, Shown(alt: tag.alt, title: tag.title, lazy: true, className: nil), routes: routes, sizes: sizes)
            else {
                out += rest[start]
                rest = rest[start.upperBound...]
                continue
            }
            out += drawn
            rest = rest[end.upperBound...]
        }
        out += rest
        return out
    }

    /// The address as written in the story, from the one cmark wrote (under the base path, `&` escaped).
    private static func localPath(_ src: String, routes: Routes) -> String {
        let unescaped = src.replacingOccurrences(of: "&amp;", with: "&")
        guard unescaped.hasPrefix(routes.basePath) else { return unescaped }
        return "/" + unescaped.dropFirst(routes.basePath.count)
    }
}

/// The attributes of one `<img>` as cmark writes it: `src="…" alt="…"` and maybe ` title="…"`.
private struct CmarkImage {
    var src: String
    var alt: String
    var title: String?

    /// From the text after `<img src="` up to ` />`.
    init?(_ text: Substring) {
        guard let srcEnd = text.firstIndex(of: "\"") else { return nil }
        src = String(text[..<srcEnd])
        let afterSrc = text[text.index(after: srcEnd)...]
        guard afterSrc.hasPrefix(" alt=\"") else { return nil }
        let altText = afterSrc.dropFirst(" alt=\"".count)
        guard let altEnd = altText.firstIndex(of: "\"") else { return nil }
        alt = String(altText[..<altEnd])
        let afterAlt = altText[altText.index(after: altEnd)...]
        if afterAlt.isEmpty { title = nil; return }
        guard afterAlt.hasPrefix(" title=\""), afterAlt.hasSuffix("\"") else { return nil }
        title = String(afterAlt.dropFirst(" title=\"".count).dropLast())
    }
}

private extension String {
    /// An address with its spaces written as `%20` (a published original may have spaces in its name).
    var addingSpacesEncoded: String { replacingOccurrences(of: " ", with: "%20") }
}
