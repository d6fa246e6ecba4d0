import Foundation

/// Where a run of items (terms, documents) is cut into shard files: after an item once the shard
/// holds at least half the target, if the item's name hashes to a cut point (one in four), or at
/// twice the target whatever the name. A cut depends only on the items around it, so an edit that
/// changes one item changes its own shard and leaves the other shards' bytes as they were; a clean
/// build and a rebuild after the edit cut the same way.
struct ShardCut {
    let target: Int

    func cutsAfter(name: String, bytes: Int) -> Bool {
        bytes >= target * 2 || (bytes >= target / 2 && FNV1a.hash(name) & 3 == 0)
    }
}

/// The search index's files (`SearchIndex`), and what they were made from, kept between rebuilds:
/// each term's posting list and encoded entry, each document, and each shard's bytes. `updated(to:)`
/// makes the files for new documents, redoing only the terms and documents that changed when the
/// documents are the same ones (by address, in the same order) as before; otherwise all.
struct SearchShards: Sendable {
    private(set) var documents: [SearchIndex.Document] = []
    /// Every document's address, in order: the identity of each document number.
    private var addresses: [String] = []
    /// Term → its documents, `id << 2 | weight`, sorted by id.
    private var postings: [String: [UInt32]] = [:]
    /// Term → its entry in a shard (`"term":[…]`).
    private var entries: [String: String] = [:]
    /// The terms in JavaScript's string order (UTF-16 code units).
    private var sortedTerms: [String] = []
    /// Each shard as last made: its first and last item and its bytes, reused while they match.
    private var termShards: [Shard] = []
    private var documentShards: [Shard] = []

    private struct Shard: Sendable {
        var first: String
        var last: String
        var count: Int
        var data: Data
        var digest: UInt64
    }

    /// The files for `documents` (manifest first), and the state to keep for the next build.
    /// - Parameter cases: how many of the documents, first, are case studies (search.js ranks them
    ///   above pages for the same match); nil: all.
    func updated(to documents: [SearchIndex.Document], addresses: [String], cases: Int? = nil) -> (files: [MadeFile], state: SearchShards) {
        var next = self
        var dirtyTerms = Set<String>()
        var dirtyDocuments: Set<Int>? = []
        if addresses == self.addresses && !self.addresses.isEmpty {
            // Unchanged documents come from the build cache, the very same values: comparing them is quick.
            for id in documents.indices where documents[id] != self.documents[id] {
                next.replace(id, old: self.documents[id].terms, new: documents[id].terms, dirty: &dirtyTerms)
                dirtyDocuments?.insert(id)
            }
        } else {
            next = SearchShards()
            next.build(documents)
            dirtyTerms = Set(next.postings.keys)
            dirtyDocuments = nil
        }
        next.documents = documents
        next.addresses = addresses
        for term in dirtyTerms {
            if let list = next.postings[term] { next.entries[term] = Self.entry(term, list) } else { next.entries[term] = nil }
        }
        let files = next.makeFiles(dirtyTerms: dirtyTerms, dirtyDocuments: dirtyDocuments, cases: cases ?? documents.count)
        return (files, next)
    }

    private mutating func build(_ documents: [SearchIndex.Document]) {
        for (id, document) in documents.enumerated() {
            for (term, weight) in document.terms {
                postings[term, default: []].append(UInt32(id) << 2 | UInt32(weight))
            }
        }
        sortedTerms = postings.keys.sorted(by: Self.precedes)
    }

    /// Moves document `id` from its old terms to its new ones.
    private mutating func replace(_ id: Int, old: [String: UInt8], new: [String: UInt8], dirty: inout Set<String>) {
        let key = UInt32(id) << 2
        for (term, weight) in old where new[term] != weight {
            guard var list = postings[term], let at = list.firstIndex(where: { $0 >> 2 == UInt32(id) }) else { continue }
            list.remove(at: at)
            dirty.insert(term)
            if list.isEmpty {
                postings[term] = nil
                if let position = position(of: term) { sortedTerms.remove(at: position) }
            } else {
                postings[term] = list
            }
        }
        for (term, weight) in new where old[term] != weight {
            dirty.insert(term)
            if var list = postings[term] {
                let at = list.firstIndex { $0 >> 2 > UInt32(id) } ?? list.endIndex
                list.insert(key | UInt32(weight), at: at)
                postings[term] = list
            } else {
                postings[term] = [key | UInt32(weight)]
                let at = insertionPoint(of: term)
                sortedTerms.insert(term, at: at)
            }
        }
    }

    private func insertionPoint(of term: String) -> Int {
        var low = 0, high = sortedTerms.count
        while low < high {
            let middle = (low + high) / 2
            if Self.precedes(sortedTerms[middle], term) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func position(of term: String) -> Int? {
        let at = insertionPoint(of: term)
        return at < sortedTerms.count && sortedTerms[at] == term ? at : nil
    }

    /// JavaScript's string order.
    private static func precedes(_ a: String, _ b: String) -> Bool { a.utf16.lexicographicallyPrecedes(b.utf16) }

    /// `"term":[(document − previous document) × 4 + weight, …]`.
    private static func entry(_ term: String, _ list: [UInt32]) -> String {
        var entry = SearchIndex.jsonString(term) + ":["
        var previous: UInt32 = 0
        for (n, posting) in list.enumerated() {
            let id = posting >> 2
            if n > 0 { entry += "," }
            entry += String((id - previous) * 4 + (posting & 3))
            previous = id
        }
        return entry + "]"
    }

    /// - Parameter dirtyDocuments: the documents that changed; nil when all may have.
    private mutating func makeFiles(dirtyTerms: Set<String>, dirtyDocuments: Set<Int>?, cases: Int) -> [MadeFile] {
        // Term shards: reused where the same terms, none of them changed, fall in the same shard.
        let termCut = ShardCut(target: SearchIndex.shardTarget)
        var shards: [Shard] = []
        var start = 0, bytes = 0
        let previousByFirst = Dictionary(termShards.map { ($0.first, $0) }, uniquingKeysWith: { a, _ in a })
        func closeTerms(_ end: Int) {
            let first = sortedTerms[start], last = sortedTerms[end - 1]
            if let kept = previousByFirst[first], kept.last == last, kept.count == end - start,
               !sortedTerms[start..<end].contains(where: dirtyTerms.contains) {
                shards.append(kept)
            } else {
                let data = Data(("{" + sortedTerms[start..<end].map { entries[$0]! }.joined(separator: ",") + "}\n").utf8)
                shards.append(Shard(first: first, last: last, count: end - start, data: data, digest: FNV1a.hash(data)))
            }
            start = end
            bytes = 0
        }
        for (n, term) in sortedTerms.enumerated() {
            bytes += entries[term]!.utf8.count + 1
            if termCut.cutsAfter(name: term, bytes: bytes) { closeTerms(n + 1) }
        }
        if start < sortedTerms.count { closeTerms(sortedTerms.count) }
        termShards = shards

        // Document shards: the same, by the documents' addresses.
        let documentCut = ShardCut(target: SearchIndex.documentShardTarget)
        var documentShards: [Shard] = []
        let previousDocumentsByFirst = Dictionary(self.documentShards.map { ($0.first, $0) }, uniquingKeysWith: { a, _ in a })
        start = 0
        bytes = 0
        func closeDocuments(_ end: Int) {
            let first = addresses[start], last = addresses[end - 1]
            if let kept = previousDocumentsByFirst[first], kept.last == last, kept.count == end - start,
               let dirtyDocuments, !(start..<end).contains(where: dirtyDocuments.contains) {
                documentShards.append(kept)
            } else {
                let data = Data(("[" + documents[start..<end].map(\.json).joined(separator: ",\n") + "]\n").utf8)
                documentShards.append(Shard(first: first, last: last, count: end - start, data: data, digest: FNV1a.hash(data)))
            }
            start = end
            bytes = 0
        }
        for (id, document) in documents.enumerated() {
            bytes += document.json.utf8.count + 2
            if documentCut.cutsAfter(name: addresses[id], bytes: bytes) { closeDocuments(id + 1) }
        }
        if start < documents.count { closeDocuments(documents.count) }
        self.documentShards = documentShards

        var files: [MadeFile] = []
        var firstDocuments: [Int] = []
        var next = 0
        for shard in documentShards { firstDocuments.append(next); next += shard.count }
        // The version: a fingerprint of every file's name and bytes (each file's own digest kept).
        var version = FNV1a()
        for (n, shard) in shards.enumerated() {
            let path = "\(SearchIndex.folder)/terms/\(n).json"
            files.append(MadeFile(path, shard.data, fingerprint: shard.digest))
            version.add(path)
            version.add(shard.digest)
        }
        for (n, shard) in documentShards.enumerated() {
            let path = "\(SearchIndex.folder)/docs/\(n).json"
            files.append(MadeFile(path, shard.data, fingerprint: shard.digest))
            version.add(path)
            version.add(shard.digest)
        }
        let text = DataExport.jsonText(Manifest(format: 2, version: version.hex, documents: documents.count, cases: cases,
                                                shards: shards.map(\.first), document_shards: firstDocuments,
                                                stop_words: SearchIndex.stopWords))
        return [MadeFile(SearchIndex.manifest, Data((text + "\n").utf8))] + files
    }

    private struct Manifest: Encodable {
        var format: Int
        var version: String
        var documents: Int
        var cases: Int
        var shards: [String]
        var document_shards: [Int]
        var stop_words: [String]
    }
}

/// 64-bit FNV-1a: a stable fingerprint (Swift's own hashing is seeded per run).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) { for byte in text.utf8 { add(byte) } }
    mutating func add(_ data: Data) { data.withUnsafeBytes { for byte in $0 { add(byte) } } }
    mutating func add(_ number: UInt64) { withUnsafeBytes(of: number.littleEndian) { for byte in $0 { add(byte) } } }
    @inline(__always) private mutating func add(_ byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* 0x0000_0100_0000_01B3
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    static func hash(_ text: String) -> UInt64 { var hash = FNV1a(); hash.add(text); return hash.value }
    static func hash(_ data: Data) -> UInt64 { var hash = FNV1a(); hash.add(data); return hash.value }
}
