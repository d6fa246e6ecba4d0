import Foundation
import Testing
@testable import CasebookKit

/// The site's own address prefixes every canonical link, the feed, the sitemap and every citation:
/// a password, a query, a fragment or an impossible port in it is refused, in site.yml and on the
/// command line alike, and the message never repeats the password.
@Suite("The site's address")
struct SiteAddressTests {
    static let refused: [(address: String, says: String)] = [
        ("https://deploy:s3cret@casebook.site.org/", "user name or password before `@casebook.site.org`"),
        ("https://deploy@casebook.site.org/", "user name or password"),
        ("https://casebook.site.org/?preview=1", "has a query (`?preview=1`)"),
        ("https://casebook.site.org/showcase/#top", "has a fragment (`#top`)"),
        ("https://casebook.site.org:99999/", "has the port `99999`"),
        ("https://casebook.site.org:0/", "has the port `0`"),
        ("https://casebook.site.org:/", "has the port ``"),
        ("https://deploy:s3cret@casebook.site.org/?preview=1", "user name or password"),
    ]

    @Test(arguments: refused)
    func refusedInSiteYAMLAtItsPosition(address: String, says: String) throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/site.yml", TestSite.siteYAML.replacingOccurrences(of: "base_url: https://casebook.test/", with: "base_url: \(address)"))
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        let errors = try site.check().filter { $0.severity == .error }
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.location == SourceLocation(file: "content/site.yml", line: 4, column: 11))
        #expect(error.message.hasPrefix("`base_url` "))
        #expect(error.message.contains(says))
        #expect(error.hint != nil)
        #expect(!error.message.contains("s3cret") && error.hint?.contains("s3cret") != true)
    }

    @Test(arguments: refused)
    func refusedOnTheCommandLine(address: String, says: String) throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        let error = try #require(throws: BuildError.self) { try site.build { $0.baseURL = address; $0.strict = true } }
        #expect(error.message.hasPrefix("--base-url "))
        #expect(error.message.contains(says))
        #expect(!error.message.contains("s3cret") && error.hint?.contains("s3cret") != true)
        #expect(!site.exists("index.html"))
    }

    @Test(arguments: ["https://casebook.site.org/", "https://casebook.site.org:8443/showcase/", "https://casebook.site.org:65535/"])
    func ordinaryAddressesAreAccepted(address: String) {
        #expect(URLCheck.siteAddress(address) == .ok)
    }

    /// Sources may have queries and fragments: only the site's own address is held to these rules.
    @Test func sourceAddressesKeepTheirQueries() {
        #expect(URLCheck.check("https://data.example.org/report?id=4#table-2") == .ok)
    }
}
