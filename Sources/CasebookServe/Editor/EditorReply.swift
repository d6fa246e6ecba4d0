import Foundation
import CasebookKit
import HTTPTypes
import Hummingbird

/// The editor's responses: never cached, never sniffed, under the site's Content-Security-Policy,
/// and never shown inside another site's frame.
struct EditorReply: Sendable {
    /// The site's policy (from the layout), to which the editor adds that only its own pages may frame it.
    let policy: String

    func html(_ page: String) -> Response {
        data(Data(page.utf8), status: .ok, type: "text/html; charset=utf-8")
    }

    func asset(_ text: String, type: String) -> Response {
        data(Data(text.utf8), status: .ok, type: type)
    }

    func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) -> Response {
        let body = (try? EditorJSON.encoder.encode(value)) ?? Data("{}".utf8)
        return data(body, status: status, type: "application/json")
    }

    func failure(_ status: HTTPResponse.Status, kind: String, _ message: String, hint: String? = nil,
                 problems: [FieldProblem]? = nil) -> Response {
        json(EditorMessages.Failure(kind: kind, message: message, hint: hint, problems: problems), status: status)
    }

    func text(_ status: HTTPResponse.Status, _ message: String) -> Response {
        data(Data(message.utf8), status: status, type: "text/plain; charset=utf-8")
    }

    static let frameOptions = HTTPField.Name("X-Frame-Options")!

    private func data(_ data: Data, status: HTTPResponse.Status, type: String) -> Response {
        let headers: HTTPFields = [
            .contentType: type, .cacheControl: "no-store", .xContentTypeOptions: "nosniff",
            .contentSecurityPolicy: policy + "; frame-ancestors 'self'", Self.frameOptions: "SAMEORIGIN",
            .crossOriginResourcePolicy: "same-origin",
        ]
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

