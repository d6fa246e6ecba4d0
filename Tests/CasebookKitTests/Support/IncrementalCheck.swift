import Foundation
import Testing
@testable import CasebookKit

extension TestSite {
    /// Rebuilds with `builder` after `changed`, then checks the output against a clean build of the
    /// same content in another folder, file for file and byte for byte.
    @discardableResult
    func rebuildMatchingACleanBuild(_ builder: IncrementalBuilder, changed: Set<String>,
                                    sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws -> IncrementalBuilder.Result {
        let result = try await builder.build(changed: changed)
        #expect(result.report.succeeded, "\(result.report.diagnostics.map(\.formatted))", sourceLocation: sourceLocation)
        let cleanFolder = root + "/clean"
        try? FileManager.default.removeItem(atPath: cleanFolder)
        let clean = try SiteBuilder().build(BuildOptions(root: root, output: cleanFolder))
        #expect(clean.succeeded, sourceLocation: sourceLocation)
        let incremental = try snapshot(), expected = try TestSite.snapshot(of: cleanFolder)
        #expect(incremental.keys.sorted() == expected.keys.sorted(), sourceLocation: sourceLocation)
        for (file, data) in expected where incremental[file] != data {
            Issue.record("\(file) differs from a clean build", sourceLocation: sourceLocation)
        }
        return result
    }
}
