import Foundation

/// The downloads (every case and figure as JSON, one row per figure as CSV) and each chart's numbers
/// as a CSV of its own. Each case's share of the downloads is encoded once and kept between rebuilds
/// (`PlanInputs.exports`), so remaking a download after one edit joins finished pieces.
struct DownloadFiles: FileType {
    func files(_ site: PlanInputs) -> [PlannedFiles] {
        [PlannedFiles(name: "downloads") { reader in
            let fragments = Self.fragments(reader, readingStories: false)
            let json = DataExport.json(config: reader.config, context: reader.context, routes: reader.routes, fragments: fragments)
            return [MadeFile(Routes.jsonDownload, json), MadeFile(Routes.csvDownload, DataExport.csv(fragments: fragments))]
        },
         PlannedFiles(name: "charts") { reader in
            Charts(reader: reader).all.map { chart in MadeFile(chart.csvFile, Charts.csv(chart)) }
        }]
    }

    /// Each case's share of the downloads and the search index, in site order. A fragment holds the
    /// case's search document too, made from its story; the downloads themselves show no story, so
    /// they read the stories without recording it (`readingStories: false`) and a story edit leaves
    /// them alone.
    static func fragments(_ reader: SiteReader, readingStories: Bool = true) -> [DataExport.Fragments] {
        let cases = reader.everyCase
        let bodies = readingStories ? reader.everyStory : reader.inputs.bodies
        let (config, routes, memo) = (reader.config, reader.routes, reader.inputs.exports)
        return parallelMap(cases) { study in
            memo.value(study.sourcePath) {
                let body = bodies[study.body.file]?.html ?? Markdown.render(study.body, basePath: routes.basePath).html
                return DataExport.fragments(study, config: config, routes: routes, bodyHTML: body)
            }
        }
    }
}

/// The search index (see `SearchIndex`): term shards, document shards and their manifest, cut from
/// every case and page at once.
struct SearchIndexFiles: FileType {
    func files(_ site: PlanInputs) -> [PlannedFiles] {
        [PlannedFiles(name: "search-index") { reader in
            let fragments = DownloadFiles.fragments(reader)
            let pages = reader.plainPages
            var bodies: [String: String] = [:]
            for page in pages { bodies[page.sourcePath] = reader.body(of: page)?.html ?? "" }
            let memo = reader.inputs.searchShards
            let cases = reader.everyCase
            let (files, state) = DataExport.searchFiles(
                pages: pages, routes: reader.routes, fragments: fragments,
                addresses: cases.map { reader.routes.link(Routes.caseStudy($0.slug)) },
                pageBodies: bodies, listings: Self.listings(reader), previous: memo.peek("index") ?? SearchShards())
            memo.store(state, at: "index")
            return files
        }]
    }

    /// Each strategy's and each state's list of cases, so search finds them by name.
    static func listings(_ reader: SiteReader) -> [DataExport.Listing] {
        let (config, routes) = (reader.config, reader.routes)
        let strategies = reader.keys(.strategy).compactMap { key in
            config.strategy(key).map { strategy in
                DataExport.Listing(title: strategy.label, url: routes.link(Routes.strategy(key)),
                                   summary: "\(CaseCount.phrase(reader.count(.strategy, key))) of this strategy. " + strategy.description)
            }
        }
        let states = reader.keys(.state).compactMap { code in
            USState.named(code).map { state in
                DataExport.Listing(title: state.name, url: routes.link(Routes.state(code)),
                                   summary: "\(CaseCount.phrase(reader.count(.state, code))) in \(state.name).")
            }
        }
        return strategies + states
    }
}
