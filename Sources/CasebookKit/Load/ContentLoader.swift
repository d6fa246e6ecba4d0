import Foundation

/// Reads `content/` through the file-system seam and decodes every file, in parallel, collecting
/// every problem. Returns nil content only when nothing sensible can be built at all.
public struct ContentLoader: Sendable {
    public let fileSystem: any FileSystem
    public let root: String
    /// Decoded files from an earlier build; files it holds are not read again.
    let cache: BuildCache

    public init(fileSystem: any FileSystem, root: String, cache: BuildCache = BuildCache()) {
        self.fileSystem = fileSystem
        self.root = root
        self.cache = cache
    }

    public func load(includeDrafts: Bool) -> (SiteContent?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let siteFile = SiteConfigDecoder.file
        guard let siteText = readText(siteFile, diagnostics: &diagnostics, missingHint:
            "create content/site.yml with the site title and vocabularies (see docs/content-format.md)") else {
            return (nil, diagnostics)
        }
        let (decodedConfig, configDiagnostics) = SiteConfigDecoder.decode(siteText)
        diagnostics += configDiagnostics
        guard let config = decodedConfig else { return (nil, diagnostics) }

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
                                        hint: "add one with `casebook new case-study \"Program name\"`"))
        }

        let decodedCases = parallelMap(caseFiles) { path -> (CaseStudy?, [Diagnostic]) in
            cache.cases.value(path) {
                var found: [Diagnostic] = []
                guard let text = readText(path, diagnostics: &found, missingHint: nil) else { return (nil, found) }
                let (study, more) = CaseStudyDecoder.decode(text: text, path: path, config: config)
                return (study, found + more)
            }
        }
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
        let images = (try? fileSystem.filesRecursively(in: absolute("content/images"))) ?? []
        let failed = zip(caseFiles, decodedCases).filter { $0.1.0 == nil }
            .map { String(($0.0 as NSString).lastPathComponent.dropLast(".md".count)) }
        let content = SiteContent(config: config, context: context, caseStudies: cases, pages: pages, images: images,
                                  failedCaseSlugs: failed)
        diagnostics += ContentValidator.check(content)
        return (content, diagnostics)
    }

    private func absolute(_ relative: String) -> String { root + "/" + relative }

    private func readText(_ relative: String, diagnostics: inout [Diagnostic], missingHint: String?) -> String? {
        let location = SourceLocation(file: relative, line: 1, column: 1)
        guard let data = try? fileSystem.readFile(at: absolute(relative)) else {
            diagnostics.append(.error(location, "cannot read this file", hint: missingHint ?? "check that it exists and can be read"))
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
        let files = (try? fileSystem.filesRecursively(in: absolute(folder))) ?? []
        var result: [String] = []
        for file in files {
            if file.hasSuffix(".md") {
                result.append(folder + "/" + file)
            } else {
                diagnostics.append(.warning(SourceLocation(file: folder + "/" + file, line: 1, column: 1),
                                            "this file is ignored because it does not end in `.md`",
                                            hint: "rename it to end in .md, or move it out of \(folder)"))
            }
        }
        return result
    }
}

/// Runs `transform` over the items on all cores, keeping the input order.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    if items.count < 2 { return items.map(transform) }
    let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
    results.initialize(repeating: nil)
    defer { results.deallocate() }
    nonisolated(unsafe) let buffer = results
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        buffer[index] = transform(items[index])
    }
    return results.map { $0! }
}
