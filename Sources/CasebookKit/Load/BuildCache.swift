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
    /// Every picture with its resized copies (one entry, `pictures`), kept until a picture or site.yml changes.
    let pictures = PathMemo<PictureCatalog>()

    public init() {}

    /// Forgets what the given files (paths relative to the site root) produced, and what depends on
    /// them: case studies are decoded against site.yml's vocabularies, so a change there forgets
    /// everything; a template change forgets the cards. Nil forgets everything.
    public func invalidate(_ changed: Set<String>?) {
        if changed?.contains(where: { $0.hasPrefix("templates/") }) ?? true { templates.removeAll() }
        guard let changed, !changed.contains("content/site.yml") else {
            for memo in [cases, pages, bodies, exports, cards, reportEntries, figureIDs, linkChecks, pictures] as [any PathMemoProtocol] { memo.removeAll() }
            return
        }
        // A picture's copies are named after its bytes: what shows or links them is made again.
        if changed.contains(where: { $0.hasPrefix("content/images/") }) {
            for memo in [exports, reportEntries, linkChecks, pictures] as [any PathMemoProtocol] { memo.removeAll() }
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
///
/// `make` runs outside the lock, so workers never wait on each other's work. Two workers asking for
/// the same path at once may therefore both make it; that is harmless, since a value depends only on
/// its file, and both get an equal value (the build asks for each path once in any case). What must
/// not happen is a value made from a file's old text being kept after the file was forgotten: a
/// `remove` or `removeAll` during `make` moves the memo to a new generation, and a value made in an
/// older one is returned to its caller but not kept.
final class PathMemo<Value: Sendable>: PathMemoProtocol, Sendable {
    private struct Entries: Sendable {
        var values: [String: Value] = [:]
        /// Per path, the generation of its last removal; `all` for `removeAll`.
        var removed: [String: Int] = [:]
        var removedAll = 0
        var generation = 0
    }

    private let entries = Locked(Entries())

    /// The kept value if there is one and `isCurrent` accepts it; otherwise `make()`, kept.
    func value(_ path: String, isCurrent: (Value) -> Bool = { _ in true }, orMake make: () -> Value) -> Value {
        let (hit, generation) = entries.withLock { ($0.values[path], $0.generation) }
        if let hit, isCurrent(hit) { return hit }
        let made = make()
        entries.withLock { entries in
            let forgotten = max(entries.removedAll, entries.removed[path] ?? 0)
            if forgotten <= generation { entries.values[path] = made }
        }
        return made
    }

    /// Keeps `value` for `path`, replacing what was kept.
    func store(_ value: Value, at path: String) {
        entries.withLock { $0.values[path] = value }
    }

    func peek(_ path: String) -> Value? {
        entries.withLock { $0.values[path] }
    }

    func remove(_ paths: Set<String>) {
        entries.withLock { entries in
            entries.generation += 1
            for path in paths {
                entries.values[path] = nil
                entries.removed[path] = entries.generation
            }
        }
    }

    func removeAll() {
        entries.withLock { entries in
            entries.generation += 1
            entries.values.removeAll()
            entries.removed.removeAll()
            entries.removedAll = entries.generation
        }
    }
}
