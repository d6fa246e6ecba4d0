import CasebookServe
import Foundation
import Testing
@testable import CasebookKit

/// `casebook serve` end to end: a real server on a free port, a real site in a temporary folder,
/// requests sent over a socket exactly as written.
@Suite(.serialized) struct PreviewServerTests {
    /// Everything the server reported, for checking what a rebuild did.
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var events: [PreviewServer.Event] = []
        func append(_ event: PreviewServer.Event) { lock.withLock { events.append(event) } }
        var builds: [IncrementalBuilder.Result] {
            lock.withLock { events.compactMap { if case .built(let result, _, _) = $0 { return result } else { return nil } } }
        }
    }

    /// Runs blocking socket work off Swift's shared threads, which the server needs.
    func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    func makeSite() throws -> TestSite {
        let site = try TestSite()
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy(title: "Alpha Tutoring"))
        try site.write("content/case-studies/beta.md", TestSite.caseStudy(title: "Beta Mentoring", state: "TX", strategy: "mentoring"))
        try site.write("content/case-studies/gamma.md", TestSite.caseStudy(title: "Gamma Tutoring", state: "CA"))
        return site
    }

    func withServer(_ site: TestSite, baseURL: String? = nil,
                    configure: (inout PreviewServer.Configuration) -> Void = { _ in },
                    _ body: (RawHTTP, Log, String) async throws -> Void) async throws {
        let output = site.root + "/preview"
        var configuration = PreviewServer.Configuration(
            build: BuildOptions(root: site.root, output: output, baseURL: baseURL), port: 0,
            pollInterval: .milliseconds(50), settleInterval: .milliseconds(50))
        configuration.handleSignals = false
        configure(&configuration)
        let log = Log()
        let (ports, announce) = AsyncStream<Int>.makeStream()
        let server = PreviewServer(configuration: configuration) { event in
            log.append(event)
            if case .listening(let url) = event {
                announce.yield(Int(url.split(separator: ":").last!.split(separator: "/").first!)!)
            }
        }
        let running = Task { try await server.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { Issue.record("the server did not start"); return }
        do {
            try await body(RawHTTP(port: port), log, output)
        } catch {
            running.cancel()
            throw error
        }
        running.cancel()
        _ = try? await running.value
    }

    @Test func servesTheSiteWithTypesRedirectsAnd404() async throws {
        let site = try makeSite()
        defer { site.remove() }
        try await withServer(site) { http, _, output in
            let home = try await blocking { try http.request("/") }
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.headers["cache-control"] == "no-cache")
            #expect(home.body.contains("<script src=\"/_casebook/live.js\""))
            #expect(home.body.contains("Alpha Tutoring"))
            let onDisk = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
            #expect(!onDisk.contains("_casebook"), "the reload script is added to served pages only")

            for (path, type) in [("/assets/site.css", "text/css; charset=utf-8"), ("/assets/site.js", "text/javascript; charset=utf-8"),
                                 ("/feed.xml", "application/atom+xml; charset=utf-8"), ("/sitemap.xml", "application/xml; charset=utf-8"),
                                 ("/data/case-studies.json", "application/json"), ("/data/metrics.csv", "text/csv; charset=utf-8"),
                                 ("/robots.txt", "text/plain; charset=utf-8"), ("/_casebook/live.js", "text/javascript; charset=utf-8")] {
                let response = try await blocking { try http.request(path) }
                #expect(response.status == 200, "\(path)")
                #expect(response.headers["content-type"] == type, "\(path)")
            }

            let folder = try await blocking { try http.request("/case-studies/beta?x=1") }
            #expect(folder.status == 302)
            #expect(folder.headers["location"] == "/case-studies/beta/?x=1")
            let page = try await blocking { try http.request("/case-studies/beta/") }
            #expect(page.status == 200 && page.body.contains("Beta Mentoring"))

            let missing = try await blocking { try http.request("/no-such-page/") }
            #expect(missing.status == 404)
            #expect(missing.body.contains("Page not found"), "the site's own 404 page")

            let head = try await blocking { try http.request("/", method: "HEAD") }
            #expect(head.status == 200 && head.body.isEmpty)
            #expect(head.headers["content-length"] == String(home.body.utf8.count))

            let etag = try #require(home.headers["etag"])
            let again = try await blocking { try http.request("/", headers: ["If-None-Match": etag]) }
            #expect(again.status == 304)

            for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
                let refused = try await blocking { try http.request("/", method: method) }
                #expect(refused.status == 405, "\(method)")
                #expect(refused.headers["allow"] == "GET, HEAD")
            }
        }
    }

    @Test func noRequestReachesAFileOutsideTheOutputFolder() async throws {
        let site = try makeSite()
        defer { site.remove() }
        try site.write("secret.txt", "TOP-SECRET")
        try await withServer(site) { http, _, output in
            try FileManager.default.createSymbolicLink(atPath: output + "/leak.txt", withDestinationPath: site.root + "/secret.txt")
            try FileManager.default.createSymbolicLink(atPath: output + "/leakdir", withDestinationPath: site.root)
            let attempts = [
                "/../secret.txt", "/../../../../etc/passwd", "/case-studies/../../secret.txt",
                "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%2fsecret.txt", "/..%5csecret.txt", "/..\\secret.txt",
                "/%252e%252e/secret.txt", "/.%2e/secret.txt", "/%00", "/index.html%00.txt", "/index.html\u{0}",
                "/leak.txt", "/leakdir/secret.txt", "/leakdir/", "/.casebook-output", "//etc/passwd",
                "/%2fetc%2fpasswd", "/%", "/%zz", "http://127.0.0.1/../secret.txt",
            ]
            for path in attempts {
                let response = try await blocking { try http.request(path) }
                #expect([400, 403, 404].contains(response.status), "\(path) → \(response.status)")
                #expect(!response.body.contains("TOP-SECRET") && !response.body.contains("root:x:"), "\(path) leaked a file")
            }
        }
    }

    @Test func aSaveRebuildsTheChangedPagesAndReloadsTheBrowser() async throws {
        let site = try makeSite()
        defer { site.remove() }
        try await withServer(site) { http, log, _ in
            let stream = try await blocking { try http.openStream("/_casebook/events") }
            #expect(try await blocking { stream.read { $0.contains("event: site") } })
            #expect(stream.text.contains("content-type: text/event-stream") || stream.text.contains("Content-Type: text/event-stream"))

            try site.write("content/case-studies/beta.md", TestSite.caseStudy(title: "Beta Mentoring Renamed", state: "TX", strategy: "mentoring"))
            #expect(try await blocking { stream.read { $0.contains("\"reload\":true") } }, "a reload event after the save")
            let page = try await blocking { try http.request("/case-studies/beta/") }
            #expect(page.body.contains("Beta Mentoring Renamed"))

            let rebuild = try #require(log.builds.last)
            #expect(!rebuild.full, "one changed case re-renders its pages, not the site")
            #expect(rebuild.rendered.contains("case-studies/beta/"))
            #expect(!rebuild.rendered.contains("case-studies/alpha/") || !rebuild.rendered.contains("states/ca/"))
            #expect(rebuild.rendered.count < rebuild.pages)
        }
    }

    @Test func aBrokenFileShowsItsProblemsUntilItIsFixed() async throws {
        let site = try makeSite()
        defer { site.remove() }
        try await withServer(site) { http, _, _ in
            let stream = try await blocking { try http.openStream("/_casebook/events") }
            #expect(try await blocking { stream.read { $0.contains("event: site") } })

            try site.write("content/case-studies/beta.md", TestSite.caseStudy(title: "Beta Broken", state: "TX", strategy: "mentorng"))
            #expect(try await blocking { stream.read { $0.contains("event: problems") } })
            #expect(stream.text.contains("\"file\":\"content/case-studies/beta.md\""))
            #expect(stream.text.contains("\"line\":6"), "the line of the bad strategy")
            #expect(stream.text.contains("mentoring"), "the suggestion")

            // The last good site is still served, and a page opened now is told about the problems at once.
            let page = try await blocking { try http.request("/case-studies/beta/") }
            #expect(page.status == 200 && page.body.contains("Beta Mentoring") && !page.body.contains("Beta Broken"))
            let late = try await blocking { try http.openStream("/_casebook/events") }
            #expect(try await blocking { late.read { $0.contains("event: problems") } })

            try site.write("content/case-studies/beta.md", TestSite.caseStudy(title: "Beta Fixed", state: "TX", strategy: "mentoring"))
            #expect(try await blocking { stream.read { $0.contains("\"reload\":true") } })
            let fixed = try await blocking { try http.request("/case-studies/beta/") }
            #expect(fixed.body.contains("Beta Fixed"))
        }
    }

    @Test func servesUnderTheBaseURLsPath() async throws {
        let site = try makeSite()
        defer { site.remove() }
        try await withServer(site, baseURL: "http://localhost:8080/showcase/") { http, _, _ in
            let root = try await blocking { try http.request("/") }
            #expect(root.status == 302 && root.headers["location"] == "/showcase/")
            let home = try await blocking { try http.request("/showcase/") }
            #expect(home.status == 200)
            #expect(home.body.contains("href=\"/showcase/case-studies/\""))
            let outside = try await blocking { try http.request("/case-studies/") }
            #expect(outside.status == 404)
            let css = try await blocking { try http.request("/showcase/assets/site.css") }
            #expect(css.status == 200)
        }
    }

    // MARK: Issue 15

    @Test func everyResponseCarriesTheLayoutsContentSecurityPolicy() async throws {
        let site = try makeSite()
        defer { site.remove() }
        try site.write("content/images/dot.svg", #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>"#)
        let layout = try String(contentsOfFile: site.root + "/templates/layout.mustache", encoding: .utf8)
        let meta = try #require(layout.range(of: #"(?<=http-equiv="Content-Security-Policy" content=")[^"]*"#, options: .regularExpression))
        let policy = String(layout[meta])
        #expect(policy.contains("script-src 'self'"))
        try await withServer(site) { http, _, _ in
            for path in ["/", "/images/dot.svg", "/data/case-studies.json", "/no-such-page/", "/case-studies"] {
                let response = try await blocking { try http.request(path) }
                #expect(response.headers["content-security-policy"] == policy, "\(path)")
            }
        }
    }

    @Test func doubleSlashesNeverRedirectToAnotherHost() async throws {
        let site = try makeSite()
        defer { site.remove() }
        try await withServer(site) { http, _, _ in
            for (path, location) in [("//tags", "/tags/"), ("///tags", "/tags/"), ("//case-studies//alpha", "/case-studies/alpha/"),
                                     ("/tags", "/tags/")] {
                let response = try await blocking { try http.request(path) }
                #expect(response.status == 302, "\(path)")
                #expect(response.headers["location"] == location, "\(path)")
            }
        }
    }

    @Test func idleConnectionsAreClosedAndTheLimitLeavesRoomForRealRequests() async throws {
        let site = try makeSite()
        defer { site.remove() }
        try await withServer(site, configure: { $0.maxConnections = 4; $0.idleTimeout = .milliseconds(300) }) { http, _, _ in
            // As many silent connections as the server allows: without a timeout they would hold every slot.
            let idle = try (0..<4).map { _ in try http.openIdle() }
            defer { idle.forEach { close($0) } }
            let home = try await blocking { try http.request("/") }
            #expect(home.status == 200)
            for socket in idle { #expect(RawHTTP.closedByServer(socket)) }
        }
    }
}
