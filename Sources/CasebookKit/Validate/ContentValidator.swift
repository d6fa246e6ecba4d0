/// Checks across files: clashing page addresses, and featured cases that cannot be shown.
enum ContentValidator {
    /// Top-level folders the generator writes itself; a page with one of these slugs would overwrite them.
    static let reservedSlugs: Set<String> = ["case-studies", "strategies", "states", "tags", "funding", "years",
                                             "data", "search", "assets", "images", "feed", "sitemap", "robots", "404",
                                             "evidence", "compare", "report", "search-index"]

    static func check(_ content: SiteContent) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: [String: String] = [:]
        for study in content.caseStudies {
            if let other = seen[study.slug] {
                // At `slug:` where the file sets one; otherwise the file's name is the address.
                diagnostics.append(.error(study.locations["slug"] ?? SourceLocation(file: study.sourcePath, line: 1, column: 1),
                                          "two case studies would be published at /case-studies/\(study.slug)/ (this one and \(other))",
                                          hint: "rename one of the files, or give one of them a different `slug:`", code: .pageAddressTaken))
            } else {
                seen[study.slug] = study.sourcePath
            }
        }
        diagnostics += ContentLimits.checkSite(content.caseStudies)
        var pageSlugs: [String: String] = [:]
        for page in content.pages {
            let location = page.locations["slug"] ?? SourceLocation(file: page.sourcePath, line: 1, column: 1)
            if reservedSlugs.contains(page.slug) {
                diagnostics.append(.error(location, "the page address /\(page.slug)/ is used by the site itself",
                                          hint: "rename the file or set another `slug:`", code: .pageAddressTaken))
            } else if let other = pageSlugs[page.slug] {
                diagnostics.append(.error(location, "two pages would be published at /\(page.slug)/ (this one and \(other))",
                                          hint: "rename one of the files, or give one of them a different `slug:`", code: .pageAddressTaken))
            } else {
                pageSlugs[page.slug] = page.sourcePath
            }
        }
        return diagnostics
    }
}
