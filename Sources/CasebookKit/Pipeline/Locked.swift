import Foundation

/// A value shared by threads, reached only while holding its lock: the one type the build and the
/// preview server use for shared mutable state, instead of a lock and a variable side by side in each
/// class (where a read without the lock is easy to write and hard to see).
///
/// On `NSLock` rather than `Mutex` (Synchronization): the package supports macOS 14, where `Mutex`
/// is not available.
package final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    package init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with the value, holding the lock; `body` must not call back into this `Locked`.
    package func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    /// A copy of the value as it is now.
    package var current: Value {
        withLock { $0 }
    }
}
