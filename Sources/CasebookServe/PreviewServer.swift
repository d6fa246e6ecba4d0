import CasebookKit
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import ServiceLifecycle

/// `casebook serve`: builds the site, serves it with Hummingbird, watches `content/` and
/// `templates/`, rebuilds what a change affects (a burst of saves is one rebuild), and tells every
/// open page to reload, or to show the problems when the site cannot be rebuilt. The last good site
/// stays up while the content is broken. Stops cleanly on Ctrl-C (SIGINT) and SIGTERM.
public struct PreviewServer: Sendable {
    public struct Configuration: Sendable {
        public var build: BuildOptions
        public var host: String
        public var port: Int
        /// How often to look for changed files.
        public var pollInterval: Duration
        /// How long the files must stay unchanged before a rebuild starts (an editor saving several files).
        public var settleInterval: Duration
        /// Stop gracefully on SIGINT (Ctrl-C) and SIGTERM; tests that run servers in-process turn this off.
        public var handleSignals = true
        /// Connections open at once; more wait to be accepted, so a flood of connections cannot use up
        /// the process's file descriptors (which the rebuilds need to read the site).
        public var maxConnections = 128
        /// Live-reload streams open at once (one per open page); more are answered 503. Each holds a
        /// connection for as long as its page is open, so this leaves the rest of `maxConnections`
        /// to the requests for pages and files.
        public var maxEventStreams = 64
        /// A connection with no request in progress for this long is closed (the event streams of open
        /// pages are responses in progress, kept alive by a heartbeat, so they stay).
        public var idleTimeout: Duration = .seconds(30)
        /// Lets computers other than this one use the editor (`--editor-on-network`); off by default,
        /// since whoever can reach the editor can change the content.
        public var editorOnNetwork = false

        public init(build: BuildOptions, host: String = "127.0.0.1", port: Int = 8080,
                    pollInterval: Duration = .milliseconds(200), settleInterval: Duration = .milliseconds(100)) {
            self.build = build
            self.host = host
            self.port = port
            self.pollInterval = pollInterval
            self.settleInterval = settleInterval
        }
    }

    /// What the server tells the person running it.
    public enum Event: Sendable {
        /// Serving at this address.
        case listening(url: String)
        /// A build finished (the first, or one after a change) in this many seconds.
        case built(IncrementalBuilder.Result, changed: [String], seconds: Double)
        /// A build failed: the previous site is still served.
        case failed(IncrementalBuilder.Result, changed: [String])
        /// The output folder could not be written.
        case environment(BuildError)
    }

    public let configuration: Configuration
    public let events = ReloadEvents()
    let policy: ContentSecurityPolicy
    /// The editor's session token and who may use it, fixed for this run of the server.
    let editorAccess: EditorAccess
    private let log: @Sendable (Event) -> Void

    public init(configuration: Configuration, log: @escaping @Sendable (Event) -> Void) {
        self.configuration = configuration
        self.log = log
        self.policy = ContentSecurityPolicy(root: configuration.build.root)
        self.editorAccess = EditorAccess(onNetwork: configuration.editorOnNetwork)
    }

    /// Builds the site, then serves until SIGINT or SIGTERM. Throws when the output folder cannot
    /// be used (content errors do not stop the server: they are shown in the browser).
    public func run() async throws {
        let builder = IncrementalBuilder(options: configuration.build)
        try await rebuild(builder, changed: nil)
        let basePath = await builder.basePath
            ?? Routes(baseURL: configuration.build.baseURL ?? "http://localhost/").basePath
        let responder = PreviewResponder(paths: RequestPath(folder: configuration.build.outputPath, basePath: basePath),
                                         events: events, policy: policy, hosts: AllowedHosts(boundTo: configuration.host),
                                         maxEventStreams: max(1, min(configuration.maxEventStreams, configuration.maxConnections - 2)),
                                         editor: EditorRoutes(root: configuration.build.root, basePath: basePath,
                                                              access: editorAccess, policy: policy,
                                                              showsDrafts: configuration.build.includeDrafts))
        let watch = WatchService(server: self, builder: builder)
        var logger = Logger(label: "casebook.serve")
        logger.logLevel = .critical  // problems reach the person through `log`, not log lines
        let host = configuration.host
        let (seconds, attoseconds) = configuration.idleTimeout.components
        let app = Application(
            responder: responder,
            server: .http1(configuration: .init(idleTimeout: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000))),
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: "casebook",
                                 availableConnectionsDelegate: MaximumAvailableConnections(configuration.maxConnections)),
            services: [watch],
            onServerRunning: { [log] channel in
                let port = channel.localAddress?.port ?? 0
                let shown = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host
                log(.listening(url: "http://\(shown.contains(":") ? "[\(shown)]" : shown):\(port)\(basePath)"))
            },
            logger: logger)
        try await app.runService(gracefulShutdownSignals: configuration.handleSignals ? [.sigterm, .sigint] : [])
    }

    /// One build, reported to the person and to the open pages.
    func rebuild(_ builder: IncrementalBuilder, changed: Set<String>?) async throws(BuildError) {
        let start = ContinuousClock.now
        let result = try await builder.build(changed: changed)
        if changed == nil || changed?.contains("templates/layout.mustache") == true { policy.reload() }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let files = (changed ?? []).sorted()
        if result.report.succeeded {
            events.built()
            log(.built(result, changed: files, seconds: seconds))
        } else {
            events.failed(DiagnosticOutput.prepared(result.report.diagnostics.filter { $0.severity == .error }
                          + result.report.diagnostics.filter { $0.severity == .warning }, root: configuration.build.root))
            log(.failed(result, changed: files))
        }
    }

    /// Polls for changes and rebuilds; keeps the event streams alive; closes them on shutdown.
    struct WatchService: Service {
        let server: PreviewServer
        let builder: IncrementalBuilder

        func run() async throws {
            let configuration = server.configuration
            let watcher = ChangeWatcher(root: configuration.build.root)
            do {
              try await withGracefulShutdownHandler {
                try await cancelWhenGracefulShutdown {
                    var last = watcher.snapshot() ?? [:]
                    var sinceHeartbeat = Duration.zero
                    while !Task.isCancelled {
                        try await Task.sleep(for: configuration.pollInterval)
                        sinceHeartbeat += configuration.pollInterval
                        if sinceHeartbeat >= .seconds(15) {
                            server.events.heartbeat()
                            sinceHeartbeat = .zero
                        }
                        // A look that failed for the server's own reasons is skipped, not taken as deletions.
                        guard var now = watcher.snapshot() else { continue }
                        var changed = FileStamp.changes(from: last, to: now)
                        guard !changed.isEmpty else { continue }
                        // Wait for the burst of saves to end, then rebuild once for all of it.
                        var settled = false
                        for _ in 0..<30 where !settled {
                            try await Task.sleep(for: configuration.settleInterval)
                            guard let next = watcher.snapshot() else { continue }
                            let more = FileStamp.changes(from: now, to: next)
                            changed.formUnion(more)
                            settled = more.isEmpty
                            now = next
                        }
                        last = now
                        // The builder runs on its own queue, off the server's threads.
                        do throws(BuildError) {
                            try await server.rebuild(builder, changed: changed)
                        } catch {
                            server.log(.environment(error))
                        }
                    }
                }
              } onGracefulShutdown: {
                server.events.close()
              }
            } catch is CancellationError {
                server.events.close()  // stopping: not an error
            }
        }
    }
}
