/// Finds where a field's value is written in a content file, for the few checks made after decoding
/// (such as an `image:` whose file does not exist), which the decoded values no longer know. It reads
/// the file again, so it is only for the rare case where a problem is reported.
enum FieldLocator {
    /// The value at `path` (`["image", "src"]`) in the front matter of `relative`, or nil.
    static func location(of path: [String], in relative: String, root: String, fileSystem: any FileSystem) -> SourceLocation? {
        guard let data = try? fileSystem.readFile(at: root + "/" + relative),
              case .success(let text) = SourceText.decode([UInt8](data), file: relative),
              case .success(let front) = FrontMatter.split(text, file: relative),
              case .success(let parsed) = YAMLDocument.parse(front.yaml, file: relative, firstLine: front.yamlFirstLine),
              var node = parsed else { return nil }
        for key in path {
            guard let next = node.mapping?.first(where: { $0.key.scalar == key })?.value else { break }
            node = next
        }
        return YAMLReader(file: relative, firstLine: front.yamlFirstLine).location(node)
    }
}
