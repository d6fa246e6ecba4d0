import CasebookKit
import Foundation

/// The event stream every open page listens to (Server-Sent Events). After each rebuild it tells
/// the pages to reload, or sends the diagnostics to show as an overlay. A page that connects is told
/// the current state at once, so a page opened while the site is broken shows the overlay too.
public final class ReloadEvents: Sendable {
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

    /// What the lock guards: the state, the open pages' streams, and whether the server stopped.
    private struct Shared: Sendable {
        var state: State = .built(version: 0)
        var listeners: [Int: AsyncStream<String>.Continuation] = [:]
        var nextID = 0
        var closed = false
    }

    private let shared = Locked(Shared())
    /// Tells apart a server that restarted (a page then reloads when it reconnects).
    private let run = Int(Date().timeIntervalSince1970 * 1000) % 1_000_000_000

    public init() {}

    public var current: State { shared.withLock { $0.state } }
    public var listenerCount: Int { shared.withLock { $0.listeners.count } }

    /// A stream of SSE messages for one page: the current state first, then every change. A slow
    /// page keeps only the newest few messages, so it never holds up the others. Nil when `limit`
    /// streams are open already (checked and counted in one step, so no burst of pages passes it).
    public func subscribe(limit: Int = .max) -> AsyncStream<String>? {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(4))
        let admitted = shared.withLock { shared -> (id: Int, first: State, closed: Bool)? in
            guard shared.listeners.count < limit else { return nil }
            shared.nextID += 1
            if !shared.closed { shared.listeners[shared.nextID] = continuation }
            return (shared.nextID, shared.state, shared.closed)
        }
        guard let (id, first, isClosed) = admitted else { return nil }
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
        let open = shared.withLock { shared -> [AsyncStream<String>.Continuation] in
            shared.closed = true
            defer { shared.listeners.removeAll() }
            return Array(shared.listeners.values)
        }
        for continuation in open { continuation.finish() }
    }

    /// Moves to the state `make` derives from the current version, and tells every page.
    private func publish(_ make: (Int) -> State) {
        let next = shared.withLock { shared -> State in
            shared.state = make(shared.state.version)
            return shared.state
        }
        broadcast(message(for: next, reload: true))
    }

    private func broadcast(_ text: String) {
        let open = shared.withLock { Array($0.listeners.values) }
        for continuation in open { continuation.yield(text) }
    }

    private func remove(_ id: Int) {
        _ = shared.withLock { $0.listeners.removeValue(forKey: id) }
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
