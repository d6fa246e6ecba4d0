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
        guard !raw.contains(where: { $0.isWhitespace }), let components = URLComponents(string: raw),
              let host = components.host, !host.isEmpty, host.contains(".") || host == "localhost" else {
            return .problem("is not a complete web address: `\(raw)`",
                            hint: "copy the full address from the browser's address bar (spaces must be written as %20)")
        }
        return .ok
    }
}
