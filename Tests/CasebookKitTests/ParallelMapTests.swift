import Foundation
import Testing
@testable import CasebookKit

/// `parallelMap` runs every parallel step of the build; what it returns must be freed with the array.
@Suite("Parallel map")
struct ParallelMapTests {
    /// A result that counts its own deinitialization.
    final class Result: Sendable {
        let index: Int
        let freed: Locked<Int>
        init(_ index: Int, freed: Locked<Int>) { self.index = index; self.freed = freed }
        deinit { freed.withLock { $0 += 1 } }
    }

    @Test func everyResultIsFreedWithTheArray() {
        let freed = Locked(0)
        do {
            let results = parallelMap(Array(0..<1_000)) { Result($0, freed: freed) }
            #expect(results.map(\.index) == Array(0..<1_000))
            #expect(freed.current == 0)
        }
        #expect(freed.current == 1_000)
    }

    final class Token: Sendable {}

    @Test func noResultOutlivesTheCaller() {
        var watched: [() -> AnyObject?] = []
        do {
            let results = parallelMap(Array(0..<200)) { _ in Token() }
            watched = results.map { result in { [weak result] in result } }
            #expect(watched.allSatisfy { $0() != nil })
        }
        #expect(watched.allSatisfy { $0() == nil })
    }

    @Test func emptyAndSingleInputs() {
        #expect(parallelMap([Int]()) { $0 * 2 }.isEmpty)
        #expect(parallelMap([21]) { $0 * 2 } == [42])
    }
}
