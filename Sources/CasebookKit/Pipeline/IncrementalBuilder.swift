import Foundation

/// Rebuilds a site as its files change (`casebook serve`), redoing only what a change affects.
///
/// The first build, and any build after a change to site.yml, context.yml, a page, a template, an
/// asset or an image, is a full one: every page rendered into a staging folder and swapped in. After
/// that, a change to case-study files re-reads only those files, re-renders only their Markdown, and
/// re-renders only the pages that show one of the changed cases (its own page, the listings it is
/// on, its neighbours and related cases) plus the pages drawn from the whole site (home, index,
/// feed, sitemap, data files). A change to nothing but a case's story skips even that: the site is
/// not planned again, and only the case's page, the report and the search index are rendered.
///
/// Files whose bytes did not change are not written. The others are written beside their targets
/// under temporary names and renamed into place only once all of them were written
/// (`OutputUpdate`), so a rebuild is all or nothing like a build. A build with errors writes
/// nothing, and what it did not get to is carried over to the next build.
///
/// An actor with an executor of its own: one build at a time, and the builds' CPU work stays off
/// the threads that serve requests.
public actor IncrementalBuilder {
    public nonisolated let options: BuildOptions
    private let builder: SiteBuilder
    private let cache = BuildCache()
    private nonisolated let queue = BuildQueue()
    public nonisolated var unownedExecutor: UnownedSerialExecutor { queue.asUnownedSerialExecutor() }

    /// Every page as last written, with the cases it shows (nil: the whole site). Nil until a full build.
    private var written: [String: [String]?]?
    /// The size and fingerprint of every file rendered into the output, by path relative to it.
    private var digests: [String: FileDigest] = [:]
    /// The site as last written, and what was found in it.
    private var last: (site: PreparedSite, diagnostics: [Diagnostic])?
    /// Case files changed since the output was last written, and the slugs they had then.
    private var pendingPaths: Set<String> = []
    private var pendingSlugs: Set<String> = []
    private var pendingFull = true
    /// The path the site lives under (`/` or `/showcase/`), known once site.yml has been read.
    public private(set) var basePath: String?

    /// What one rebuild did.
    public struct Result: Sendable {
        public var report: BuildReport
        /// Whether every page was rendered (first build, or a change that affects every page).
        public var full: Bool
        /// Routes of the pages rendered (written only where their bytes changed).
        public var rendered: [String]
        /// Routes of pages that no longer exist and were removed.
        public var removed: [String]
        /// How many pages the site has now.
        public var pages: Int
    }

    public init(options: BuildOptions, fileSystem: any FileSystem = LocalFileSystem()) {
        self.options = options
        self.builder = SiteBuilder(fileSystem: fileSystem)
    }

    /// Builds after the given files changed (paths relative to the site root, e.g.
    /// `content/case-studies/x.md`); nil means anything may have changed.
    public func build(changed: Set<String>?) throws(BuildError) -> Result {
        note(changed)
        let timer = PhaseTimer(onProgress: options.onProgress)
        let writer = try builder.outputWriter(options)
        if let result = try rebuildStories(timer: timer) { return result }
        let prepared = try builder.prepare(options, cache: cache, timer: timer)
        guard let site = prepared.site, !prepared.diagnostics.hasErrors else {
            return Self.failed(prepared.diagnostics, timer: timer)
        }
        basePath = site.routes.basePath
        let plan = Dictionary(uniqueKeysWithValues: site.pages.map { ($0.route, $0.dependsOn) })
        guard let previous = written, !pendingFull, builder.fileSystem.directoryExists(at: options.outputPath) else {
            let recorder = DigestRecorder()
            let count = try builder.writeAll(site, writer: writer, timer: timer) { file, data in recorder.add(file, data) }
            digests = recorder.digests
            finish(plan, site: site, diagnostics: prepared.diagnostics)
            return Result(report: BuildReport(diagnostics: prepared.diagnostics, succeeded: true,
                                              pagesWritten: site.pages.count, filesWritten: count, timings: timer.timings),
                          full: true, rendered: site.pages.map(\.route), removed: [], pages: site.pages.count)
        }

        // Which cases changed: the slugs the changed files had before, and the ones they have now.
        var changedSlugs = pendingSlugs
        for study in site.content.caseStudies where pendingPaths.contains(study.sourcePath) { changedSlugs.insert(study.slug) }
        func shows(_ dependencies: [String]??) -> Bool {
            guard let dependencies else { return false }      // not on the previous site
            guard let slugs = dependencies else { return true } // draws on the whole site
            return slugs.contains(where: changedSlugs.contains)
        }
        let affected = site.pages.filter { page in
            previous[page.route] == nil || shows(.some(page.dependsOn)) || shows(previous[page.route])
        }
        let removed = previous.keys.filter { plan[$0] == nil }.sorted()
        let exports = timer.time("data files and search index") { site.makeDataExports() }
        // The search index's shards and documents are numbered; the numbers no longer used go.
        let exported = Set(exports.map(\.file))
        let unused = digests.keys.filter { $0.hasPrefix(SearchIndex.folder + "/") && !exported.contains($0) }
        let written = try update(affected, of: site, exports: exports, removing: removed.map(Routes.file(for:)) + unused,
                                 timer: timer)
        finish(plan, site: site, diagnostics: prepared.diagnostics)
        return Result(report: BuildReport(diagnostics: prepared.diagnostics, succeeded: true, pagesWritten: affected.count,
                                          filesWritten: written, timings: timer.timings),
                      full: false, rendered: affected.map(\.route), removed: removed, pages: site.pages.count)
    }

    /// The rebuild after saves that changed nothing but case studies' stories (the Markdown after the
    /// front matter): the site is not loaded or planned again, since every page but the cases' own,
    /// the report and the search index is drawn from the front matter alone. Nil when the change is
    /// anything else (or there is no earlier site to start from), for `build` to do it the long way.
    private func rebuildStories(timer: PhaseTimer) throws(BuildError) -> Result? {
        guard !pendingFull, !pendingPaths.isEmpty, let previous = written, let last,
              builder.fileSystem.directoryExists(at: options.outputPath) else { return nil }
        let loader = ContentLoader(fileSystem: builder.fileSystem, root: options.root, cache: cache)
        var content = last.site.content
        let positions = Dictionary(uniqueKeysWithValues: content.caseStudies.enumerated().map { ($1.sourcePath, $0) })
        var found: [Diagnostic] = []
        var changed: [Int] = []
        let reloaded = try timer.time("load \(pendingPaths.count) changed") { () throws(BuildError) -> [(Int, CaseStudy, [Diagnostic])]? in
            var reloaded: [(Int, CaseStudy, [Diagnostic])] = []
            for path in pendingPaths.sorted() {
                guard let position = positions[path] else { return nil }
                let (decoded, diagnostics) = try loader.reloadCaseStudy(path, config: content.config)
                guard let study = decoded else { return nil }
                var sameFrontMatter = study
                sameFrontMatter.body = content.caseStudies[position].body
                guard sameFrontMatter == content.caseStudies[position] else { return nil }
                reloaded.append((position, study, diagnostics))
            }
            return reloaded
        }
        guard let reloaded else { return nil }
        let routes = last.site.routes
        for (position, study, diagnostics) in reloaded {
            content.caseStudies[position] = study
            changed.append(position)
            let body = cache.bodies.value(study.body.file) { Markdown.render(study.body, basePath: routes.basePath) }
            found += diagnostics + builder.check(study, body: body, against: last.site.checker)
        }
        let paths = pendingPaths
        let diagnostics = (last.diagnostics.filter { !paths.contains($0.location.file) }
            + (options.strict ? SiteBuilder.strict(found) : found)).sortedByLocation()
        guard !diagnostics.hasErrors else { return Self.failed(diagnostics, timer: timer) }

        let index = last.site.index.withStories(of: content)
        let site = PreparedSite(root: last.site.root, content: content, index: index, routes: routes, pages: last.site.pages,
                                renderer: last.site.renderer, assets: last.site.assets, checker: last.site.checker, cache: cache)
        let pages = timer.time("plan \(changed.count + 1) pages") { () -> [PlannedPage] in
            let bodies = SiteBuilder.renderBodies(of: content, routes: routes, cache: cache)
            let planner = SitePlanner(index: index, routes: routes, bodies: bodies, templates: site.renderer.templates,
                                      cardCache: cache.cards, reportCache: cache.reportEntries)
            return changed.sorted().map(planner.casePage) + [planner.report()]
        }
        let exports = timer.time("search index") { site.searchExports(site.exportFragments()) }
        let count = try update(pages, of: site, exports: exports, removing: [], timer: timer)
        finish(previous, site: site, diagnostics: diagnostics)
        return Result(report: BuildReport(diagnostics: diagnostics, succeeded: true, pagesWritten: pages.count,
                                          filesWritten: count, timings: timer.timings),
                      full: false, rendered: pages.map(\.route), removed: [], pages: previous.count)
    }

    /// Renders `pages` and `exports`, and puts those whose bytes changed into the output, removing
    /// `removing`, all or nothing. Returns how many files were written.
    private func update(_ pages: [PlannedPage], of site: PreparedSite, exports: [(file: String, make: @Sendable () -> Data)],
                        removing: [String], timer: PhaseTimer) throws(BuildError) -> Int {
        let rendered = try timer.time("render \(pages.count) pages and \(exports.count) data files") { () throws(BuildError) in
            let recorder = DigestRecorder(keepingData: true)
            try SiteBuilder.render(pages, of: site, exports: exports) { data, file in recorder.add(file, data) }
            return recorder
        }
        let changed = rendered.files.filter { digests[$0.path] != rendered.digests[$0.path] }
        try timer.time("write \(changed.count) changed files") { () throws(BuildError) in
            do throws(BuildError) {
                try OutputUpdate(fileSystem: builder.fileSystem, output: options.outputPath).apply(changed, removed: removing)
            } catch {
                // Some may have been renamed into place before a failure: write them all next time.
                for file in changed { digests[file.path] = nil }
                throw error
            }
        }
        for file in changed { digests[file.path] = rendered.digests[file.path] }
        for file in removing { digests[file] = nil }
        return changed.count
    }

    private static func failed(_ diagnostics: [Diagnostic], timer: PhaseTimer) -> Result {
        Result(report: BuildReport(diagnostics: diagnostics, succeeded: false, pagesWritten: 0, filesWritten: 0,
                                   timings: timer.timings),
               full: false, rendered: [], removed: [], pages: 0)
    }

    /// Records what changed and forgets the cached copies of those files.
    private func note(_ changed: Set<String>?) {
        for path in changed ?? [] {
            if path.hasPrefix("content/case-studies/") && path.hasSuffix(".md") {
                pendingPaths.insert(path)
                if let slug = cache.slug(of: path) { pendingSlugs.insert(slug) }
            } else {
                pendingFull = true
            }
        }
        if changed == nil { pendingFull = true }
        cache.invalidate(changed)
    }

    private func finish(_ plan: [String: [String]?], site: PreparedSite, diagnostics: [Diagnostic]) {
        written = plan
        last = (site, diagnostics)
        pendingPaths = []
        pendingSlugs = []
        pendingFull = false
    }
}

/// A file's size and fingerprint, to tell whether newly rendered bytes differ from those written
/// before. The fingerprint is Swift's `Hasher`, seeded per process: compared only within one.
struct FileDigest: Equatable, Sendable {
    let count: Int
    let hash: Int

    init(_ data: Data) {
        var hasher = Hasher()
        data.withUnsafeBytes { hasher.combine(bytes: $0) }
        (count, hash) = (data.count, hasher.finalize())
    }
}

/// Collects rendered files and their digests from the parallel render workers.
private final class DigestRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private let keepingData: Bool
    private(set) var digests: [String: FileDigest] = [:]
    private(set) var files: [(path: String, data: Data)] = []

    init(keepingData: Bool = false) {
        self.keepingData = keepingData
    }

    func add(_ path: String, _ data: Data) {
        let digest = FileDigest(data)
        lock.withLock {
            digests[path] = digest
            if keepingData { files.append((path, data)) }
        }
    }
}

/// The serial executor `IncrementalBuilder` runs on: a dispatch queue of its own, so a build that
/// keeps the cores busy for seconds never holds one of Swift's shared threads.
final class BuildQueue: SerialExecutor {
    private let queue = DispatchQueue(label: "casebook.incremental-build")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedSerialExecutor()) }
    }
}
