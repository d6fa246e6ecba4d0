import Foundation
import Hummingbird
import NIOPosix
import ServiceLifecycle

/// Answers every request of the preview server: the site's files from the output folder (with
/// `index.html` for folders, the site's `404.html` for missing pages, the base path honoured), the
/// live-reload script and event stream, and 405 for anything but GET and HEAD. Requests for any host
/// name but the preview's own are refused (see `AllowedHosts`), and live-reload streams beyond
/// `maxEventStreams` are answered 503, so open pages never hold every connection. The disk is read
/// on NIO's thread pool (as `NonBlockingFileIO` does), never on the threads that run the handlers.
struct PreviewResponder: HTTPResponder {
    typealias Context = PreviewRequestContext

    let paths: RequestPath
    let events: ReloadEvents
    let policy: ContentSecurityPolicy
    let hosts: AllowedHosts
    let maxEventStreams: Int
    /// The editor's pages and actions (see `EditorRoutes`), which answer only this computer by default.
    let editor: EditorRoutes
    /// Where the blocking file-system calls run.
    let disk = NIOThreadPool.singleton

    func respond(to request: Request, context: Context) async throws -> Response {
        guard hosts.allows(request.head.authority) else {
            // The name asked for is not repeated: it comes from whoever sent the request.
            return text(.forbidden, "This preview answers only at the address it was started for, such as http://localhost:PORT/ or http://127.0.0.1:PORT/.\n")
        }
        if EditorRoutes.handles(request.uri.path) {
            return try await editor.respond(to: request, context: context)
        }
        guard request.method == .get || request.method == .head else {
            return text(.methodNotAllowed, "Only GET and HEAD are allowed: this is a read-only preview.\n",
                        extra: [.allow: "GET, HEAD"])
        }
        let head = request.method == .head
        let rawPath = request.uri.path
        switch rawPath {
        case LiveReloadScript.eventsPath:
            return eventStream()
        case LiveReloadScript.path:
            return body(Data(LiveReloadScript.source.utf8), status: .ok, type: "text/javascript; charset=utf-8",
                        head: head, cache: "no-cache")
        default:
            break
        }
        let paths = self.paths
        switch try await disk.runIfActive({ paths.resolve(rawPath) }) {
        case .refused:
            return text(.badRequest, "This address is not allowed.\n")
        case .redirect(let location):
            let query = request.uri.query.map { "?" + $0 } ?? ""
            return Response(status: .found, headers: [.location: location + query, .cacheControl: "no-cache",
                                                      .contentSecurityPolicy: policy.current])
        case .notFound:
            return try await notFound(head: head)
        case .file(let file):
            return try await serve(file, request: request, head: head,
                                   editLinks: editor.access.admits(remote: context.remoteAddress))
        }
    }

    // MARK: Files

    private func serve(_ file: String, request: Request, head: Bool, editLinks: Bool,
                       status: HTTPResponse.Status = .ok) async throws -> Response {
        let read = try await disk.runIfActive { () -> (modified: Double, data: Data)? in
            // Only regular files: reading a pipe someone left in the output folder would never end.
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: file),
                  attributes[.type] as? FileAttributeType == .typeRegular,
                  let data = FileManager.default.contents(atPath: file) else { return nil }
            return ((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0, data)
        }
        guard let (modified, data) = read else { return try await notFound(head: head) }
        let type = ContentType.of(file)
        let html = type.hasPrefix("text/html")
        let build = buildID
        // Revalidate on every load (a preview changes all the time), but answer 304 when nothing did.
        let tag = "W/\"\(String(Int(modified * 1_000_000), radix: 36))-\(data.count)\(html ? "-" + build : "")\""
        if status == .ok, request.headers[.ifNoneMatch] == tag {
            return Response(status: .notModified, headers: [.eTag: tag, .cacheControl: "no-cache",
                                                             .contentSecurityPolicy: policy.current])
        }
        var payload = html ? Self.inject(LiveReloadScript.tag(build: build), into: data) : data
        if html && editLinks {
            payload = EditLinks.inject(EditLinks.bar(forPage: String(file.dropFirst(paths.folder.count + 1))), into: payload)
        }
        var response = body(payload, status: status, type: type, head: head, cache: "no-cache")
        response.headers[.eTag] = tag
        return response
    }

    /// The site's own 404 page with status 404; a plain one if the site has none (or is not built yet).
    private func notFound(head: Bool) async throws -> Response {
        let path = paths.folder + "/404.html"
        if let page = try await disk.runIfActive({ try? Data(contentsOf: URL(fileURLWithPath: path)) }) {
            return body(Self.inject(LiveReloadScript.tag(build: buildID), into: page), status: .notFound,
                        type: "text/html; charset=utf-8", head: head, cache: "no-store")
        }
        let page = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>
        <body><h1>Not found</h1><p>There is no page at this address, or the site has not been built yet.</p>\
        \(LiveReloadScript.tag(build: buildID))</body></html>
        """
        return body(Data(page.utf8), status: .notFound, type: "text/html; charset=utf-8", head: head, cache: "no-store")
    }

    private var buildID: String { events.buildID(events.current.version) }

    /// Adds the reload script before the last `</body>` (or at the end), in the served copy only.
    static func inject(_ tag: String, into page: Data) -> Data {
        let marker = Data("</body>".utf8)
        guard let range = page.range(of: marker, options: .backwards) else { return page + Data(tag.utf8) }
        var copy = page
        copy.replaceSubrange(range.lowerBound..<range.lowerBound, with: Data(tag.utf8))
        return copy
    }

    // MARK: Responses

    private func body(_ data: Data, status: HTTPResponse.Status, type: String, head: Bool, cache: String) -> Response {
        var headers: HTTPFields = [.contentType: type, .cacheControl: cache, .xContentTypeOptions: "nosniff",
                                   .contentSecurityPolicy: policy.current]
        if head {
            headers[.contentLength] = String(data.count)
            return Response(status: status, headers: headers, body: ResponseBody())
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    private func text(_ status: HTTPResponse.Status, _ message: String, extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store",
                                   .contentSecurityPolicy: policy.current]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: message)))
    }

    /// Server-Sent Events: the current state at once, then one message per rebuild, until the page
    /// goes away or the server stops.
    private func eventStream() -> Response {
        guard let stream = events.subscribe(limit: maxEventStreams) else {
            var response = text(.serviceUnavailable, "Too many pages are open for live reload; close some and reload this one.\n")
            response.headers[.retryAfter] = "10"
            return response
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-store", .xContentTypeOptions: "nosniff"],
            body: ResponseBody { writer in
                // Ends when the server shuts down, or the shutdown would wait for every open page.
                for await message in stream.cancelOnGracefulShutdown() {
                    try await writer.write(ByteBuffer(string: message))
                }
                try await writer.finish(nil)
            })
    }
}
