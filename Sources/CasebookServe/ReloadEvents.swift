import CasebookKit
import Foundation

/// The event stream every open page listens to (Server-Sent Events). After each rebuild it tells
/// the pages to reload, or sends the diagnostics to show as an overlay. A page that connects is told
/// the current state at once, so a page opened while the site is broken shows the overlay too.
public final class ReloadEvents: @unchecked Sendable {
    /// What the pages are told: the site's current build, or the problems stopping the next one.
    public enum State: Sendable, Equatable {
        case built(version: Int)
        case failed(version: Int, diagnostics: [Diagnostic])

        /// The build of the site being served.
        public var version: Int {
            switch self {
            case .built(let version), .failed(let version, _): version
            }
        }
    }

    private let lock = NSLock()
    private var state: State = .built(version: 0)
    private var listeners: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextID = 0
    private var closed = false
    /// Tells apart a server that restarted (a page then reloads when it reconnects).
    private let run = Int(Date().timeIntervalSince1970 * 1000) % 1_000_000_000

    public init() {}

    public var current: State { lock.withLock { state } }
    public var listenerCount: Int { lock.withLock { listeners.count } }

    /// A stream of SSE messages for one page: the current state first, then every change. A slow
    /// page keeps only the newest few messages, so it never holds up the others.
    public func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(4))
        let (id, first, isClosed) = lock.withLock { () -> (Int, State, Bool) in
            nextID += 1
            if !closed { listeners[nextID] = continuation }
            return (nextID, state, closed)
        }
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        continuation.yield("retry: 1000\n\n" + message(for: first))
        if isClosed { continuation.finish() }
        return stream
    }

    /// The site was rebuilt: every page reloads.
    public func built() {
        publish { current in .built(version: current + 1) }
    }

    /// A rebuild failed: every page shows these problems until the next successful build.
    public func failed(_ diagnostics: [Diagnostic]) {
        // The site still being served is the last one that built: the version stays.
        publish { current in .failed(version: current, diagnostics: diagnostics) }
    }

    /// A comment line that keeps connections alive and finds pages that went away.
    public func heartbeat() { broadcast(": ping\n\n") }

    /// Ends every stream (the server is stopping).
    public func close() {
        let open = lock.withLock { () -> [AsyncStream<String>.Continuation] in
            closed = true
            defer { listeners.removeAll() }
            return Array(listeners.values)
        }
        for continuation in open { continuation.finish() }
    }

    /// Moves to the state `make` derives from the current version, and tells every page.
    private func publish(_ make: (Int) -> State) {
        let next = lock.withLock { () -> State in
            state = make(state.version)
            return state
        }
        broadcast(message(for: next, reload: true))
    }

    private func broadcast(_ text: String) {
        let open = lock.withLock { Array(listeners.values) }
        for continuation in open { continuation.yield(text) }
    }

    private func remove(_ id: Int) {
        _ = lock.withLock { listeners.removeValue(forKey: id) }
    }

    /// The id of a build as the pages see it: unique across server restarts.
    func buildID(_ version: Int) -> String { "\(run)-\(version)" }

    /// One SSE message. `site` events carry the build's id; a page reloads when it changes.
    func message(for state: State, reload: Bool = false) -> String {
        switch state {
        case .built(let version):
            return "event: site\ndata: {\"build\":\"\(buildID(version))\",\"reload\":\(reload)}\n\n"
        case .failed(let version, let diagnostics):
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let problems = (try? encoder.encode(diagnostics)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
            return "event: problems\ndata: {\"build\":\"\(buildID(version))\",\"diagnostics\":\(problems)}\n\n"
        }
    }
}
