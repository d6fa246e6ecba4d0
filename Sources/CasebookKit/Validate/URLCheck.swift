import Foundation

/// Checks that a source address is a web page a reader can open.
enum URLCheck {
    enum Outcome: Equatable {
        case ok
        case problem(String, hint: String?)
    }

    static func check(_ raw: String) -> Outcome {
        let lowered = raw.lowercased()
        if lowered.hasPrefix("javascript:") || lowered.hasPrefix("data:") || lowered.hasPrefix("vbscript:") {
            return .problem("must be a web address (http or https); `\(raw.prefix(while: { $0 != ":" })):` addresses are not allowed",
                            hint: "link to the web page where the figure is published")
        }
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else {
            return .problem("must start with https:// or http://, but it is `\(raw)`",
                            hint: "copy the full address from the browser's address bar")
        }
        // Characters no address may hold as they are (quotes and angle brackets end an attribute or a
        // tag), and invisible ones (zero-width spaces, direction marks) that make an address look like another.
        // (ASCII has no format characters, and its controls are below U+0020 and U+007F.)
        if let bad = raw.unicodeScalars.first(where: { scalar in
            if scalar.isASCII { return scalar.value < 0x20 || scalar.value == 0x7F || "\"<>`{}|\\^".unicodeScalars.contains(scalar) }
            return scalar.properties.generalCategory == .format || scalar.properties.generalCategory == .control
        }) {
            let shown = bad.isASCII && bad.value >= 0x20 ? "`\(bad)`" : "the invisible character U+\(String(format: "%04X", bad.value))"
            return .problem("contains \(shown), which a web address cannot hold as it is",
                            hint: "copy the address again from the browser's address bar (it writes such characters as %22, %3C, …)")
        }
        guard !raw.contains(where: { $0.isWhitespace }), let components = URLComponents(string: raw),
              let host = components.host, !host.isEmpty, host.contains(".") || host == "localhost" else {
            return .problem("is not a complete web address: `\(raw)`",
                            hint: "copy the full address from the browser's address bar (spaces must be written as %20)")
        }
        // The host as the browser's address bar copies it: ASCII letters, digits, hyphens and dots
        // (international names in their xn-- form), or an IP address.
        // (As written: URLComponents turns an xn-- name back into Unicode.)
        let authority = raw.drop { $0 != "/" }.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let written = authority.split(separator: "@").last.map(String.init) ?? ""
        if !written.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-.:[]".unicodeScalars.contains($0)) }) {
            return .problem("has a host name with characters other than letters, digits, hyphens and dots: `\(written)`",
                            hint: "copy the address from the browser's address bar, which writes international names in their xn-- form")
        }
        return .ok
    }

    /// Checks the site's own address (`base_url:`, `--base-url`): a web address as above, and one that
    /// can prefix every page's address. Canonical links, the feed, the sitemap, robots.txt and every
    /// citation are built on it, so a password in it would be published on every page, and a query or
    /// a fragment would end up in the middle of every address.
    static func siteAddress(_ raw: String) -> Outcome {
        let outcome = check(raw)
        guard outcome == .ok else { return outcome }
        let afterScheme = raw.drop { $0 != "/" }.dropFirst(2)
        let authority = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") {
            let host = authority[authority.index(after: at)...]
            return .problem("contains a user name or password before `@\(host)`, which would be published in every page's address, the feed and the sitemap",
                            hint: "remove the part before `@`: the site's public address needs no login (give the deploy tool its credentials some other way)")
        }
        let rest = afterScheme.dropFirst(authority.count)
        if let mark = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            let isQuery = rest[mark] == "?"
            let part = rest[mark...].prefix { isQuery ? $0 != "#" : true }
            return .problem(isQuery ? "has a query (`\(part.prefix(40))`), which would end up in the middle of every page's address"
                                    : "has a fragment (`\(part.prefix(40))`), which would end up in the middle of every page's address",
                            hint: "remove everything from `\(rest[mark])` on: the site's address is the folder its pages are published in, such as https://casebook.example.org/")
        }
        // The port follows the last `:` outside the brackets of an IPv6 address.
        let hostEnd = authority.lastIndex(of: "]") ?? authority.startIndex
        if let colon = authority[hostEnd...].lastIndex(of: ":") {
            let port = authority[authority.index(after: colon)...]
            guard let number = Int(port), (1...65535).contains(number), port.allSatisfy(\.isASCII) else {
                return .problem("has the port `\(port)`, which does not exist (ports are numbers from 1 to 65535)",
                                hint: "fix the port, or leave out `:\(port)` to use the usual port of http or https")
            }
        }
        return .ok
    }
}
