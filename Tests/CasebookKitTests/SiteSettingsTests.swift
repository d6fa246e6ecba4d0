import Foundation
import Testing
@testable import CasebookKit

/// A site must not be published with a placeholder address or without a way to reach its editors.
@Suite("Publishing settings: the site's address and contact")
struct SiteSettingsTests {
    func site(base: String = "https://casebook.test/", contact: String? = "editors@casebook.test") throws -> TestSite {
        let site = try TestSite()
        var yaml = TestSite.siteYAML.replacingOccurrences(of: "base_url: https://casebook.test/", with: "base_url: \(base)")
        yaml = yaml.replacingOccurrences(of: "contact: editors@casebook.test", with: contact.map { "contact: \($0)" } ?? "")
        try site.write("content/site.yml", yaml)
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        return site
    }

    @Test(arguments: ["https://example.org/", "https://www.example.com/showcase/", "http://localhost:8000/", "https://example.net/", "http://127.0.0.1/"])
    func aPlaceholderAddressIsAWarningAtItsLine(base: String) throws {
        let site = try site(base: base)
        defer { site.remove() }
        let problems = try site.check()
        #expect(problems.count == 1)
        #expect(problems.first?.severity == .warning)
        #expect(problems.first?.location == SourceLocation(file: "content/site.yml", line: 4, column: 11))
        #expect(problems.first?.message.contains("is a placeholder") == true)
        #expect(problems.first?.hint?.contains("--base-url") == true)
        #expect(try site.check(strict: true).hasErrors, "--strict refuses to publish it")
        // Passing the real address on the command line settles it.
        #expect(try site.build { $0.baseURL = "https://showcase.casebook.test/"; $0.strict = true }.succeeded)
    }

    @Test func aPlaceholderGivenOnTheCommandLineIsNamedAsSuch() throws {
        let site = try site()
        defer { site.remove() }
        let problems = try site.build { $0.dryRun = true; $0.baseURL = "https://example.org/x/" }.diagnostics
        #expect(problems.map(\.location.file) == ["--base-url"])
    }

    @Test func aMissingContactIsAWarningAndAGivenOneIsShown() throws {
        let missing = try site(contact: nil)
        defer { missing.remove() }
        #expect(try missing.check().map(\.message) == ["site.yml has no `contact`, so readers cannot report an error"])
        #expect(try missing.build { $0.contact = "https://casebook.test/contact/"; $0.strict = true }.succeeded)
        #expect(try missing.read("index.html").contains(#"<a href="https://casebook.test/contact/">"#))

        let given = try site()
        defer { given.remove() }
        try given.write("content/pages/methodology.md", "---\ntitle: Methodology\nmenu: 1\n---\nHow we work.\n")
        // The page that explains the method is named in site.yml's roles; it carries the contact.
        try given.write("content/site.yml", TestSite.siteYAML + "\n  methodology_page: methodology\n")
        #expect(try given.build { $0.strict = true }.succeeded)
        #expect(try given.read("index.html").contains(#"<a href="mailto:editors@casebook.test">Tell the editors (editors@casebook.test)</a>"#))
        #expect(try given.read("methodology/index.html").contains(#"id="contact""#))
    }

    @Test func aContactMustBeAnAddress() throws {
        let site = try site(contact: "call us")
        defer { site.remove() }
        let problems = try site.check().filter { $0.severity == .error }
        #expect(problems.map(\.message) == ["`contact` should be an e-mail address or a web address, not `call us`"])
        #expect(problems.first?.location.line == 7)
    }

    @Test func theRuleForPlaceholders() {
        for host in ["example.org", "www.example.com", "EXAMPLE.NET", "localhost", "a.localhost", "127.0.0.2", "site.example"] {
            #expect(SiteSettingsCheck.isPlaceholder(host: host), "\(host)")
        }
        for host in ["casebook.test", "example.education", "notexample.org", "www.ed.gov"] {
            #expect(!SiteSettingsCheck.isPlaceholder(host: host), "\(host)")
        }
        #expect(SiteSettingsCheck.contactLink("a@b.org") == "mailto:a@b.org")
        #expect(SiteSettingsCheck.contactLink("mailto:a@b.org") == "mailto:a@b.org")
        #expect(SiteSettingsCheck.contactLink("https://b.org/contact") == "https://b.org/contact")
        #expect(SiteSettingsCheck.contactLink("javascript:alert(1)") == nil)
        #expect(SiteSettingsCheck.contactLink("a@b") == nil)
    }
}
