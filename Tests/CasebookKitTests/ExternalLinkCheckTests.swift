import CasebookLinks
import Foundation
import Hummingbird
import Logging
import Testing
@testable import CasebookKit

/// `casebook check --external-links`, against a real HTTP server on this machine answering as the
/// web's sites do: pages that answer, pages gone, servers failing, servers that refuse `HEAD` or
/// robots, a redirect and a server too slow to wait for.
@Suite(.serialized) struct ExternalLinkCheckTests {
    /// Requests seen by the server, by path and method, and the most it answered at once.
    struct Seen: Sendable {
        var requests: [String: Int] = [:]
        var running = 0
        var mostAtOnce = 0
    }

    func withWebServer(_ body: (String, Locked<Seen>) async throws -> Void) async throws {
        let seen = Locked(Seen())
        let router = Router()
        @Sendable func count(_ request: Request) {
            seen.withLock { $0.requests["\(request.method) \(request.uri.path)", default: 0] += 1 }
        }
        for method in [HTTPRequest.Method.get, .head] {
            router.on("/ok", method: method) { request, _ in count(request); return Response(status: .ok) }
            router.on("/gone", method: method) { request, _ in count(request); return Response(status: .notFound) }
            router.on("/broken", method: method) { request, _ in count(request); return Response(status: .internalServerError) }
            router.on("/robots", method: method) { request, _ in count(request); return Response(status: .forbidden) }
            router.on("/moved", method: method) { request, _ in
                count(request)
                return Response(status: .movedPermanently, headers: [.location: "/ok"])
            }
            router.on("/slow", method: method) { request, _ in
                count(request)
                try await Task.sleep(for: .seconds(5))
                return Response(status: .ok)
            }
            router.on("/busy/{n}", method: method) { request, _ in
                count(request)
                seen.withLock { $0.running += 1; $0.mostAtOnce = max($0.mostAtOnce, $0.running) }
                try await Task.sleep(for: .milliseconds(150))
                seen.withLock { $0.running -= 1 }
                return Response(status: .ok)
            }
        }
        router.head("/get-only") { request, _ in count(request); return Response(status: .methodNotAllowed) }
        router.get("/get-only") { request, _ in count(request); return Response(status: .ok) }
        let (ports, announce) = AsyncStream<Int>.makeStream()
        var quiet = Logger(label: "external-link-check-tests")
        quiet.logLevel = .critical
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in announce.yield(channel.localAddress?.port ?? 0) },
                              logger: quiet)
        let running = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { Issue.record("the server did not start"); return }
        defer { running.cancel() }
        try await body("http://127.0.0.1:\(port)", seen)
    }

    @Test func eachAnswerHasItsVerdict() async throws {
        try await withWebServer { web, seen in
            let probe = WebProbe(timeout: 1)
            let expected: [(String, AddressAnswer.Verdict, Int?)] = [
                ("/ok", .answers, 200), ("/moved", .answers, 200), ("/get-only", .answers, 200),
                ("/gone", .failing, 404), ("/broken", .failing, 500), ("/robots", .refusedRobots, 403),
                ("/slow", .unreachable, nil),
            ]
            for (path, verdict, status) in expected {
                let answer = await probe.probe(web + path)
                #expect(answer.verdict == verdict, "\(path)")
                #expect(answer.status == status, "\(path)")
            }
            // A server that refuses HEAD is asked again with GET; one that answers HEAD is not.
            let requests = seen.current.requests
            #expect(requests["HEAD /get-only"] == 1 && requests["GET /get-only"] == 1)
            // (once asked directly, once reached through the redirect)
            #expect(requests["HEAD /ok"] == 2 && requests["GET /ok"] == nil)
            // Nothing listens on port 9 here: the connection is refused, in words.
            let closed = await probe.probe("http://127.0.0.1:9/")
            #expect(closed.verdict == .unreachable)
            #expect(closed.detail == "the server refused the connection")
        }
    }

    @Test func failingAddressesAreWarningsAtEveryPlaceAndAnswersAreCached() async throws {
        try await withWebServer { web, seen in
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("casebook-links-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: root) }
            func at(_ line: Int) -> CasebookKit.SourceLocation { CasebookKit.SourceLocation(file: "content/case-studies/a.md", line: line, column: 10) }
            let addresses = [
                ExternalAddress(url: web + "/ok", locations: [at(3)]),
                ExternalAddress(url: web + "/gone", locations: [at(5), at(40)]),
                ExternalAddress(url: web + "/robots", locations: [at(7)]),
            ]
            let check = ExternalLinkCheck(probe: WebProbe(timeout: 2), concurrency: 4)
            var cache = AnswerCache(root: root, maxAge: 86_400)
            let (found, summary) = await check.run(addresses, cache: &cache, now: 1_000_000)
            #expect(found.map(\.location) == [at(5), at(40)])
            #expect(found.allSatisfy { $0.severity == .warning && $0.code == .linkUnreachable && $0.message.contains("404") })
            #expect(summary == .init(addresses: 3, cached: 0, asked: 3, failing: 1, refused: 1))
            try cache.save()

            // A second check, read from the file a day later less a second: only the failures are asked again.
            var again = AnswerCache(root: root, maxAge: 86_400)
            let (_, second) = await check.run(addresses, cache: &again, now: 1_000_000 + 86_399)
            #expect(second.cached == 1 && second.asked == 2)
            #expect(seen.current.requests["HEAD /ok"] == 1)
            #expect(seen.current.requests["HEAD /gone"] == 2)
            // Past its age the answer is asked for again.
            let (_, third) = await check.run(addresses, cache: &again, now: 1_000_000 + 86_401 + 3_600 * 24 * 2)
            #expect(third.cached == 0 && third.asked == 3)
        }
    }

    @Test func noSiteIsAskedMoreThanTwiceAtOnce() async throws {
        try await withWebServer { web, seen in
            let addresses = (0..<8).map { ExternalAddress(url: web + "/busy/\($0)", locations: [CasebookKit.SourceLocation(file: "x.md", line: $0 + 1, column: 1)]) }
            var cache = AnswerCache(root: "/nonexistent-casebook-test", maxAge: 0)
            let (found, summary) = await ExternalLinkCheck(probe: WebProbe(timeout: 5), concurrency: 8).run(addresses, cache: &cache)
            #expect(found.isEmpty && summary.asked == 8)
            // Eight addresses on one site, eight allowed at once: two at a time reach the site.
            #expect(seen.current.mostAtOnce == 2)
        }
    }

    @Test func addressesAreCollectedFromEveryPlaceTheContentCitesThem() throws {
        let site = try TestSite()
        defer { site.remove() }
        let evidence = """
        evidence:
          design: before-after
          study_by: own
          finding: Scores rose.
          caveat: No comparison group.
          sources:
            - {title: The district's report, url: "https://reports.casebook.test/evaluation"}
        """
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy(
            extra: "sources:\n  - {title: Further reading, url: \"https://reports.casebook.test/more\"}",
            evidence: evidence,
            body: "## What it is\n\nSee [the news](https://reports.casebook.test/news) and [the plan](https://plans.casebook.test/p).\n"))
        let (content, problems) = try ContentLoader(fileSystem: LocalFileSystem(), root: site.root).load(includeDrafts: false)
        #expect(!problems.hasErrors, "\(problems.map(\.formatted))")
        let addresses = ExternalAddresses.collect(from: try #require(content))
        let file = "content/case-studies/alpha.md"
        let text = try String(contentsOfFile: site.root + "/" + file, encoding: .utf8).components(separatedBy: "\n")
        /// The line (from 1) where `needle` is written.
        func line(of needle: String, after: Int = 0) -> Int { text.indices.first { $0 >= after && text[$0].contains(needle) }! + 1 }
        let news = try #require(addresses.first { $0.url == "https://reports.casebook.test/news" })
        // The figure's url and the story's link: one address, asked once, reported at both places.
        #expect(news.locations.map(\.line) == [line(of: "url: https://reports.casebook.test/news"), line(of: "[the news]")])
        #expect(news.locations.allSatisfy { $0.file == file })
        #expect(addresses.first { $0.url == "https://reports.casebook.test/more" }?.locations.map(\.line) == [line(of: "Further reading")])
        #expect(addresses.first { $0.url == "https://reports.casebook.test/evaluation" }?.locations.map(\.line) == [line(of: "The district's report")])
        #expect(addresses.contains { $0.url == "https://plans.casebook.test/p" })
        #expect(addresses.count == 4)
    }
}
