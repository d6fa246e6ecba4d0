import Foundation
import Testing
@testable import CasebookKit

/// Pictures in case studies published as responsive images: resized copies made by libvips, read
/// back with libvips; `<picture>` markup; no enlarging; reproducible builds; the cache; and each
/// problem said at the line and column where the picture is shown.
@Suite("Pictures are published as resized copies with srcset, width and height")
struct PictureTests {
    static let casePath = "content/case-studies/alpha-tutoring.md"

    /// A site whose one case shows `file` as its header image and again in its story.
    func site(picture data: Data, named file: String, storyAddress: String? = nil, siteYAML: String = TestSite.siteYAML) throws -> TestSite {
        let site = try TestSite()
        try site.write("content/site.yml", siteYAML)
        try site.write("content/images/" + file, data)
        let address = storyAddress ?? "/images/" + file
        try site.write(Self.casePath, TestSite.caseStudy(
            extra: "image: {src: \"\(file)\", alt: Tutors with students}",
            body: "## What it is\n\nA program.\n\n![Students at work](\(address))\n"))
        return site
    }

    /// Where a line starting with `prefix` is in the case file, and the column of `marker` in it.
    func position(of marker: String, onLineStarting prefix: String, in site: TestSite) throws -> (line: Int, column: Int) {
        let lines = try String(contentsOfFile: site.root + "/" + Self.casePath, encoding: .utf8).components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix(prefix) })
        let column = try #require(lines[index].range(of: marker)).lowerBound.utf16Offset(in: lines[index]) + 1
        return (index + 1, column)
    }

    func pictures(in html: String) -> [String] {
        html.matches(of: /<picture[^>]*>.*?<\/picture>/).map { String($0.output) }
    }

    func attribute(_ name: String, in tag: String) -> String? {
        tag.firstMatch(of: try! Regex(" \(name)=\"([^\"]*)\""))?.output[1].substring.map(String.init)
    }

    @Test func aLargePhotoIsPublishedAsCopiesAtEachWidthInWebPAndJPEG() throws {
        let site = try site(picture: try TestPictures.jpeg(width: 3000, height: 2250), named: "Tutoring Photo.JPG",
                            storyAddress: "/images/Tutoring%20Photo.JPG")
        defer { site.remove() }
        let report = try site.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let codec = try ImageCodec()
        let files = try FileManager.default.contentsOfDirectory(atPath: site.output + "/images").sorted()
        #expect(files.contains("Tutoring Photo.JPG"))
        for (width, height) in [(480, 360), (960, 720), (1440, 1080)] {
            for (ext, kind) in [("webp", ImageCodec.Kind.webp), ("jpg", .jpeg)] {
                let name = try #require(files.first { $0.hasPrefix("tutoring-photo-\(width)-") && $0.hasSuffix("." + ext) },
                                        "no \(width) px \(ext) copy in \(files)")
                #expect(name.wholeMatch(of: /tutoring-photo-\d+-[0-9a-f]{16}\.(webp|jpg)/) != nil)
                let file = site.output + "/images/" + name
                #expect(codec.kind(ofFileAt: file) == kind)
                #expect(try codec.size(ofFileAt: file) == PixelSize(width: width, height: height))
            }
        }
        #expect(files.count == 7)

        let page = try site.read("case-studies/alpha-tutoring/index.html")
        let shown = pictures(in: page)
        try #require(shown.count == 2)
        for picture in shown {
            let source = try #require(picture.firstMatch(of: /<source [^>]*>/)).output
            #expect(attribute("type", in: String(source)) == "image/webp")
            let webp = try #require(attribute("srcset", in: String(source)))
            #expect(webp.wholeMatch(of: /\/images\/tutoring-photo-480-\w+\.webp 480w, \/images\/tutoring-photo-960-\w+\.webp 960w, \/images\/tutoring-photo-1440-\w+\.webp 1440w/) != nil)
            let img = String(try #require(picture.firstMatch(of: /<img [^>]*>/)).output)
            #expect(attribute("src", in: img)?.wholeMatch(of: /\/images\/tutoring-photo-1440-\w+\.jpg/) != nil)
            #expect(attribute("srcset", in: img)?.contains("tutoring-photo-480-") == true)
            #expect(attribute("sizes", in: img) == ImageSettings().sizes)
            #expect(attribute("width", in: img) == "1440")
            #expect(attribute("height", in: img) == "1080")
        }
        // Both below the first screen (the header image comes after the facts): fetched when scrolled near.
        #expect(shown[0].hasPrefix("<picture class=\"case-image\">"))
        #expect(attribute("loading", in: shown[0]) == "lazy")
        #expect(attribute("alt", in: shown[0]) == "Tutors with students")
        #expect(attribute("loading", in: shown[1]) == "lazy")
        #expect(attribute("alt", in: shown[1]) == "Students at work")
        #expect(!page.contains("![Students"))
        // 3000 px and more than 2 MB? Only the width is over the limit here; the warning is at both places.
        let oversized = report.diagnostics.filter { $0.code == .imageOversized }
        let header = try position(of: "\"Tutoring", onLineStarting: "image:", in: site)
        let story = try position(of: "![", onLineStarting: "![", in: site)
        #expect(oversized.map(\.location) == [SourceLocation(file: Self.casePath, line: header.line, column: header.column),
                                               SourceLocation(file: Self.casePath, line: story.line, column: story.column)])
        #expect(oversized.allSatisfy { $0.severity == .warning && $0.message.contains("3000 × 2250 pixels") })
    }

    @Test func aSmallPictureIsNeverEnlarged() throws {
        let site = try site(picture: TestPictures.png(width: 300, height: 200), named: "chart.png")
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let files = try FileManager.default.contentsOfDirectory(atPath: site.output + "/images").sorted()
        #expect(files.filter { $0 != "chart.png" }.map { $0.replacing(/-[0-9a-f]{16}/, with: "") } == ["chart-300.png", "chart-300.webp"])
        let codec = try ImageCodec()
        for file in files {
            #expect(try codec.size(ofFileAt: site.output + "/images/" + file) == PixelSize(width: 300, height: 200))
        }
        let picture = try #require(pictures(in: try site.read("case-studies/alpha-tutoring/index.html")).first)
        #expect(picture.contains(" 300w\"") && !picture.contains("480w"))
        #expect(attribute("width", in: picture) == "300" && attribute("height", in: picture) == "200")
    }

    @Test func aRebuildReusesTheCopiesAndGivesTheSameBytes() throws {
        let site = try site(picture: try TestPictures.jpeg(width: 2000, height: 1000), named: "team.jpg")
        defer { site.remove() }
        let first = try site.build()
        #expect(first.pictureCopies.made == 6 && first.pictureCopies.reused == 0)
        let firstFiles = try site.snapshot()

        let second = try site.build()
        #expect(second.pictureCopies.made == 0 && second.pictureCopies.reused == 6)
        #expect(try site.snapshot() == firstFiles)

        // One copy lost from the cache: only it is made again, with the same bytes as before.
        let cache = site.root + "/.casebook/images"
        let kept = try FileManager.default.contentsOfDirectory(atPath: cache).sorted()
        try FileManager.default.removeItem(atPath: cache + "/" + kept[0])
        let partial = try site.build()
        #expect(partial.pictureCopies.made == 1 && partial.pictureCopies.reused == 5)
        #expect(try site.snapshot() == firstFiles)

        // Made again from nothing (a fresh clone): libvips writes the same bytes, with no dates in them.
        try FileManager.default.removeItem(atPath: site.root + "/.casebook/images")
        let fresh = try site.build()
        #expect(fresh.pictureCopies.made == 6)
        #expect(try site.snapshot() == firstFiles)

        // A changed picture gets new names, so no browser keeps showing the old one.
        try site.write("content/images/team.jpg", try TestPictures.jpeg(width: 2000, height: 1001))
        let changed = try site.build()
        #expect(changed.pictureCopies.made == 6)
        let names = Set(try site.snapshot().keys.filter { $0.hasPrefix("images/team-") })
        #expect(names.isDisjoint(with: firstFiles.keys))
    }

    @Test func theCacheKeepsOnlyTheCopiesTheSiteStillUses() throws {
        let site = try site(picture: try TestPictures.jpeg(width: 2000, height: 1000), named: "team.jpg")
        defer { site.remove() }
        let cache = site.root + "/.casebook/images"
        func kept() throws -> Set<String> { Set(try FileManager.default.contentsOfDirectory(atPath: cache)) }
        #expect(try site.build().succeeded)
        let first = try kept()
        #expect(first.count == 6)
        // Files that are not the cache's own copies are never touched.
        try site.write(".casebook/images/README.txt", "notes")
        try site.write(".casebook/images/0123456789abcdef.txt", "not a picture's extension")

        // The picture replaced: its six new copies are kept, the six old ones removed.
        try site.write("content/images/team.jpg", try TestPictures.jpeg(width: 2000, height: 1001))
        #expect(try site.build().pictureCopies.made == 6)
        let second = try kept().subtracting(["README.txt", "0123456789abcdef.txt"])
        #expect(second.count == 6 && second.isDisjoint(with: first))
        #expect(try kept().isSuperset(of: ["README.txt", "0123456789abcdef.txt"]))

        // A check (and so the editor's) never removes anything, even what the site no longer uses.
        try FileManager.default.removeItem(atPath: site.root + "/content/images/team.jpg")
        try site.write(Self.casePath, TestSite.caseStudy())
        #expect(try site.check().filter { $0.severity == .error }.isEmpty)
        #expect(try kept().isSuperset(of: second))
        // The next build does.
        #expect(try site.build().succeeded)
        #expect(try kept() == ["README.txt", "0123456789abcdef.txt"])
    }

    @Test func aFileThatIsNotAPictureIsAnErrorWhereItIsShown() throws {
        let site = try site(picture: Data("<html>not a photo</html>".utf8), named: "photo.jpg")
        defer { site.remove() }
        let found = try site.check().filter { $0.code == .imageNotPicture }
        let header = try position(of: "\"photo", onLineStarting: "image:", in: site)
        let story = try position(of: "![", onLineStarting: "![", in: site)
        #expect(found.map(\.location) == [SourceLocation(file: Self.casePath, line: header.line, column: header.column),
                                          SourceLocation(file: Self.casePath, line: story.line, column: story.column)])
        #expect(found.allSatisfy { $0.severity == .error && $0.message.contains("`content/images/photo.jpg` is not a picture") })
        #expect(found.first?.hint?.contains("export it again") == true)
    }

    @Test func aCutOffPhotoIsAnErrorNotACrash() throws {
        let whole = try TestPictures.jpeg(width: 1200, height: 900)
        let site = try site(picture: whole.prefix(whole.count / 2), named: "cut.jpg")
        defer { site.remove() }
        let report = try site.build()
        #expect(!report.succeeded)
        let found = report.diagnostics.filter { $0.code == .imageDamaged }
        let story = try position(of: "![", onLineStarting: "![", in: site)
        #expect(found.count == 2)
        #expect(found.last?.location == SourceLocation(file: Self.casePath, line: story.line, column: story.column))
        #expect(found.allSatisfy { $0.message.contains("cut off or damaged") })
    }

    @Test func aHeaderClaimingThirtyThousandPixelsSquareIsRefusedBeforeDecoding() throws {
        let site = try site(picture: try TestPictures.jpegClaiming(width: 30_000, height: 30_000), named: "bomb.jpg")
        defer { site.remove() }
        let started = ContinuousClock.now
        let found = try site.check().filter { $0.code == .imageTooManyPixels }
        #expect(ContinuousClock.now - started < .seconds(60))  // a guard against a hang, not a speed goal
        let header = try position(of: "\"bomb", onLineStarting: "image:", in: site)
        #expect(found.first?.location == SourceLocation(file: Self.casePath, line: header.line, column: header.column))
        #expect(found.first?.message.contains("30000 × 30000 pixels") == true)
        let cache = site.root + "/.casebook/images"
        let kept = FileManager.default.fileExists(atPath: cache) ? try FileManager.default.contentsOfDirectory(atPath: cache) : []
        #expect(kept.isEmpty)
    }

    @Test func aMissingPictureSuggestsTheNearestName() throws {
        let site = try site(picture: TestPictures.png(width: 40, height: 30), named: "team-photo.png",
                            storyAddress: "/images/team-photo.jpg")
        defer { site.remove() }
        let found = try site.check().filter { $0.code == .imageMissing }
        let story = try position(of: "![", onLineStarting: "![", in: site)
        #expect(found.map(\.location) == [SourceLocation(file: Self.casePath, line: story.line, column: story.column)])
        #expect(found.first?.hint == "did you mean `/images/team-photo.png`?")
    }

    @Test func anAddressWithASpaceIsRefusedAtItsColumnWithARename() throws {
        let site = try site(picture: TestPictures.png(width: 40, height: 30), named: "Tutoring Photo.JPG")
        defer { site.remove() }
        let found = try site.check().filter { $0.code == .storyAddressSpace }
        let story = try position(of: "/images/Tutoring", onLineStarting: "![", in: site)
        #expect(found.map(\.location) == [SourceLocation(file: Self.casePath, line: story.line, column: story.column)])
        #expect(found.first?.hint?.contains("`tutoring-photo.jpg`") == true)
    }

    @Test func aPictureWithoutAltTextIsAWarningAtItsPlace() throws {
        let site = try site(picture: TestPictures.png(width: 40, height: 30), named: "a.png", storyAddress: "/images/a.png")
        defer { site.remove() }
        try site.write(Self.casePath, TestSite.caseStudy(body: "Text.\n\n![](/images/a.png)\n"))
        let found = try site.check().filter { $0.code == .imageAlt }
        let story = try position(of: "![", onLineStarting: "![", in: site)
        #expect(found.map(\.location) == [SourceLocation(file: Self.casePath, line: story.line, column: story.column)])
    }

    @Test func aBrokenPictureNoPageShowsIsAWarningOnItsFileAndNotPublished() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write(Self.casePath, TestSite.caseStudy())
        try site.write("content/images/notes.jpg", Data("meeting notes".utf8))
        let report = try site.build()
        #expect(report.succeeded)
        let found = report.diagnostics.filter { $0.code == .imageNotPicture }
        #expect(found.map(\.location) == [SourceLocation(file: "content/images/notes.jpg", line: 1, column: 1)])
        #expect(found.first?.severity == .warning)
        #expect(!site.exists("images/notes.jpg"))
    }

    @Test func siteYAMLSetsTheWidthsAndTheLimits() throws {
        let yaml = TestSite.siteYAML + "\nimages:\n  widths: [200, 400]\n  largest_pixels: 1000000\n"
        let site = try site(picture: try TestPictures.jpeg(width: 1000, height: 800), named: "a.jpg", siteYAML: yaml)
        defer { site.remove() }
        let report = try site.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let picture = try #require(pictures(in: try site.read("case-studies/alpha-tutoring/index.html")).first)
        #expect(picture.contains(" 200w, ") && picture.contains(" 400w\"") && !picture.contains("1000w"))

        try site.write("content/images/a.jpg", try TestPictures.jpeg(width: 1200, height: 1000))
        #expect(try site.check().contains { $0.code == .imageTooManyPixels && $0.message.contains("1 million pixels") })
    }

    /// `casebook serve`: a picture replaced, then shown in a story, gives what a clean build gives, and
    /// an edit to the text alone asks libvips for nothing.
    @Test func thePreviewRebuildsPicturesLikeACleanBuild() async throws {
        let site = try site(picture: try TestPictures.jpeg(width: 1000, height: 750), named: "team.jpg")
        defer { site.remove() }
        let builder = IncrementalBuilder(options: BuildOptions(root: site.root))
        let first = try await builder.build(changed: nil)
        #expect(first.report.succeeded)

        #expect(first.report.pictureCopies.made == 6)
        try site.write("content/images/team.jpg", try TestPictures.jpeg(width: 1000, height: 500))
        let replaced = try await site.rebuildMatchingACleanBuild(builder, changed: ["content/images/team.jpg"])
        #expect(replaced.report.pictureCopies.made == 6)
        #expect(try site.read("case-studies/alpha-tutoring/index.html").contains("width=\"1000\" height=\"500\""))

        try site.write("content/images/chart.png", TestPictures.png(width: 200, height: 100))
        try await site.rebuildMatchingACleanBuild(builder, changed: ["content/images/chart.png"])
        try site.write(Self.casePath, TestSite.caseStudy(extra: "image: {src: team.jpg, alt: Tutors}",
                                                         body: "Text.\n\n![A chart](/images/chart.png)\n"))
        let edited = try await site.rebuildMatchingACleanBuild(builder, changed: [Self.casePath])
        #expect(!edited.full)
        // The text changed, not a picture: the catalogue is kept, nothing is read or made.
        #expect(edited.report.pictureCopies.made == 0 && edited.report.pictureCopies.reused == 0)
        #expect(try site.read("case-studies/alpha-tutoring/index.html").contains(" 200w\""))

        // The cache folder emptied while the preview runs: the next full build makes the copies again.
        try FileManager.default.removeItem(atPath: site.root + "/.casebook/images")
        try site.write("templates/assets/extra.css", "p { color: black; }")
        let remade = try await site.rebuildMatchingACleanBuild(builder, changed: ["templates/assets/extra.css"])
        #expect(remade.full && remade.report.pictureCopies.made == 8)
    }

    /// A phone photo stored sideways with an EXIF orientation is published upright, with the size it
    /// is shown at.
    @Test func aSidewaysPhonePhotoIsPublishedUpright() throws {
        let stored = try TestPictures.jpeg(width: 1000, height: 750)
        let site = try site(picture: TestPictures.jpeg(stored, orientation: 6), named: "phone.jpg")
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let codec = try ImageCodec()
        let copies = try FileManager.default.contentsOfDirectory(atPath: site.output + "/images").filter { $0.hasPrefix("phone-") }
        #expect(Set(try copies.map { try codec.size(ofFileAt: site.output + "/images/" + $0) })
                == [PixelSize(width: 480, height: 640), PixelSize(width: 750, height: 1000)])
        let picture = try #require(pictures(in: try site.read("case-studies/alpha-tutoring/index.html")).first)
        #expect(attribute("width", in: picture) == "750" && attribute("height", in: picture) == "1000")
    }

    @Test func namesAreSafeForSrcset() {
        #expect(PictureCatalog.publishedStem(of: "2024/Tutoring Photo, Spring.JPG") == "2024/tutoring-photo-spring")
        #expect(PictureCatalog.publishedStem(of: "日本.png") == "picture")
    }
}
