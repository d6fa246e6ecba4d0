/// Where a case-study file's parts are, in bytes: the YAML between the `---` lines, the closing line,
/// and the story after it; with the front matter parsed (values with their spans).
struct CaseFileParts: Sendable {
    /// Where the YAML text starts (the line after the opening `---`).
    var yamlStart: Int
    /// Where the closing `---` line starts.
    var closingStart: Int
    /// Where the story starts (the line after the closing `---`).
    var bodyStart: Int
    var root: YAMLValue?
    /// The story as written, without the file's final line break.
    var story: String
    /// The file line the YAML text starts on.
    var yamlFirstLine: Int
    /// The file line the story starts on.
    var bodyFirstLine: Int

    static func read(_ text: String, path: String) -> Result<CaseFileParts, UnreadableCase> {
        let front: FrontMatter
        switch FrontMatter.split(text, file: path) {
        case .failure(let diagnostic): return .failure(UnreadableCase(diagnostics: [diagnostic]))
        case .success(let split): front = split
        }
        let root: YAMLValue?
        switch YAMLDocument.parse(front.yaml, file: path, firstLine: front.yamlFirstLine) {
        case .failure(let diagnostics): return .failure(UnreadableCase(diagnostics: diagnostics))
        case .success(let node): root = node
        }
        // The same lines FrontMatter.split found: the first, and the one numbered bodyFirstLine - 1.
        let bytes = Array(text.utf8)
        var lineStarts = [0]
        var index = 0
        while lineStarts.count < front.bodyFirstLine, index < bytes.count {
            if bytes[index] == 0x0A { lineStarts.append(index + 1) }
            index += 1
        }
        let closing = lineStarts.count >= front.bodyFirstLine - 1 ? lineStarts[front.bodyFirstLine - 2] : bytes.count
        let body = lineStarts.count >= front.bodyFirstLine ? lineStarts[front.bodyFirstLine - 1] : bytes.count
        return .success(CaseFileParts(yamlStart: lineStarts.count > 1 ? lineStarts[1] : bytes.count, closingStart: closing,
                                      bodyStart: body, root: root, story: front.body, yamlFirstLine: front.yamlFirstLine,
                                      bodyFirstLine: front.bodyFirstLine))
    }
}
