import Foundation
import Testing
@testable import CasebookKit

/// The downloads' JSON is written by `JSONText`; Foundation's JSONEncoder is the reference it must
/// match byte for byte.
@Suite struct JSONTextTests {
    struct Inner: Codable { var a: Double; var b: String?; var c: [String]; var n: Int }
    struct Outer: Codable { var z: Int; var list: [Inner]; var empty: [String]; var s: String; var d: Double?; var nested: Inner; var flag: Bool; var map: [String: Int] }

    func reference(_ value: some Encodable, pretty: Bool) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func matchesFoundationOnEveryKindOfValue() throws {
        let texts = ["", "plain", "x/\"\\\n\t\r\u{8}\u{c}\u{1}\u{1f}é<>&\u{7f}\u{2028}💡", "a_b", "B"]
        let numbers = [0, 0.5, 1000, -0.0, 1e21, 1e-7, 12.34, 123456789012345678, 2.5e-5, 1e16, 1e15, 3, -42.125]
        for pretty in [true, false] {
            for (i, number) in numbers.enumerated() {
                let text = texts[i % texts.count]
                let value = Outer(z: i, list: [Inner(a: number, b: nil, c: [], n: -i), Inner(a: -number, b: text, c: texts, n: i)],
                                  empty: [], s: text, d: i % 2 == 0 ? nil : number, nested: Inner(a: number, b: text, c: [text], n: 0),
                                  flag: i % 2 == 0, map: ["b": 1, "a_b": 2, "a": 3, "ab": 4, "Z": 5])
                #expect(JSONText.encode(value, pretty: pretty) == (try reference(value, pretty: pretty)))
            }
        }
    }
}
