import Foundation
import Testing
@testable import CasebookKit

/// Saving from the editor: atomic, inside content/ only, never over a file changed on disk, a case
/// with errors only as a draft, and pictures only when they are pictures.
@Suite("Editor: saving files")
struct EditSaveTests {
    static let path = "content/case-studies/alpha.md"
    static let error = FieldProblem(field: "metrics.0.value", severity: "error", message: "not a number", hint: nil,
                                    line: 12, column: 12, code: "field.not-a-number")

    /// What kind of refusal the body throws; nil when it succeeds (or throws anything but an EditError).
    func kind(_ body: () throws -> Void) -> EditError.Kind? {
        do { try body() } catch let error as EditError { return error.kind } catch { return nil }
        return nil
    }

    @Test func savesAndReturnsTheNewDigestThenRefusesAStaleOne() throws {
        let site = try TestSite(copyTemplates: false)
        defer { site.remove() }
        let original = TestSite.caseStudy()
        try site.write(Self.path, original)
        let save = ContentSave(root: site.root)
        let document = try CaseDocument.open(text: original, path: Self.path).get()
        var form = document.form
        form.title = "Alpha, renamed"
        let digest = try save.save(text: document.applying(form), to: Self.path, expectedDigest: document.digest, problems: [], draft: false)
        let onDisk = try String(contentsOfFile: site.root + "/" + Self.path, encoding: .utf8)
        #expect(onDisk == document.applying(form))
        #expect(digest == ContentDigest.of(onDisk))
        // The form opened before that save is now stale: it may not overwrite it.
        #expect(kind { _ = try save.save(text: original, to: Self.path, expectedDigest: document.digest, problems: [], draft: false) } == .changedOnDisk)
        #expect(try String(contentsOfFile: site.root + "/" + Self.path, encoding: .utf8) == onDisk)
        // Deleted on disk since it was opened.
        try FileManager.default.removeItem(atPath: site.root + "/" + Self.path)
        #expect(kind { _ = try save.save(text: original, to: Self.path, expectedDigest: digest, problems: [], draft: false) } == .changedOnDisk)
        // No temporary files left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root + "/content/case-studies") == [])
    }

    @Test func aSiteWithoutACaseFolderGetsOne() throws {
        let site = try TestSite(copyTemplates: false)
        defer { site.remove() }
        try FileManager.default.removeItem(atPath: site.root + "/content/case-studies")
        _ = try ContentSave(root: site.root).save(text: TestSite.caseStudy(), to: Self.path, expectedDigest: nil, problems: [], draft: false)
        #expect(FileManager.default.fileExists(atPath: site.root + "/" + Self.path))
    }

    @Test func aNewFileMustNotExistYet() throws {
        let site = try TestSite(copyTemplates: false)
        defer { site.remove() }
        try site.write(Self.path, TestSite.caseStudy())
        let save = ContentSave(root: site.root)
        #expect(kind { _ = try save.save(text: "x", to: Self.path, expectedDigest: nil, problems: [], draft: true) } == .exists)
        _ = try save.save(text: TestSite.caseStudy(), to: "content/case-studies/beta.md", expectedDigest: nil, problems: [], draft: false)
        #expect(FileManager.default.fileExists(atPath: site.root + "/content/case-studies/beta.md"))
    }

    @Test func withErrorsOnlyADraftIsSaved() throws {
        let site = try TestSite(copyTemplates: false)
        defer { site.remove() }
        let save = ContentSave(root: site.root)
        var warning = Self.error
        warning.severity = "warning"
        let published = TestSite.caseStudy(), draft = TestSite.caseStudy(extra: "draft: true")
        #expect(kind { _ = try save.save(text: published, to: Self.path, expectedDigest: nil, problems: [Self.error], draft: false) } == .hasErrors)
        // Saying "draft" is not enough: the text saved must be a draft.
        #expect(kind { _ = try save.save(text: published, to: Self.path, expectedDigest: nil, problems: [Self.error], draft: true) } == .hasErrors)
        #expect(!FileManager.default.fileExists(atPath: site.root + "/" + Self.path))
        _ = try save.save(text: draft, to: Self.path, expectedDigest: nil, problems: [Self.error], draft: true)
        _ = try save.save(text: published, to: "content/case-studies/beta.md", expectedDigest: nil, problems: [warning], draft: false)
    }

    @Test(arguments: ["../alpha.md", "/tmp/alpha.md", "content/case-studies/../../alpha.md", "content/pages/alpha.md",
                      "content/case-studies/alpha.txt", "content/case-studies/sub/alpha.md", "content/case-studies/.alpha.md",
                      "content/site.yml", "content/case-studies/", "content//case-studies/alpha.md", "templates/alpha.md"])
    func refusesPathsOutsideTheCaseFolder(_ path: String) throws {
        let site = try TestSite(copyTemplates: false)
        defer { site.remove() }
        #expect(kind { _ = try ContentSave(root: site.root).save(text: "x", to: path, expectedDigest: nil, problems: [], draft: true) }
                == .outsideContent)
    }

    @Test func refusesSymbolicLinksLeadingOut() throws {
        let site = try TestSite(copyTemplates: false)
        defer { site.remove() }
        let outside = try TestSite(copyTemplates: false)
        defer { outside.remove() }
        try outside.write("secret.md", "secret")
        // A case file that is a link to a file elsewhere.
        try FileManager.default.createSymbolicLink(atPath: site.root + "/" + Self.path, withDestinationPath: outside.root + "/secret.md")
        let save = ContentSave(root: site.root)
        #expect(kind { _ = try save.save(text: "x", to: Self.path, expectedDigest: ContentDigest.of("secret"), problems: [], draft: true) } == .outsideContent)
        #expect(try String(contentsOfFile: outside.root + "/secret.md", encoding: .utf8) == "secret")
        // The case folder itself a link to a folder elsewhere.
        try FileManager.default.removeItem(atPath: site.root + "/content/case-studies")
        try FileManager.default.createSymbolicLink(atPath: site.root + "/content/case-studies", withDestinationPath: outside.root)
        #expect(kind { _ = try save.save(text: "x", to: "content/case-studies/new.md", expectedDigest: nil, problems: [], draft: true) } == .outsideContent)
        #expect(!FileManager.default.fileExists(atPath: outside.root + "/new.md"))
    }

    @Test func writesATemporaryFileAndRenamesItIntoPlace() throws {
        let site = try TestSite(copyTemplates: false)
        defer { site.remove() }
        try site.write(Self.path, "old")
        let disk = FaultyFileSystem()
        let operations = Locked<[(String, String)]>([])
        disk.onEveryOperation { operation, path in operations.withLock { $0.append((operation, path)) } }
        _ = try ContentSave(root: site.root, fileSystem: disk).save(text: "new", to: Self.path, expectedDigest: ContentDigest.of("old"),
                                                                  problems: [], draft: true)
        let writes = operations.current.filter { $0.0 != "read" }
        #expect(writes.map(\.0) == ["write", "rename"])
        #expect(writes.first.map { $0.1.contains("/.alpha.md.casebook-save-") } == true)
        // A failed rename leaves the old file whole and no temporary file.
        disk.onEveryOperation { operation, _ in if operation == "rename" { throw POSIXError(.ENOSPC) } }
        #expect(kind { _ = try ContentSave(root: site.root, fileSystem: disk).save(text: "newer", to: Self.path, expectedDigest: ContentDigest.of("new"),
                                                                                 problems: [], draft: true) } == .io)
        #expect(try String(contentsOfFile: site.root + "/" + Self.path, encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root + "/content/case-studies") == ["alpha.md"])
    }

    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 32)
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 1, count: 32)

    @Test func picturesAreSavedUnderASafeNameWithTheirDescription() throws {
        let site = try TestSite(copyTemplates: false)
        defer { site.remove() }
        let save = ContentSave(root: site.root)
        #expect(try save.saveImage(bytes: Self.jpeg, fileName: "My Photo (1).JPG", alt: "Tutors at work") == "/images/my-photo-1.jpg")
        #expect(FileManager.default.contents(atPath: site.root + "/content/images/my-photo-1.jpg") == Data(Self.jpeg))
        // The same picture again is fine; a different one under the same name is not.
        #expect(try save.saveImage(bytes: Self.jpeg, fileName: "my-photo-1.jpg", alt: "Tutors") == "/images/my-photo-1.jpg")
        #expect(kind { _ = try save.saveImage(bytes: Self.jpeg + [2], fileName: "My Photo (1).jpg", alt: "x") } == .exists)
        #expect(try save.saveImage(bytes: Self.png, fileName: "../../etc/passwd.png", alt: "A chart") == "/images/passwd.png")
        #expect(FileManager.default.fileExists(atPath: site.root + "/content/images/passwd.png"))
    }

    @Test func picturesAreRefusedWhenTheyAreNotPictures() throws {
        let site = try TestSite(copyTemplates: false)
        defer { site.remove() }
        let save = ContentSave(root: site.root)
        #expect(kind { _ = try save.saveImage(bytes: Array("<svg onload=alert(1)>".utf8), fileName: "x.svg", alt: "x") } == .notAnImage)
        #expect(kind { _ = try save.saveImage(bytes: Array("<html>".utf8), fileName: "x.jpg", alt: "x") } == .notAnImage)
        #expect(kind { _ = try save.saveImage(bytes: Self.png, fileName: "x.jpg", alt: "x") } == .notAnImage)
        #expect(kind { _ = try save.saveImage(bytes: Self.jpeg, fileName: "x.jpg", alt: "  ") } == .noAltText)
        let large = Self.jpeg + Array(repeating: 0, count: ContentSave.largestImage)
        #expect(kind { _ = try save.saveImage(bytes: large, fileName: "x.jpg", alt: "x") } == .tooLarge)
        #expect(!FileManager.default.fileExists(atPath: site.root + "/content/images/x.jpg"))
    }
}
