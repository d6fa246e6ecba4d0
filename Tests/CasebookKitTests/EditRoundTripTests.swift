import Foundation
import Testing
@testable import CasebookKit

/// Opening every real case study and saving it, untouched or with one change, in the editor.
@Suite("Editor round trip on the real case studies")
struct EditRoundTripTests {
    static let caseFolder = TestSite.repositoryRoot + "/content/case-studies"
    static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: caseFolder)) ?? [])
        .filter { $0.hasSuffix(".md") }.sorted()

    static func open(_ name: String) throws -> CaseDocument {
        let text = try String(contentsOfFile: caseFolder + "/" + name, encoding: .utf8)
        return try CaseDocument.open(text: text, path: "content/case-studies/" + name).get()
    }

    @Test func thereAreRealCases() {
        #expect(Self.files.count >= 10)
    }

    @Test(arguments: files)
    func untouchedFormSavesTheSameBytes(_ name: String) throws {
        let document = try Self.open(name)
        #expect(document.applying(document.form) == document.text)
        #expect(!document.form.title.isEmpty)
        #expect(!document.form.metrics.isEmpty)
    }
}

extension EditRoundTripTests {
    /// One change a staffer makes in the form, the field whose lines it may touch, and what the
    /// decoder must then read.
    struct Edit {
        var name: String
        /// The key path of the field (in the original file) whose lines may change; "story" for the story.
        var field: String
        var change: (inout CaseForm) -> Void
        var decoded: (CaseStudy, CaseForm) -> Bool
        /// The field whose own checks may fail after the change (a value no longer in its quote).
        var mayBreak: String? = nil
        /// The change removes the field's lines and nothing else.
        var removesField = false
    }

    static func edits(for form: CaseForm, config: SiteConfig) -> [Edit] {
        var edits: [Edit] = [
            Edit(name: "title", field: "title", change: { $0.title = "Fix: the #1 program — Año 🎓 \"quoted\"" },
                 decoded: { study, form in study.title == form.title }),
            Edit(name: "evidence caveat", field: "evidence.caveat", change: { $0.evidence?.caveat = "No" },
                 decoded: { study, form in study.evidence?.study.caveat == "No" }),
            Edit(name: "story", field: "story", change: { $0.story += "\n\nOne more paragraph: with *emphasis* — and “quotes”." },
                 decoded: { study, form in study.body.text == form.story }),
        ]
        let unused = config.tags.map(\.key).first { !form.tags.contains($0) } ?? "zebra"
        edits.append(Edit(name: "tag added", field: "tags", change: { $0.tags.append(unused) },
                          decoded: { study, _ in study.tags.contains(unused) }))
        for index in form.metrics.indices {
            edits.append(Edit(name: "metric \(index) value", field: "metrics.\(index).value",
                              change: { $0.metrics[index].value = "12345" },
                              decoded: { study, _ in study.metrics.count == form.metrics.count ? study.metrics[index].value == 12345 : true },
                              mayBreak: "metrics.\(index)"))
            if form.metrics[index].quote != nil {
                edits.append(Edit(name: "metric \(index) quote", field: "metrics.\(index).quote",
                                  change: { $0.metrics[index].quote! += " (as \"said\": yes)" },
                                  decoded: { study, form in study.metrics.count == form.metrics.count ? study.metrics[index].quote == form.metrics[index].quote : true },
                                  mayBreak: "metrics.\(index)"))
            }
        }
        if form.metrics.count > 1 {
            let last = form.metrics.count - 1
            edits.append(Edit(name: "metric 0 removed", field: "metrics.0", change: { $0.metrics.removeFirst() },
                              decoded: { study, _ in study.metrics.count == last }, removesField: true))
        }
        return edits
    }

    @Test(arguments: files)
    func oneChangeTouchesOnlyItsFieldsLines(_ name: String) throws {
        let document = try Self.open(name)
        let config = try FormCheck(root: TestSite.repositoryRoot).config
        let path = "content/case-studies/" + name
        let fields = FieldMap(text: document.text, parts: document.parts)
        for edit in Self.edits(for: document.form, config: config) {
            var form = document.form
            edit.change(&form)
            let text = document.applying(form)
            let allowed = edit.field == "story" ? document.parts.bodyFirstLine...Int.max : try #require(fields.lines(of: edit.field), "\(edit.name)")
            let diff = LineDiff(old: document.text, new: text)
            #expect(!diff.isEmpty, "\(name): \(edit.name) changed nothing")
            if edit.removesField {
                var lines = document.text.components(separatedBy: "\n")
                lines.removeSubrange((allowed.lowerBound - 1)..<allowed.upperBound)
                #expect(text == lines.joined(separator: "\n"), "\(name): \(edit.name) is not the field's lines removed")
            } else {
                for line in diff.removedLines {
                    #expect(allowed.contains(line), "\(name): \(edit.name) removed line \(line) outside \(allowed)\n\(text)")
                }
                for line in diff.insertedBefore {
                    #expect(allowed.contains(line) || allowed.contains(line - 1), "\(name): \(edit.name) added lines at \(line) outside \(allowed)")
                }
            }
            let reopened = try CaseDocument.open(text: text, path: path).get()
            #expect(reopened.form == form, "\(name): \(edit.name) does not read back as the edited form")
            let (study, diagnostics) = CaseStudyDecoder.decode(text: text, path: path, config: config)
            if let study {
                #expect(edit.decoded(study, form), "\(name): \(edit.name): the decoder reads something else")
            } else {
                // Only the checks on what was changed may fail (a value no longer in its quote).
                let broken = try #require(edit.mayBreak.flatMap { FieldMap(text: text, parts: reopened.parts).lines(of: $0) },
                                          "\(name): \(edit.name): \(diagnostics.map(\.formatted))")
                #expect(diagnostics.filter { $0.severity == .error }.allSatisfy { broken.contains($0.location.line) },
                        "\(name): \(edit.name): \(diagnostics.map(\.formatted))")
            }
        }
    }
}

/// Which lines of a text changed: the old lines removed and where new lines were added, from the
/// longest common subsequence of lines.
struct LineDiff {
    /// 1-based lines of the old text that are not in the new one.
    var removedLines: [Int] = []
    /// 1-based old line numbers before which new lines appear (old count + 1 for the end).
    var insertedBefore: [Int] = []
    var isEmpty: Bool { removedLines.isEmpty && insertedBefore.isEmpty }

    init(old: String, new: String) {
        let a = old.components(separatedBy: "\n"), b = new.components(separatedBy: "\n")
        var lengths = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                (i, j) = (i + 1, j + 1)
            } else if j < b.count, i == a.count || lengths[i][j + 1] >= lengths[i + 1][j] {
                insertedBefore.append(i + 1)
                j += 1
            } else {
                removedLines.append(i + 1)
                i += 1
            }
        }
    }
}

extension EditRoundTripTests {
    /// Many changes in one save, on every real case: the file reads back as the edited form, and the
    /// lines no change reached are all still there, in order.
    @Test(arguments: files)
    func manyChangesAtOnceReadBackAsTheForm(_ name: String) throws {
        let document = try Self.open(name)
        var form = document.form
        form.title += " (renamed)"
        form.partners.insert("A partner: new", at: 0)
        form.place = form.place == nil ? "Somewhere" : nil
        form.fundingNote = "Paid for by \"someone\"."
        form.years.end = form.years.end == nil ? "2030" : nil
        form.tags.removeFirst(min(1, form.tags.count))
        form.featured.toggle()
        form.draft.toggle()
        form.image = ImageField(src: "/images/a.jpg", alt: "A picture")
        form.metrics.reverse()
        form.metrics[0].note = nil
        form.metrics[0].label = "Relabelled: " + form.metrics[0].label
        form.metrics.append(MetricField(key: "tutors", value: "40", asOf: "2021", source: "S", url: "https://reports.casebook.test/t",
                                        certainty: "low", highlight: true, quote: "40 tutors"))
        let note = form.evidence?.note
        form.evidence?.note = note == nil ? "A note." : nil
        form.evidence?.sources.append(SourceField(title: "A study", url: "https://reports.casebook.test/s"))
        form.sources.reverse()
        form.story = "Rewritten."
        let text = document.applying(form)
        let reopened = try CaseDocument.open(text: text, path: "content/case-studies/" + name).get()
        #expect(reopened.form == form, "\(name)")
        // Untouched: the comment lines and the fields the form does not know.
        let frontMatter = document.text.components(separatedBy: "\n").prefix(document.parts.bodyFirstLine - 1)
        let kept = frontMatter.filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") || $0.hasPrefix("slug:") }
        #expect(kept.allSatisfy { text.contains($0) })
        #expect(document.text.contains("  elsewhere:") == text.contains("  elsewhere:"))
    }
}
