import Foundation

/// The whole build, as phases in order: load → validate → render → write. Each phase is timed
/// (`--verbose` prints the timings). Nothing is written unless every earlier phase succeeded.
public struct SiteBuilder: Sendable {
    public let fileSystem: any FileSystem

    public init(fileSystem: any FileSystem = LocalFileSystem()) {
        self.fileSystem = fileSystem
    }

    /// A clean build: every file read, every page rendered, the output folder swapped in whole.
    public func build(_ options: BuildOptions) throws(BuildError) -> BuildReport {
        let timer = PhaseTimer(onProgress: options.onProgress)
        let writer = try outputWriter(options)
        let prepared = try prepare(options, cache: BuildCache(), timer: timer)
        guard let site = prepared.site, !prepared.diagnostics.hasErrors, !options.dryRun else {
            return BuildReport(diagnostics: prepared.diagnostics, succeeded: false, pagesWritten: 0, filesWritten: 0,
                               timings: timer.timings)
        }
        let written = try writeAll(site, writer: writer, timer: timer)
        return BuildReport(diagnostics: prepared.diagnostics, succeeded: true, pagesWritten: site.pages.count,
                           filesWritten: written, timings: timer.timings)
    }

    /// The output folder, checked for safety (never the project, content/ or someone else's folder).
    func outputWriter(_ options: BuildOptions) throws(BuildError) -> OutputWriter {
        guard fileSystem.directoryExists(at: options.root + "/content") else {
            throw BuildError("there is no content/ folder in \(options.root)",
                             hint: "run casebook in the site's folder, or pass --root with the folder that holds content/ and templates/")
        }
        let writer = OutputWriter(fileSystem: fileSystem, root: options.root, output: options.outputPath, force: options.force)
        if !options.dryRun { try writer.checkOutputFolder() }
        return writer
    }

    /// Load, validate, render Markdown, plan every page and check links. `site` is nil when the
    /// content could not be loaded at all; otherwise the diagnostics say whether it may be written.
    func prepare(_ options: BuildOptions, cache: BuildCache, timer: PhaseTimer) throws(BuildError)
        -> (site: PreparedSite?, diagnostics: [Diagnostic]) {
        let root = options.root
        let (loaded, templates, loadDiagnostics) = try timer.time("load") { () throws(BuildError) -> (SiteContent?, TemplateSet?, [Diagnostic]) in
            let (content, found) = try ContentLoader(fileSystem: fileSystem, root: root, cache: cache)
                .load(includeDrafts: options.includeDrafts)
            let (templates, templateDiagnostics) = try TemplateSet.load(fileSystem: fileSystem, root: root)
            return (content, templates, found + templateDiagnostics)
        }
        var diagnostics = loadDiagnostics
        guard let content = loaded, let templates else { return (nil, diagnostics.sortedByLocation()) }
        if let base = options.baseURL, case .problem(let message, let hint) = URLCheck.siteAddress(base) {
            throw BuildError("--base-url \(message)", hint: hint)
        }
        if let contact = options.contact, SiteSettingsCheck.contactLink(contact) == nil {
            throw BuildError("--contact should be an e-mail address or a web address, not `\(contact)`",
                             hint: "for example: --contact editors@your-organisation.org")
        }
        let routes = Routes(baseURL: options.baseURL ?? content.config.baseURL)
        let index = SiteIndex(content)

        // Render Markdown (only bodies the cache does not hold), plan the pages.
        let (pages, bodies) = timer.time("render markdown") { () -> ([PlannedPage], [String: Markdown.Rendered]) in
            let bodies = Self.renderBodies(of: content, routes: routes, cache: cache)
            return (Self.plan(index, routes: routes, bodies: bodies, templates: templates, cache: cache), bodies)
        }

        // Check links against what will be published.
        let failures = EnvironmentFailures()
        let assetListing = failures.listing { try fileSystem.filesRecursively(in: root + "/templates/assets", within: root + "/templates") }
        try failures.check()
        diagnostics += assetListing.skipped.map { Diagnostic.skipped($0, in: "templates/assets", boundary: "templates") }
        let assets = assetListing.files
        var published = Set(pages.map(\.route))
        published.formUnion(Self.dataFiles + assets.map { "assets/" + $0 } + content.images.map { "images/" + $0 })
        published.formUnion(content.failedCaseSlugs.map(Routes.caseStudy))
        published.formUnion(Charts(index: index, routes: routes).all.map(\.csvFile))
        let checker = LinkChecker(published: published, images: Set(content.images))
        diagnostics += parallelMap(content.caseStudies) { study in
            check(study, body: bodies[study.sourcePath]!, against: checker)
        }.flatMap { $0 }
        for page in content.pages { diagnostics += checker.check(bodies[page.sourcePath]!) }
        if options.checksPublishingSettings {
            diagnostics += SiteSettingsCheck.check(config: content.config, baseURL: options.baseURL, contact: options.contact)
        }

        if options.strict { diagnostics = Self.strict(diagnostics) }
        let renderer = Self.renderer(for: content, templates: templates, routes: routes, contact: options.contact)
        let site = PreparedSite(root: root, content: content, index: index, routes: routes, pages: pages,
                                renderer: renderer, assets: assets, checker: checker, cache: cache)
        return (site, diagnostics.sortedByLocation())
    }

    /// What is wrong with a case beyond its own file: links in its story to pages or files the site
    /// does not publish, a picture that is not in content/images/.
    func check(_ study: CaseStudy, body: Markdown.Rendered, against checker: LinkChecker) -> [Diagnostic] {
        var found = checker.check(body)
        if let image = study.image, !checker.images.contains(image.path) {
            let location = image.locations["src"] ?? SourceLocation(file: study.sourcePath, line: 1, column: 1)
            found.append(.error(location, "the image `\(image.source)` does not exist in content/images/",
                                hint: "put the picture in content/images/ or correct the file name"))
        }
        return found
    }

    /// `--strict`: every warning is an error.
    static func strict(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.map { var d = $0; d.severity = .error; return d }
    }

    // The phases a build is made of, also run on their own by `PipelineStages` (the benchmarks).

    /// Every case's and page's Markdown rendered with cmark (only what the cache does not hold), by source path.
    static func renderBodies(of content: SiteContent, routes: Routes, cache: BuildCache) -> [String: Markdown.Rendered] {
        let sources = content.caseStudies.map(\.body) + content.pages.map(\.body)
        let rendered = parallelMap(sources) { source in
            cache.bodies.value(source.file) { Markdown.render(source, basePath: routes.basePath) }
        }
        return Dictionary(uniqueKeysWithValues: zip(sources.map(\.file), rendered))
    }

    /// Every page the site publishes, with its view made when it is rendered.
    static func plan(_ index: SiteIndex, routes: Routes, bodies: [String: Markdown.Rendered], templates: TemplateSet,
                     cache: BuildCache) -> [PlannedPage] {
        SitePlanner(index: index, routes: routes, bodies: bodies, templates: templates, cardCache: cache.cards,
                    reportCache: cache.reportEntries).plan()
    }

    /// What draws each page, with the site-wide chrome (and `--contact`, when given, as the contact).
    static func renderer(for content: SiteContent, templates: TemplateSet, routes: Routes, contact: String?) -> PageRenderer {
        var config = content.config
        if let contact { config.contact = SiteSettingsCheck.contactLink(contact) }
        return PageRenderer(templates: templates, routes: routes, config: config, menuPages: content.pages.filter { $0.menu != nil })
    }

    /// Renders every page into a staging folder and swaps it in for the output folder. `record` is
    /// handed each rendered file (not the copied ones) with its path relative to the output folder.
    func writeAll(_ site: PreparedSite, writer: OutputWriter, timer: PhaseTimer,
                  record: (@Sendable (String, Data) -> Void)? = nil) throws(BuildError) -> Int {
        let staging = try writer.makeStaging()
        let written: Int = try timer.time("render and write \(site.pages.count) pages") { () throws(BuildError) -> Int in
            try writer.filling(staging) {
                // The page folders are made (by the kernel, one at a time) while the downloads are encoded.
                let pageFiles = site.pages.map { Routes.file(for: $0.route) } + site.copiedFiles.map(\.to)
                let prepared = parallelMap([0, 1]) { job -> PreparedOutput in
                    if job == 1 { return .exports(site.makeDataExports()) }
                    do { return .folders(try staging.createFolders(for: pageFiles)) } catch { return .failed(error) }
                }
                var exports: [(file: String, make: @Sendable () -> Data)] = []
                var folders: Set<String> = []
                for outcome in prepared {
                    switch outcome {
                    case .exports(let made): exports = made
                    case .folders(let made): folders = made
                    case .failed(let error): throw error
                    }
                }
                try staging.createFolders(for: exports.map(\.file), existing: folders)
                let files = pageFiles + exports.map(\.file)
                try Self.render(site.pages, of: site, exports: exports) { data, file in
                    try staging.write(data, to: file)
                    record?(file, data)
                }
                for copy in site.copiedFiles { try staging.copy(from: copy.from, to: copy.to) }
                return files.count
            }
        }
        try timer.time("swap output") { () throws(BuildError) in try writer.commit(staging) }
        return written
    }

    /// Renders `pages` and makes the data files (`PreparedSite.makeDataExports`), all in parallel (the
    /// data files first: they are the largest jobs), handing each to `write` with its path relative to
    /// the output folder.
    static func render(_ pages: [PlannedPage], of site: PreparedSite, exports: [(file: String, make: @Sendable () -> Data)],
                       into write: @Sendable (Data, String) throws -> Void) throws(BuildError) {
        let failures = parallelMap(Array(0..<(exports.count + pages.count))) { job -> BuildError? in
            let isExport = job < exports.count
            let file = isExport ? exports[job].file : Routes.file(for: pages[job - exports.count].route)
            do {
                try write(isExport ? exports[job].make() : site.renderer.render(pages[job - exports.count]), file)
                return nil
            } catch let error as BuildError {
                return error  // a page that cannot be drawn
            } catch {
                return BuildError("could not write \(file): \(OutputWriter.describe(error))",
                                  hint: "check that the disk has room and the output folder is writable; the previous site was kept")
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
    }

    /// The downloads, and the search index's entry point; the index's other files depend on the content.
    static let dataFiles = [Routes.jsonDownload, Routes.csvDownload, SearchIndex.manifest]
}

/// What the two jobs before writing give: the folders made, or the downloads to write.
private enum PreparedOutput: Sendable {
    case folders(Set<String>)
    case exports([(file: String, make: @Sendable () -> Data)])
    case failed(any Error)
}

/// A site loaded, checked and planned: everything the write phase needs.
struct PreparedSite: Sendable {
    let root: String
    let content: SiteContent
    let index: SiteIndex
    let routes: Routes
    let pages: [PlannedPage]
    let renderer: PageRenderer
    /// Files under templates/assets, relative to it.
    let assets: [String]
    /// Checks links against what the site publishes (a rebuild after a story changed checks that story).
    let checker: LinkChecker

    /// Cases already encoded for the downloads by an earlier build.
    let cache: BuildCache

    /// The downloads and the search index, which draw on every case: each case's share is encoded in
    /// parallel (or taken from the cache) now, then each download is joined when asked for. The search
    /// index is split into files whose number depends on the content, so it is made now.
    func makeDataExports() -> [(file: String, make: @Sendable () -> Data)] {
        let (index, routes) = (index, routes)
        let fragments = exportFragments()
        let downloads: [(file: String, make: @Sendable () -> Data)] = [
            (Routes.jsonDownload, { DataExport.json(index: index, routes: routes, fragments: fragments) }),
            (Routes.csvDownload, { DataExport.csv(fragments: fragments) })]
        return downloads + searchExports(fragments) + chartExports()
    }

    /// Each case's share of the downloads and the search index, in site order.
    func exportFragments() -> [DataExport.Fragments] {
        let (index, routes, cache) = (index, routes, cache)
        return parallelMap(index.cases) { study in
            cache.exports.value(study.sourcePath) {
                let body = cache.bodies.peek(study.body.file)?.html ?? Markdown.render(study.body, basePath: routes.basePath).html
                return DataExport.fragments(study, index: index, routes: routes, bodyHTML: body)
            }
        }
    }

    /// The search index's files: the only downloads that show the cases' stories.
    func searchExports(_ fragments: [DataExport.Fragments]) -> [(file: String, make: @Sendable () -> Data)] {
        var pageBodies: [String: String] = [:]
        for page in index.content.pages {
            pageBodies[page.sourcePath] = cache.bodies.peek(page.body.file)?.html ?? Markdown.render(page.body, basePath: routes.basePath).html
        }
        return DataExport.searchFiles(index: index, routes: routes, fragments: fragments, pageBodies: pageBodies).map { file in
            let data = file.data
            return (file: file.path, make: { @Sendable in data })
        }
    }

    /// Each chart's numbers as a CSV of its own, beside the data page.
    func chartExports() -> [(file: String, make: @Sendable () -> Data)] {
        Charts(index: index, routes: routes).all.map { chart in (chart.csvFile, { Charts.csv(chart) }) }
    }

    /// Stylesheets, scripts and images copied as they are.
    var copiedFiles: [(from: String, to: String)] {
        assets.map { (root + "/templates/assets/" + $0, "assets/" + $0) }
            + content.images.map { (root + "/content/images/" + $0, "images/" + $0) }
    }
}
