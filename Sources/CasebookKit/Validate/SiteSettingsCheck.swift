import Foundation

/// Settings a site can build without but should not be published without: a real public address
/// (canonical links, the feed, the sitemap and every citation use it) and a way to reach the editors.
enum SiteSettingsCheck {
    /// Hosts that are examples or this computer, never a site's public address.
    static func isPlaceholder(host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]."))
        let examples = ["example.org", "example.com", "example.net", "localhost"]
        if examples.contains(where: { host == $0 || host.hasSuffix("." + $0) }) { return true }
        return host.hasSuffix(".example") || host.hasSuffix(".localhost") || host.hasPrefix("127.")
            || host == "::1" || host == "0.0.0.0"
    }

    static func check(config: SiteConfig, baseURL override: String?, contact: String?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let base = override ?? config.baseURL
        if let host = URLComponents(string: base)?.host, isPlaceholder(host: host) {
            let location = override == nil ? config.baseURLLocation : SourceLocation(file: "--base-url", line: 1, column: 1)
            diagnostics.append(.warning(location,
                "the site's address `\(base)` is a placeholder, so canonical links, the feed, the sitemap and every citation would point to it",
                hint: "set `base_url:` in content/site.yml to the address the site is published at, or pass --base-url https://…", code: .siteBaseURLPlaceholder))
        }
        if (contact ?? config.contact) == nil {
            diagnostics.append(.warning(config.location, "site.yml has no `contact`, so readers cannot report an error",
                hint: "add `contact:` with an e-mail address or the web address of a contact form (or pass --contact)", code: .siteNoContact))
        }
        return diagnostics
    }

    /// A contact as a link: an e-mail address becomes `mailto:`; a web address stays as it is. Nil when
    /// it is neither.
    static func contactLink(_ raw: String) -> String? {
        let value = raw.trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("mailto:") { return contactLink(String(value.dropFirst("mailto:".count))) }
        if value.lowercased().hasPrefix("http"), URLCheck.check(value) == .ok { return value }
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasSuffix("."),
              !value.contains(where: { $0.isWhitespace || "<>\"'()[],;:\\".contains($0) }) else { return nil }
        return "mailto:" + value
    }
}
