import Foundation

/// Turns a file's bytes into text the way authors expect: UTF-8, a byte-order mark dropped,
/// Windows (CRLF) and old Mac (CR) line endings read as plain newlines.
enum SourceText {
    static func decode(_ bytes: [UInt8], file: String) -> Result<String, Diagnostic> {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let (bad, control) = firstUnreadable(bytes) {
            if let control {
                return .failure(.error(
                    bad, "this file contains the control character U+\(String(format: "%04X", control)) here, which cannot be published",
                    hint: "delete it (it is invisible in most editors); only tabs and line breaks are allowed", code: .fileControlCharacter))
            }
            return .failure(.error(
                bad, "this file is not valid UTF-8 text (a byte that no character starts with)",
                hint: "save the file as UTF-8 in your editor; the problem is at this line and column", code: .fileNotText))
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if bytes.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return .success(text)

        /// Where the first invalid UTF-8 byte or C0 control character is (the control's value with it).
        /// Lines end at LF, CRLF or a lone CR, as the text will be read.
        func firstUnreadable(_ bytes: ArraySlice<UInt8>) -> (SourceLocation, UInt8?)? {
            var line = 1, column = 1
            var index = bytes.startIndex
            while index < bytes.endIndex {
                let lead = bytes[index]
                let length: Int
                switch lead {
                case 0x00...0x7F: length = 1
                case 0xC2...0xDF: length = 2
                case 0xE0...0xEF: length = 3
                case 0xF0...0xF4: length = 4
                default: return (SourceLocation(file: file, line: line, column: column), nil)
                }
                if lead < 0x20, lead != 0x09, lead != 0x0A, lead != 0x0D {
                    return (SourceLocation(file: file, line: line, column: column), lead)
                }
                guard index + length <= bytes.endIndex else { return (SourceLocation(file: file, line: line, column: column), nil) }
                for offset in 1..<max(length, 1) where bytes[index + offset] & 0xC0 != 0x80 {
                    return (SourceLocation(file: file, line: line, column: column), nil)
                }
                if length == 3 || length == 4 {
                    // Reject overlong forms, surrogates and code points past U+10FFFF.
                    let second = bytes[index + 1]
                    let invalid = (lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F)
                        || (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F)
                    if invalid { return (SourceLocation(file: file, line: line, column: column), nil) }
                }
                if lead == 0x0A || (lead == 0x0D && (index + 1 == bytes.endIndex || bytes[index + 1] != 0x0A)) {
                    line += 1; column = 1
                } else if lead != 0x0D {
                    column += 1
                }
                index += length
            }
            return nil
        }
    }
}

import Foundation

extension String {
    /// Whether `needle` occurs in the text, compared byte for byte: no Unicode or locale rules, so
    /// much cheaper than Foundation's `contains` on a whole file.
    func containsBytes(_ needle: String) -> Bool {
        var haystack = self, needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { word in
                guard let first = word.first else { return true }
                var start = 0
                let last = text.count - word.count
                while start <= last {
                    guard let hit = text[start...last].firstIndex(of: first) else { return false }
                    if text[hit..<(hit + word.count)].elementsEqual(word) { return true }
                    start = hit + 1
                }
                return false
            }
        }
    }
}
