import Foundation

/// The compact index of every case that the case index filters and sorts over, and the compare
/// page's chooser searches, in the browser: a manifest with the vocabularies, and shards of
/// `shardSize` cases, each case a short array (slug, title, strategy, state, funding, first and last
/// year, evidence design, date, students reached) of a few tens of bytes. Vocabulary entries are
/// numbers into the manifest's lists; a missing value is -1 or null.
struct FacetIndexFiles: FileType {
    static let manifest = Routes.facetFolder + "manifest.json"
    static let shardSize = 2_000

    func files(_ site: PlanInputs) -> [PlannedFiles] {
        let shards = Pager(total: site.index.cases.count, size: Self.shardSize)
        let manifest = PlannedFiles(name: Self.manifest) { reader in
            let config = reader.config
            let count = reader.count(.all)
            let manifest = Manifest(
                format: 1, count: count, shard_size: Self.shardSize, shards: Pager(total: count, size: Self.shardSize).pageCount,
                latest_year: reader.latestYear,
                strategies: config.strategies.map { [$0.key, $0.label] },
                states: Self.states.map { [$0.code.lowercased(), $0.name] },
                funding: config.funding.map { [$0.key, $0.label] },
                evidence: config.evidenceDesigns.map { [$0.key, $0.label, $0.short] },
                fields: ["slug", "title", "strategy", "state", "funding", "start", "end", "evidence", "date", "students"])
            return [MadeFile(Self.manifest, Data((JSONText.encode(manifest, pretty: false) + "\n").utf8))]
        }
        return [manifest] + (site.index.cases.isEmpty ? [] : shards.pages.map { number in
            let path = Routes.facetFolder + "\(number - 1).json"
            return PlannedFiles(name: path) { reader in
                let config = reader.config
                let range = Pager(total: reader.count(.all), size: Self.shardSize).range(number)
                let records = reader.slice(.all, "", range).map { position -> Record in
                    let study = reader.study(position)
                    return Record(study: study, config: config)
                }
                return [MadeFile(path, Data((JSONText.encode(records, pretty: false) + "\n").utf8))]
            }
        })
    }

    /// Every state in one fixed order (the index refers to them by number).
    static let states = USState.all + [.national]
    private static let statePositions = Dictionary(uniqueKeysWithValues: states.enumerated().map { ($1.code, $0) })

    private struct Manifest: Encodable {
        var format, count, shard_size, shards, latest_year: Int
        var strategies, states, funding, evidence: [[String]]
        var fields: [String]
    }

    /// One case, as an array.
    private struct Record: Encodable {
        let study: CaseStudy
        let config: SiteConfig

        func encode(to encoder: any Encoder) throws {
            var out = encoder.unkeyedContainer()
            try out.encode(study.slug)
            try out.encode(study.title)
            try out.encode(config.strategies.firstIndex { $0.key == study.strategy } ?? -1)
            try out.encode(FacetIndexFiles.statePositions[study.state.code] ?? -1)
            try out.encode(study.funding.compactMap { key in config.funding.firstIndex { $0.key == key } })
            try out.encode(study.years.start)
            if let end = study.years.end { try out.encode(end) } else { try out.encodeNil() }
            try out.encode(study.evidence.flatMap { evidence in config.evidenceDesigns.firstIndex { $0.key == evidence.study.design } } ?? -1)
            try out.encode(study.date.iso)
            if let students = CaseView.studentsReached(study, config: config) {
                try out.encode(study.metrics[students].value)
            } else {
                try out.encodeNil()
            }
        }
    }
}

/// Each case's row of the compare table as JSON, in shards of `shardSize` cases in site order: the
/// compare page fetches the shard of each case a visitor chooses, so it never holds every row.
struct CompareRowFiles: FileType {
    static let shardSize = 100

    func files(_ site: PlanInputs) -> [PlannedFiles] {
        guard !site.index.cases.isEmpty else { return [] }
        return Pager(total: site.index.cases.count, size: Self.shardSize).pages.map { number in
            let path = Routes.compareFolder + "\(number - 1).json"
            return PlannedFiles(name: path) { reader in
                let range = Pager(total: reader.count(.all), size: Self.shardSize).range(number)
                let rows = reader.slice(.all, "", range).map { ComparePages.row($0, reader: reader) }.map(RowRecord.init)
                return [MadeFile(path, Data((JSONText.encode(rows, pretty: false) + "\n").utf8))]
            }
        }
    }

    private struct FigureRecord: Encodable {
        var phrase, label, as_of, certainty, certainty_label, url, source, source_url: String
        init(_ figure: CompareFigure) {
            (phrase, label, as_of, url, source, source_url) = (figure.phrase, figure.label, figure.asOf, figure.url,
                                                               figure.source, figure.sourceURL)
            (certainty, certainty_label) = (figure.certainty.rawValue, MetricView.certaintyLabel(figure.certainty))
        }
    }

    private struct EvidenceRecord: Encodable {
        var label, short, url, caveat: String
        var study_by: String?
    }

    private struct RowRecord: Encodable {
        var slug, title, url, strategy, place, years, funding: String
        var evidence: EvidenceRecord?
        var students: FigureRecord?
        var costs, money, outcomes: [FigureRecord]
        init(_ row: CompareRow) {
            (slug, title, url, strategy, place, years, funding) = (row.slug, row.title, row.url, row.strategyLabel, row.place,
                                                                    row.years, row.funding)
            evidence = row.evidence.map { badge in
                EvidenceRecord(label: badge.label, short: badge.short, url: badge.url, caveat: badge.caveat,
                               study_by: badge.studyBy.map { $0 == .own ? "own study" : "independent" })
            }
            students = row.students.map(FigureRecord.init)
            (costs, money, outcomes) = (row.costs.map(FigureRecord.init), row.money.map(FigureRecord.init),
                                        row.outcomes.map(FigureRecord.init))
        }
    }
}
