import Foundation
import Testing
@testable import CasebookKit

/// The state parallel workers share: one locked-value type, and the build cache's memo.
@Suite("Shared state")
struct SharedStateTests {
    @Test func lockedCountsEveryIncrementFromManyThreads() {
        let counter = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 10_000) { _ in counter.withLock { $0 += 1 } }
        #expect(counter.current == 10_000)
    }

    /// A file saved while its old text is being decoded: the value made from the old text is not kept.
    @Test func aValueMadeWhileItsFileWasForgottenIsNotKept() {
        let memo = PathMemo<String>()
        let made = memo.value("content/case-studies/a.md") {
            memo.remove(["content/case-studies/a.md"])  // the watcher saw a save
            return "old text"
        }
        #expect(made == "old text")
        #expect(memo.peek("content/case-studies/a.md") == nil)
        // The same after everything is forgotten (site.yml changed).
        _ = memo.value("content/case-studies/a.md") { memo.removeAll(); return "old text" }
        #expect(memo.peek("content/case-studies/a.md") == nil)
        // Forgetting another file does not stop this one being kept.
        _ = memo.value("content/case-studies/a.md") { memo.remove(["content/case-studies/b.md"]); return "new text" }
        #expect(memo.peek("content/case-studies/a.md") == "new text")
        // And a value made after a removal is kept.
        memo.remove(["content/case-studies/a.md"])
        #expect(memo.value("content/case-studies/a.md") { "newer text" } == "newer text")
        #expect(memo.peek("content/case-studies/a.md") == "newer text")
    }

    /// Workers asking for one path at once may each make it (documented), and all get an equal value.
    @Test func workersAskingForOnePathAllGetTheSameValue() {
        let memo = PathMemo<[Int]>()
        let made = Locked(0)
        let values = parallelMap(Array(0..<64)) { _ in
            memo.value("content/pages/about.md") {
                made.withLock { $0 += 1 }
                return Array(0..<100)
            }
        }
        #expect(values.allSatisfy { $0 == Array(0..<100) })
        #expect(memo.peek("content/pages/about.md") == Array(0..<100))
        #expect((1...64).contains(made.current))
        // Once kept, it is not made again.
        _ = memo.value("content/pages/about.md") { made.withLock { $0 += 1 }; return [] }
        #expect(memo.peek("content/pages/about.md") == Array(0..<100))
    }
}
