import ArgumentParser
import CasebookKit
import CasebookServe
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site: build it, serve it, and rebuild and reload the browser on every save.",
        discussion: """
        Examples:
          casebook serve
          casebook serve --drafts --open
          casebook serve --port 9000 --base-url http://localhost:9000/showcase/

        The preview also offers an editor: an "Edit this case study" link on each case page and a \
        "New case study" link (docs/editing-in-the-browser.md). The editor answers only this computer; \
        --editor-on-network lets other computers that can reach the preview use it too.

        The preview is written to <root>/.casebook/preview (not public/, so drafts never end up in \
        a published folder). When a change breaks the build, the server keeps showing the last good \
        version and the browser shows the problems until the file is fixed. Press Ctrl-C to stop.
        """)

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("The address to listen on. Only this computer can connect to 127.0.0.1; 0.0.0.0 lets anyone on the network see the preview.", valueName: "address"))
    var host = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("The port to listen on (0 picks a free one).", valueName: "number"))
    var port = 8080

    @Option(name: .long, help: ArgumentHelp("Where to write the preview (default: <root>/.casebook/preview).", valueName: "dir"))
    var output: String?

    @Flag(name: .long, help: ArgumentHelp("Let other computers use the editor (with --host 0.0.0.0): anyone who can reach the preview can then change the content. Off by default: the editor answers this computer only."))
    var editorOnNetwork = false

    @Flag(name: .long, help: "Open the preview in the default browser once it is ready.")
    var open = false

    @Flag(name: .long, help: "List every page each rebuild rendered.")
    var verbose = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let root = site.absoluteRoot
        var options = BuildOptions(root: root, output: output ?? root + "/.casebook/preview", baseURL: site.baseURL,
                                   includeDrafts: site.drafts, strict: site.strict)
        options.contact = site.contact
        options.checksPublishingSettings = false  // a preview is not published
        let style = TerminalStyle(fileDescriptor: 2)
        if host != "127.0.0.1" && host != "localhost" && host != "::1" {
            FileHandle.standardError.write(Data("\(style.yellow("warning")): listening on \(host): other computers on the network can see this preview, drafts included.\n".utf8))
        }
        if editorOnNetwork {
            FileHandle.standardError.write(Data("\(style.yellow("warning")): --editor-on-network: anyone who can reach this preview can change the files in content/.\n".utf8))
        }
        var configuration = PreviewServer.Configuration(build: options, host: host, port: port)
        configuration.editorOnNetwork = editorOnNetwork
        let server = PreviewServer(configuration: configuration) {
            [open, verbose] event in
            ServeLog(style: style, root: root, open: open, verbose: verbose).report(event)
        }
        do {
            try await server.run()
        } catch let error as BuildError {
            style.report(error)
            throw ExitCode(2)
        } catch {
            let text = "\(error)"
            if text.contains("Address already in use") {
                style.report(BuildError("port \(port) on \(host) is already in use",
                                        hint: "stop the other server, or pass another port: casebook serve --port \(port + 1)"))
            } else {
                style.report(BuildError("the preview server stopped: \(text)",
                                        hint: "start it again; if this keeps happening, try another --port"))
            }
            throw ExitCode(2)
        }
        say("Stopped.")
    }
}

/// What `casebook serve` prints as it works.
struct ServeLog {
    let style: TerminalStyle
    /// The site's folder, where the lines that problems point into are read.
    let root: String
    let open: Bool
    let verbose: Bool

    func report(_ event: PreviewServer.Event) {
        switch event {
        case .listening(let url):
            say("Serving the preview at \(url)  (Ctrl-C to stop)")
            if open { openBrowser(url) }
        case .built(let result, let changed, let seconds):
            warnings(result.report.diagnostics)
            let time = seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : String(format: "%.2f s", seconds)
            let cause = changed.isEmpty ? "" : " after \(describe(changed))"
            if result.full {
                say("Built \(result.report.pagesWritten) pages in \(time)\(cause).")
            } else {
                let removed = result.removed.isEmpty ? "" : ", removed \(result.removed.count)"
                say("Rebuilt \(result.rendered.count) of \(result.pages) pages\(removed) in \(time)\(cause).")
            }
            if verbose { for route in result.rendered { say("  /\(route)") } }
        case .failed(let result, let changed):
            for diagnostic in DiagnosticOutput.prepared(result.report.diagnostics, root: root) {
                FileHandle.standardError.write(Data((style.colour(diagnostic) + "\n").utf8))
            }
            let errors = result.report.diagnostics.errorCount
            let cause = changed.isEmpty ? "" : " after \(describe(changed))"
            say("\(style.red("Build failed"))\(cause): \(errors) \(errors == 1 ? "error" : "errors"). "
                  + "Still serving the last good version; the browser shows the problems until they are fixed.")
        case .environment(let error):
            style.report(error)
        }
    }

    private func warnings(_ diagnostics: [Diagnostic]) {
        for diagnostic in DiagnosticOutput.prepared(diagnostics.filter { $0.severity == .warning }, root: root) {
            FileHandle.standardError.write(Data((style.colour(diagnostic) + "\n").utf8))
        }
    }

    private func describe(_ changed: [String]) -> String {
        changed.count == 1 ? changed[0] + " changed" : "\(changed.count) files changed"
    }

    private func openBrowser(_ url: String) {
        let process = Process()
        #if os(macOS)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/open")
        process.arguments = [url]
        #else
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        #endif
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}

/// One line on standard output, written at once (also when piped to a log, where print buffers).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
