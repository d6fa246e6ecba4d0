import Foundation
import Hummingbird
import ServiceLifecycle

/// Answers every request of the preview server: the site's files from the output folder (with
/// `index.html` for folders, the site's `404.html` for missing pages, the base path honoured), the
/// live-reload script and event stream, and 405 for anything but GET and HEAD.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let paths: RequestPath
    let events: ReloadEvents
    let policy: ContentSecurityPolicy

    func respond(to request: Request, context: Context) async throws -> Response {
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
        switch paths.resolve(rawPath) {
        case .refused:
            return text(.badRequest, "This address is not allowed.\n")
        case .redirect(let location):
            let query = request.uri.query.map { "?" + $0 } ?? ""
            return Response(status: .found, headers: [.location: location + query, .cacheControl: "no-cache",
                                                      .contentSecurityPolicy: policy.current])
        case .notFound:
            return notFound(head: head)
        case .file(let file):
            return serve(file, request: request, head: head)
        }
    }

    // MARK: Files

    private func serve(_ file: String, request: Request, head: Bool, status: HTTPResponse.Status = .ok) -> Response {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file),
              let data = FileManager.default.contents(atPath: file) else { return notFound(head: head) }
        let type = ContentType.of(file)
        let html = type.hasPrefix("text/html")
        let build = buildID
        // Revalidate on every load (a preview changes all the time), but answer 304 when nothing did.
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let tag = "W/\"\(String(Int(modified * 1_000_000), radix: 36))-\(data.count)\(html ? "-" + build : "")\""
        if status == .ok, request.headers[.ifNoneMatch] == tag {
            return Response(status: .notModified, headers: [.eTag: tag, .cacheControl: "no-cache",
                                                             .contentSecurityPolicy: policy.current])
        }
        let payload = html ? Self.inject(LiveReloadScript.tag(build: build), into: data) : data
        var response = body(payload, status: status, type: type, head: head, cache: "no-cache")
        response.headers[.eTag] = tag
        return response
    }

    /// The site's own 404 page with status 404; a plain one if the site has none (or is not built yet).
    private func notFound(head: Bool) -> Response {
        if let page = try? Data(contentsOf: URL(fileURLWithPath: paths.folder + "/404.html")) {
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
        let stream = events.subscribe()
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
