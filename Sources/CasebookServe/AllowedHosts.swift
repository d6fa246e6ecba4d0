import Foundation

/// The host names the preview answers to. A web page the reviewer visits could otherwise read the
/// preview, drafts included, by pointing a name of its own at 127.0.0.1 (DNS rebinding): the browser
/// then sends that name in `Host`. So only names that cannot be rebound are answered: `localhost`
/// (and names under `.localhost`, which resolve to this computer only), IP addresses written as they
/// are (rebinding needs a name), and the name given with `--host`.
struct AllowedHosts: Sendable {
    /// The `--host` value, lower-cased, when it is a name rather than an address.
    let boundName: String?

    init(boundTo host: String) {
        let name = Self.normalized(host)
        boundName = Self.isAddress(name) ? nil : name
    }

    /// Whether a request's `Host` (with or without a port) may be answered. A request without one
    /// (HTTP/1.0, command-line tools) comes from no web page and is answered.
    func allows(_ header: String?) -> Bool {
        guard let header else { return true }
        let name = Self.normalized(Self.withoutPort(header))
        if name.isEmpty { return false }
        return name == "localhost" || name.hasSuffix(".localhost") || Self.isAddress(name) || name == boundName
    }

    /// `[::1]:8080` → `[::1]`, `localhost:8080` → `localhost`; an IPv6 address keeps its brackets.
    static func withoutPort(_ header: String) -> String {
        if header.hasPrefix("["), let close = header.firstIndex(of: "]") { return String(header[...close]) }
        return String(header.prefix { $0 != ":" })
    }

    static func normalized(_ name: String) -> String {
        var name = name.trimmingCharacters(in: .whitespaces).lowercased()
        while name.hasSuffix(".") { name.removeLast() }
        return name
    }

    /// An IPv4 address in dotted decimal, or an IPv6 address (bracketed as in `Host`, or bare as in `--host`).
    static func isAddress(_ name: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        let bare = name.hasPrefix("[") && name.hasSuffix("]") ? String(name.dropFirst().dropLast()) : name
        return inet_pton(AF_INET, bare, &v4) == 1 || inet_pton(AF_INET6, bare, &v6) == 1
    }
}
