import Foundation

/// The search index, split so a search downloads only what it needs, however large the site grows:
///
/// - `search-index/manifest.json`: a few kilobytes: the number of documents, the first term of each
///   term shard, the words left out, and a version that changes whenever any index file changes.
/// - `search-index/terms/<n>.json`: the terms in sorted order, cut into shards of about
///   `shardTarget` bytes (a term is never split; see `ShardCut` for where). Each term maps to its documents as numbers:
///   `(document − previous document) × 4 + weight`, weight 3 for the title, 2 for the summary,
///   place, state, organisation, partners, strategy, tags, figure labels and evidence, 1 for the story.
/// - `search-index/docs/<n>.json`: consecutive documents (cases and pages) with what a result shows:
///   title, address, place, strategy, evidence and the texts a snippet is cut from, cut into shards of
///   about `documentShardTarget` bytes (a document is never split); the manifest gives each shard's
///   first document number. Fetched only for the results on screen.
///
/// The files are made by `SearchShards`, which `casebook serve` keeps between rebuilds so that an
/// edit re-encodes only the terms and documents it changed.
///
/// A query fetches the manifest, the one or two shards holding each word's terms (and the terms it
/// starts), and ten documents. Terms are folded the same way here and in `search.js`: lower case,
/// accents removed, split at anything that is not a letter or a digit, words of one character and
/// `stopWords` left out.
enum SearchIndex {
    static let folder = "search-index"
    static let manifest = folder + "/manifest.json"
    /// About this many bytes per term shard: a few round trips' worth, small next to the manifest's
    /// cost of naming each shard.
    static let shardTarget = 24_000
    /// About this many bytes per shard of documents: a handful of stories, so a page of results fetches
    /// a few files, and the number of files grows with the bytes of the site, not its number of cases.
    static let documentShardTarget = 64_000

    /// Words so common they would put every document in one posting list and tell a search nothing.
    static let stopWords: [String] = ["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have",
                                      "in", "is", "it", "its", "of", "on", "or", "that", "the", "their", "this", "to",
                                      "was", "were", "which", "with"]
    private static let stopSet = Set(stopWords)

    /// One document's share of the index, made once per case and kept between rebuilds.
    struct Document: Sendable, Equatable {
        /// The document's file, as JSON.
        var json: String
        /// Its distinct terms with their weights, in no particular order.
        var terms: [String: UInt8]
    }

    struct Fields {
        var title: String
        var url: String
        var place: String?
        var strategy: String?
        var evidence: String?
        var summary: String
        var figures: String?
        var organization: String?
        var partners: String?
        var body: String
        /// The state's code and name, so a result can mark the name when the query is the code.
        var state: String?
        var stateName: String?
        /// Searchable but not shown: state code and name, tags, strategy key.
        var keywords: String
        /// "listing" for a strategy's or a state's list of cases; nil for a case or a plain page.
        var kind: String? = nil
    }

    static func document(_ fields: Fields) -> Document {
        var terms: [String: UInt8] = [:]
        func add(_ text: String, _ weight: UInt8) {
            for term in self.terms(text) where terms[term, default: 0] < weight { terms[term] = weight }
        }
        add(fields.title, 3)
        for text in [fields.summary, fields.place, fields.strategy, fields.evidence, fields.figures, fields.organization,
                     fields.partners, fields.keywords].compactMap({ $0 }) {
            add(text, 2)
        }
        add(fields.body, 1)
        let json = DataExport.jsonText(Stored(title: fields.title, url: fields.url, place: fields.place,
                                              strategy: fields.strategy, evidence: fields.evidence, summary: fields.summary,
                                              figures: fields.figures, organization: fields.organization,
                                              partners: fields.partners, state: fields.state,
                                              state_name: fields.stateName, body: fields.body, kind: fields.kind))
        return Document(json: json, terms: terms)
    }

    private struct Stored: Encodable {
        var title, url: String
        var place, strategy, evidence: String?
        var summary: String
        var figures, organization, partners, state, state_name: String?
        var body: String
        var kind: String?
    }

    /// The text's terms, folded: lower case, accents removed, split at anything but letters and
    /// digits; one-character words and stop words dropped. Mirrors `fold` and `words` in search.js.
    static func terms(_ text: String) -> [String] {
        // Works on UTF-8 bytes: most text is ASCII, and making a String per scalar would be slow.
        var terms: [String] = []
        var current: [UInt8] = []
        var length = 0  // in scalars, as search.js counts a word's length
        func finish() {
            if length > 1 {
                let term = String(decoding: current, as: UTF8.self)
                if !stopSet.contains(term) { terms.append(term) }
            }
            current.removeAll(keepingCapacity: true)
            length = 0
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x30...0x39, 0x61...0x7A: current.append(UInt8(value)); length += 1
                case 0x41...0x5A: current.append(UInt8(value + 0x20)); length += 1
                default: finish()
                }
                continue
            }
            // Punctuation, symbols and spaces (curly quotes, dashes) end a word without further work.
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
                break
            default:
                finish()
                continue
            }
            // Letters: lower-case, decompose and drop the accents, as JavaScript's
            // toLowerCase().normalize("NFD") and /\p{Mn}/ do; keep letters and digits (\p{L}, \p{N}).
            for folded in String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
                switch folded.properties.generalCategory {
                case .nonspacingMark: continue
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                     .decimalNumber, .letterNumber, .otherNumber:
                    UTF8.encode(folded) { current.append($0) }
                    length += 1
                default: finish()
                }
            }
        }
        finish()
        return terms
    }

    /// Plain text from the HTML of a rendered story: tags dropped (block ends become spaces; a
    /// heading's end also a full stop, so "What it is" does not run into its first sentence), the
    /// entities cmark writes decoded. Tags and spaces are ASCII, so bytes are enough.
    static func plainText(_ html: String) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(html.utf8.count)
        var inTag = false
        var lastWasSpace = true
        let bytes = Array(html.utf8)
        for (index, byte) in bytes.enumerated() {
            if inTag {
                if byte == UInt8(ascii: ">") { inTag = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "<"):
                inTag = true
                if index + 3 < bytes.count, bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "h"),
                   (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[index + 3]),
                   let last = text.last, !".:?!".utf8.contains(last) {
                    text.append(UInt8(ascii: "."))
                    lastWasSpace = false
                }
                if !lastWasSpace { text.append(0x20); lastWasSpace = true }
            case 0x20, 0x0A, 0x09, 0x0D:
                if !lastWasSpace { text.append(0x20) }
                lastWasSpace = true
            default:
                text.append(byte)
                lastWasSpace = false
            }
        }
        if text.last == 0x20 { text.removeLast() }
        var result = String(decoding: text, as: UTF8.self)
        guard text.contains(UInt8(ascii: "&")) else { return result }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        return result
    }

    /// Terms hold only letters and digits, which JSON never escapes.
    static func jsonString(_ term: String) -> String {
        "\"" + term + "\""
    }
}
