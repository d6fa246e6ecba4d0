import Foundation

/// How the editor's JSON is written and read: the keys as `CaseForm` and `EditorSchema` name them
/// (snake_case, like the front matter, spelt out by
/// each type's coding keys), sorted so a response reads the same every time.
enum EditorJSON {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        return decoder
    }
}
