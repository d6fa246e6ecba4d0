import Foundation
import CasebookKit

/// `casebook check --external-links`: asks whether every address the content cites still answers,
/// a few at a time (at most `concurrency` at once and two per site, so no publisher is flooded),
/// reusing answers younger than the cache's age, and reports each address that does not answer as a
/// warning at every place it is written (`--strict` makes them errors, as for any warning).
public struct ExternalLinkCheck: Sendable {
    public struct Summary: Sendable, Equatable {
        public var addresses = 0
        /// Answered from the cache, without a request.
        public var cached = 0
        public var asked = 0
        public var failing = 0
        /// Sites that refused an automated check (401, 403, 429): not reported as broken.
        public var refused = 0

        public init(addresses: Int = 0, cached: Int = 0, asked: Int = 0, failing: Int = 0, refused: Int = 0) {
            self.addresses = addresses
            self.cached = cached
            self.asked = asked
            self.failing = failing
            self.refused = refused
        }
    }

    public var probe: any AddressProbe
    public var concurrency: Int
    public var perSite = 2

    public init(probe: any AddressProbe, concurrency: Int = 8) {
        self.probe = probe
        self.concurrency = max(1, concurrency)
    }

    public func run(_ addresses: [ExternalAddress], cache: inout AnswerCache,
                    now: Double = Date().timeIntervalSince1970) async -> ([Diagnostic], Summary) {
        var summary = Summary(addresses: addresses.count)
        var answers: [String: AddressAnswer] = [:]
        var pending: [String] = []
        for address in addresses {
            if let kept = cache.answer(for: address.url, now: now) {
                answers[address.url] = kept
                summary.cached += 1
            } else {
                pending.append(address.url)
            }
        }
        summary.asked = pending.count
        for (url, answer) in await ask(pending) {
            var answer = answer
            answer.checkedAt = now  // the check's one clock, so the cache's age is measured against it
            answers[url] = answer
            cache.record(answer, for: url)
        }
        var diagnostics: [Diagnostic] = []
        for address in addresses {
            guard let answer = answers[address.url] else { continue }
            switch answer.verdict {
            case .answers: continue
            case .refusedRobots: summary.refused += 1; continue
            case .failing, .unreachable: summary.failing += 1
            }
            for location in address.locations {
                diagnostics.append(.warning(location, "the address \(address.url) does not answer: \(answer.detail ?? "no answer")",
                                            hint: Self.hint(answer), code: .linkUnreachable))
            }
        }
        return (diagnostics, summary)
    }

    private static func hint(_ answer: AddressAnswer) -> String {
        switch answer.status {
        case 404?, 410?:
            "open the address in a browser; if the page has moved, use its new address, or an archived copy (web.archive.org) and say so in the source"
        case let status? where status >= 500:
            "the publisher's server failed: try again later, and if it keeps failing, look for the page's new address or an archived copy"
        default:
            "open the address in a browser: if it works there, the site may block automated checks; if not, find the page's new address or an archived copy"
        }
    }

    /// Asks about every address, at most `concurrency` at once and `perSite` per host at once.
    private func ask(_ urls: [String]) async -> [(String, AddressAnswer)] {
        guard !urls.isEmpty else { return [] }
        let probe = probe
        // Each address's site, worked out once (not on every look along the waiting list).
        let hostOf = Dictionary(urls.map { ($0, Self.host($0)) }, uniquingKeysWith: { first, _ in first })
        var waiting = urls
        var busy: [String: Int] = [:]
        var results: [(String, AddressAnswer)] = []
        await withTaskGroup(of: (String, AddressAnswer).self) { group in
            var running = 0
            while !waiting.isEmpty || running > 0 {
                while running < concurrency,
                      let next = waiting.firstIndex(where: { busy[hostOf[$0]!, default: 0] < perSite }) {
                    let url = waiting.remove(at: next)
                    busy[hostOf[url]!, default: 0] += 1
                    running += 1
                    group.addTask { (url, await probe.probe(url)) }
                }
                guard let done = await group.next() else { break }
                running -= 1
                busy[hostOf[done.0]!, default: 1] -= 1
                results.append(done)
            }
        }
        return results
    }

    static func host(_ url: String) -> String {
        URL(string: url)?.host?.lowercased() ?? url
    }
}
