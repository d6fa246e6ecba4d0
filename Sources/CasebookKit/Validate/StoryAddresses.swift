/// Links and images in a story whose address has a space, such as `![Tutors](/images/Tutoring Photo.JPG)`:
/// Markdown does not read them as links at all, so the page would show the brackets and the address as
/// text, and no later check would see them. Found on the story's lines (outside code), at the address.
enum StoryAddresses {
    static func check(_ front: FrontMatter, path: String) -> [Diagnostic] {
        guard front.body.utf8.contains(0x5D) else { return [] }  // no `]`, no link
        var found: [Diagnostic] = []
        var fence: Substring?
        for (offset, line) in front.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
                continue
            }
            if line.hasPrefix("    ") || line.hasPrefix("\t") { continue }  // indented code
            for (column, address, isImage) in addressesWithSpaces(in: line) {
                let what = isImage ? "image" : "link"
                found.append(.error(SourceLocation(file: path, line: front.bodyFirstLine + offset, column: column),
                                    "the \(what) address `\(address)` has a space, so Markdown shows this \(what) as plain text",
                                    hint: isImage
                                        ? "rename the picture without spaces (e.g. `\(suggestedName(address))`) and change the address to match"
                                        : "write each space in the address as %20, or copy the address again from the browser",
                                    code: .storyAddressSpace))
            }
        }
        return found
    }

    /// `](address)` on a line, outside inline code, where the address holds a space that is not the
    /// space before a link title (`[a](/x "Title")`). Columns count characters, from 1.
    static func addressesWithSpaces(in line: Substring) -> [(column: Int, address: String, isImage: Bool)] {
        let characters = Array(line)
        var found: [(Int, String, Bool)] = []
        var inCode = false
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "`" { inCode.toggle() }
            guard !inCode, character == "]", index + 1 < characters.count, characters[index + 1] == "(" else {
                index += 1
                continue
            }
            guard let close = characters[(index + 2)...].firstIndex(of: ")") else { break }
            let address = String(characters[(index + 2)..<close])
            if address.contains(" "), !address.hasPrefix("<"), !hasTitle(address) {
                let isImage = characters[..<index].lastIndex(of: "[").map { $0 > 0 && characters[$0 - 1] == "!" } ?? false
                found.append((index + 3, address, isImage))
            }
            index = close + 1
        }
        return found
    }

    /// The file name of an address, lower-case, with hyphens for spaces: `Tutoring Photo.JPG` → `tutoring-photo.jpg`.
    static func suggestedName(_ address: String) -> String {
        let name = address.split(separator: "/").last.map(String.init) ?? address
        return name.lowercased().split(whereSeparator: { $0 == " " }).joined(separator: "-")
    }

    /// `/x "Title"`, `/x 'Title'` or `/x (Title)`: an address without spaces, then a title.
    private static func hasTitle(_ address: String) -> Bool {
        let parts = address.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, let first = parts[1].first, let last = parts[1].last, parts[1].count >= 2 else { return false }
        return (first == "\"" && last == "\"") || (first == "'" && last == "'") || (first == "(" && last == ")")
    }
}
