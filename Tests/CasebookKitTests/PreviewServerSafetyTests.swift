@testable import CasebookServe
import Foundation
import Testing
@testable import CasebookKit

/// Issue 23, item 5: the preview answers only its own host names, and open pages' live-reload
/// streams cannot take every connection.
extension PreviewServerTests {
    @Test func onlyThePreviewsOwnHostNamesAreAnswered() async throws {
        let site = try makeSite()
        defer { site.remove() }
        try await withServer(site) { http, _, _ in
            let port = http.port
            // A page on another site that made its own name point at 127.0.0.1 (DNS rebinding).
            for host in ["attacker.example:\(port)", "attacker.example", "127.0.0.1.nip.io:\(port)", "localhost.attacker.example"] {
                for path in ["/", "/case-studies/alpha/", "/_casebook/events", "/data/case-studies.json"] {
                    let refused = try await blocking { try http.request(path, headers: ["Host": host]) }
                    #expect(refused.status == 403, "\(host) \(path)")
                    #expect(!refused.body.contains("Alpha"))
                }
            }
            for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST.:\(port)", "[::1]:\(port)", "preview.localhost:\(port)", "localhost"] {
                let home = try await blocking { try http.request("/", headers: ["Host": host]) }
                #expect(home.status == 200, "\(host)")
                #expect(home.body.contains("Alpha Tutoring"))
            }
        }
    }

    @Test func aHostNameGivenWithHostIsAnswered() async throws {
        let site = try makeSite()
        defer { site.remove() }
        try await withServer(site, configure: { $0.host = "127.0.0.1" }) { http, _, _ in
            let other = try await blocking { try http.request("/", headers: ["Host": "mybox.local"]) }
            #expect(other.status == 403)
        }
        #expect(AllowedHosts(boundTo: "mybox.local").allows("MyBox.local:8080"))
        #expect(AllowedHosts(boundTo: "0.0.0.0").allows("192.168.1.20:8080"))
        #expect(!AllowedHosts(boundTo: "0.0.0.0").allows("evil.example:8080"))
        #expect(!AllowedHosts(boundTo: "127.0.0.1").allows(""))
    }

    @Test func streamsBeyondTheLimitAre503AndPagesStillLoad() async throws {
        let site = try makeSite()
        defer { site.remove() }
        try await withServer(site, configure: {
            $0.maxConnections = 6
            $0.maxEventStreams = 3
            $0.idleTimeout = .milliseconds(300)
        }) { http, _, _ in
            // As many open pages as the server takes connections.
            var streams: [RawHTTP.Stream] = []
            for _ in 0..<6 {
                let stream = try await blocking { try http.openStream("/_casebook/events") }
                let answered = try await blocking { stream.read(until: { $0.contains("event: site") || $0.contains(" 503 ") }, timeout: 10) }
                #expect(answered)
                streams.append(stream)
            }
            #expect(streams.filter { $0.text.contains("event: site") }.count == 3)
            let refused = streams.filter { $0.text.hasPrefix("HTTP/1.1 503") }
            #expect(refused.count == 3)
            #expect(refused.allSatisfy { $0.text.lowercased().contains("retry-after: 10") })
            // Pages still load while three streams stay open.
            for path in ["/", "/case-studies/alpha/", "/assets/site.css"] {
                let page = try await blocking { try http.request(path) }
                #expect(page.status == 200, "\(path)")
            }
            withExtendedLifetime(streams) {}
        }
    }
}

extension PreviewServerTests {
    /// Only regular files are served: a pipe left in the output folder is a 404 at once, and the
    /// requests after it are answered. (Foundation happens not to block on a pipe either, so this
    /// does not tell the old code from the new; that files are read on NIO's thread pool is seen in
    /// `PreviewResponder`, not measured here.)
    @Test func aPipeInTheOutputFolderHoldsUpNoRequest() async throws {
        let site = try makeSite()
        defer { site.remove() }
        try await withServer(site) { http, _, output in
            #expect(mkfifo(output + "/pipe.html", 0o644) == 0)
            for _ in 0..<4 {
                let pipe = try await blocking { try http.request("/pipe.html") }
                #expect(pipe.status == 404)
            }
            let home = try await blocking { try http.request("/") }
            #expect(home.status == 200)
        }
    }
}
