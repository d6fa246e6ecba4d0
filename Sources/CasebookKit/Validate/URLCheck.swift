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
}
