/// Limits on the fields whose size multiplies through the site. A tag is a page listing its cases, a
/// summary is printed on every card of the case (in each listing of its tags, strategy, state and
/// years), and every year a case spans is a listing too: three cases with 1,000 tags, a 50 KB summary
/// and the years 1900–2200 once published 208 MB from 224 KB of content. Each limit is far above what
/// a real case needs (the site's own cases have at most 6 tags, 221-character summaries and 12 years).
enum ContentLimits {
    static let tagsPerCase = 20
    static let summaryCharacters = 600
    /// From the start to the end (or, for a running program, to the year of `date`), counted inclusively.
    static let yearsPerCase = 50
    /// How far after the case's `date` (its newest fact) a planned end may lie.
    static let yearsAfterDate = 10
    /// From the earliest `start` to the latest `date` or `end` of all cases: the years the listings show.
    static let yearsPerSite = 60

    /// Checks one decoded case's fields, reporting each limit passed where the field is written.
    static func check(_ fields: YAMLReader.Fields, summary: String?, years: YearSpan?, date: DayDate?,
                      reader: inout YAMLReader) {
        if let tags = fields["tags"]?.sequence, tags.count > tagsPerCase {
            reader.error(tags[tagsPerCase], "this case has \(tags.count) tags; a case can have at most \(tagsPerCase)",
                         hint: "keep the \(tagsPerCase) tags readers are most likely to look for; each tag is a page that lists its cases")
        }
        if let summary, summary.count > summaryCharacters {
            reader.error(fields["summary"], "the summary is \(summary.count) characters long; it can be at most \(summaryCharacters)",
                         hint: "write one or two sentences: the summary is shown on every card of the case; put the rest in the story below the front matter")
        }
        guard let years, let date else { return }
        let last = years.end ?? date.year
        if years.start > date.year + yearsAfterDate {
            reader.error(fields["years"], "the program starts in \(years.start), more than \(yearsAfterDate) years after the case's `date` (\(date.year))",
                         hint: "check the start year and the date of the newest fact")
        } else if let end = years.end, end > date.year + yearsAfterDate {
            reader.error(fields["years"], "the program ends in \(end), more than \(yearsAfterDate) years after the case's `date` (\(date.year))",
                         hint: "check the end year; leave out `end` while the program is running")
        } else if last - years.start + 1 > yearsPerCase {
            reader.error(fields["years"], "the program spans \(last - years.start + 1) years (\(years.start)–\(last)); a case can span at most \(yearsPerCase)",
                         hint: "check the years; each year a case spans adds it to that year's listing")
        }
    }

    /// The years the site's listings show, over all cases: an error at the `date` or `years` of each
    /// case that pushes the last year more than `yearsPerSite` after the earliest start.
    static func checkSite(_ cases: [CaseStudy]) -> [Diagnostic] {
        guard let earliest = cases.map(\.years.start).min() else { return [] }
        return cases.compactMap { study in
            let last = max(study.date.year, study.years.end ?? study.years.start)
            guard last - earliest + 1 > yearsPerSite else { return nil }
            let field = study.years.end.map { $0 >= study.date.year } == true ? "years" : "date"
            return .error(study.locations[field] ?? SourceLocation(file: study.sourcePath, line: 1, column: 1),
                          "this case runs the site's years up to \(last), \(last - earliest + 1) years after the earliest start (\(earliest)); the site can span at most \(yearsPerSite)",
                          hint: "check this case's `date` and `years`: every running program is listed under each year up to the site's last")
        }
    }
}
