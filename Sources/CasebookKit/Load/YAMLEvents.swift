import CYaml

/// A pass over libyaml's event stream, before Yams composes a node tree, for what composing handles
/// badly. Anchors and aliases: an alias used as a mapping key makes Yams' duplicate-key check hash
/// the expanded tree, which grows nine-fold per level of nesting (six minutes for a 666-byte file),
/// and no field of Casebook's needs them, so they are refused where they are written. Duplicate keys:
/// Yams reports them at the mapping, not at the key written twice.
enum YAMLEvents {
    enum Finding: Equatable {
        case anchor(name: String, line: Int, column: Int)
        case alias(name: String, line: Int, column: Int)
        case duplicateKey(String, line: Int, column: Int, firstLine: Int)
    }

    /// Findings in document order. Stops quietly at a syntax error, which composing then reports.
    static func scan(_ yaml: String) -> [Finding] {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return [] }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(yaml.utf8)
        if bytes.isEmpty { return [] }
        return bytes.withUnsafeMutableBufferPointer { buffer -> [Finding] in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var findings: [Finding] = []
            // One frame per open collection: for mappings, the keys seen and whether a key comes next.
            struct Frame { var isMapping: Bool; var keys: [String: Int] = [:]; var expectingKey = true }
            var frames: [Frame] = []
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let type = event.type
                if type == YAML_STREAM_END_EVENT { break }
                let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
                func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
                    pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
                }
                var anchor: String?
                var isNode = true
                var keyText: String?
                switch type {
                case YAML_ALIAS_EVENT:
                    findings.append(.alias(name: name(event.data.alias.anchor) ?? "", line: line, column: column))
                case YAML_SCALAR_EVENT:
                    anchor = name(event.data.scalar.anchor)
                    keyText = String(decoding: UnsafeRawBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length),
                                     as: UTF8.self)
                case YAML_SEQUENCE_START_EVENT:
                    anchor = name(event.data.sequence_start.anchor)
                case YAML_MAPPING_START_EVENT:
                    anchor = name(event.data.mapping_start.anchor)
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    frames.removeLast()
                    isNode = false
                default:
                    isNode = false
                }
                if let anchor { findings.append(.anchor(name: anchor, line: line, column: column)) }
                if isNode, let top = frames.indices.last, frames[top].isMapping {
                    if frames[top].expectingKey, let key = keyText {
                        if let first = frames[top].keys[key] {
                            findings.append(.duplicateKey(key, line: line, column: column, firstLine: first))
                        } else {
                            frames[top].keys[key] = line
                        }
                    }
                    frames[top].expectingKey.toggle()
                }
                if type == YAML_SEQUENCE_START_EVENT { frames.append(Frame(isMapping: false)) }
                if type == YAML_MAPPING_START_EVENT { frames.append(Frame(isMapping: true)) }
            }
            return findings
        }
    }
}
