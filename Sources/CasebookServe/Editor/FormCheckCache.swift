import CasebookKit
import Foundation

/// One `FormCheck` for as long as content/site.yml stays the same: the checker keeps the rest of the
/// site's work from one check to the next (on a large site a check after the first is quick), so the
/// server keeps it between requests. A changed site.yml (a new vocabulary) makes a new one.
final class FormCheckCache: Sendable {
    private struct Kept: Sendable {
        var settings: Data
        var check: FormCheck
    }

    let root: String
    let fileSystem: any FileSystem
    private let kept = Locked<Kept?>(nil)

    init(root: String, fileSystem: any FileSystem) {
        self.root = root
        self.fileSystem = fileSystem
    }

    /// The checker for site.yml as it is now.
    func checker() throws(BuildError) -> FormCheck {
        let settings = (try? fileSystem.readFile(at: root + "/content/site.yml")) ?? Data()
        if let current = kept.current, current.settings == settings { return current.check }
        let check = try FormCheck(root: root, fileSystem: fileSystem)
        kept.withLock { $0 = Kept(settings: settings, check: check) }
        return check
    }
}
