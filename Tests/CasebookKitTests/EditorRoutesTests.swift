@testable import CasebookServe
import Foundation
import HTTPTypes
import NIOCore
import Testing
@testable import CasebookKit

/// Issue 26: the editor's routes on a real server in-process. Writes need the session token, JSON and
/// the preview's own Origin; anything else is refused with 403 and leaves the file as it was.
extension PreviewServerTests {
    /// The token written into the editor's page, as the page's script reads it.
    func editorToken(_ http: RawHTTP) async throws -> String {
        let page = try await blocking { try http.request("/_casebook/edit/new") }
        #expect(page.status == 200)
        let marker = "name=\"casebook-token\" content=\""
        guard let start = page.body.range(of: marker) else { Issue.record("no token in the editor's page"); return "" }
        return String(page.body[start.upperBound...].prefix { $0 != "\"" })
    }

    /// The headers of a write from the editor's own page.
    func editorHeaders(_ http: RawHTTP) async throws -> [String: String] {
        ["Origin": "http://127.0.0.1:\(http.port)", "X-Casebook-Token": try await editorToken(http), "Content-Type": "application/json"]
    }

    /// The JSON of a save that changes alpha's title, from the values the editor opened.
    func retitledSave(_ http: RawHTTP) async throws -> String {
        let opened = try await blocking { try http.request("/_casebook/editor/case?slug=alpha") }
        #expect(opened.status == 200, "\(opened.body)")
        var json = try #require(try JSONSerialization.jsonObject(with: Data(opened.body.utf8)) as? [String: Any])
        var form = try #require(json["form"] as? [String: Any])
        form["title"] = "Alpha Tutoring, retitled"
        json["form"] = form
        json.removeValue(forKey: "page_url")
        return String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
    }

    @Test func writesWithoutTheTokenJSONOrOwnOriginAreRefusedAndTheFileIsUnchanged() async throws {
        let site = try makeSite()
        defer { site.remove() }
        try await withServer(site) { http, _, _ in
            let token = try await editorToken(http)
            #expect(token.count == 64 && token.allSatisfy(\.isHexDigit))
            let body = try await retitledSave(http)
            let file = site.root + "/content/case-studies/alpha.md"
            let before = try Data(contentsOf: URL(fileURLWithPath: file))
            let own = "http://127.0.0.1:\(http.port)"
            let good = ["Origin": own, "X-Casebook-Token": token, "Content-Type": "application/json"]
            var forged: [(String, [String: String])] = [
                ("no Origin", good.filter { $0.key != "Origin" }),
                ("another site", good.merging(["Origin": "http://attacker.example"]) { $1 }),
                ("another port", good.merging(["Origin": "http://127.0.0.1:1"]) { $1 }),
                ("https look-alike", good.merging(["Origin": "https://127.0.0.1:\(http.port)"]) { $1 }),
                ("null origin", good.merging(["Origin": "null"]) { $1 }),
                ("no token", good.filter { $0.key != "X-Casebook-Token" }),
                ("a wrong token", good.merging(["X-Casebook-Token": String(token.reversed())]) { $1 }),
                ("a form post", good.merging(["Content-Type": "application/x-www-form-urlencoded"]) { $1 }),
                ("plain text", good.merging(["Content-Type": "text/plain"]) { $1 }),
                ("a cross-site fetch", good.merging(["Sec-Fetch-Site": "cross-site"]) { $1 }),
            ]
            forged.append(("the token in the body only", ["Origin": own, "Content-Type": "application/json"]))
            for (name, headers) in forged {
                for action in ["save", "check", "preview", "upload"] {
                    let refused = try await blocking { try http.request("/_casebook/editor/\(action)", method: "POST", headers: headers, body: body) }
                    #expect(refused.status == 403, "\(name) → \(action)")
                }
                #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before, "\(name) changed the file")
            }
            // The same save from the editor's own page goes through, so the refusals above are not
            // a server that refuses everything.
            let saved = try await blocking { try http.request("/_casebook/editor/save", method: "POST", headers: good, body: body) }
            #expect(saved.status == 200, "\(saved.body)")
            let after = try String(contentsOfFile: file, encoding: .utf8)
            #expect(after.contains("title: Alpha Tutoring, retitled"))
        }
    }

    /// A new case study saved from the form gets the file name `casebook new case-study` gives the same
    /// title, also for a title in another script (transliterated, not stripped to its ASCII words).
    @Test func aNewCaseIsNamedAsCasebookNewNamesIt() async throws {
        let site = try makeSite()
        defer { site.remove() }
        let title = "東京 Tutoring"
        let scaffolded = try Scaffold(root: site.root).newCaseStudy(title: title, state: "NJ", strategy: "tutoring")
        try FileManager.default.removeItem(atPath: site.root + "/" + scaffolded)
        #expect(scaffolded != "content/case-studies/tutoring.md")
        try await withServer(site) { http, _, _ in
            let opened = try await blocking { try http.request("/_casebook/editor/case?slug=alpha") }
            let json = try #require(try JSONSerialization.jsonObject(with: Data(opened.body.utf8)) as? [String: Any])
            var form = try #require(json["form"] as? [String: Any])
            form["title"] = title
            form["draft"] = true
            let body = String(decoding: try JSONSerialization.data(withJSONObject: ["form": form]), as: UTF8.self)
            let headers = try await editorHeaders(http)
            let saved = try await blocking { try http.request("/_casebook/editor/save", method: "POST", headers: headers, body: body) }
            #expect(saved.status == 200, "\(saved.body)")
            #expect(saved.body.contains("\"path\":\"\(scaffolded.replacingOccurrences(of: "/", with: "\\/"))\"") || saved.body.contains("\"path\":\"\(scaffolded)\""), "\(saved.body)")
            #expect(FileManager.default.fileExists(atPath: site.root + "/" + scaffolded))
        }
    }

    /// A file whose front matter sets `slug:` is found from its page's address, as the build names it.
    @Test func aCaseWithItsOwnSlugIsOpenedFromItsPage() async throws {
        let site = try makeSite()
        defer { site.remove() }
        let text = TestSite.caseStudy(title: "Delta Tutoring", extra: "slug: delta-program")
        try site.write("content/case-studies/2024/delta.md", text)
        try await withServer(site) { http, _, _ in
            let page = try await blocking { try http.request("/_casebook/edit/delta-program") }
            #expect(page.status == 200)
            let opened = try await blocking { try http.request("/_casebook/editor/case?slug=delta-program") }
            #expect(opened.status == 200, "\(opened.body)")
            #expect(opened.body.contains("2024\\/delta.md") || opened.body.contains("2024/delta.md"), "\(opened.body)")
            #expect(opened.body.contains("case-studies\\/delta-program\\/") || opened.body.contains("case-studies/delta-program/"), "\(opened.body)")
            let byName = try await blocking { try http.request("/_casebook/edit/delta") }
            #expect(byName.status == 404)
        }
    }

    @Test func aFileChangedOnDiskSinceItWasOpenedIsNotOverwritten() async throws {
        let site = try makeSite()
        defer { site.remove() }
        try await withServer(site) { http, _, _ in
            let body = try await retitledSave(http)  // carries the digest of the file as opened
            let file = site.root + "/content/case-studies/alpha.md"
            let theirs = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "Alpha Org", with: "Alpha Org, renamed")
            try theirs.write(toFile: file, atomically: true, encoding: .utf8)
            let headers = try await editorHeaders(http)
            let refused = try await blocking { try http.request("/_casebook/editor/save", method: "POST", headers: headers, body: body) }
            #expect(refused.status == 409)
            #expect(refused.body.contains("\"kind\":\"changed_on_disk\""))
            #expect(try String(contentsOfFile: file, encoding: .utf8) == theirs)
        }
    }

    /// Through the routes and their JSON (not only `CaseDocument`): every real case study, opened and
    /// saved untouched, keeps every byte.
    @Test func everyRealCaseStudySavedUntouchedKeepsItsBytes() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try FileManager.default.removeItem(atPath: site.root + "/content")
        try FileManager.default.copyItem(atPath: TestSite.repositoryRoot + "/content", toPath: site.root + "/content")
        let names = try FileManager.default.contentsOfDirectory(atPath: site.root + "/content/case-studies").filter { $0.hasSuffix(".md") }
        #expect(names.count >= 10)
        try await withServer(site) { http, _, _ in
            let headers = try await editorHeaders(http)
            for name in names {
                let file = site.root + "/content/case-studies/" + name
                let before = try Data(contentsOf: URL(fileURLWithPath: file))
                let opened = try await blocking { try http.request("/_casebook/editor/case?slug=\(name.dropLast(3))") }
                #expect(opened.status == 200, "\(name)")
                let saved = try await blocking { try http.request("/_casebook/editor/save", method: "POST", headers: headers, body: opened.body) }
                #expect(saved.status == 200, "\(name): \(saved.body)")
                #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before, "\(name) changed")
            }
        }
    }

    @Test func aFileTheFormCannotReadIsReportedWithItsLines() async throws {
        let site = try makeSite()
        defer { site.remove() }
        try site.write("content/case-studies/broken.md", "---\ntitle: Broken\n  summary: [unclosed\n---\nText.\n")
        try await withServer(site) { http, _, _ in
            let page = try await blocking { try http.request("/_casebook/edit/broken") }
            #expect(page.status == 200)
            let opened = try await blocking { try http.request("/_casebook/editor/case?slug=broken") }
            #expect(opened.status == 422)
            #expect(opened.body.contains("\"kind\":\"unreadable\"") && opened.body.contains("text editor"))
            #expect(opened.body.contains("\"line\":"))
        }
    }

    @Test func aSaveOutsideTheCaseFolderIsRefused() async throws {
        let site = try makeSite()
        defer { site.remove() }
        try await withServer(site) { http, _, _ in
            let headers = try await editorHeaders(http)
            let layout = site.root + "/templates/layout.mustache"
            let before = try Data(contentsOf: URL(fileURLWithPath: layout))
            for path in ["templates/layout.mustache", "content/case-studies/../../templates/layout.mustache",
                         "/etc/passwd", "content/site.yml", "content/case-studies/.hidden.md"] {
                let body = #"{"path": "\#(path)", "digest": null, "form": {"title": "Hijack"}}"#
                let refused = try await blocking { try http.request("/_casebook/editor/save", method: "POST", headers: headers, body: body) }
                #expect(refused.status == 400, "\(path): \(refused.body)")
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: layout)) == before)
        }
    }

    @Test func anUploadedPictureIsSavedInContentImagesWithItsAltText() async throws {
        let site = try makeSite()
        defer { site.remove() }
        try await withServer(site) { http, _, _ in
            let headers = try await editorHeaders(http)
            // A 1×1 PNG.
            let png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
            let noAlt = try await blocking {
                try http.request("/_casebook/editor/upload", method: "POST", headers: headers,
                                 body: #"{"file_name": "Tutors at work.png", "alt": " ", "data": "\#(png)"}"#)
            }
            #expect(noAlt.status == 422 && noAlt.body.contains("no_alt_text"), "\(noAlt.body)")
            let notPicture = try await blocking {
                try http.request("/_casebook/editor/upload", method: "POST", headers: headers,
                                 body: #"{"file_name": "notes.png", "alt": "Notes", "data": "\#(Data("<script>".utf8).base64EncodedString())"}"#)
            }
            #expect(notPicture.status == 422 && notPicture.body.contains("not_an_image"), "\(notPicture.body)")
            let saved = try await blocking {
                try http.request("/_casebook/editor/upload", method: "POST", headers: headers,
                                 body: #"{"file_name": "Tutors at work.png", "alt": "Two tutors at a table", "data": "\#(png)"}"#)
            }
            #expect(saved.status == 200, "\(saved.body)")
            let answer = try #require(try JSONSerialization.jsonObject(with: Data(saved.body.utf8)) as? [String: String])
            let src = try #require(answer["src"])
            #expect(src.hasPrefix("/images/") && !src.contains(" "))
            #expect(answer["alt"] == "Two tutors at a table")
            let onDisk = try Data(contentsOf: URL(fileURLWithPath: site.root + "/content" + src))
            #expect(onDisk == Data(base64Encoded: png))
        }
    }

    @Test func requestBodiesAreLimited() async throws {
        let site = try makeSite()
        defer { site.remove() }
        try await withServer(site) { http, _, _ in
            let headers = try await editorHeaders(http)
            let huge = #"{"markdown": ""# + String(repeating: "a", count: EditorRoutes.maxJSONBody + 10) + #""}"#
            let refused = try await blocking { try http.request("/_casebook/editor/preview", method: "POST", headers: headers, body: huge) }
            #expect(refused.status == 413)
            let small = try await blocking {
                try http.request("/_casebook/editor/preview", method: "POST", headers: headers, body: ###"{"markdown": "## Hello\n\nText."}"###)
            }
            #expect(small.status == 200)
            #expect(small.body.contains("<h2"))
        }
    }

    @Test func editLinksAreOnServedPagesOnlyAndTheEditorKeepsTheCSP() async throws {
        let site = try makeSite()
        defer { site.remove() }
        try await withServer(site) { http, _, output in
            let page = try await blocking { try http.request("/case-studies/alpha/") }
            #expect(page.body.contains("href=\"/_casebook/edit/alpha\" target=\"_top\">Edit this case study</a>"))
            #expect(page.body.contains("href=\"/_casebook/edit/new\" target=\"_top\">New case study</a>"))
            let home = try await blocking { try http.request("/") }
            #expect(home.body.contains("New case study"))
            #expect(!home.body.contains("Edit this case study"))
            for file in ["index.html", "case-studies/alpha/index.html"] {
                let onDisk = try String(contentsOfFile: output + "/" + file, encoding: .utf8)
                #expect(!onDisk.contains("_casebook/edit"), "the links are added to served pages only")
            }
            for path in ["/_casebook/edit/new", "/_casebook/edit/alpha"] {
                let editor = try await blocking { try http.request(path) }
                #expect(editor.status == 200)
                let policy = try #require(editor.headers["content-security-policy"])
                #expect(policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'self'"))
                // Nothing inline that the policy would block: scripts and styles come from files.
                #expect(!editor.body.contains("<script>") && !editor.body.contains("style="))
                #expect(!editor.body.contains("<style"))
                #expect(!editor.body.contains("http://") && !editor.body.contains("https://"), "no external requests")
            }
            let script = try await blocking { try http.request("/_casebook/editor/editor.js") }
            #expect(script.headers["content-type"] == "text/javascript; charset=utf-8")
            #expect(!script.body.contains("http://") && !script.body.contains("https://"), "no external requests")
            let missing = try await blocking { try http.request("/_casebook/edit/no-such-case") }
            #expect(missing.status == 404)
            let climbing = try await blocking { try http.request("/_casebook/editor/case?slug=../../site") }
            #expect(climbing.status == 404)
        }
    }

    @Test func underABasePathTheEditorLinksToTheSitesOwnAddresses() async throws {
        let site = try makeSite()
        defer { site.remove() }
        try await withServer(site, baseURL: "http://localhost/showcase/") { http, _, _ in
            let page = try await blocking { try http.request("/showcase/case-studies/alpha/") }
            #expect(page.body.contains("href=\"/_casebook/edit/alpha\""))
            let editor = try await blocking { try http.request("/_casebook/edit/alpha") }
            #expect(editor.body.contains("href=\"/showcase/assets/site.css\""))
            #expect(editor.body.contains("data-site-root=\"/showcase/\""))
            let opened = try await blocking { try http.request("/_casebook/editor/case?slug=alpha") }
            #expect(opened.body.contains("\"page_url\":\"/showcase/case-studies/alpha/\""))
        }
    }

    @Test func aChangedVocabularyReachesTheFormAtOnce() async throws {
        let site = try makeSite()
        defer { site.remove() }
        try await withServer(site) { http, _, _ in
            let before = try await blocking { try http.request("/_casebook/editor/schema") }
            #expect(before.body.contains("\"label\":\"Tutoring\""))
            let settings = site.root + "/content/site.yml"
            let text = try String(contentsOfFile: settings, encoding: .utf8)
            try text.replacingOccurrences(of: "label: Tutoring\n", with: "label: Tutoring and homework help\n")
                .write(toFile: settings, atomically: true, encoding: .utf8)
            let after = try await blocking { try http.request("/_casebook/editor/schema") }
            #expect(after.body.contains("\"label\":\"Tutoring and homework help\""))
        }
    }

    @Test func eachRunHasItsOwnToken() async throws {
        let site = try makeSite()
        defer { site.remove() }
        var tokens: [String] = []
        for _ in 0..<2 {
            try await withServer(site) { http, _, _ in tokens.append(try await editorToken(http)) }
        }
        #expect(tokens.count == 2 && tokens[0] != tokens[1])
    }
}

/// This computer's first IPv4 address that is not loopback (the container's own), if it has one.
let networkAddress: String? = {
    var first: UnsafeMutablePointer<ifaddrs>?
    guard getifaddrs(&first) == 0 else { return nil }
    defer { freeifaddrs(first) }
    var next = first
    while let entry = next {
        defer { next = entry.pointee.ifa_next }
        guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) else { continue }
        var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        guard getnameinfo(address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 else { continue }
        let text = String(cString: host)
        if !text.hasPrefix("127.") { return text }
    }
    return nil
}()

extension PreviewServerTests {
    /// A real client on the network (this computer's own network address, so not loopback) against a
    /// server listening on every address: the preview answers it, the editor does not, and its pages
    /// carry no editor links, unless `--editor-on-network`.
    @Test(.enabled(if: networkAddress != nil, "needs a network address besides loopback"))
    func theEditorAnswersOnlyThisComputerUnlessEnabled() async throws {
        let site = try makeSite()
        defer { site.remove() }
        let address = try #require(networkAddress)
        try await withServer(site, configure: { $0.host = "0.0.0.0" }) { http, _, _ in
            let network = RawHTTP(port: http.port, address: address)
            let page = try await blocking { try network.request("/case-studies/alpha/", headers: ["Host": "\(address):\(http.port)"]) }
            #expect(page.status == 200)
            #expect(page.body.contains("Alpha Tutoring") && !page.body.contains("_casebook/edit"))
            for path in ["/_casebook/edit/new", "/_casebook/edit/alpha", "/_casebook/editor/schema", "/_casebook/editor/editor.js"] {
                let refused = try await blocking { try network.request(path, headers: ["Host": "\(address):\(http.port)"]) }
                #expect(refused.status == 403, "\(path)")
                #expect(!refused.body.contains("casebook-token"))
            }
            let local = try await blocking { try http.request("/_casebook/edit/new") }
            #expect(local.status == 200 && local.body.contains("casebook-token"))
        }
        try await withServer(site, configure: { $0.host = "0.0.0.0"; $0.editorOnNetwork = true }) { http, _, _ in
            let network = RawHTTP(port: http.port, address: address)
            let editor = try await blocking { try network.request("/_casebook/edit/new", headers: ["Host": "\(address):\(http.port)"]) }
            #expect(editor.status == 200)
        }
    }
}

/// Who the editor answers, without a network: addresses as the server sees them.
@Suite struct EditorAccessTests {
    @Test func onlyThisComputerUnlessEnabled() throws {
        let local = EditorAccess(token: "t")
        for address in ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"] {
            #expect(local.admits(remote: try SocketAddress(ipAddress: address, port: 5000)), "\(address)")
        }
        for address in ["192.168.1.20", "10.0.0.2", "::ffff:192.168.1.20", "fe80::1", "2001:db8::1"] {
            let remote = try SocketAddress(ipAddress: address, port: 5000)
            #expect(!local.admits(remote: remote), "\(address)")
            // A network client is refused even with everything else right.
            let fields: HTTPFields = [.origin: "http://box:8080", EditorAccess.tokenHeader: "t", .contentType: "application/json"]
            #expect(local.checkWrite(fields, authority: "box:8080", remote: remote) == .notThisComputer)
            #expect(EditorAccess(token: "t", onNetwork: true).checkWrite(fields, authority: "box:8080", remote: remote) == nil)
        }
        #expect(!local.admits(remote: nil))
    }

    @Test func tokensAreLongRandomAndComparedWhole() {
        let tokens = Set((0..<50).map { _ in EditorAccess.newToken() })
        #expect(tokens.count == 50)
        #expect(tokens.allSatisfy { $0.count == 64 })
        #expect(EditorAccess.equalInConstantTime("abc", "abc"))
        #expect(!EditorAccess.equalInConstantTime("abc", "abd"))
        #expect(!EditorAccess.equalInConstantTime("abc", "abcd"))
        #expect(EditorAccess.isJSON("application/json; charset=utf-8"))
        #expect(!EditorAccess.isJSON("application/jsonp"))
        #expect(!EditorAccess.isJSON(nil))
    }
}
