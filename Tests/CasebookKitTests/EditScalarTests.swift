import Foundation
import Testing
@testable import CasebookKit

/// A changed value is written in a style that reads back as exactly the text typed, wherever it is.
@Suite("Editor: writing values YAML reads back as typed")
struct EditScalarTests {
    static let tricky: [String] = [
        "plain words", "Año — 🎓 ünïcödé 日本語", "key: value", "a #hash", "#start", "a:b", "ends with colon:",
        "- leading dash", "-", "* star", "*alias", "&anchor", "!tag", "%directive", "@handle", "`backtick`",
        "\"double\"", "'single'", "it's", "[bracket", "]", "{brace}", ", comma", "a, b", "? question", "| pipe", "> fold",
        "yes", "no", "No", "on", "off", "true", "False", "null", "~", "", "1.0", "2021", "-5", "0x1F", "1e3",
        "2021-09-30", ".inf", "trailing space ", " leading space", "  ", "tab\there", "line one\nline two",
        "ends with newline\n", "two newlines\n\n", "\nstarts with newline", "  indented\nlines", "back\\slash",
        "a \"quoted\" word", "percent 50%", "https://reports.casebook.test/a?b=c#d", "nbsp\u{A0}here",
        "line\u{2028}separator", "bom\u{FEFF}", "carriage\rreturn", "…", "«»", "emoji 👩🏽‍🏫 family",
    ]

    static let styles: [YAMLValue.Style?] = [nil, .plain, .singleQuoted, .doubleQuoted, .folded, .literal]

    /// Parses `k: <written>` at the writer's place and returns the value read.
    static func read(_ written: String, _ writer: ScalarWriter) -> YAMLValue? {
        let pad = String(repeating: " ", count: writer.indent)
        let snippet = writer.inFlow ? pad + "k: [" + written + "]\n" : pad + "k: " + written + (writer.lineContinues ? " # note\n" : "\n")
        guard case .success(let root?) = YAMLDocument.parse(snippet, file: "t.yml", firstLine: 1),
              let value = root.mapping?.first?.value else { return nil }
        return writer.inFlow ? value.sequence?.first : value
    }

    @Test(arguments: tricky)
    func everyStyleAndPlaceReadsBackAsTheText(_ text: String) {
        for indent in [0, 4] {
            for (inFlow, lineContinues) in [(false, false), (false, true), (true, false)] {
                let writer = ScalarWriter(indent: indent, inFlow: inFlow, lineContinues: lineContinues)
                for style in Self.styles {
                    let written = writer.write(text, kind: .text, preferring: style)
                    let value = Self.read(written, writer)
                    #expect(value?.scalar == text, "\(text.debugDescription) as \(written.debugDescription)")
                    if value?.style == .plain {
                        #expect(!ScalarWriter.readsAsOtherThanText(text), "\(text.debugDescription) would not read as text")
                    }
                }
            }
        }
    }

    @Test func numbersAndDatesAreWrittenPlainSoTheCheckerSeesThemAsTyped() {
        let writer = ScalarWriter(indent: 4)
        for text in ["1200", "0.36", "2.4e6", "-5", "2021-09-30", "2022-23", "1,200 students", "Fall 2023", "1.0"] {
            #expect(writer.write(text, kind: .asWritten) == text)
        }
        // Text that YAML would read as something else is quoted when it is text …
        #expect(writer.write("2021", kind: .text) == "\"2021\"")
        #expect(writer.write("no", kind: .text) == "\"no\"")
        // … and an empty or null-looking number is quoted so the checker sees what was typed.
        #expect(writer.write("", kind: .asWritten) == "\"\"")
        #expect(writer.write("null", kind: .asWritten) == "\"null\"")
    }

    @Test func spansCountBytesWhereLibyamlCountsCharacters() throws {
        let yaml = "title: Año — 🎓 x\nlist: [\"q—\", 👩🏽‍🏫]\nafter: >-\n  é\n  ü\nlast: z\n"
        guard case .success(let root?) = YAMLDocument.parse(yaml, file: "t.yml", firstLine: 1),
              let pairs = root.mapping else { Issue.record("does not parse"); return }
        let bytes = Array(yaml.utf8)
        func source(_ value: YAMLValue) -> String { String(decoding: bytes[value.span], as: UTF8.self) }
        #expect(source(pairs[0].value) == "Año — 🎓 x")
        #expect(source(pairs[1].value) == "[\"q—\", 👩🏽‍🏫]")
        #expect(pairs[1].value.isFlow)
        #expect(source(pairs[1].value.sequence![0]) == "\"q—\"")
        #expect(source(pairs[1].value.sequence![1]) == "👩🏽‍🏫")
        #expect(source(pairs[2].value).hasPrefix(">-\n  é\n  ü"))
        #expect(source(pairs[3].key) == "last")
        #expect(source(pairs[3].value) == "z")
    }

    /// The same strings typed into fields of a real case study read back as typed.
    @Test func trickyTextInARealCaseReadsBackAsTyped() throws {
        let document = try EditRoundTripTests.open("nj-tutoring-corps.md")
        for text in Self.tricky {
            var form = document.form
            form.title = text
            form.place = text
            form.partners.insert(text, at: 0)
            form.tags.append(text)
            form.metrics[0].quote = text
            form.metrics[0].value = text
            form.evidence?.finding = text
            form.sources.append(SourceField(title: text, url: text))
            let written = document.applying(form)
            let reopened = try CaseDocument.open(text: written, path: "content/case-studies/nj-tutoring-corps.md").get()
            var expected = form
            if text.isEmpty { (expected.place, expected.metrics[0].quote) = (nil, nil) }
            #expect(reopened.form == expected, "\(text.debugDescription)")
            if reopened.form != expected { try written.write(toFile: "/tmp/tricky-\(text.count).md", atomically: true, encoding: .utf8) }
        }
    }
}
