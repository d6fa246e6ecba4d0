import CasebookKit
import Foundation

/// Which file under `content/case-studies/` a case page's address belongs to. The address is the
/// file's name unless its front matter sets `slug:`, so both are looked at.
struct CaseFiles: Sendable {
    static let folder = "content/case-studies"

    let root: String
    let fileSystem: any FileSystem

    /// The file (relative to the root) whose page is `case-studies/<slug>/`, or nil.
    func path(forSlug slug: String) -> String? {
        guard Self.isPlainName(slug) else { return nil }
        let direct = "\(Self.folder)/\(slug).md"
        if let text = read(direct), self.slug(ofPath: direct, text: text) == slug { return direct }
        let listing = try? fileSystem.filesRecursively(in: root + "/" + Self.folder, within: root + "/" + Self.folder)
        for file in listing?.files ?? [] where file.hasSuffix(".md") {
            let path = "\(Self.folder)/\(file)"
            // Only a file that mentions a slug can set one: the others' front matter need not be parsed.
            if let text = read(path), text.contains("slug"), self.slug(ofPath: path, text: text) == slug { return path }
        }
        return nil
    }

    /// The address of a case file's page, below the site's base path: `case-studies/<slug>/` (the file
    /// name when its front matter cannot be read).
    func slug(ofPath path: String, text: String) -> String {
        CaseDocument.pageSlug(text: text, path: path)
    }

    func read(_ path: String) -> String? {
        (try? fileSystem.readFile(at: root + "/" + path)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Letters, digits, `-` and `_` only: what a page address may hold, and nothing that leaves the folder.
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 200 && !name.hasPrefix("-")
            && name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" }
    }
}
