import Foundation

/// What is wrong with a picture, said where the author showed it (a story's `![…](…)` or a case's
/// `image: src:`), since that is the line they will look at; a picture that cannot be shown and is
/// shown nowhere is reported on its own file.
enum PictureCheck {
    /// The problems of `picture`, shown at `location`: an error when it cannot be shown, a warning
    /// when its original is far larger than any page needs.
    static func problems(of picture: Picture, at location: SourceLocation, settings: ImageSettings) -> [Diagnostic] {
        let name = "content/images/\(picture.path)"
        switch picture.problem {
        case .notAPicture:
            return [.error(location, "`\(name)` is not a picture: its bytes are not a JPEG, PNG, WebP, GIF or AVIF image, whatever its name says",
                           hint: "open it in an image editor and export it again as JPEG (photos) or PNG (drawings)", code: .imageNotPicture)]
        case .unreadable(let reason):
            return [.error(location, "`\(name)` cannot be read as a picture (\(reason))",
                           hint: "open it in an image editor and export it again as JPEG or PNG", code: .imageNotPicture)]
        case .tooManyPixels(let size):
            return [.error(location, "`\(name)` is \(size.width) × \(size.height) pixels, more than the \(settings.largestPixels / 1_000_000) million pixels a picture may have, so it is not read",
                           hint: "export a copy at most \(settings.largestCopy * 2) pixels wide; a page never shows more than \(settings.largestCopy)", code: .imageTooManyPixels)]
        case .damaged(let reason):
            return [.error(location, "`\(name)` is cut off or damaged, so it cannot be resized for the page (\(reason))",
                           hint: "copy the picture again from where it came from, or open and re-save it in an image editor", code: .imageDamaged)]
        case nil:
            break
        }
        guard let size = picture.size, size.width > settings.warnWidth || picture.bytes > settings.warnBytes else { return [] }
        let largest = settings.largestCopy
        return [.warning(location, "`\(name)` is \(size.width) × \(size.height) pixels and \(megabytes(picture.bytes)): pages show visitors resized copies (at most \(largest) pixels wide), but anyone who opens the original downloads all \(megabytes(picture.bytes)), and every copy of the site carries it",
                         hint: "export it at most \(largest) pixels wide (a JPEG of 300–600 KB) and replace the file; the page stays the same", code: .imageOversized)]
    }

    /// A picture that cannot be shown and that no case or page shows: reported on its own file (it
    /// is not published), as a warning.
    static func unused(_ catalog: PictureCatalog, shownIn content: SiteContent, bodies: [String: Markdown.Rendered]) -> [Diagnostic] {
        let broken = catalog.pictures.values.filter { $0.problem != nil }
        guard !broken.isEmpty else { return [] }
        var shown = Set(content.caseStudies.compactMap { $0.image.flatMap { catalog.picture(at: $0.path)?.path } })
        for body in bodies.values {
            for image in body.images { if let picture = catalog.picture(at: image.url) { shown.insert(picture.path) } }
        }
        return broken.filter { !shown.contains($0.path) }.sorted { $0.path < $1.path }.flatMap { picture in
            problems(of: picture, at: SourceLocation(file: "content/images/" + picture.path, line: 1, column: 1), settings: content.config.images)
                .map { var warning = $0; warning.severity = .warning; warning.message += "; it is not published"; return warning }
        }
    }

    /// The hint for a picture that is not in content/images/: the nearest file name, when there is one.
    static func missingHint(_ path: String, among images: Set<String>, otherwise: String) -> String {
        let decoded = path.removingPercentEncoding ?? path
        if let near = Suggestion.closest(to: decoded, in: images) {
            return "did you mean `/images/\(near)`?" + (near.contains(" ") ? " (better: rename it without spaces)" : "")
        }
        return otherwise
    }

    private static func megabytes(_ bytes: Int) -> String {
        bytes >= 1_000_000 ? String(format: "%.1f MB", Double(bytes) / 1_000_000) : "\(bytes / 1000) KB"
    }
}
