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
