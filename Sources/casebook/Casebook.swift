import ArgumentParser
import CasebookKit
import CasebookLinks
import CasebookServe
import Foundation

@main
struct Casebook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "casebook",
        abstract: "Builds the Casebook showcase site from content/ and templates/ into public/.",
        discussion: """
        Exit codes: 0 the build succeeded (warnings allowed unless --strict); 1 the content or templates \
        have errors (nothing was written); 2 the output folder could not be used or written; 64 the \
        command line was not understood (an unknown flag or --format, or a --base-url or --contact that \
        is not an address).
        """,
        version: CasebookVersion.current,
        subcommands: [Build.self, Check.self, New.self, Serve.self],
        defaultSubcommand: Build.self
    )
}

/// Options shared by the commands that read a site.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site's folder, holding content/ and templates/.", valueName: "dir"))
    var root: String = "."

    @Option(name: .long, help: ArgumentHelp("Publish for this address, e.g. https://example.org/showcase/ (overrides base_url in site.yml).", valueName: "url"))
    var baseURL: String?

    @Option(name: .long, help: ArgumentHelp("How readers reach the editors: an e-mail or web address (overrides contact in site.yml).", valueName: "address"))
    var contact: String?

    @Flag(name: .long, help: "Include case studies and pages marked `draft: true`.")
    var drafts = false

    @Flag(name: .long, help: "Treat warnings as errors (for publishing pipelines).")
    var strict = false

    var absoluteRoot: String { Self.absolute(root) }

    /// A bad --base-url or --contact is a command-line mistake: exit 64 before any work.
    func validate() throws {
        var overrides = BuildOptions(root: ".", baseURL: baseURL)
        overrides.contact = contact
        if let problem = overrides.overrideProblem {
            throw ValidationError(problem.message + (problem.hint.map { "\n    hint: \($0)" } ?? ""))
        }
    }

    static func absolute(_ root: String) -> String {
        let path = root.hasPrefix("/") ? root : FileManager.default.currentDirectoryPath + "/" + root
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into the output folder.",
        discussion: """
        Examples:
          casebook build
          casebook build --strict --base-url https://example.org/showcase/
          casebook build --root ../my-site --output /tmp/preview --drafts

        The output folder is replaced only after a complete, successful build; on errors it is left as it was.
        """)

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: <root>/public).", valueName: "dir"))
    var output: String?

    @Flag(name: .long, help: "Replace the output folder even if Casebook did not create it.")
    var force = false

    @Flag(name: .long, help: "Print how long each phase took.")
    var verbose = false

    @Option(name: .long, help: ArgumentHelp(Runner.formatHelp, valueName: "text|json|github"))
    var format: DiagnosticOutput = .text

    func run() throws {
        var options = BuildOptions(root: site.absoluteRoot, output: output, baseURL: site.baseURL,
                                   includeDrafts: site.drafts, strict: site.strict, force: force)
        options.contact = site.contact
        try Runner(verbose: verbose, format: format).run(options, verb: "Built")
    }
}

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check content and templates for problems without writing anything.",
        discussion: """
        Examples:
          casebook check
          casebook check --strict --format json
          casebook check --strict --format github   (in a GitHub Actions step)
          casebook check --external-links           (also asks whether every source address still answers)
        """)

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp(Runner.formatHelp, valueName: "text|json|github"))
    var format: DiagnosticOutput = .text

    @Flag(name: .long, help: "Also ask the web whether every address the content cites still answers (slow; never done by default).")
    var externalLinks = false

    @Option(name: .long, help: ArgumentHelp("With --external-links: seconds to wait for each address.", valueName: "seconds"))
    var linkTimeout: Double = 10

    @Option(name: .long, help: ArgumentHelp("With --external-links: addresses asked at once (two per site at most).", valueName: "n"))
    var linkJobs: Int = 8

    @Option(name: .long, help: ArgumentHelp("With --external-links: reuse an address's answer for this many days (0: ask again).", valueName: "days"))
    var linkCacheDays: Double = 7

    func validate() throws {
        guard linkTimeout > 0, linkTimeout <= 300 else { throw ValidationError("--link-timeout must be between 0 and 300 seconds") }
        guard (1...64).contains(linkJobs) else { throw ValidationError("--link-jobs must be between 1 and 64") }
        guard linkCacheDays >= 0 else { throw ValidationError("--link-cache-days cannot be negative") }
    }

    func run() async throws {
        var options = BuildOptions(root: site.absoluteRoot, baseURL: site.baseURL, includeDrafts: site.drafts,
                                   strict: site.strict, dryRun: true)
        options.contact = site.contact
        let extra = externalLinks ? await checkExternalLinks(root: options.root) : []
        try Runner(verbose: false, format: format).run(options, verb: "Checked", extra: extra)
    }

    /// The addresses of the content as it loads (a site that does not load has its problems reported by
    /// the check itself), asked about with the cache under `.casebook/`.
    private func checkExternalLinks(root: String) async -> [Diagnostic] {
        guard let (content, _) = try? ContentLoader(fileSystem: LocalFileSystem(), root: root).load(includeDrafts: site.drafts),
              let content else { return [] }
        var cache = AnswerCache(root: root, maxAge: linkCacheDays * 86_400)
        let check = ExternalLinkCheck(probe: WebProbe(timeout: linkTimeout), concurrency: linkJobs)
        let (found, summary) = await check.run(ExternalAddresses.collect(from: content), cache: &cache)
        try? cache.save()
        var line = "External links: \(summary.addresses) addresses, \(summary.asked) asked, \(summary.cached) answered from the cache (\(AnswerCache.file)), \(summary.failing) not answering"
        if summary.refused > 0 { line += ", \(summary.refused) refused an automated check (open those in a browser)" }
        FileHandle.standardError.write(Data((line + ".\n").utf8))
        return found
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new case study or page from a template with every field explained.",
        discussion: """
        Examples:
          casebook new case-study "Tennessee ALL Corps" --state TN --strategy tutoring
          casebook new page "Partners"

        New files are drafts: preview them with `casebook serve --drafts` (it rebuilds on every save), and \
        set `draft: false` when done.
        """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case caseStudy = "case-study"
        case page
    }

    @Argument(help: "What to create: case-study or page.")
    var kind: Kind

    @Argument(help: "The program's name (case-study) or the page's title (page).")
    var name: String

    @Option(name: .long, help: ArgumentHelp("The site's folder, holding content/.", valueName: "dir"))
    var root: String = "."

    @Option(name: .long, help: "The state: its two-letter code or its name (Ohio), or US for national programs (case-study only).")
    var state: String?

    func validate() throws {
        if let state, USState.from(codeOrName: state) == nil {
            throw ValidationError("`\(state)` is not a state\n    hint: \(USState.hint(for: state))")
        }
    }

    @Option(name: .long, help: "A strategy key from content/site.yml (case-study only).")
    var strategy: String?

    func run() throws {
        let options = SiteOptions.absolute(root)
        let scaffold = Scaffold(root: options)
        // A strategy site.yml does not define is a mistake on the command line, like a bad --state (exit 64).
        if kind == .caseStudy, let strategy, let mistake = scaffold.strategyMistake(strategy) {
            throw ValidationError(mistake.message + (mistake.hint.map { "\n    hint: \($0)" } ?? ""))
        }
        do {
            let written = kind == .caseStudy
                ? try scaffold.newCaseStudy(title: name, state: state, strategy: strategy)
                : try scaffold.newPage(name: name)
            print("Wrote \(written). Preview it with `casebook serve --drafts` (the page updates on every save), "
                  + "fill in each REPLACE value, then set `draft: false`.")
        } catch {
            TerminalStyle(fileDescriptor: 2).report(error)
            throw ExitCode(2)
        }
    }
}

/// Runs a build and reports on it: problems on standard error (standard output for `json` and
/// `github`), one summary line at the end.
struct Runner {
    static let formatHelp = "How to print problems: text (for people), json (an array, for editors and pipelines) "
        + "or github (annotations that GitHub Actions shows on the lines of the files)."

    var verbose: Bool
    var format: DiagnosticOutput = .text

    /// `extra`: problems found besides the build's (the external links), printed and counted with them.
    func run(_ options: BuildOptions, verb: String, extra: [Diagnostic] = []) throws {
        let start = ContinuousClock.now
        let style = TerminalStyle(fileDescriptor: 2)
        let report: BuildReport
        var options = options
        let progress = isatty(2) == 1 && format == .text
        if progress {
            // One line on the terminal, rewritten as each phase starts; cleared before the summary.
            options.onProgress = { phase in FileHandle.standardError.write(Data("\r\u{1B}[2K\(phase)…".utf8)) }
        }
        let clearProgress = { if progress { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) } }
        do {
            report = try SiteBuilder().build(options)
            clearProgress()
        } catch {
            clearProgress()
            style.report(error)
            throw ExitCode(2)
        }
        let diagnostics = report.diagnostics + (options.strict ? extra.map { var d = $0; d.severity = .error; return d } : extra)
        let shown = DiagnosticOutput.prepared(diagnostics, root: options.root)
        switch format {
        case .json:
            FileHandle.standardOutput.write(DiagnosticOutput.json(shown))
        case .github:
            let lines = shown.map { DiagnosticOutput.githubAnnotation($0) + "\n" }.joined()
            FileHandle.standardOutput.write(Data(lines.utf8))
        case .text:
            for diagnostic in shown {
                FileHandle.standardError.write(Data((style.colour(diagnostic) + "\n").utf8))
            }
        }
        if verbose {
            for (phase, seconds) in report.timings {
                FileHandle.standardError.write(Data(String(format: "  %-18@ %7.1f ms\n", phase as NSString, seconds * 1000).utf8))
            }
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        let counts = "\(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings")"
        let failed = errors > 0
        let summary: String
        if failed {
            summary = "\(style.red("Build failed")): \(counts). Nothing was written; the previous site is unchanged."
        } else if options.dryRun {
            summary = "\(verb) the site: \(counts)."
        } else {
            summary = "\(verb) \(report.pagesWritten) pages (\(report.filesWritten) files) in \(String(format: "%.2f", seconds)) s: \(counts)."
        }
        // Standard output holds only the problems when a program reads them.
        if format == .text { print(summary) } else { FileHandle.standardError.write(Data((summary + "\n").utf8)) }
        if failed { throw ExitCode(1) }
    }
}

extension DiagnosticOutput: ExpressibleByArgument {}

/// Colour on a terminal only, and never when NO_COLOR is set.
struct TerminalStyle {
    let enabled: Bool

    init(fileDescriptor: Int32) {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        enabled = isatty(fileDescriptor) == 1 && !noColor
    }

    func red(_ text: String) -> String { enabled ? "\u{1B}[1;31m\(text)\u{1B}[0m" : text }
    func yellow(_ text: String) -> String { enabled ? "\u{1B}[1;33m\(text)\u{1B}[0m" : text }

    /// A problem with the surroundings (not the content), on standard error.
    func report(_ error: BuildError) {
        FileHandle.standardError.write(Data("\(red("error")): \(error.message)\n".utf8))
        if let hint = error.hint { FileHandle.standardError.write(Data("    hint: \(hint)\n".utf8)) }
    }

    func colour(_ diagnostic: Diagnostic) -> String {
        guard enabled else { return diagnostic.formatted }
        let word = diagnostic.severity == .error ? red("error") : yellow("warning")
        return diagnostic.formatted.replacingOccurrences(of: ": \(diagnostic.severity.rawValue): ", with: ": \(word): ")
    }
}
