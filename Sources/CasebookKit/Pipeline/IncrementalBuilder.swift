import Foundation

/// Rebuilds a site as its files change (`casebook serve`), redoing only what a change affects.
///
/// The first build, and any build after a change to site.yml, context.yml, a page, a template, an
/// asset or an image, is a full one: every page rendered into a staging folder and swapped in. After
/// that, a change to case-study files re-reads only those files, re-renders only their Markdown, and
/// re-renders only the pages that show one of the changed cases (its own page, the listings it is
/// on, its neighbours and related cases) plus the pages drawn from the whole site (home, index,
/// feed, sitemap, data files). Those are written into a hard-linked copy of the output that is swapped
/// in whole, so a rebuild is all or nothing like a build. A build with errors writes nothing, and what
/// it did not get to is carried over to the next build.
public final class IncrementalBuilder: @unchecked Sendable {
    public let options: BuildOptions
    private let builder: SiteBuilder
    private let cache = BuildCache()
    /// Every page as last written, with the cases it shows (nil: the whole site). Nil until a full build.
    private var written: [String: [String]?]?
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
        /// Routes of the pages rendered and written.
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
        let prepared = try builder.prepare(options, cache: cache, timer: timer)
        guard let site = prepared.site, !prepared.diagnostics.hasErrors else {
            return Result(report: BuildReport(diagnostics: prepared.diagnostics, succeeded: false, pagesWritten: 0,
                                              filesWritten: 0, timings: timer.timings),
                          full: false, rendered: [], removed: [], pages: 0)
        }
        basePath = site.routes.basePath
        let plan = Dictionary(uniqueKeysWithValues: site.pages.map { ($0.route, $0.dependsOn) })
        guard let previous = written, !pendingFull, builder.fileSystem.directoryExists(at: options.outputPath) else {
            let count = try builder.writeAll(site, writer: writer, timer: timer)
            finish(plan)
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

        // All or nothing, like a full build: the current output is cloned with hard links into a staging
        // folder, the affected files are replaced there (each written as a new file, never into a linked
        // one), and the staging folder is exchanged for the output in one step. A disk that fills up
        // half-way leaves the previous site as it was.
        let fileSystem = builder.fileSystem
        let output = options.outputPath
        let exports = site.makeDataExports()
        let staging = try writer.makeStaging()
        try timer.time("render and write \(affected.count) of \(site.pages.count) pages") { () throws(BuildError) in
            try writer.filling(staging) {
                try fileSystem.linkTree(from: output, to: staging.path)
                try SiteBuilder.render(affected, of: site, exports: exports) { data, file in
                    try fileSystem.createDirectory(at: staging.path + "/" + (file as NSString).deletingLastPathComponent)
                    try fileSystem.replaceFile(data, at: staging.path + "/" + file)
                }
                // The search index's shards and documents are numbered; drop the numbers no longer used.
                let exported = Set(exports.map(\.file))
                let indexFolder = staging.path + "/" + SearchIndex.folder
                for file in (try? fileSystem.filesRecursively(in: indexFolder, within: indexFolder))?.files ?? []
                where !exported.contains(SearchIndex.folder + "/" + file) {
                    try? fileSystem.removeItem(at: indexFolder + "/" + file)
                }
                for route in removed {
                    let file = staging.path + "/" + Routes.file(for: route)
                    try? fileSystem.removeItem(at: file)
                    let folder = (file as NSString).deletingLastPathComponent
                    if folder != staging.path, (try? fileSystem.contentsOfDirectory(at: folder))?.isEmpty == true {
                        try? fileSystem.removeItem(at: folder)
                    }
                }
            }
        }
        try timer.time("swap output") { () throws(BuildError) in try writer.commit(staging) }
        finish(plan)
        return Result(report: BuildReport(diagnostics: prepared.diagnostics, succeeded: true, pagesWritten: affected.count,
                                          filesWritten: affected.count + exports.count, timings: timer.timings),
                      full: false, rendered: affected.map(\.route), removed: removed, pages: site.pages.count)
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

    private func finish(_ plan: [String: [String]?]) {
        written = plan
        pendingPaths = []
        pendingSlugs = []
        pendingFull = false
    }
}
