/// Slugs name output folders, so they are kept to `[a-z0-9-]+`: nothing that could climb out of
/// `public/`, clash by case on a case-insensitive disk, or need escaping in a URL.
enum Slug {
    static func isValid(_ slug: String) -> Bool {
        !slug.isEmpty && slug.count <= 120 && !slug.hasPrefix("-") && !slug.hasSuffix("-")
            && slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// A valid slug made from any text ("Tennessee ALL Corps" → "tennessee-all-corps"). Letters of
    /// every script count: text with letters or digits outside the Latin alphabet is first spelt in
    /// Latin letters ("日本" → "ri-ben", "Москва" → "moskva"); what even that cannot spell becomes the
    /// characters' code points ("u2f00"), so only text without any letter or digit has no slug.
    static func make(from text: String) -> String {
        let folded = text.lowercased().folding(options: .diacriticInsensitive, locale: nil)
        guard folded.unicodeScalars.contains(where: { !$0.isASCII && isLetterOrDigit($0) }) else { return latinSlug(folded) }
        let spelt = text.applyingTransform(.toLatin, reverse: false).map {
            latinSlug($0.lowercased().folding(options: .diacriticInsensitive, locale: nil))
        } ?? ""
        if !spelt.isEmpty { return spelt }
        return latinSlug(text.unicodeScalars.map { isLetterOrDigit($0) ? "u" + String($0.value, radix: 16) : " " }.joined())
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// The ASCII letters and digits of `text`, each run of anything else a single hyphen.
    private static func latinSlug(_ text: String) -> String {
        var slug = ""
        for scalar in text.unicodeScalars {
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
