import Foundation
import Testing
@testable import CasebookKit

/// The search index as the browser reads it: the manifest, the term shards and the document shards.
struct BuiltSearchIndex {
    var manifest: [String: Any]
    /// Term → [(document id, weight)], decoded from every shard.
    var postings: [String: [(id: Int, weight: Int)]] = [:]
    /// Each shard's terms, in file order.
    var shardTerms: [[String]] = []
    var documents: [[String: Any]] = []

    init(folder: String) throws {
        func json(_ path: String) throws -> Any {
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/search-index/" + path)))
        }
        manifest = try json("manifest.json") as! [String: Any]
        let shards = manifest["shards"] as! [String]
        for n in shards.indices {
            let text = try String(contentsOfFile: folder + "/search-index/terms/\(n).json", encoding: .utf8)
            // Keys in file order: JSONSerialization forgets it, so read them from the text.
            let keys = text.matches(of: /"([^"]+)":\[/).map { String($0.1) }
            shardTerms.append(keys)
            let terms = try json("terms/\(n).json") as! [String: [Int]]
            for (term, list) in terms {
                var id = 0
                postings[term] = list.map { posting in id += posting / 4; return (id, posting % 4) }
            }
        }
        // Each document shard holds consecutive documents from the number the manifest gives.
        let firsts = manifest["document_shards"] as! [Int]
        for (n, first) in firsts.enumerated() {
            let shard = try json("docs/\(n).json") as! [[String: Any]]
            #expect(first == documents.count, "shard \(n) starts at document \(first), not \(documents.count)")
            documents += shard
        }
        #expect(documents.count == manifest["documents"] as! Int)
    }

    /// Titles of the documents holding `term`.
    func titles(_ term: String) -> Set<String> {
        Set((postings[term] ?? []).map { documents[$0.id]["title"] as! String })
    }

    func weight(_ term: String, in title: String) -> Int? {
        postings[term]?.first { documents[$0.id]["title"] as? String == title }?.weight
    }
}

@Suite("The search index")
struct SearchIndexTests {
    static let texasCase = TestSite.caseStudy(
        title: "Lone Star Tutors", state: "TX", strategy: "tutoring",
        extra: """
        place: Houston
        partners: [Rice University]
        """,
        evidence: """
        evidence:
          design: randomized
          study_by: independent
          finding: Scores rose.
          caveat: One city only.
          sources:
            - title: A study
              url: https://reports.casebook.test/study
        """,
        body: "## How it works\n\nTutors meet students in the *zeppelin* room & read together.\n")
        .replacingOccurrences(of: "organization: Alpha Org", with: "organization: Houston Independent School District")

    static func texasCaseWithCost() -> String {
        texasCase.replacingOccurrences(of: "    quote: More than 2,000 students were tutored.\n", with: """
            quote: More than 2,000 students were tutored.
          - key: cost_per_student
            value: 1200
            as_of: 2022
            source: Example News, 2022
            url: https://reports.casebook.test/cost
            certainty: medium
            quote: It cost $1,200 a student.

        """)
    }

    func makeSite() throws -> TestSite {
        let site = try TestSite()
        try site.write("content/case-studies/lone-star.md", Self.texasCaseWithCost())
        try site.write("content/case-studies/garden.md", TestSite.caseStudy(title: "Garden State Mentors", state: "NJ", strategy: "mentoring"))
        try site.write("content/pages/about.md", "---\ntitle: About\nsummary: Who we are.\nmenu: 1\n---\nWe collect *programmes* that help.\n")
        return site
    }

    @Test func indexesStoryOrganisationsPartnersFiguresAndStates() throws {
        let site = try makeSite()
        defer { site.remove() }
        let report = try site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.formatted))")
        let index = try BuiltSearchIndex(folder: site.output)
        // The cases, the plain pages, then each strategy's and state's list of cases (found by name).
        #expect(index.manifest["documents"] as? Int == 7 && index.manifest["cases"] as? Int == 2)
        #expect(index.documents.map { $0["title"] as! String }
                == ["Garden State Mentors", "Lone Star Tutors", "About", "Tutoring", "Mentoring", "New Jersey", "Texas"])

        // State codes and names, the story, organisations, partners, figure labels and evidence.
        #expect(index.titles("tx") == ["Lone Star Tutors"])
        #expect(index.titles("texas") == ["Lone Star Tutors", "Texas"])
        #expect(index.titles("nj") == ["Garden State Mentors"])
        #expect(index.titles("zeppelin") == ["Lone Star Tutors"])
        #expect(index.titles("rice") == ["Lone Star Tutors"])
        #expect(index.titles("independent") == ["Lone Star Tutors"])
        for word in ["cost", "per", "student"] { #expect(index.titles(word).contains("Lone Star Tutors"), "\(word)") }
        #expect(!index.titles("cost").contains("Garden State Mentors"))
        #expect(index.titles("randomized") == ["Lone Star Tutors"])
        #expect(index.titles("programmes") == ["About"])
        // Stop words and one-letter words are left out; markup never becomes a term.
        #expect(index.postings["the"] == nil && index.postings["em"] == nil && index.postings["amp"] == nil)
        // Weights: title 3, details 2, story 1.
        #expect(index.weight("lone", in: "Lone Star Tutors") == 3)
        #expect(index.weight("houston", in: "Lone Star Tutors") == 2)
        #expect(index.weight("zeppelin", in: "Lone Star Tutors") == 1)

        // What a result shows, and the story as plain text for its snippet.
        let texas = index.documents[1]
        #expect(texas["url"] as? String == "/case-studies/lone-star/")
        #expect(texas["place"] as? String == "Houston, Texas")
        #expect(texas["strategy"] as? String == "Tutoring")
        #expect(texas["evidence"] as? String == "Randomized study")
        #expect(texas["organization"] as? String == "Houston Independent School District")
        #expect(texas["partners"] as? String == "Rice University")
        #expect(texas["state"] as? String == "TX" && texas["state_name"] as? String == "Texas")
        #expect((texas["figures"] as? String)?.contains("Cost per student") == true)
        #expect(texas["body"] as? String == "How it works. Tutors meet students in the zeppelin room & read together.")
        let about = index.documents[2]
        #expect(about["url"] as? String == "/about/" && about["place"] == nil && about["evidence"] == nil)

        // No single file of everything any more.
        #expect(!site.exists("search-index.json"))
        #expect(try site.read("search/index.html").contains(#"<script src="/assets/search.js" defer></script>"#))
        #expect(try site.read("search/index.html").contains(#"data-index="/search-index/manifest.json""#))
        #expect(!(try site.read("index.html")).contains("search.js"), "only the search page loads search.js")
    }

    @Test func shardsAreSortedAndSplitBySize() throws {
        // 400 documents with 40 words of their own each: far more than one shard's worth.
        let documents = (0..<400).map { n in
            SearchIndex.document(SearchIndex.Fields(
                title: "Program \(n)", url: "/p/\(n)/", summary: "Shared words here.",
                body: (0..<40).map { "w\(n)x\($0)" }.joined(separator: " "), keywords: ""))
        }
        let files = SearchShards().updated(to: documents, addresses: (0..<400).map { "/p/\($0)/" }).files
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casebook-search-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for file in files {
            let path = folder + "/" + file.path
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try file.data.write(to: URL(fileURLWithPath: path))
        }
        let index = try BuiltSearchIndex(folder: folder)
        let firsts = index.manifest["shards"] as! [String]
        #expect(firsts.count > 5)
        #expect(firsts == index.shardTerms.map { $0[0] })
        // Every term in order, each in exactly one shard, each shard below the next one's first term.
        let all = index.shardTerms.flatMap { $0 }
        #expect(all == all.sorted() && Set(all).count == all.count)
        for (n, terms) in index.shardTerms.enumerated() where n + 1 < firsts.count {
            #expect(terms.last! < firsts[n + 1])
        }
        // Cut where a term's name says (ShardCut), never past twice the target.
        for file in files where file.path.contains("/terms/") {
            #expect(file.data.count < 2 * SearchIndex.shardTarget + 2_000, "\(file.path): \(file.data.count) bytes")
        }
        // Postings decode to the right documents: "shared" is everywhere (detail weight), "w7x3" in one.
        #expect(index.postings["shared"]!.map(\.id) == Array(0..<400))
        #expect(index.postings["shared"]!.allSatisfy { $0.weight == 2 })
        #expect(index.postings["w7x3"]!.map(\.id) == [7])
        // The manifest stays small next to the whole index.
        let manifestBytes = files.first { $0.path == SearchIndex.manifest }!.data.count
        #expect(manifestBytes * 20 < files.reduce(0) { $0 + $1.data.count })
    }

    @Test func foldsTermsTheWaySearchJSDoes() {
        #expect(SearchIndex.terms("Café d’Alène — TX-based, 2022-23: the ÉCOLE") == ["cafe", "alene", "tx", "based", "2022", "23", "ecole"])
        #expect(SearchIndex.plainText("<p>Tom &amp; Jerry&#39;s <em>café</em></p>\n<ul>\n<li>one</li>\n</ul>") == "Tom & Jerry's café one")
    }

    @Test func twoBuildsWriteTheSameIndex() throws {
        let site = try makeSite()
        defer { site.remove() }
        _ = try site.build()
        let first = try site.snapshot().filter { $0.key.hasPrefix("search-index/") }
        _ = try site.build()
        let second = try site.snapshot().filter { $0.key.hasPrefix("search-index/") }
        #expect(first.count >= 3 && first == second)  // the manifest, a term shard and a document shard at least
    }
}

/// The search index kept between rebuilds (`SearchShards`): after an edit it redoes only what changed,
/// and what it writes is byte for byte what a clean build writes.
@Suite struct SearchShardsTests {
    /// 400 documents of made-up words, so the index has many term and document shards.
    static func documents(editing edited: Int? = nil, word: String = "quokka", keyword: String? = nil) -> [SearchIndex.Document] {
        (0..<400).map { n in
            let words = (0..<60).map { k in "w\((n * 7 + k * 13) % 997)x\(k % 5)" }.joined(separator: " ")
            let body = n == edited && keyword == nil ? words + " " + word : words
            return SearchIndex.document(SearchIndex.Fields(title: "Case \(n)", url: "/case-studies/c\(n)/", summary: "Summary \(n)",
                                                           body: body, keywords: n == edited ? keyword ?? "" : ""))
        }
    }

    static let addresses = (0..<400).map { "/case-studies/c\($0)/" }

    @Test func anEditRedoesOnlyItsShardsAndMatchesACleanBuild() {
        let (before, kept) = SearchShards().updated(to: Self.documents(), addresses: Self.addresses)
        #expect(before.filter { $0.path.contains("/terms/") }.count > 5)
        #expect(before.filter { $0.path.contains("/docs/") }.count > 5)
        // A story word, a first and a last document, a word already indexed elsewhere, and a keyword
        // (a tag): searchable but not in the document's JSON.
        for (edited, word, keyword) in [(200, "quokka", nil), (0, "aardvark", nil), (399, "w1x1", nil), (150, "", "wombat")] {
            let after = Self.documents(editing: edited, word: word, keyword: keyword)
            let (incremental, _) = kept.updated(to: after, addresses: Self.addresses)
            let (clean, _) = SearchShards().updated(to: after, addresses: Self.addresses)
            #expect(incremental.map(\.path) == clean.map(\.path))
            #expect(incremental.map(\.data) == clean.map(\.data), "document \(edited) edited")
            // The manifest, the edited document's shard and the shards of its changed terms; not the rest.
            let old = Dictionary(uniqueKeysWithValues: before.map { ($0.path, $0.data) })
            let changed = incremental.filter { old[$0.path] != $0.data }.map(\.path)
            #expect(changed.count <= 4, "\(changed)")
        }
    }

    @Test func documentsAddedOrRemovedRebuildTheIndexTheSameWay() {
        let (_, kept) = SearchShards().updated(to: Self.documents(), addresses: Self.addresses)
        let fewer = Array(Self.documents().dropFirst(3)), addresses = Array(Self.addresses.dropFirst(3))
        #expect(kept.updated(to: fewer, addresses: addresses).files.map(\.data)
                == SearchShards().updated(to: fewer, addresses: addresses).files.map(\.data))
    }
}
