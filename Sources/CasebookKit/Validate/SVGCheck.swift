import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Checks an SVG from content/images/ before it is published. An SVG opened on its own runs its
/// scripts on the site's origin, and the pages' `<meta>` Content-Security-Policy does not cover it,
/// so anything that can run or load something is an error where it is written: `<script>`, `on…`
/// event handlers, `<foreignObject>` (HTML inside the picture), `javascript:` values, and references
/// to other files or sites (`href`, `url(…)`, `@import`, entities). Read with Foundation's XMLParser
/// (libxml2 underneath): a real parser, so comments, CDATA and odd spacing cannot hide a tag.
enum SVGCheck {
    /// SVGs are read whole to be checked; larger ones are refused (pictures in any size are copied
    /// in pieces, but a drawing this large is not a drawing).
    static let largest: Int64 = 16_000_000

    static func problems(in data: Data, file: String) -> [Diagnostic] {
        // Entity declarations can load other files or expand without end; corelibs' XMLParser neither
        // reports nor refuses them, so they are found in the bytes (a declaration in a comment counts too).
        if let declaration = find(Array("<!ENTITY".utf8), in: [UInt8](data)) {
            return [.error(SourceLocation(file: file, line: declaration.line, column: declaration.column),
                           "an entity is declared here; entities can load other files or grow without end, and an image on this site may not use them",
                           hint: "remove the <!ENTITY …> declarations and write the text out, or export the picture again", code: .svgUnsafe)]
        }
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let delegate = Delegate(file: file, data: data)
        parser.delegate = delegate
        // On Linux `parse()` can return true after an error: the error itself is what counts.
        if !parser.parse() || parser.parserError != nil || delegate.firstError != nil {
            let location = delegate.firstError ?? SourceLocation(file: file, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber))
            return [.error(location, "this SVG is not well-formed XML, so it cannot be checked or published",
                           hint: "look for a tag that is not closed here; open the picture in an editor that saves plain SVG, or export it again", code: .svgMalformed)]
        }
        if !delegate.sawSVG && delegate.found.isEmpty {
            delegate.found.append(.error(SourceLocation(file: file, line: 1, column: 1), "this file ends in .svg but is not an SVG picture",
                                         hint: "its first element must be <svg>; export the picture again as SVG", code: .svgMalformed))
        }
        return delegate.found
    }

    /// Line and column (1-based, in characters) of the first occurrence of `needle`.
    static func find(_ needle: [UInt8], in bytes: [UInt8]) -> (line: Int, column: Int)? {
        guard bytes.count >= needle.count else { return nil }
        var line = 1, lineStart = 0
        for index in 0...(bytes.count - needle.count) {
            if bytes[index] == 0x0A { line += 1; lineStart = index + 1 }
            if bytes[index] == needle[0], Array(bytes[index..<(index + needle.count)]) == needle {
                return (line, String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1)
            }
        }
        return nil
    }

    /// Problems reported per SVG; a file with more is refused all the same.
    static let limit = 20

    static let forbiddenElements: [String: String] = [
        "script": "runs a script", "foreignobject": "embeds HTML", "handler": "runs a script",
        "iframe": "embeds a page", "embed": "embeds content", "object": "embeds content",
    ]

    private final class Delegate: NSObject, XMLParserDelegate {
        let file: String
        let lines: [ArraySlice<UInt8>]
        var found: [Diagnostic] = []
        var sawSVG = false
        var inStyle = false
        var firstError: SourceLocation?

        init(file: String, data: Data) {
            self.file = file
            self.lines = [UInt8](data).split(separator: 0x0A, omittingEmptySubsequences: false)
        }

        /// libxml2 reports where it is after the start tag; the tag starts at the `<name` before that.
        func tagStart(_ parser: XMLParser, _ qualifiedName: String) -> SourceLocation {
            var line = max(1, parser.lineNumber), column = max(1, parser.columnNumber)
            let needle = Array(("<" + qualifiedName).utf8)
            while line >= 1, line <= lines.count {
                let text = Array(lines[lines.index(lines.startIndex, offsetBy: line - 1)])
                var index = min(column - 1, text.count) - needle.count
                while index >= 0 {
                    if Array(text[index..<(index + needle.count)]) == needle {
                        return SourceLocation(file: file, line: line, column: String(decoding: text[..<index], as: UTF8.self).count + 1)
                    }
                    index -= 1
                }
                line -= 1
                column = Int.max / 2
            }
            return SourceLocation(file: file, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber))
        }

        /// Reports at most `limit` problems per file (the file is refused all the same).
        func refuse(_ parser: XMLParser, _ location: () -> SourceLocation, _ message: String) {
            guard found.count < SVGCheck.limit else { return }
            found.append(.error(location(), message,
                                hint: "remove it and export the picture again as a plain SVG (shapes, text and styles only), or use a PNG", code: .svgUnsafe))
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            let name = elementName.lowercased()
            if !sawSVG { sawSVG = name == "svg" }
            // Found only for a tag that is refused: finding it costs a look back along the line.
            let location = { self.tagStart(parser, qualifiedName ?? elementName) }
            if let what = SVGCheck.forbiddenElements[name] {
                refuse(parser, location, "`<\(qualifiedName ?? elementName)>` \(what), which an image on this site may not do")
            }
            inStyle = name == "style"
            for (attribute, value) in attributes.sorted(by: { $0.key < $1.key }) {
                let local = (attribute.split(separator: ":").last.map(String.init) ?? attribute).lowercased()
                let compact = value.lowercased().filter { !$0.isWhitespace && !$0.isNewline }
                if local.hasPrefix("on") {
                    refuse(parser, location, "the `\(attribute)` event handler on `<\(qualifiedName ?? elementName)>` runs a script, which an image on this site may not do")
                } else if compact.contains("javascript:") || compact.contains("vbscript:") {
                    refuse(parser, location, "the `\(attribute)` value on `<\(qualifiedName ?? elementName)>` is a script address, which an image on this site may not use")
                } else if (local == "href" || local == "src") && !Self.isInternal(value) {
                    refuse(parser, location, "`\(attribute)=\"\(value.prefix(60))\"` on `<\(qualifiedName ?? elementName)>` refers to another file, which an image on this site may not load")
                } else if Self.externalCSS(value) {
                    refuse(parser, location, "the `\(attribute)` value on `<\(qualifiedName ?? elementName)>` loads another file (url(…) or @import), which an image on this site may not do")
                }
            }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            inStyle = false
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inStyle, Self.externalCSS(string) {
                refuse(parser, { SourceLocation(file: self.file, line: max(1, parser.lineNumber), column: 1) },
                       "this style sheet loads another file (url(…) or @import), which an image on this site may not do")
            }
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if firstError == nil {
                firstError = SourceLocation(file: file, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber))
            }
        }

        /// A reference to part of the same picture (`#id`), or a raster image embedded in it (exports
        /// often embed PNGs); an embedded SVG or HTML could carry script, so it is not allowed.
        static func isInternal(_ value: String) -> Bool {
            let compact = value.lowercased().filter { !$0.isWhitespace }
            if compact.hasPrefix("#") { return true }
            return ["png", "jpeg", "jpg", "gif", "webp", "avif"].contains { compact.hasPrefix("data:image/\($0);") || compact.hasPrefix("data:image/\($0),") }
        }

        /// `url(…)` to anything but a `#fragment` in the same picture, or `@import`.
        static func externalCSS(_ text: String) -> Bool {
            let compact = text.lowercased().filter { !$0.isWhitespace }
            if compact.contains("@import") { return true }
            var rest = compact[...]
            while let range = rest.range(of: "url(") {
                var target = rest[range.upperBound...].drop { $0 == "\"" || $0 == "'" }
                if !target.hasPrefix("#") { return true }
                target = target.dropFirst()
                rest = target
            }
            return false
        }
    }
}
