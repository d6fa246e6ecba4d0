import Foundation

/// The whole build, as phases in order: load → validate → render → write. Each phase is timed
/// (`--verbose` prints the timings). Nothing is written unless every earlier phase succeeded.
public struct SiteBuilder: Sendable {
    public let fileSystem: any FileSystem

    public init(fileSystem: any FileSystem = LocalFileSystem()) {
        self.fileSystem = fileSystem
    }

    public func build(_ options: BuildOptions) throws(BuildError) -> BuildReport {
        var timings: [(String, Double)] = []
        let clock = ContinuousClock()
        func timed<T>(_ phase: String, _ work: () throws(BuildError) -> T) throws(BuildError) -> T {
            options.onProgress?(phase)
            let start = clock.now
            let result = try work()
            let elapsed = clock.now - start
            timings.append((phase, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
            return result
        }
        let root = options.root
        guard fileSystem.directoryExists(at: root + "/content") else {
            throw BuildError("there is no content/ folder in \(root)",
                             hint: "run casebook in the site's folder, or pass --root with the folder that holds content/ and templates/")
        }
        let outputPath = options.output.map { $0.hasPrefix("/") ? $0 : FileManager.default.currentDirectoryPath + "/" + $0 } ?? root + "/public"
        let writer = OutputWriter(fileSystem: fileSystem, root: root, output: outputPath, force: options.force)
        if !options.dryRun { try writer.checkOutputFolder() }

        // Load and validate.
        let (loaded, templates, loadDiagnostics) = try timed("load") { () -> (SiteContent?, TemplateSet?, [Diagnostic]) in
            let (content, found) = ContentLoader(fileSystem: fileSystem, root: root).load(includeDrafts: options.includeDrafts)
            let (templates, templateDiagnostics) = TemplateSet.load(fileSystem: fileSystem, root: root)
            return (content, templates, found + templateDiagnostics)
        }
        var diagnostics = loadDiagnostics
        guard let content = loaded, let templates else {
            return BuildReport(diagnostics: diagnostics.sortedByLocation(), succeeded: false, pagesWritten: 0, filesWritten: 0, timings: timings)
        }
        if let base = options.baseURL, case .problem(let message, let hint) = URLCheck.check(base) {
            throw BuildError("--base-url \(message)", hint: hint)
        }
        let routes = Routes(baseURL: options.baseURL ?? content.config.baseURL)
        let index = SiteIndex(content)

        // Render Markdown, plan the pages, check links against what will be published.
        let (pages, bodies) = try timed("render markdown") { () -> ([PlannedPage], [String: Markdown.Rendered]) in
            let sources = content.caseStudies.map(\.body) + content.pages.map(\.body)
            let rendered = parallelMap(sources) { Markdown.render($0, basePath: routes.basePath) }
            let bodies = Dictionary(uniqueKeysWithValues: zip(sources.map(\.file), rendered))
            return (SitePlanner(index: index, routes: routes, bodies: bodies).plan(), bodies)
        }
        let assets = ((try? fileSystem.filesRecursively(in: root + "/templates/assets")) ?? [])
        var published = Set(pages.map(\.route))
        published.formUnion(Self.dataFiles + assets.map { "assets/" + $0 } + content.images.map { "images/" + $0 })
        published.formUnion(content.failedCaseSlugs.map(Routes.caseStudy))
        let checker = LinkChecker(published: published, images: Set(content.images))
        for study in content.caseStudies {
            diagnostics += checker.check(bodies[study.sourcePath]!)
            if let image = study.image, !content.images.contains(image.path) {
                diagnostics.append(.error(SourceLocation(file: study.sourcePath, line: 1, column: 1),
                                          "the image `\(image.source)` does not exist in content/images/",
                                          hint: "put the picture in content/images/ or correct the file name"))
            }
        }
        for page in content.pages { diagnostics += checker.check(bodies[page.sourcePath]!) }

        if options.strict {
            diagnostics = diagnostics.map { var d = $0; d.severity = .error; return d }
        }
        diagnostics = diagnostics.sortedByLocation()
        guard !diagnostics.hasErrors, !options.dryRun else {
            return BuildReport(diagnostics: diagnostics, succeeded: false, pagesWritten: 0, filesWritten: 0, timings: timings)
        }

        // Render templates and write into staging, then swap.
        let renderer = PageRenderer(templates: templates, routes: routes, config: content.config,
                                    menuPages: content.pages.filter { $0.menu != nil })
        let staging = try writer.makeStaging()
        let written: Int = try timed("render and write \(pages.count) pages") { () throws(BuildError) -> Int in
            do {
                let files = pages.map { Routes.file(for: $0.route) } + Self.dataFiles
                    + assets.map { "assets/" + $0 } + content.images.map { "images/" + $0 }
                try staging.createFolders(for: files)
                let failures = parallelMap(pages) { page -> String? in
                    do { try staging.write(renderer.render(page), to: Routes.file(for: page.route)); return nil }
                    catch { return "\(Routes.file(for: page.route)): \(error.localizedDescription)" }
                }
                if let failure = failures.compactMap({ $0 }).first { throw BuildError("could not write \(failure)") }
                try staging.write(DataExport.json(index: index, routes: routes), to: "data/case-studies.json")
                try staging.write(DataExport.csv(index: index), to: "data/metrics.csv")
                try staging.write(DataExport.searchIndex(index: index, routes: routes), to: "search-index.json")
                for asset in assets { try staging.copy(from: root + "/templates/assets/" + asset, to: "assets/" + asset) }
                for image in content.images { try staging.copy(from: root + "/content/images/" + image, to: "images/" + image) }
                return files.count
            } catch let error as BuildError {
                writer.discard(staging)
                throw error
            } catch {
                writer.discard(staging)
                throw BuildError("could not write the site: \(error.localizedDescription)")
            }
        }
        try timed("swap output") { () throws(BuildError) in try writer.commit(staging) }
        return BuildReport(diagnostics: diagnostics, succeeded: true, pagesWritten: pages.count, filesWritten: written, timings: timings)
    }

    static let dataFiles = ["data/case-studies.json", "data/metrics.csv", "search-index.json"]
}
