import Foundation
import Testing
@testable import CasebookKit
@testable import CasebookServe

/// Issue 15: nothing outside the site is read or published, no link makes a walk loop, and
/// content/images publishes only images that can run nothing.
@Suite("Nothing from outside the site, nothing that runs")
struct SiteBoundaryTests {
    func at(_ file: String, _ line: Int = 1, _ column: Int = 1) -> CasebookKit.SourceLocation {
        CasebookKit.SourceLocation(file: file, line: line, column: column)
    }

    func link(_ site: TestSite, _ relative: String, to target: String) throws {
        let path = site.root + "/" + relative
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    }

    @Test func linksToDotInsideCaseStudiesDoNotLoop() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        try link(site, "content/case-studies/loop-a", to: ".")
        try link(site, "content/case-studies/loop-b", to: ".")
        try link(site, "content/case-studies/up", to: "..")
        let report = try site.build()
        #expect(!report.succeeded)
        let loop = Diagnostic.error(at("content/case-studies/loop-a"), "this link leads to a folder that is already read (a loop, or a second way to the same folder), so it is not followed",
                                    hint: "remove the link; link to files, or to folders that are not above it", code: .fileLinkLoop)
        #expect(report.diagnostics.contains(loop))
        #expect(report.diagnostics.filter { $0.code == .fileLinkLoop }.map(\.location.file)
                == ["content/case-studies/loop-a", "content/case-studies/loop-b", "content/case-studies/up"])
        // The preview server's watcher walks the same way, and finishes.
        let stamps = try #require(ChangeWatcher(root: site.root).snapshot())
        #expect(stamps.keys.filter { $0.hasPrefix("content/case-studies/") }.sorted()
                == ["content/case-studies/alpha.md", "content/case-studies/loop-a", "content/case-studies/loop-b", "content/case-studies/up"])
    }

    @Test func linksLeavingContentAreNotReadOrPublished() throws {
        let site = try TestSite()
        defer { site.remove() }
        let outside = try TestSite()
        defer { outside.remove() }
        try outside.write("secret.md", TestSite.caseStudy(title: "Secret Program"))
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        try link(site, "content/case-studies/secret.md", to: outside.root + "/secret.md")
        try link(site, "content/images/passwd.png", to: "/etc/passwd")
        try link(site, "content/images/ssh", to: "/etc")
        try site.write("content/images/real.png", TestPictures.png(width: 4, height: 3))
        try link(site, "content/images/inside.png", to: "real.png")  // inside content/: allowed
        let report = try site.build()
        #expect(!report.succeeded)
        let real = FolderWalk.realPath(outside.root + "/secret.md")!
        #expect(report.diagnostics.contains(.error(at("content/case-studies/secret.md"),
                                                   "this is a link to \(real), outside content/, so it is not read or published",
                                                   hint: "copy the file into content/ instead of linking to it", code: .fileOutsideFolder)))
        #expect(report.diagnostics.contains(.error(at("content/images/passwd.png"),
                                                   "this is a link to /etc/passwd, outside content/, so it is not read or published",
                                                   hint: "copy the file into content/ instead of linking to it", code: .fileOutsideFolder)))
        #expect(report.diagnostics.contains { $0.location == at("content/images/ssh") && $0.severity == .error })
        #expect(!report.diagnostics.contains { $0.location.file == "content/images/inside.png" })
        #expect(!site.exists("index.html"))
        // Once the links are gone the site builds, and holds nothing of theirs.
        for name in ["content/case-studies/secret.md", "content/images/passwd.png", "content/images/ssh"] {
            try FileManager.default.removeItem(atPath: site.root + "/" + name)
        }
        #expect(try site.build().succeeded)
        #expect(!site.exists("case-studies/secret"))
    }

    @Test func aCaseFileThatIsAPipeIsNotRead() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        #expect(mkfifo(site.root + "/content/case-studies/pipe.md", 0o644) == 0)
        let diagnostics = try site.check()
        #expect(diagnostics.contains(.error(at("content/case-studies/pipe.md"),
                                            "this is not a regular file (a device, pipe or socket), so it is not read",
                                            hint: "remove it from content/", code: .fileNotRegular)))
    }

    @Test func onlyImagesArePublished() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        try site.write("content/images/photo.jpg", try TestPictures.jpeg(width: 40, height: 30))
        try site.write("content/images/page.html", "<script>alert(1)</script>")
        try site.write("content/images/tool.js", "alert(1)")
        try site.write("content/images/icon.svg", ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><use href="#a"/><rect id="a" style="fill:url(#g)"/><image href="data:image/png;base64,iVBORw0KGgo="/></svg>"##)
        let report = try site.build()
        #expect(report.succeeded)
        #expect(report.diagnostics.contains(.warning(at("content/images/page.html"), "this file is not an image, so it is not published",
                                                     hint: "content/images/ publishes only .avif, .gif, .jpeg, .jpg, .png, .svg, .webp files; put other downloads elsewhere or link to them", code: .fileNotImage)))
        #expect(report.diagnostics.contains { $0.location.file == "content/images/tool.js" && $0.severity == .warning })
        #expect(site.exists("images/photo.jpg") && site.exists("images/icon.svg"))
        #expect(!site.exists("images/page.html") && !site.exists("images/tool.js"))
    }

    func svgProblems(_ svg: String) throws -> [Diagnostic] {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        try site.write("content/images/x.svg", svg)
        let report = try site.build()
        #expect(!report.succeeded)
        #expect(!site.exists("images/x.svg"))
        return report.diagnostics.filter { $0.location.file == "content/images/x.svg" }
    }

    static let hint = "remove it and export the picture again as a plain SVG (shapes, text and styles only), or use a PNG"

    @Test func svgThatRunsOrLoadsSomethingIsAnErrorWhereItIsWritten() throws {
        #expect(try svgProblems("""
        <svg xmlns="http://www.w3.org/2000/svg">
          <rect width="1"/>
          <!-- <script>ignored in a comment</script> -->
          <script>alert(document.domain)</script>
        </svg>
        """) == [.error(at("content/images/x.svg", 4, 3), "`<script>` runs a script, which an image on this site may not do", hint: Self.hint, code: .svgUnsafe)])
        #expect(try svgProblems(#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>"#)
                == [.error(at("content/images/x.svg", 1, 1), "the `onload` event handler on `<svg>` runs a script, which an image on this site may not do", hint: Self.hint, code: .svgUnsafe)])
        #expect(try svgProblems("""
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">
        <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>
          <image x:href="https://evil.example/p.png"/><a href=" javascript:alert(1)"><text>t</text></a>
        </svg>
        """).map(\.location) == [at("content/images/x.svg", 2, 1), at("content/images/x.svg", 3, 3), at("content/images/x.svg", 3, 47)])
        #expect(try svgProblems(#"<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://evil.example/a.css);</style></svg>"#).count == 1)
        #expect(try svgProblems(#"<svg xmlns="http://www.w3.org/2000/svg"><image href="data:image/svg+xml;base64,PHN2Zz4="/></svg>"#).count == 1)
        #expect(try svgProblems("<!DOCTYPE svg [\n <!ENTITY a \"aaaa\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\">&a;</svg>").map(\.location) == [at("content/images/x.svg", 2, 2)])
        #expect(try svgProblems("<svg>\n<rect></svg>").map(\.message) == ["this SVG is not well-formed XML, so it cannot be checked or published"])
    }

    @Test func aSiteYmlThatLinksOutsideIsNotRead() throws {
        let site = try TestSite()
        defer { site.remove() }
        let outside = try TestSite()
        defer { outside.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        try FileManager.default.removeItem(atPath: site.root + "/content/site.yml")
        try link(site, "content/site.yml", to: outside.root + "/content/site.yml")
        let real = FolderWalk.realPath(outside.root + "/content/site.yml")!
        #expect(try site.check() == [.error(at("content/site.yml"), "this is a link to \(real), outside content/, so it is not read",
                                            hint: "copy the file into content/ instead of linking to it", code: .fileOutsideFolder)])
    }

    @Test func aHugeSVGIsNotReadWholeToBeChecked() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        let path = site.root + "/content/images/huge.svg"
        try site.write("content/images/huge.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\">")
        #expect(truncate(path, 40_000_000) == 0)  // sparse: 40 MB on paper, nothing on disk
        let diagnostics = try site.check()
        #expect(diagnostics.contains(.error(at("content/images/huge.svg"), "this SVG is 40 MB, too large to check, so it is not published",
                                            hint: "SVGs up to 16 MB are checked and published; simplify the drawing or export it as PNG", code: .svgTooLarge)))
    }

    @Test func aOneLineSVGWithManyElementsIsCheckedInLinearTime() throws {
        // 100,000 elements on one line (as minified SVGs are), every one refused: at most 20 are reported,
        // and a tag's position is looked for only when it is reported.
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg">"# + String(repeating: #"<rect onclick="x()"/>"#, count: 100_000) + "</svg>"
        let problems = SVGCheck.problems(in: Data(svg.utf8), file: "content/images/x.svg")
        #expect(problems.count == 20)
        #expect(problems.first?.location == at("content/images/x.svg", 1, 41))
    }
}
