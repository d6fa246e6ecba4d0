import Foundation

/// `casebook new`: writes a starting file with every field present and explained. New files are
/// drafts, so they build at once with `--drafts` but are not published until an author finishes them.
public struct Scaffold: Sendable {
    /// Text that marks a value the author still has to fill in; a published case study must not contain it.
    public static let placeholder = "REPLACE"

    public let fileSystem: any FileSystem
    public let root: String

    public init(fileSystem: any FileSystem = LocalFileSystem(), root: String) {
        self.fileSystem = fileSystem
        self.root = root
    }

    /// Writes `content/case-studies/<slug>.md` and returns its path relative to the root.
    /// A `--strategy` that site.yml does not define, as a mistake on the command line (told before
    /// anything is written); nil when it is defined, or when site.yml cannot be read (`newCaseStudy`
    /// says why).
    public func strategyMistake(_ key: String) -> BuildError? {
        guard let config = try? loadConfig() else { return nil }
        return Self.unknownStrategy(key, in: config)
    }

    private static func unknownStrategy(_ key: String, in config: SiteConfig) -> BuildError? {
        guard config.strategy(key) == nil else { return nil }
        return BuildError("unknown strategy `\(key)`", hint: Suggestion.hint(for: key, in: config.strategies.map(\.key)))
    }

    public func newCaseStudy(title: String, state: String?, strategy: String?) throws(BuildError) -> String {
        let config = try loadConfig()
        // A state's name is taken for its code: `--state Ohio` writes `state: OH`.
        guard let stateCode = USState.from(codeOrName: state ?? "US")?.code else {
            throw BuildError("`\(state ?? "")` is not a state", hint: USState.hint(for: state ?? ""))
        }
        let strategyKey = strategy ?? config.strategies.first?.key ?? "tutoring"
        if let mistake = Self.unknownStrategy(strategyKey, in: config) { throw mistake }
        guard let path = CaseDocument.newFilePath(title: title) else {
            throw BuildError("the title needs at least one letter or digit",
                             hint: "for example: casebook new case-study \"Newark Tutoring Corps\"")
        }
        let text = CaseDocument.newFileText(startingForm(title: title, state: stateCode, strategy: strategyKey, config: config),
                                            config: config)
        return try write(text, to: path)
    }

    /// What a new case study starts with: a placeholder in every value the author has to fill in, and
    /// for the evidence the weakest honest starting point ("none found").
    func startingForm(title: String, state: String, strategy: String, config: SiteConfig) -> CaseForm {
        let placeholder = Self.placeholder
        let metric = MetricField(
            key: config.roles.studentsReached ?? config.metrics.first?.key ?? placeholder,
            label: "\(placeholder) What exactly was counted, and when", value: "0", asOf: "2021",
            source: "\(placeholder) Publisher, date", url: "https://example.org/\(placeholder)", certainty: "medium",
            highlight: true, quote: "\(placeholder) The source's own sentence that states the number (now 0), verbatim and short")
        let none = config.evidenceDesigns.first(where: \.noEvidence) ?? config.evidenceDesigns.last
        return CaseForm(
            title: title, summary: "\(placeholder) One sentence for cards and feeds.",
            organization: "\(placeholder) Who runs the program", state: state,
            place: "\(placeholder) City, district or Statewide", strategy: strategy,
            fundingNote: "\(placeholder) What paid for the program, and whether a link to ESSER was documented.",
            years: CaseForm.Years(start: "2021"), date: "2025-01-01", draft: true, metrics: [metric],
            evidence: none.map { EvidenceField(
                design: $0.key, finding: "\(placeholder) One or two sentences on what was measured, what was found, and its limits.",
                caveat: "\(placeholder) One line on what the evidence cannot show.") },
            story: """
                ## What it is

                \(placeholder) What the program is, in two or three sentences.

                ## How it works

                ## What it cost

                ## What the evidence shows

                ## What we don't know
                """)
    }

    /// Writes `content/pages/<name>.md` and returns its path relative to the root.
    public func newPage(name: String) throws(BuildError) -> String {
        let slug = Slug.make(from: name)
        guard !slug.isEmpty else { throw BuildError("the page name needs at least one letter or digit",
                                                            hint: "for example: casebook new page \"About the data\"") }
        let text = """
        ---
        title: \(ScalarWriter.doubleQuoted(name))
        summary: \(Self.placeholder) One sentence about this page.
        # menu: 4                          # uncomment to list the page in the main navigation, in this order
        draft: true
        ---
        \(Self.placeholder) The page's text, in Markdown. Cite every figure with a link to its source.

        """
        return try write(text, to: "content/pages/\(slug).md")
    }

    private func loadConfig() throws(BuildError) -> SiteConfig {
        guard let data = try? fileSystem.readFile(at: root + "/" + SiteConfigDecoder.file),
              let config = SiteConfigDecoder.decode(String(decoding: data, as: UTF8.self)).0 else {
            throw BuildError("cannot read content/site.yml", hint: "run `casebook check` to see what is wrong with it")
        }
        return config
    }

    private func write(_ text: String, to relative: String) throws(BuildError) -> String {
        let path = root + "/" + relative
        if fileSystem.fileExists(at: path) {
            throw BuildError("\(relative) already exists; nothing was written", hint: "choose another name, or edit the existing file")
        }
        do {
            try fileSystem.createDirectory(at: (path as NSString).deletingLastPathComponent)
            try fileSystem.writeFile(Data(text.utf8), to: path)
        } catch {
            throw BuildError("could not write \(relative): \(OutputWriter.describe(error))",
                             hint: "check that the folder exists and is writable")
        }
        return relative
    }
}
