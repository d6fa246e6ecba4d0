import Foundation
import Testing
@testable import CasebookKit

/// Random sequences of edits (seeded, so a failure can be replayed) on every real case study: each
/// save reads back as the form it was made from, and the next edit starts from the saved text.
@Suite("Editor: random edits on the real case studies")
struct EditRandomEditsTests {
    /// A small deterministic generator (SplitMix64): the same seed gives the same edits.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let words = EditScalarTests.tricky + ["Plain words here", "A longer sentence that goes on for quite a while, with commas, "
        + "dashes — and enough words to be wrapped when it is written as a folded value in the file."]
    static let typed = ["1200", "1,200 students", "Fall 2023", "2021-09", "2022-23", "0.36", ""]

    /// An optional field left empty is "not given": it reads back as nil.
    static func normalized(_ form: CaseForm) -> CaseForm {
        func opt(_ text: String?) -> String? { text?.isEmpty == true ? nil : text }
        var form = form
        form.place = opt(form.place)
        form.fundingNote = opt(form.fundingNote)
        form.years.end = opt(form.years.end)
        form.metrics = form.metrics.map { m in
            var m = m
            (m.qualifier, m.upper, m.baseline, m.note) = (opt(m.qualifier), opt(m.upper), opt(m.baseline), opt(m.note))
            (m.quote, m.quoteUnavailable, m.derived, m.scope, m.via) = (opt(m.quote), opt(m.quoteUnavailable), opt(m.derived), opt(m.scope), opt(m.via))
            return m
        }
        if var evidence = form.evidence {
            (evidence.studyBy, evidence.note) = (opt(evidence.studyBy), opt(evidence.note))
            form.evidence = evidence
        }
        return form
    }

    static func edit(_ form: inout CaseForm, _ random: inout Seeded) {
        let word = words.randomElement(using: &random)!
        let number = typed.randomElement(using: &random)!
        func shuffle<T>(_ list: inout [T], make: () -> T) {
            switch Int.random(in: 0..<4, using: &random) {
            case 0: list.insert(make(), at: Int.random(in: 0...list.count, using: &random))
            case 1: if !list.isEmpty { list.remove(at: Int.random(in: 0..<list.count, using: &random)) }
            case 2: if list.count > 1 { list.swapAt(0, list.count - 1) }
            default: if !list.isEmpty { list.append(list.removeFirst()) }
            }
        }
        let metric = form.metrics.isEmpty ? nil : Int.random(in: 0..<form.metrics.count, using: &random)
        switch Int.random(in: 0..<16, using: &random) {
        case 0: form.title = word
        case 1: form.summary = word
        case 2: form.place = word
        case 3: form.fundingNote = word
        case 4: shuffle(&form.partners) { word }
        case 5: shuffle(&form.tags) { word }
        case 6: shuffle(&form.funding) { word }
        case 7: form.years.end = number
        case 8: form.featured.toggle(); form.draft.toggle()
        case 9: if let metric { form.metrics[metric].value = number; form.metrics[metric].asOf = number }
        case 10: if let metric { form.metrics[metric].quote = word; form.metrics[metric].note = word }
        case 11: if let metric { form.metrics[metric].highlight.toggle(); form.metrics[metric].label = word }
        case 12: shuffle(&form.metrics) { MetricField(key: "tutors", value: number, asOf: number, source: word, url: word, certainty: "low", quote: word) }
        case 13: shuffle(&form.sources) { SourceField(title: word, url: word) }
        case 14: if form.evidence != nil { form.evidence!.caveat = word; form.evidence!.note = word }
        default: if form.evidence != nil { shuffle(&form.evidence!.sources) { SourceField(title: word, url: word) } }
        }
    }

    /// The real cases, and the files `casebook new` writes (with their comments and flow lists).
    static let paths = EditRoundTripTests.files.map { EditRoundTripTests.caseFolder + "/" + $0 }
        + ["newark-tutoring-corps.md", "ano-quoted-program.md"].map { EditLayoutTests.fixtures + "/" + $0 }

    @Test(arguments: paths)
    func randomEditsReadBackAsTheForm(_ file: String) throws {
        let name = (file as NSString).lastPathComponent
        var random = Seeded(state: UInt64(name.utf8.reduce(0) { $0 &* 31 &+ UInt64($1) }))
        var document = try CaseDocument.open(text: String(contentsOfFile: file, encoding: .utf8), path: "content/case-studies/" + name).get()
        let path = "content/case-studies/" + name
        for step in 0..<100 {
            var form = document.form
            for _ in 0..<Int.random(in: 1...3, using: &random) { Self.edit(&form, &random) }
            let text = document.applying(form)
            guard case .success(let reopened) = CaseDocument.open(text: text, path: path) else {
                Issue.record("\(name) step \(step): the saved text cannot be read\n\(text)")
                return
            }
            #expect(reopened.form == Self.normalized(form), "\(name) step \(step)")
            if reopened.form != Self.normalized(form) {
                Issue.record("the text that does not read back:\n\(text)")
                return
            }
            // Saving what was just read changes nothing.
            #expect(reopened.applying(reopened.form) == text)
            document = reopened
        }
    }
}
