import Foundation
import Testing
@testable import CasebookKit

/// The compiled templates against swift-mustache, feature by feature: the same templates and the
/// same data must give the same bytes.
@Suite struct CompiledTemplateTests {
    struct Item: TemplateView {
        var name: String
        var note: String?
        var tags: [String] = []
        var on = false
        static let viewName = "an item"
        static let fields = TemplateFields<Item>([
            "name": .text(\.name), "note": .optionalText(\.note), "tags": .list(\.tags), "on": .flag(\.on),
        ])
    }

    struct Doc: TemplateView {
        var title = "Tom & Jerry's <\"best\">"
        var count = 3
        var items = [Item(name: "a", note: "n<1>", tags: ["x", "y"], on: true), Item(name: "b"), Item(name: "c&d", tags: ["z"])]
        var empty: [Item] = []
        var flag = true
        var maybe: Item? = Item(name: "m", note: nil)
        var none: Item? = nil
        var child = Item(name: "kid", note: "k")
        var html = "<em>raw</em>"
        static let viewName = "a document"
        static let fields = TemplateFields<Doc>([
            "title": .text(\.title), "count": .number(\.count), "items": .list(\.items), "empty": .list(\.empty),
            "flag": .flag(\.flag), "maybe": .optional(\.maybe), "none": .optional(\.none), "child": .object(\.child),
            "html": .text(\.html),
        ])
    }

    /// Renders `main` with both engines and returns (compiled, reference).
    func both(_ templates: [String: String], main: String = "main", _ doc: Doc = Doc()) throws -> (String, String) {
        var parsed: [String: (path: String, nodes: [TemplateNode])] = [:]
        for (name, text) in templates {
            switch TemplateParser.parse(text, file: "templates/\(name).mustache") {
            case .success(let nodes): parsed[name] = ("templates/\(name).mustache", nodes)
            case .failure(let error): Issue.record("\(name): \(error.location.line):\(error.location.column) \(error.message)")
            }
        }
        let compiler = TemplateCompiler(templates: parsed)
        let render = compiler.compile(template: main, as: RootScope<Doc>.self)
        #expect(compiler.diagnostics.isEmpty, "\(compiler.diagnostics.map(\.message))")
        var out: [UInt8] = []
        render(&out, RootScope(doc))
        let library = try MustacheReference.library(templates)
        return (String(decoding: out, as: UTF8.self), MustacheReference.render(library, main, MustacheReference.context(doc)))
    }

    func expectSame(_ templates: [String: String], _ doc: Doc = Doc(), sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let (compiled, reference) = try both(templates, doc)
        #expect(compiled == reference, sourceLocation: sourceLocation)
    }

    @Test func variablesAndEscaping() throws {
        try expectSame(["main": "<h1>{{title}}</h1>{{{title}}}{{&title}} {{count}} {{flag}} {{{html}}} {{html}}\n"])
    }

    @Test func standaloneTagsLoseTheirLines() throws {
        try expectSame(["main": """
            <ul>
              {{#items}}
              <li>{{name}}</li>
                {{! a comment }}
              {{/items}}
              {{^empty}}
              <li>none</li>
              {{/empty}}
            </ul>
            {{#flag}}  yes  {{/flag}}
              {{#flag}}
            indented
              {{/flag}}
            end
            """])
    }

    @Test func listPositionsAndDotsAndClimbing() throws {
        try expectSame(["main": "{{#items}}{{name}}{{^last()}}, {{/last()}}{{/items}}|{{#items}}{{#first()}}[{{/first()}}{{#tags}}{{.}}{{^last()}}/{{/last()}}{{/tags}} of {{title}}{{/items}}\n"])
    }

    @Test func optionalsObjectsAndDottedNames() throws {
        try expectSame(["main": "{{#maybe}}{{name}}{{#note}}({{.}}){{/note}}{{^note}}-{{/note}}{{/maybe}}{{^none}}no{{/none}}{{#none}}yes{{/none}} {{child.name}} {{child.note}} {{maybe.name}} {{none.name}}{{#child}}{{name}}:{{title}}{{/child}}\n"])
    }

    @Test func flagsKeepTheListPosition() throws {
        try expectSame(["main": "{{#items}}{{#on}}{{name}}{{/on}}{{^on}}({{name}}){{/on}}{{#note}}{{.}}{{/note}}{{^last()}};{{/last()}}{{/items}}"])
    }

    @Test func partialsAreIndentedLineByLine() throws {
        try expectSame([
            "main": "<div>\n  {{> part}}\n    {{> part}}\n<p>{{> part}}</p>\n</div>\n",
            "part": "<span>{{title}}</span>\n{{#items}}\n<i>{{name}}</i>\n{{/items}}\nlast line\n",
        ])
    }

    @Test func layoutsAndBlocks() throws {
        try expectSame([
            "layout": "<html>\n<head>{{$head}}default head{{/head}}</head>\n<body>\n{{$main}}{{/main}}\n  {{$foot}}\n  <p>foot {{title}}</p>\n  {{/foot}}\n</body>\n</html>\n",
            "main": "{{<layout}}\n{{$main}}\n<main>\n  <h1>{{title}}</h1>\n  {{#items}}\n  <p>{{name}}</p>\n  {{/items}}\n</main>\n{{/main}}\n{{/layout}}\n",
        ])
    }

    @Test func windowsLineEndings() throws {
        try expectSame(["main": "<ul>\r\n  {{#items}}\r\n  <li>{{name}}</li>\r\n  {{/items}}\r\n</ul>\r\n"])
    }

    @Test func unknownFieldsAreErrorsWithASuggestion() {
        let text = "<h1>{{titel}}</h1>\n{{#items}}{{nmae}}{{/items}}{{#title}}x{{/title}}{{items}}{{child.nope}}\n"
        guard case .success(let nodes) = TemplateParser.parse(text, file: "templates/main.mustache") else {
            Issue.record("should parse"); return
        }
        let compiler = TemplateCompiler(templates: ["main": ("templates/main.mustache", nodes)])
        _ = compiler.compile(template: "main", as: RootScope<Doc>.self)
        let messages = compiler.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message) | \($0.hint ?? "")" }
        #expect(messages.count == 5, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("1:5 a document has no field `titel`") && $0.contains("`title`") })
        #expect(messages.contains { $0.hasPrefix("2:11 an item has no field `nmae`") && $0.contains("`name`") })
        #expect(messages.contains { $0.hasPrefix("2:29 `title` is text, so a section over it") })
        #expect(messages.contains { $0.hasPrefix("2:50 `{{items}}` cannot be shown") })
        #expect(messages.contains { $0.hasPrefix("2:59 `child` (an item) has no field `nope`") })
    }

    @Test func unclosedTagsAndSectionsArePositioned() {
        func error(_ text: String) -> String {
            switch TemplateParser.parse(text, file: "t") {
            case .success: return "parsed"
            case .failure(let error): return "\(error.location.line):\(error.location.column) \(error.message)"
            }
        }
        #expect(error("a\n  {{#items}}\n{{name}}\n") == "2:3 the section `items` opened here is never closed")
        #expect(error("a {{title\nb") .hasPrefix("1:3 "))
        #expect(error("{{#a}}{{/b}}") .hasPrefix("1:10 `{{/b}}` closes the section `a`"))
        #expect(error("{{/a}}") .hasPrefix("1:1 `{{/a}}` closes a section that was never opened"))
        #expect(error("{{=<% %>=}}") .hasPrefix("1:1 changing the tag delimiters"))
        #expect(error("x {{{html}}") .hasPrefix("1:3 `{{{html` is not closed"))
    }
}

/// Template mistakes in a real site's templates are reported when the templates load, each at its
/// tag with a hint, by `check` and `build` alike, and nothing is written.
@Suite struct TemplateMistakeTests {
    func diagnostics(_ file: String, replacing old: String, with new: String) throws -> [Diagnostic] {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        let path = site.root + "/templates/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try #require(text.contains(old))
        try site.write("templates/" + file, text.replacingOccurrences(of: old, with: new))
        let checked = try site.check()
        let built = try site.build()
        #expect(!built.succeeded)
        #expect(built.diagnostics == checked)
        #expect(!site.exists("index.html"))
        return checked.filter { $0.location.file.hasPrefix("templates/") }
    }

    @Test func anUnknownFieldIsAnErrorAtItsTagWithASuggestion() throws {
        let found = try diagnostics("case.mustache", replacing: "    <h1>{{title}}</h1>", with: "    <h1>{{titel}}</h1>")
        #expect(found.count == 1)
        #expect(found.first?.location == CasebookKit.SourceLocation(file: "templates/case.mustache", line: 11, column: 9))
        #expect(found.first?.message == "a case page has no field `titel`")
        #expect(found.first?.hint == "did you mean `title`?")
    }

    @Test func anUnknownFieldInAPartialIsReportedOnceWhereverItIsIncluded() throws {
        let found = try diagnostics("partials/evidence-badge.mustache", replacing: "{{short}}", with: "{{shrot}}")
        #expect(found.count == 1)
        #expect(found.first?.location.file == "templates/partials/evidence-badge.mustache")
        #expect(found.first?.hint == "did you mean `short`?")
    }

    @Test func anUnclosedTagIsAnErrorWhereItStarts() throws {
        let found = try diagnostics("list.mustache", replacing: "{{heading}}", with: "{{heading")
        #expect(found.count == 1)
        #expect(found.first?.message == "template syntax error: this tag is not closed with }}")
        #expect(found.first?.hint?.isEmpty == false)
    }

    @Test func aSectionOverTextIsAnError() throws {
        let found = try diagnostics("list.mustache", replacing: "{{heading}}", with: "{{#heading}}x{{/heading}}")
        #expect(found.map(\.message) == ["`heading` is text, so a section over it would always show (or never)"])
    }
}

/// What is not known is left out, not shown as an empty paragraph or a dangling separator.
@Suite struct AbsentValuesTests {
    @Test func aCaseWithoutFundingLabelsOrStudyAuthorShowsNothingEmpty() throws {
        let site = try TestSite()
        defer { site.remove() }
        let text = TestSite.caseStudy().replacingOccurrences(of: "funding: [philanthropy]\n", with: "funding: []\n")
        try site.write("content/case-studies/alpha.md", text)
        let report = try site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.message))")
        let page = try site.read("case-studies/alpha/index.html")
        let printable = try site.read("report/index.html")
        #expect(!page.contains("<p></p>"))
        #expect(!page.contains("</span> · </p>"))
        #expect(page.contains("No direct ESSER funding is documented"))
        #expect(!printable.contains("Funding: </p>"))
        #expect(!printable.contains("<strong>Evidence of results: No outcome evidence found</strong> ()"))
    }
}

/// Hostile template sets end with an error, never a hang.
@Suite struct TemplateBudgetTests {
    @Test func partialsThatIncludeEachOtherTwiceInAChainStopAtTheBudget() throws {
        // p0 includes p1 twice, p1 includes p2 twice, …: 2^30 inclusions if inlined blindly.
        var templates: [String: (path: String, nodes: [TemplateNode])] = [:]
        for level in 0..<30 {
            let text = level == 29 ? "{{title}}" : "{{> p\(level + 1)}}{{> p\(level + 1)}}"
            guard case .success(let nodes) = TemplateParser.parse(text, file: "templates/p\(level).mustache") else {
                Issue.record("p\(level) should parse"); return
            }
            templates["p\(level)"] = ("templates/p\(level).mustache", nodes)
        }
        let compiler = TemplateCompiler(templates: templates)
        _ = compiler.compile(template: "p0", as: RootScope<CompiledTemplateTests.Doc>.self)
        #expect(compiler.diagnostics.count >= 1)
        #expect(compiler.diagnostics.allSatisfy { $0.message.hasPrefix("the templates include partials and layouts more than") })
    }
}
