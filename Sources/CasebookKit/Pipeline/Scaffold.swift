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
        guard let config = try? loadConfig(), config.strategy(key) == nil else { return nil }
        return BuildError("unknown strategy `\(key)`", hint: Suggestion.hint(for: key, in: config.strategies.map(\.key)))
    }

    public func newCaseStudy(title: String, state: String?, strategy: String?) throws(BuildError) -> String {
        let config = try loadConfig()
        // A state's name is taken for its code: `--state Ohio` writes `state: OH`.
        guard let stateCode = USState.from(codeOrName: state ?? "US")?.code else {
            throw BuildError("`\(state ?? "")` is not a state", hint: USState.hint(for: state ?? ""))
        }
        let strategyKey = strategy ?? config.strategies.first?.key ?? "tutoring"
        guard config.strategy(strategyKey) != nil else {
            throw BuildError("unknown strategy `\(strategyKey)`", hint: Suggestion.hint(for: strategyKey, in: config.strategies.map(\.key)))
        }
        let slug = Slug.make(from: title)
        guard !slug.isEmpty else { throw BuildError("the title needs at least one letter or digit",
                                                            hint: "for example: casebook new case-study \"Newark Tutoring Corps\"") }
        let strategies = config.strategies.map(\.key).joined(separator: ", ")
        let funding = config.funding.map(\.key).joined(separator: ", ")
        let metrics = config.metrics.prefix(8).map(\.key).joined(separator: ", ")
        let text = """
        ---
        # A new case study. Every field is explained in docs/content-format.md.
        # Fill in each value marked as a placeholder (and `value`), then set `draft: false` to publish it.
        title: \(yamlQuoted(title))
        summary: \(Self.placeholder) One sentence for cards and feeds.
        organization: \(Self.placeholder) Who runs the program
        partners: []                      # e.g. [A university, A foundation]
        state: \(stateCode)                         # USPS code, or US for national programs
        place: \(Self.placeholder) City, district or Statewide
        strategy: \(strategyKey)               # one of: \(strategies)
        funding: []                       # any of: \(funding)
        funding_note: \(Self.placeholder) What paid for the program, and whether a link to ESSER was documented.
        years: {start: 2021}              # add `end: 2024` once the program has ended
        tags: []                          # lower-case topics, e.g. [math, elementary]
        date: 2025-01-01                  # the date of the newest fact below
        draft: true
        metrics:                          # keys: \(metrics), …
          - key: \(config.roles.studentsReached ?? config.metrics.first?.key ?? Self.placeholder)
            label: \(Self.placeholder) What exactly was counted, and when
            value: 0                      # the number as published, without commas
            as_of: 2021                   # 2021, 2022-23, 2021-09 or 2021-09-30
            source: \(Self.placeholder) Publisher, date
            url: https://example.org/\(Self.placeholder)
            certainty: medium             # high | medium | low
            highlight: true               # a key finding: the main reach figure, and a result if there is one
            quote: \(Self.placeholder) The source's own sentence that states the number (now 0), verbatim and short
        \(evidenceBlock(config))
        sources: []                       # further reading: - {title: …, url: https://…}
        ---
        ## What it is

        \(Self.placeholder) What the program is, in two or three sentences.

        ## How it works

        ## What it cost

        ## What the evidence shows

        ## What we don't know

        """
        return try write(text, to: "content/case-studies/\(slug).md")
    }

    /// The `evidence:` block of a new case study, when the site rates evidence: the weakest honest
    /// starting point ("none found"), with every design listed so the author can pick the right one.
    private func evidenceBlock(_ config: SiteConfig) -> String {
        guard let none = config.evidenceDesigns.first(where: \.noEvidence) ?? config.evidenceDesigns.last else { return "" }
        let designs = config.evidenceDesigns.map(\.key).joined(separator: ", ")
        return """
        evidence:                         # how strong the proof is that the program worked (not how sure a figure is)
          design: \(none.key)                    # strongest first: \(designs)
          finding: \(Self.placeholder) One or two sentences on what was measured, what was found, and its limits.
          caveat: \(Self.placeholder) One line on what the evidence cannot show.
          # study_by: own                 # own (the program, its funder or vendor) or independent; needed unless design is \(none.key)
          # sources:                      # the study or report; needed unless design is \(none.key)
          #   - {title: …, url: https://…}
        """
    }

    /// Writes `content/pages/<name>.md` and returns its path relative to the root.
    public func newPage(name: String) throws(BuildError) -> String {
        let slug = Slug.make(from: name)
        guard !slug.isEmpty else { throw BuildError("the page name needs at least one letter or digit",
                                                            hint: "for example: casebook new page \"About the data\"") }
        let text = """
        ---
        title: \(yamlQuoted(name))
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

    private func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
