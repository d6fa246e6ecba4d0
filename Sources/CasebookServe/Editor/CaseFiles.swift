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
        if let text = read(direct), Self.slugLine(in: text) ?? slug == slug { return direct }
        let listing = try? fileSystem.filesRecursively(in: root + "/" + Self.folder, within: root + "/" + Self.folder)
        for file in listing?.files ?? [] where file.hasSuffix(".md") {
            let path = "\(Self.folder)/\(file)"
            if let text = read(path), Self.slugLine(in: text) == slug { return path }
        }
        return nil
    }

    /// The address of a case file's page, below the site's base path: `case-studies/<slug>/`.
    func slug(ofPath path: String, text: String) -> String {
        if let set = Self.slugLine(in: text) { return set }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    func read(_ path: String) -> String? {
        (try? fileSystem.readFile(at: root + "/" + path)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A `slug:` line at the top level of the front matter.
    static func slugLine(in text: String) -> String? {
        guard text.hasPrefix("---") else { return nil }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst() {
            if line.hasPrefix("---") { return nil }
            guard line.hasPrefix("slug:") else { continue }
            var value = line.dropFirst(5)
            if let comment = value.range(of: " #") { value = value[..<comment.lowerBound] }
            let trimmed = value.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'\r"))
            return trimmed.isEmpty ? nil : trimmed
        }
        return nil
    }

    /// Letters, digits, `-` and `_` only: what a page address may hold, and nothing that leaves the folder.
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 200 && !name.hasPrefix("-")
            && name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" }
    }
}
