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
        let written = try writeAll(site, writer: writer, timer: timer).count
        var report = BuildReport(diagnostics: prepared.diagnostics, succeeded: true, pagesWritten: site.plan.pages.count,
                                 filesWritten: written, timings: timer.timings)
        report.pictureCopies = (site.pictures.made, site.pictures.reused)
        return report
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
            // Compiled once and kept until a template changes (`casebook serve`).
            var kept = cache.templates.peek("templates")
            if kept == nil {
                let loaded = try TemplateSet.load(fileSystem: fileSystem, root: root)
                kept = cache.templates.value("templates") { loaded }
            }
            let (templates, templateDiagnostics) = kept!
            return (content, templates, found + templateDiagnostics)
        }
        var diagnostics = loadDiagnostics
        guard let content = loaded, let templates else { return (nil, diagnostics.sortedByLocation()) }
        if let problem = options.overrideProblem { throw problem }
        let routes = Routes(baseURL: options.baseURL ?? content.config.baseURL)
        let index = timer.time("index") { SiteIndex(content, figureIDs: cache.figureIDs) }

        // Read every picture and make the resized copies the cache folder does not hold.
        let pictureCache = PictureCache(folder: options.pictureCachePath, fileSystem: fileSystem)
        let pictures = try timer.time("pictures") { () throws(BuildError) -> PictureCatalog in
            // Kept from the last build (`serve`): nothing read or made this time, unless a copy was
            // deleted from the cache folder meanwhile.
            if let kept = cache.pictures.peek("pictures"),
               kept.pictures.values.allSatisfy({ $0.copies.allSatisfy { pictureCache.contains($0.cacheName) } }) {
                return PictureCatalog(pictures: kept.pictures, made: 0, reused: 0)
            }
            let made = try PictureCatalog.make(content.images, root: root, settings: content.config.images, cache: pictureCache,
                                               fileSystem: fileSystem)
            // Only a build that writes the site tidies the folder: checks (the editor's among them) can
            // run beside a build and must not remove a copy it has just made.
            if !options.dryRun { pictureCache.prune(keeping: Set(made.pictures.values.flatMap { $0.copies.map(\.cacheName) })) }
            cache.pictures.store(made, at: "pictures")
            return made
        }

        // Render Markdown (only bodies the cache does not hold), draw the cards, plan the pages.
        let bodies = timer.time("render markdown") {
            Self.renderBodies(of: content, routes: routes, cache: cache, pictures: pictures)
        }
        let (plan, inputs) = timer.time("plan") { () -> (SitePlan, PlanInputs) in
            var inputs = Self.inputs(index, routes: routes, bodies: bodies, templates: templates, cache: cache)
            inputs.pictures = pictures
            return (PageRegistry.plan(inputs), inputs)
        }

        // Check links against what will be published.
        let failures = EnvironmentFailures()
        let assetListing = failures.listing { try fileSystem.filesRecursively(in: root + "/templates/assets", within: root + "/templates") }
        try failures.check()
        diagnostics += assetListing.skipped.map { Diagnostic.skipped($0, in: "templates/assets", boundary: "templates") }
        let assets = assetListing.files
        var published = Set(plan.pages.map(\.route))
        published.formUnion(Self.dataFiles + assets.map { "assets/" + $0 } + content.images.map { "images/" + $0 })
        published.formUnion(pictures.pictures.values.flatMap(\.copies).map(\.route))
        published.formUnion(content.failedCaseSlugs.map(Routes.caseStudy))
        published.formUnion(Charts.csvFiles(config: content.config, cases: content.caseStudies))
        let checker = LinkChecker(published: published, images: Set(content.images), pictures: pictures,
                                  imageSettings: content.config.images)
        diagnostics += timer.time("check links") { () -> [Diagnostic] in
            // A case's links are checked again when its file changed or the site's set of addresses did.
            if cache.published.peek("published") != published {
                cache.linkChecks.removeAll()
                cache.published.store(published, at: "published")
            }
            return parallelMap(content.caseStudies) { study in
                cache.linkChecks.value(study.sourcePath) { check(study, body: bodies[study.sourcePath]!, against: checker) }
            }.flatMap { $0 }
        }
        for page in content.pages { diagnostics += checker.check(bodies[page.sourcePath]!) }
        diagnostics += PictureCheck.unused(pictures, shownIn: content, bodies: bodies)
        if options.checksPublishingSettings {
            diagnostics += SiteSettingsCheck.check(config: content.config, baseURL: options.baseURL, contact: options.contact)
        }
        if let slug = content.config.roles.methodologyPage, !content.pages.contains(where: { $0.slug == slug }) {
            diagnostics.append(.warning(content.config.locations["roles"] ?? content.config.location,
                                        "`roles: methodology_page:` names `\(slug)`, but there is no content/pages/\(slug).md",
                                        hint: "write that page, or name the page that explains how figures and evidence are rated"))
        }

        if options.strict { diagnostics = Self.strict(diagnostics) }
        let renderer = PageRenderer(templates: templates, inputs: inputs, contact: options.contact)
        let site = PreparedSite(root: root, content: content, plan: plan, renderer: renderer, assets: assets, checker: checker,
                                pictures: pictures, pictureCache: pictureCache)
        return (site, diagnostics.sortedByLocation())
    }

    /// What is wrong with a case beyond its own file: links in its story to pages or files the site
    /// does not publish, a picture that is not in content/images/.
    func check(_ study: CaseStudy, body: Markdown.Rendered, against checker: LinkChecker) -> [Diagnostic] {
        var found = checker.check(body)
        if let image = study.image {
            let location = image.locations["src"] ?? SourceLocation(file: study.sourcePath, line: 1, column: 1)
            if let picture = checker.pictures.picture(at: image.path) {
                found += PictureCheck.problems(of: picture, at: location, settings: checker.imageSettings)
            } else {
                found.append(.error(location, "the image `\(image.source)` does not exist in content/images/",
                                    hint: PictureCheck.missingHint(image.path, among: checker.images,
                                                                   otherwise: "put the picture in content/images/ or correct the file name"),
                                    code: .caseImageMissing))
            }
        }
        return found
    }

    /// `--strict`: every warning is an error.
    static func strict(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.map { var d = $0; d.severity = .error; return d }
    }

    // The phases a build is made of, also run on their own by `PipelineStages` (the benchmarks).

    /// Every case's and page's Markdown rendered with cmark (only what the cache does not hold), by source path.
    /// Pictures are drawn with their resized copies after the cache (a picture's change keeps the text).
    static func renderBodies(of content: SiteContent, routes: Routes, cache: BuildCache,
                             pictures: PictureCatalog = .empty) -> [String: Markdown.Rendered] {
        let sources = content.caseStudies.map(\.body) + content.pages.map(\.body)
        let sizes = content.config.images.sizes
        let rendered = parallelMap(sources) { source in
            var body = cache.bodies.value(source.file) { Markdown.render(source, basePath: routes.basePath) }
            if !body.images.isEmpty { body.html = PictureMarkup.rewrite(body.html, catalog: pictures, routes: routes, sizes: sizes) }
            return body
        }
        return Dictionary(uniqueKeysWithValues: zip(sources.map(\.file), rendered))
    }

    /// What pages are built from: the lookups, the bodies and every case's card (drawn only where
    /// the cache does not hold it).
    static func inputs(_ index: SiteIndex, routes: Routes, bodies: [String: Markdown.Rendered], templates: TemplateSet,
                       cache: BuildCache) -> PlanInputs {
        PlanInputs(index: index, routes: routes, bodies: bodies,
                   cards: PlanInputs.drawCards(index, routes: routes, templates: templates, cache: cache.cards),
                   reportEntries: cache.reportEntries, exports: cache.exports, searchShards: cache.searchShards)
    }

    /// Renders every page and file into a staging folder and swaps it in for the output folder.
    /// `record` is handed each rendered page and made file (not the copied ones) with its path
    /// relative to the output folder; `reads` what each page and file group read, when asked for.
    func writeAll(_ site: PreparedSite, writer: OutputWriter, timer: PhaseTimer, recording: Bool = false,
                  record: (@Sendable (String, Data, UInt64?) -> Void)? = nil) throws(BuildError) -> (count: Int, reads: Reads) {
        let staging = try writer.makeStaging()
        let result: (Int, Reads) = try timer.time("render and write \(site.plan.pages.count) pages") { () throws(BuildError) -> (Int, Reads) in
            try writer.filling(staging) {
                // The page folders are made (by the kernel, one at a time) while the files are made.
                let pageFiles = site.plan.pages.map { Routes.file(for: $0.route) } + site.copiedFiles.map(\.to)
                let prepared = parallelMap([0, 1]) { job -> PreparedOutput in
                    if job == 1 { return .files(site.makeFiles(site.plan.files, recording: recording)) }
                    do { return .folders(try staging.createFolders(for: pageFiles)) } catch { return .failed(error) }
                }
                var made: [MadeFiles] = []
                var folders: Set<String> = []
                for outcome in prepared {
                    switch outcome {
                    case .files(let files): made = files
                    case .folders(let created): folders = created
                    case .failed(let error): throw error
                    }
                }
                let files = made.flatMap(\.files)
                try staging.createFolders(for: files.map(\.path), existing: folders)
                for file in files {
                    try staging.write(file.data, to: file.path)
                    record?(file.path, file.data, file.fingerprint)
                }
                let pageReads = try Self.render(site.plan.pages, of: site, recording: recording) { data, file in
                    try staging.write(data, to: file)
                    record?(file, data, nil)
                }
                for copy in site.copiedFiles { try staging.copy(from: copy.from, to: copy.to) }
                var reads = Reads()
                for (page, read) in zip(site.plan.pages, pageReads) { reads.pages[page.route] = read }
                for group in made { reads.files[group.name] = (group.files.map(\.path), group.reads) }
                return (pageFiles.count + files.count, reads)
            }
        }
        try timer.time("swap output") { () throws(BuildError) in try writer.commit(staging) }
        return result
    }

    /// Renders `pages` in parallel, handing each to `write` with its path relative to the output
    /// folder. Returns what each page read (empty sets unless `recording`), in order.
    static func render(_ pages: [PlannedPage], of site: PreparedSite, recording: Bool,
                       into write: @Sendable (Data, String) throws -> Void) throws(BuildError) -> [Set<Dependency>] {
        let outcomes = parallelMap(pages) { page -> Result<Set<Dependency>, BuildError> in
            let file = Routes.file(for: page.route)
            do {
                let (data, reads) = try site.renderer.render(page, recording: recording)
                try write(data, file)
                return .success(reads)
            } catch let error as BuildError {
                return .failure(error)  // a page that cannot be drawn
            } catch {
                return .failure(BuildError("could not write \(file): \(OutputWriter.describe(error))",
                                           hint: "check that the disk has room and the output folder is writable; the previous site was kept"))
            }
        }
        var reads: [Set<Dependency>] = []
        reads.reserveCapacity(outcomes.count)
        for outcome in outcomes {
            switch outcome {
            case .success(let read): reads.append(read)
            case .failure(let failure): throw failure
            }
        }
        return reads
    }

    /// Files at fixed places that stories may link to; the search index's other files depend on the content.
    static let dataFiles = [Routes.jsonDownload, Routes.csvDownload, SearchIndex.manifest, FacetIndexFiles.manifest]
}

/// What each page and file group read while it was built, by route and group name.
struct Reads: Sendable {
    var pages: [String: Set<Dependency>] = [:]
    var files: [String: (paths: [String], reads: Set<Dependency>)] = [:]
}

/// One group of files as made, with what it read.
struct MadeFiles: Sendable {
    let name: String
    let files: [MadeFile]
    let reads: Set<Dependency>
}

/// What the two jobs before writing give: the folders made, or the files to write.
private enum PreparedOutput: Sendable {
    case folders(Set<String>)
    case files([MadeFiles])
    case failed(any Error)
}

/// A site loaded, checked and planned: everything the write phase needs.
struct PreparedSite: Sendable {
    let root: String
    let content: SiteContent
    let plan: SitePlan
    let renderer: PageRenderer
    /// Files under templates/assets, relative to it.
    let assets: [String]
    /// Checks links against what the site publishes (a rebuild after a story changed checks that story).
    let checker: LinkChecker
    /// Every picture with its resized copies, kept in `pictureCache`.
    let pictures: PictureCatalog
    let pictureCache: PictureCache

    var inputs: PlanInputs { renderer.inputs }
    var index: SiteIndex { inputs.index }
    var routes: Routes { inputs.routes }

    /// Makes the given file groups in parallel (the largest, the downloads and the search index, first).
    func makeFiles(_ groups: [PlannedFiles], recording: Bool) -> [MadeFiles] {
        parallelMap(groups) { group in
            let (files, reads) = renderer.make(group, recording: recording)
            return MadeFiles(name: group.name, files: files, reads: reads)
        }
    }

    /// Stylesheets, scripts and pictures copied as they are (a picture that cannot be shown is not
    /// published), and the pictures' resized copies from the cache folder.
    var copiedFiles: [(from: String, to: String)] {
        assets.map { (root + "/templates/assets/" + $0, "assets/" + $0) }
            + content.images.filter { pictures.pictures[$0]?.problem == nil }.map { (root + "/content/images/" + $0, "images/" + $0) }
            + pictureCopies.map { (pictureCache.path(of: $0.cacheName), $0.route) }
    }

    /// Each resized copy once (two originals with the same name and bytes, `a.jpg` and `A.JPG`, share theirs).
    private var pictureCopies: [PictureCopy] {
        var seen: Set<String> = []
        return pictures.pictures.keys.sorted().flatMap { pictures.pictures[$0]!.copies }.filter { seen.insert($0.route).inserted }
    }
}
