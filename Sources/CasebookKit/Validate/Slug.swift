/// Slugs name output folders, so they are kept to `[a-z0-9-]+`: nothing that could climb out of
/// `public/`, clash by case on a case-insensitive disk, or need escaping in a URL.
enum Slug {
    static func isValid(_ slug: String) -> Bool {
        !slug.isEmpty && slug.count <= 120 && !slug.hasPrefix("-") && !slug.hasSuffix("-")
            && slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// A valid slug made from any text ("Tennessee ALL Corps" → "tennessee-all-corps").
    static func make(from text: String) -> String {
        var slug = ""
        for scalar in text.lowercased().folding(options: .diacriticInsensitive, locale: nil).unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return String(slug.prefix(80))
    }
}

import Foundation
