import Foundation
@testable import CasebookKit

/// A small site in a fresh temporary folder, using the repository's real templates.
struct TestSite {
    let root: String
    var output: String { root + "/public" }

    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.path + "/Package.swift") { return url.path }
        }
        fatalError("cannot find the repository root")
    }()

    static let siteYAML = """
    title: Test Showcase
    tagline: A tagline
    description: A description.
    base_url: https://casebook.test/
    language: en
    author: Test Editors
    contact: editors@casebook.test
    strategies:
      tutoring:
        label: Tutoring
        description: Small groups, same tutor.
      mentoring:
        label: Mentoring
        description: A caring adult.
    funding:
      esser:
        label: ESSER
      philanthropy:
        label: Philanthropy
    metric_groups:
      reach:
        label: Reach
      outcomes:
        label: Results
      money:
        label: Money
    evidence_designs:
      randomized:
        label: Randomized study
        short: Randomized
        description: Assigned by lottery.
      comparison-group:
        label: Comparison-group study
        short: Comparison group
        description: Compared with similar students.
      before-after:
        label: Before and after, no comparison group
        short: Before and after
        description: Measured twice.
      none:
        label: No outcome evidence found
        short: None found
        no_evidence: true
        description: Nothing found.
    metrics:
      students_served:
        label: Students served
        unit: count
        aggregate: sum
        group: reach
        chart: true
      investment:
        label: Investment
        unit: usd
        group: money
      cost_per_student:
        label: Cost per student
        unit: usd
        group: money
      proficiency:
        label: Students at grade level
        unit: percent
        group: outcomes
    roles:
      students_reached: students_served
      cost_per_student: [cost_per_student]
      money: [investment]
      results_group: outcomes
      tracked_funding: esser
    """

    /// The default evidence block: no study found.
    static let noEvidence = """
    evidence:
      design: none
      finding: No study of results was found.
      caveat: Only counts of what the program did are known.
    """

    /// A valid case study; `extra` lines are added to the front matter.
    static func caseStudy(title: String = "Alpha Tutoring", state: String = "NJ", strategy: String = "tutoring",
                          extra: String = "", evidence: String = noEvidence,
                          body: String = "## What it is\n\nA program.\n") -> String {
        """
        ---
        title: \(title)
        summary: A summary of \(title).
        organization: Alpha Org
        state: \(state)
        strategy: \(strategy)
        funding: [philanthropy]
        years: {start: 2021, end: 2023}
        tags: [math, elementary]
        date: 2023-05-01
        \(extra.isEmpty ? "" : extra + "\n")metrics:
          - key: students_served
            value: 2000
            as_of: 2021
            source: Example News, 2021
            url: https://reports.casebook.test/news
            certainty: medium
            highlight: true
            quote: More than 2,000 students were tutored.
        \(evidence)
        ---
        \(body)
        """
    }

    init(copyTemplates: Bool = true) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("casebook-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/content/case-studies", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/content/pages", withIntermediateDirectories: true)
        if copyTemplates {
            try FileManager.default.copyItem(atPath: Self.repositoryRoot + "/templates", toPath: root + "/templates")
        }
        try write("content/site.yml", Self.siteYAML)
    }

    func write(_ relative: String, _ text: String) throws {
        try write(relative, Data(text.utf8))
    }

    func write(_ relative: String, _ data: Data) throws {
        let path = root + "/" + relative
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path))
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: output + "/" + relative, encoding: .utf8)
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: output + "/" + relative)
    }

    func build(_ configure: (inout BuildOptions) -> Void = { _ in }) throws -> BuildReport {
        var options = BuildOptions(root: root)
        configure(&options)
        return try SiteBuilder().build(options)
    }

    /// Diagnostics of a check-only run.
    func check(strict: Bool = false) throws -> [Diagnostic] {
        try build { $0.dryRun = true; $0.strict = strict }.diagnostics
    }

    /// Every file under the output folder with its bytes, for comparing whole builds.
    func snapshot() throws -> [String: Data] {
        try Self.snapshot(of: output)
    }

    static func snapshot(of folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path)) }
        }
        return files
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}
