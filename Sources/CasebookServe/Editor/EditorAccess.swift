import Foundation
import HTTPTypes
import NIOCore

/// Who may use the editor, and what a request that writes must carry. The editor can change files
/// in `content/`, so more is asked of it than of the read-only preview:
/// - it answers only this computer (a loopback address) unless `casebook serve --editor-on-network`;
/// - every POST carries the session token (random for each run of the server, written only into the
///   editor's own page) in `X-Casebook-Token`, is sent as `application/json`, and comes from a page
///   of the preview itself (`Origin` equal to the preview's own address, and `Sec-Fetch-Site`, when the
///   browser sends it, `same-origin`). A page on another site can make the browser send a POST here,
///   but it cannot read the token (the browser keeps other sites' pages from reading ours), cannot
///   send a custom header or a JSON body without asking first (and nothing here says yes), and its
///   `Origin` is its own.
struct EditorAccess: Sendable {
    static let tokenHeader = HTTPField.Name("X-Casebook-Token")!
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!

    let token: String
    /// Whether computers other than this one may use the editor (`--editor-on-network`).
    let onNetwork: Bool

    init(token: String = EditorAccess.newToken(), onNetwork: Bool = false) {
        self.token = token
        self.onNetwork = onNetwork
    }

    /// 32 bytes from the system's secure random source, as hex.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }

    /// Why a request is refused, in words for the person who sees it.
    enum Refusal: Error, Equatable, Sendable {
        case notThisComputer, noToken, wrongOrigin, notJSON

        var message: String {
            switch self {
            case .notThisComputer:
                "The editor answers only on the computer that runs `casebook serve`. To edit from another computer, start it with --editor-on-network (anyone who can reach it can then change the content).\n"
            case .noToken:
                "This change was refused: it did not come from the editor's own page (the session token is missing or out of date). Reload the editor and try again.\n"
            case .wrongOrigin:
                "This change was refused: it came from a page on another site. Only the editor's own page can save.\n"
            case .notJSON:
                "This change was refused: the editor sends JSON (Content-Type: application/json).\n"
            }
        }
    }

    /// Whether the editor answers a request from `remote` at all.
    func admits(remote: SocketAddress?) -> Bool {
        onNetwork || Self.isLoopback(remote)
    }

    /// Checks a request that writes (or asks the server to work): loopback, token, origin, JSON.
    /// `authority` is the request's `Host`, already checked against the preview's own names.
    func checkWrite(_ fields: HTTPFields, authority: String?, remote: SocketAddress?) -> Refusal? {
        guard admits(remote: remote) else { return .notThisComputer }
        if let site = fields[Self.secFetchSite], site.lowercased() != "same-origin" { return .wrongOrigin }
        guard let origin = fields[.origin], let authority, Self.sameOrigin(origin, authority: authority) else { return .wrongOrigin }
        guard let sent = fields[Self.tokenHeader], Self.equalInConstantTime(sent, token) else { return .noToken }
        guard Self.isJSON(fields[.contentType]) else { return .notJSON }
        return nil
    }

    /// `Origin: http://localhost:8080` against `Host: localhost:8080` (the preview is plain HTTP).
    static func sameOrigin(_ origin: String, authority: String) -> Bool {
        origin.lowercased() == "http://" + authority.lowercased()
    }

    static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let type = contentType.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return type == "application/json"
    }

    /// 127.0.0.0/8, ::1, and IPv4 loopback written as IPv6 (::ffff:127.x.y.z).
    static func isLoopback(_ address: SocketAddress?) -> Bool {
        guard let address else { return false }
        switch address {
        case .v4:
            return address.ipAddress?.hasPrefix("127.") == true
        case .v6:
            guard let ip = address.ipAddress?.lowercased() else { return false }
            return ip == "::1" || ip.hasPrefix("::ffff:127.")
        case .unixDomainSocket:
            return true  // only this computer can reach a socket file
        }
    }

    /// Compares every byte, so the time taken says nothing about how much of a guess was right.
    static func equalInConstantTime(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
