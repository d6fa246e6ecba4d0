/// A link named by a label: a browse link, a topic on a case page.
struct LabeledLink: TemplateView {
    var label: String
    var url: String

    static let viewName = "a link"
    static let fields = TemplateFields<LabeledLink>([
        "label": .text(\.label),
        "url": .text(\.url),
    ])
}

/// A link named by a title: a study's sources, further reading, the previous and next case.
struct TitledLink: TemplateView {
    var title: String
    var url: String

    init(title: String, url: String) { (self.title, self.url) = (title, url) }
    init(_ source: SourceLink) { (title, url) = (source.title, source.url) }

    static let viewName = "a titled link"
    static let fields = TemplateFields<TitledLink>([
        "title": .text(\.title),
        "url": .text(\.url),
    ])
}
