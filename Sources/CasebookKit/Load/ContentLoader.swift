import Foundation

/// Reads `content/` through the file-system seam and decodes every file, in parallel, collecting
/// every problem. Returns nil content only when nothing sensible can be built at all.
public struct ContentLoader: Sendable {
    public let fileSystem: any FileSystem
    public let root: String
    /// Decoded files from an earlier build; files it holds are not read again.
    let cache: BuildCache
    let failures = EnvironmentFailures()

    public init(fileSystem: any FileSystem, root: String, cache: BuildCache = BuildCache()) {
        self.fileSystem = fileSystem
        self.root = root
        self.cache = cache
    }

    /// Throws only when the computer itself fails (out of file descriptors or memory): problems with
    /// the files are diagnostics.
    public func load(includeDrafts: Bool) throws(BuildError) -> (SiteContent?, [Diagnostic]) {
        let loaded = loadContent(includeDrafts: includeDrafts)
        try failures.check()
        return loaded
    }

    private func loadContent(includeDrafts: Bool) -> (SiteContent?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let siteFile = SiteConfigDecoder.file
        guard let siteText = readText(siteFile, diagnostics: &diagnostics, missingHint:
            "create content/site.yml with the site title and vocabularies (see docs/content-format.md)") else {
            return (nil, diagnostics)
        }
        let (decodedConfig, configDiagnostics) = SiteConfigDecoder.decode(siteText)
        diagnostics += configDiagnostics
        guard let config = decodedConfig else {
            // Nothing can be built, but the case files can still be checked for everything that does not
            // depend on site.yml, so one broken setting does not hide every other problem.
            diagnostics += checkWithoutSettings()
            return (nil, diagnostics)
        }

        var context: [Metric] = []
        if fileSystem.fileExists(at: absolute(ContextDecoder.file)),
           let text = readText(ContextDecoder.file, diagnostics: &diagnostics, missingHint: nil) {
            let (figures, found) = ContextDecoder.decode(text, config: config)
            context = figures
            diagnostics += found
        }

        let caseFiles = markdownFiles(in: "content/case-studies", diagnostics: &diagnostics)
        let pageFiles = markdownFiles(in: "content/pages", diagnostics: &diagnostics)
        if caseFiles.isEmpty {
            diagnostics.append(.warning(SourceLocation(file: "content/case-studies", line: 1, column: 1),
                                        "there are no case studies yet",
                                        hint: "add one with `casebook new case-study \"Program name\"`", code: .siteNoCaseStudies))
        }

        let decodedCases = parallelMap(caseFiles) { path in decodeCaseStudy(path, config: config) }
        let decodedPages = parallelMap(pageFiles) { path -> (Page?, [Diagnostic]) in
            cache.pages.value(path) {
                var found: [Diagnostic] = []
                guard let text = readText(path, diagnostics: &found, missingHint: nil) else { return (nil, found) }
                let (page, more) = PageDecoder.decode(text: text, path: path)
                return (page, found + more)
            }
        }
        diagnostics += decodedCases.flatMap(\.1) + decodedPages.flatMap(\.1)

        let cases = decodedCases.compactMap(\.0).filter { includeDrafts || !$0.draft }.inSiteOrder()
        let pages = decodedPages.compactMap(\.0).filter { includeDrafts || !$0.draft }
            .sorted { ($0.menu ?? 1000, $0.title) < ($1.menu ?? 1000, $1.title) }
        let images = publishableImages(&diagnostics)
        let failed = zip(caseFiles, decodedCases).filter { $0.1.0 == nil }
            .map { String(($0.0 as NSString).lastPathComponent.dropLast(".md".count)) }
        let content = SiteContent(config: config, context: context, caseStudies: cases, pages: pages, images: images,
                                  failedCaseSlugs: failed)
        diagnostics += ContentValidator.check(content)
        return (content, diagnostics)
    }

    private func absolute(_ relative: String) -> String { root + "/" + relative }

    /// One case-study file, decoded against the site's settings (or taken from the cache), with the
    /// problems found in it.
    private func decodeCaseStudy(_ path: String, config: SiteConfig) -> (CaseStudy?, [Diagnostic]) {
        cache.cases.value(path) {
            var found: [Diagnostic] = []
            guard let text = readText(path, diagnostics: &found, missingHint: nil) else { return (nil, found) }
            let (study, more) = CaseStudyDecoder.decode(text: text, path: path, config: config)
            return (study, found + more)
        }
    }

    /// Re-reads one case-study file after a save (`casebook serve`), as `load` would.
    func reloadCaseStudy(_ path: String, config: SiteConfig) throws(BuildError) -> (CaseStudy?, [Diagnostic]) {
        let decoded = decodeCaseStudy(path, config: config)
        try failures.check()
        return decoded
    }

    /// Settings with one placeholder in each vocabulary, to decode case files against when site.yml has
    /// errors; what they say about vocabulary keys is left out, since the real vocabularies are unknown.
    static let standInSettings = SiteConfigDecoder.decode("""
        title: Stand-in
        base_url: https://example.org/
        strategies: {stand-in: {label: x, description: x}}
        funding: {stand-in: {label: x}}
        metrics: {stand-in: {label: x, unit: count}}
        """).0

    private func checkWithoutSettings() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let caseFiles = markdownFiles(in: "content/case-studies", diagnostics: &diagnostics)
        let pageFiles = markdownFiles(in: "content/pages", diagnostics: &diagnostics)
        let settings = Self.standInSettings
        // What depends on the vocabularies the stand-in settings replace.
        let vocabulary: Set<DiagnosticCode> = [.caseStrategy, .caseFunding, .metricKey, .evidenceDesign,
                                               .caseEvidenceIgnored, .caseTagUnlisted]
        let found = parallelMap(caseFiles + pageFiles) { path -> [Diagnostic] in
            var found: [Diagnostic] = []
            guard let text = readText(path, diagnostics: &found, missingHint: nil) else { return found }
            if path.hasPrefix("content/pages/") { return found + PageDecoder.decode(text: text, path: path).1 }
            guard let settings else { return found }
            return found + CaseStudyDecoder.decode(text: text, path: path, config: settings).1
                .filter { !vocabulary.contains($0.code) }
        }
        if settings != nil, !caseFiles.isEmpty {
            diagnostics.append(.warning(SourceLocation(file: SiteConfigDecoder.file, line: 1, column: 1),
                                        "the case studies were checked without the vocabularies of site.yml, which has errors",
                                        hint: "fix site.yml, then build again to check the strategy, funding and metric keys too", code: .siteChecksLimited))
        }
        return diagnostics + found.flatMap { $0 }
    }

    /// Kinds of file that content/images/ publishes. Anything else (an `.html` page, a script) would be
    /// served from the site's own origin, outside the pages' Content-Security-Policy.
    static let imageTypes: Set<String> = ["jpg", "jpeg", "png", "gif", "webp", "avif", "svg"]

    /// The files of content/images/ that may be published: images only, and SVG files only when they
    /// can run nothing and load nothing (see `SVGCheck`).
    private func publishableImages(_ diagnostics: inout [Diagnostic]) -> [String] {
        let listing = failures.listing { try fileSystem.filesRecursively(in: absolute("content/images"), within: absolute("content")) }
        diagnostics += listing.skipped.map { Diagnostic.skipped($0, in: "content/images", boundary: "content") }
        var images: [String] = []
        for file in listing.files {
            let path = "content/images/" + file
            let type = (file as NSString).pathExtension.lowercased()
            guard Self.imageTypes.contains(type) else {
                diagnostics.append(.warning(SourceLocation(file: path, line: 1, column: 1),
                                            "this file is not an image, so it is not published",
                                            hint: "content/images/ publishes only " + Self.imageTypes.sorted().map { ".\($0)" }.joined(separator: ", ")
                                                + " files; put other downloads elsewhere or link to them", code: .fileNotImage))
                continue
            }
            if type == "svg" {
                // Checked in memory, so only up to a size no real drawing comes near.
                if let size = fileSystem.fileSize(at: absolute(path)), size > SVGCheck.largest {
                    diagnostics.append(.error(SourceLocation(file: path, line: 1, column: 1),
                                              "this SVG is \(size / 1_000_000) MB, too large to check, so it is not published",
                                              hint: "SVGs up to \(SVGCheck.largest / 1_000_000) MB are checked and published; simplify the drawing or export it as PNG", code: .svgTooLarge))
                    continue
                }
                let data: Data
                do {
                    data = try fileSystem.readFile(at: absolute(path))
                } catch {
                    if !failures.record(error) {
                        diagnostics.append(.error(SourceLocation(file: path, line: 1, column: 1), "cannot read this file",
                                                  hint: "check that it exists and can be read", code: .fileUnreadable))
                    }
                    continue
                }
                let problems = SVGCheck.problems(in: data, file: path)
                diagnostics += problems
                if problems.hasErrors { continue }
            }
            images.append(file)
        }
        return images
    }

    private func readText(_ relative: String, diagnostics: inout [Diagnostic], missingHint: String?) -> String? {
        let location = SourceLocation(file: relative, line: 1, column: 1)
        // A file that is a link must lead to a file inside content/ (the folder walk checks the others).
        if let real = FolderWalk.realPath(absolute(relative)), let fence = FolderWalk.realPath(absolute("content")),
           !FolderWalk.inside(real, fence) {
            diagnostics.append(.error(location, "this is a link to \(real), outside content/, so it is not read",
                                      hint: "copy the file into content/ instead of linking to it", code: .fileOutsideFolder))
            return nil
        }
        if FolderWalk.isSpecialFile(absolute(relative)) {
            diagnostics.append(.error(location, "this is not a regular file (a device, pipe or socket), so it is not read",
                                      hint: "replace it with a plain text file", code: .fileNotRegular))
            return nil
        }
        let data: Data
        do {
            data = try fileSystem.readFile(at: absolute(relative))
        } catch {
            if !failures.record(error) {
                diagnostics.append(.error(location, "cannot read this file", hint: missingHint ?? "check that it exists and can be read",
                                          code: .fileUnreadable))
            }
            return nil
        }
        switch SourceText.decode([UInt8](data), file: relative) {
        case .success(let text): return text
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }

    private func markdownFiles(in folder: String, diagnostics: inout [Diagnostic]) -> [String] {
        let listing = failures.listing { try fileSystem.filesRecursively(in: absolute(folder), within: absolute("content")) }
        diagnostics += listing.skipped.map { Diagnostic.skipped($0, in: folder, boundary: "content") }
        var result: [String] = []
        for file in listing.files {
            if file.hasSuffix(".md") {
                result.append(folder + "/" + file)
            } else {
                diagnostics.append(.warning(SourceLocation(file: folder + "/" + file, line: 1, column: 1),
                                            "this file is ignored because it does not end in `.md`",
                                            hint: "rename it to end in .md, or move it out of \(folder)", code: .fileNotMarkdown))
            }
        }
        return result
    }
}
