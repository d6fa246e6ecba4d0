import Foundation

/// What one build remembers for the next, by source path: each content file as decoded, each body as
/// rendered, each case's card, report entry and share of the downloads. `casebook serve` keeps one, so a
/// rebuild after a save re-reads and re-renders only the files that changed. Safe to use from the
/// build's parallel workers.
public final class BuildCache: Sendable {
    let cases = PathMemo<(CaseStudy?, [Diagnostic])>()
    let pages = PathMemo<(Page?, [Diagnostic])>()
    let bodies = PathMemo<Markdown.Rendered>()
    let exports = PathMemo<DataExport.Fragments>()
    /// Cards are drawn with the templates and the site's settings, so they go when either changes.
    let cards = PathMemo<KeptCard>()
    /// Each case's entry in the report, its story's headings already moved down a level.
    let reportEntries = PathMemo<ReportEntry>()
    /// Each case's figure anchors.
    let figureIDs = PathMemo<[String]>()
    /// The search index as the last build made it (one entry), kept whatever changes: it compares
    /// the new documents with its own and redoes only what differs.
    let searchShards = PathMemo<SearchShards>()
    /// Each case's link check, and the addresses it was checked against (one entry, `published`).
    let linkChecks = PathMemo<[Diagnostic]>()
    let published = PathMemo<Set<String>>()
    /// The compiled templates (one entry, `templates/`), kept until a file under templates/ changes.
    let templates = PathMemo<(TemplateSet?, [Diagnostic])>()

    public init() {}

    /// Forgets what the given files (paths relative to the site root) produced, and what depends on
    /// them: case studies are decoded against site.yml's vocabularies, so a change there forgets
    /// everything; a template change forgets the cards. Nil forgets everything.
    public func invalidate(_ changed: Set<String>?) {
        if changed?.contains(where: { $0.hasPrefix("templates/") }) ?? true { templates.removeAll() }
        guard let changed, !changed.contains("content/site.yml") else {
            for memo in [cases, pages, bodies, exports, cards, reportEntries, figureIDs, linkChecks] as [any PathMemoProtocol] { memo.removeAll() }
            return
        }
        for memo in [cases, pages, bodies, exports, cards, reportEntries, figureIDs, linkChecks] as [any PathMemoProtocol] { memo.remove(changed) }
        if changed.contains(where: { $0.hasPrefix("templates/") }) { cards.removeAll() }
    }

    /// The slug a case-study file had when it was last decoded, if it decoded.
    func slug(of path: String) -> String? {
        cases.peek(path)?.0?.slug
    }
}

protocol PathMemoProtocol: Sendable {
    func remove(_ paths: Set<String>)
    func removeAll()
}

/// Values made from files, by path, shared by parallel workers: each is made once and kept until
/// its file changes.
final class PathMemo<Value>: PathMemoProtocol, @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Value] = [:]

    /// The kept value if there is one and `isCurrent` accepts it; otherwise `make()`, kept.
    func value(_ path: String, isCurrent: (Value) -> Bool = { _ in true }, orMake make: () -> Value) -> Value {
        if let hit = peek(path), isCurrent(hit) { return hit }
        let made = make()
        lock.withLock { values[path] = made }
        return made
    }

    func peek(_ path: String) -> Value? {
        lock.withLock { values[path] }
    }

    func remove(_ paths: Set<String>) {
        lock.withLock { for path in paths { values[path] = nil } }
    }

    func removeAll() {
        lock.withLock { values.removeAll() }
    }
}
