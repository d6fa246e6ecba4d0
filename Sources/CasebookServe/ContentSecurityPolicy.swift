import CasebookKit
import Foundation

/// The Content-Security-Policy the preview sends as an HTTP header with every response. The pages
/// carry it as a `<meta>` tag, which covers only those pages: an SVG or a JSON file opened on its own
/// is covered only by a header. The policy is the one in `templates/layout.mustache`, read again after
/// each rebuild, so the header and the pages never disagree.
final class ContentSecurityPolicy: Sendable {
    /// Used when the layout has no policy (or cannot be read): same-origin only.
    static let fallback = "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"

    private let value: Locked<String>
    let root: String

    init(root: String) {
        self.root = root
        self.value = Locked(Self.read(root: root))
    }

    var current: String { value.current }

    func reload() {
        let next = Self.read(root: root)
        value.withLock { $0 = next }
    }

    /// The `content` of the layout's `<meta http-equiv="Content-Security-Policy">`.
    static func read(root: String) -> String {
        guard let data = FileManager.default.contents(atPath: root + "/templates/layout.mustache") else { return fallback }
        return policy(inLayout: String(decoding: data, as: UTF8.self)) ?? fallback
    }

    static func policy(inLayout text: String) -> String? {
        guard let meta = text.range(of: #"<meta[^>]*http-equiv\s*=\s*"Content-Security-Policy"[^>]*>"#,
                                    options: [.regularExpression, .caseInsensitive]),
              let content = text[meta].range(of: #"content\s*=\s*"[^"]*""#, options: .regularExpression) else { return nil }
        let value = text[meta][content].drop { $0 != "\"" }.dropFirst().dropLast()
        // A header value may not hold line breaks or template tags; such a policy is not used.
        guard !value.isEmpty, !value.contains("{{"), !value.contains(where: { $0.isNewline }) else { return nil }
        return String(value)
    }
}
