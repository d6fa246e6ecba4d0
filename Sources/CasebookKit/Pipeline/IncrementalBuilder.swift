import Foundation

/// Rebuilds a site as its files change (`casebook serve`), redoing only what a change affects.
///
/// The first build, and any build after a change to a template, an asset or an image, is a full
/// one: every page rendered into a staging folder and swapped in, each recording what it read
/// (`SiteReader`). After a change to content (a case, a page, site.yml, context.yml), only the
/// changed files are read again and their Markdown rendered; the new site is compared with the one
/// last written (`ChangeSet`), and exactly the pages and file groups whose recorded reads the change
/// touched are rendered again.
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

    /// The site as last written, what was found in it, and what each of its pages and file groups
    /// read. Nil until a full build.
    private var last: (site: PreparedSite, diagnostics: [Diagnostic], reads: Reads)?
    /// The size and fingerprint of every file rendered into the output, by path relative to it.
    private var digests: [String: FileDigest] = [:]
    /// Something changed that every page may show (a template, an asset): the next build is a full one.
    private var pendingFull = true
    /// Files changed since the site was last written (nil: anything may have), so that only those
    /// cases are compared with their previous versions.
    private var pendingPaths: Set<String>? = []
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
        let prepared = try builder.prepare(options, cache: cache, timer: timer)
        guard let site = prepared.site, !prepared.diagnostics.hasErrors else {
            return Self.failed(prepared.diagnostics, timer: timer)
        }
        basePath = site.routes.basePath
        guard let previous = last, !pendingFull, builder.fileSystem.directoryExists(at: options.outputPath) else {
            let recorder = DigestRecorder()
            let (count, reads) = try builder.writeAll(site, writer: writer, timer: timer, recording: true) { file, data, fingerprint in
                recorder.add(file, data, fingerprint: fingerprint)
            }
            digests = recorder.digests
            finish(site, diagnostics: prepared.diagnostics, reads: reads)
            var report = BuildReport(diagnostics: prepared.diagnostics, succeeded: true,
                                     pagesWritten: site.plan.pages.count, filesWritten: count, timings: timer.timings)
            report.pictureCopies = (site.pictures.made, site.pictures.reused)
            return Result(report: report, full: true, rendered: site.plan.pages.map(\.route), removed: [], pages: site.plan.pages.count)
        }

        // What the edit changed, and the pages and files that read any of it.
        let oldRoutes = Set(previous.site.plan.pages.map(\.route)), newRoutes = Set(site.plan.pages.map(\.route))
        let changes = timer.time("compare with the previous site") {
            ChangeSet(from: previous.site.index, to: site.index, oldRoutes: oldRoutes, newRoutes: newRoutes,
                      reloaded: pendingPaths?.contains("content/site.yml") == true ? nil : pendingPaths)
        }
        let pages = site.plan.pages.filter { page in previous.reads.pages[page.route].map(changes.affects) ?? true }
        let groups = site.plan.files.filter { group in previous.reads.files[group.name].map { changes.affects($0.reads) } ?? true }
        let removed = oldRoutes.subtracting(newRoutes).sorted()
        let (written, reads) = try update(pages, groups, of: site, removing: removed.map(Routes.file(for:)),
                                          previous: previous.reads, timer: timer)
        finish(site, diagnostics: prepared.diagnostics, reads: reads)
        var report = BuildReport(diagnostics: prepared.diagnostics, succeeded: true, pagesWritten: pages.count,
                                 filesWritten: written, timings: timer.timings)
        report.pictureCopies = (site.pictures.made, site.pictures.reused)
        return Result(report: report, full: false, rendered: pages.map(\.route), removed: removed, pages: site.plan.pages.count)
    }

    /// Renders `pages` and makes `groups`, and puts those whose bytes changed into the output,
    /// removing `removing` and the files a group no longer makes, all or nothing. Returns how many
    /// files were written, and the reads of every page and group now.
    private func update(_ pages: [PlannedPage], _ groups: [PlannedFiles], of site: PreparedSite, removing: [String],
                        previous: Reads, timer: PhaseTimer) throws(BuildError) -> (Int, Reads) {
        let recorder = DigestRecorder(keepingData: true)
        let (pageReads, made) = try timer.time("render \(pages.count) pages and \(groups.count) groups of files") { () throws(BuildError) in
            let made = site.makeFiles(groups, recording: true)
            for group in made { for file in group.files { recorder.add(file.path, file.data, fingerprint: file.fingerprint) } }
            let pageReads = try SiteBuilder.render(pages, of: site, recording: true) { data, file in recorder.add(file, data) }
            return (pageReads, made)
        }
        var reads = Reads()
        let routes = Set(site.plan.pages.map(\.route))
        for (route, read) in previous.pages where routes.contains(route) { reads.pages[route] = read }
        for (page, read) in zip(pages, pageReads) { reads.pages[page.route] = read }
        let names = Set(site.plan.files.map(\.name))
        for (name, entry) in previous.files where names.contains(name) { reads.files[name] = entry }
        for group in made { reads.files[group.name] = (group.files.map(\.path), group.reads) }
        // Files a group made before and makes no more (a shard fewer), and those of groups now gone.
        var gone = Set(previous.files.values.flatMap(\.paths))
        gone.subtract(reads.files.values.flatMap(\.paths))
        let removing = removing + gone.sorted()

        let (files, newDigests) = (recorder.files, recorder.digests)
        let changed = files.filter { digests[$0.path] != newDigests[$0.path] }
        try timer.time("write \(changed.count) changed files") { () throws(BuildError) in
            do throws(BuildError) {
                try OutputUpdate(fileSystem: builder.fileSystem, output: options.outputPath).apply(changed, removed: removing)
            } catch {
                // Some may have been renamed into place before a failure: write them all next time.
                for file in changed { digests[file.path] = nil }
                throw error
            }
        }
        for file in changed { digests[file.path] = newDigests[file.path] }
        for file in removing { digests[file] = nil }
        return (changed.count, reads)
    }

    private static func failed(_ diagnostics: [Diagnostic], timer: PhaseTimer) -> Result {
        Result(report: BuildReport(diagnostics: diagnostics, succeeded: false, pagesWritten: 0, filesWritten: 0,
                                   timings: timer.timings),
               full: false, rendered: [], removed: [], pages: 0)
    }

    /// Records what changed and forgets the cached copies of those files. Content is compared with
    /// the previous site after loading; templates and assets are not, so they make the next build a
    /// full one.
    private func note(_ changed: Set<String>?) {
        for path in changed ?? [] where !path.hasPrefix("content/") || path.hasPrefix("content/images/") {
            pendingFull = true
        }
        if let changed { pendingPaths?.formUnion(changed) } else { pendingFull = true; pendingPaths = nil }
        cache.invalidate(changed)
    }

    private func finish(_ site: PreparedSite, diagnostics: [Diagnostic], reads: Reads) {
        last = (site, diagnostics, reads)
        pendingFull = false
        pendingPaths = []
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

    /// The digest of a file whose maker gave its fingerprint: the bytes are not read again. A path is
    /// always made the same way, so its digests are always of one kind.
    init(count: Int, fingerprint: UInt64) {
        (self.count, hash) = (count, Int(truncatingIfNeeded: fingerprint))
    }
}

/// Collects rendered files and their digests from the parallel render workers.
private struct DigestRecorder: Sendable {
    private let keepingData: Bool
    private let collected = Locked<(digests: [String: FileDigest], files: [(path: String, data: Data)])>(([:], []))

    init(keepingData: Bool = false) {
        self.keepingData = keepingData
    }

    func add(_ path: String, _ data: Data, fingerprint: UInt64? = nil) {
        let digest = fingerprint.map { FileDigest(count: data.count, fingerprint: $0) } ?? FileDigest(data)
        collected.withLock { collected in
            collected.digests[path] = digest
            if keepingData { collected.files.append((path, data)) }
        }
    }

    var digests: [String: FileDigest] { collected.current.digests }
    var files: [(path: String, data: Data)] { collected.current.files }
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
