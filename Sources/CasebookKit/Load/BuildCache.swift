import Foundation

/// What one build remembers for the next: each content file as decoded and each body as rendered,
/// by path. `casebook serve` keeps one, so a rebuild after a save re-reads and re-renders only the
/// files that changed. Safe to use from the loader's parallel workers.
public final class BuildCache: @unchecked Sendable {
    private let lock = NSLock()
    private var cases: [String: (CaseStudy?, [Diagnostic])] = [:]
    private var pages: [String: (Page?, [Diagnostic])] = [:]
    private var bodies: [String: Markdown.Rendered] = [:]
    private var exports: [String: DataExport.Fragments] = [:]

    public init() {}

    /// Forgets the given files (they changed on disk), or everything when `paths` is nil.
    public func invalidate(_ paths: Set<String>?) {
        lock.withLock {
            guard let paths else {
                cases.removeAll(); pages.removeAll(); bodies.removeAll(); exports.removeAll()
                cards.removeAll()
                return
            }
            cards.remove(paths)
            for path in paths {
                cases[path] = nil
                pages[path] = nil
                bodies[path] = nil
                exports[path] = nil
            }
        }
    }

    func caseStudy(_ path: String, orDecode decode: () -> (CaseStudy?, [Diagnostic])) -> (CaseStudy?, [Diagnostic]) {
        if let hit = lock.withLock({ cases[path] }) { return hit }
        let decoded = decode()
        lock.withLock { cases[path] = decoded }
        return decoded
    }

    func page(_ path: String, orDecode decode: () -> (Page?, [Diagnostic])) -> (Page?, [Diagnostic]) {
        if let hit = lock.withLock({ pages[path] }) { return hit }
        let decoded = decode()
        lock.withLock { pages[path] = decoded }
        return decoded
    }

    func body(_ path: String, orRender render: () -> Markdown.Rendered) -> Markdown.Rendered {
        if let hit = lock.withLock({ bodies[path] }) { return hit }
        let rendered = render()
        lock.withLock { bodies[path] = rendered }
        return rendered
    }

    func exportFragments(_ path: String, orMake make: () -> DataExport.Fragments) -> DataExport.Fragments {
        if let hit = lock.withLock({ exports[path] }) { return hit }
        let made = make()
        lock.withLock { exports[path] = made }
        return made
    }

    /// Each case's card as drawn for listings; kept while the templates and site settings stay the same.
    let cards = CardCache()

    /// The slug a case-study file had when it was last decoded, if it decoded.
    func slug(of path: String) -> String? {
        lock.withLock { cases[path]?.0?.slug }
    }
}

/// Each case's card (its listing data and its HTML from `partials/card.mustache`), by source path.
/// A card also shows the years the program ran up to the site's latest year, so it is redrawn when
/// that changes.
final class CardCache: @unchecked Sendable {
    struct Card: @unchecked Sendable {
        var latestYear: Int
        var data: [String: Any]
    }

    private let lock = NSLock()
    private var cards: [String: Card] = [:]

    func card(for path: String, latestYear: Int, orDraw draw: () -> Card) -> Card {
        if let hit = lock.withLock({ cards[path] }), hit.latestYear == latestYear { return hit }
        let card = draw()
        lock.withLock { cards[path] = card }
        return card
    }

    func remove(_ paths: Set<String>) {
        lock.withLock { for path in paths { cards[path] = nil } }
    }

    func removeAll() {
        lock.withLock { cards.removeAll() }
    }
}
