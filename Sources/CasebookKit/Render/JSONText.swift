/// JSON as the downloads and the search index publish it: keys sorted, slashes not escaped, and
/// (when pretty) laid out exactly as Foundation's `JSONEncoder` lays out `.prettyPrinted` output, so
/// the files are the same bytes. Foundation's encoder boxes every value and was the largest cost of
/// the downloads; this one encodes into a small tree and writes it out in one pass.
enum JSONText {
    /// - Parameter indent: spaces before every line after the first (pretty output inside a larger document).
    static func encode(_ value: some Encodable, pretty: Bool, indent: Int = 0) -> String {
        let encoder = TreeEncoder()
        do {
            try value.encode(to: encoder)
        } catch {
            return "{}"
        }
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(encoder.slot.finished, pretty: pretty, indent: indent, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    indirect enum Node {
        case string(String)
        case number(String)
        case bool(Bool)
        case null
        case array([Node])
        case object([String: Node])
    }

    private static func newline(_ indent: Int, into out: inout [UInt8]) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: indent))
    }

    static func write(_ node: Node, pretty: Bool, indent: Int, into out: inout [UInt8]) {
        switch node {
        case .string(let text): writeString(text, into: &out)
        case .number(let text): out.append(contentsOf: text.utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            if pretty {
                if items.isEmpty {
                    out.append(0x0A)
                }
                for (position, item) in items.enumerated() {
                    if position > 0 { out.append(UInt8(ascii: ",")) }
                    newline(indent + 2, into: &out)
                    write(item, pretty: true, indent: indent + 2, into: &out)
                }
                newline(indent, into: &out)
            } else {
                for (position, item) in items.enumerated() {
                    if position > 0 { out.append(UInt8(ascii: ",")) }
                    write(item, pretty: false, indent: 0, into: &out)
                }
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            // Foundation sorts keys by their UTF-8 bytes, which for these ASCII keys is plain order.
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            if pretty && keys.isEmpty { out.append(0x0A) }
            for (position, key) in keys.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { newline(indent + 2, into: &out) }
                writeString(key, into: &out)
                out.append(contentsOf: (pretty ? " : " : ":").utf8)
                write(members[key]!, pretty: pretty, indent: indent + 2, into: &out)
            }
            if pretty { newline(indent, into: &out) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// `"`, `\` and control characters escaped as Foundation escapes them; everything else as it is.
    static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0x08: out.append(contentsOf: "\\b".utf8)
            case 0x0C: out.append(contentsOf: "\\f".utf8)
            case 0..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// A number as Foundation writes it: Swift's shortest description, without a trailing `.0`.
    static func number(_ value: Double) -> String {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}

// MARK: The encoder

/// Where an encoded value goes: a slot filled once, or a container that collects members.
private final class JSONStorage {
    var node: JSONText.Node = .null
    var object: [String: JSONStorage]?
    var array: [JSONStorage]?

    /// The finished tree.
    var finished: JSONText.Node {
        if let object { return .object(object.mapValues(\.finished)) }
        if let array { return .array(array.map(\.finished)) }
        return node
    }
}

private final class TreeEncoder: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    let slot: JSONStorage

    init(slot: JSONStorage = JSONStorage(), codingPath: [any CodingKey] = []) {
        self.slot = slot
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if slot.object == nil { slot.object = [:] }
        return KeyedEncodingContainer(KeyedContainer<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if slot.array == nil { slot.array = [] }
        return UnkeyedContainer(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(slot: slot, codingPath: codingPath)
    }
}

/// Encodes one value into a slot: plain values directly, anything else through its own `encode(to:)`.
private func fill(_ slot: JSONStorage, with value: some Encodable, codingPath: [any CodingKey]) throws {
    switch value {
    case let text as String: slot.node = .string(text)
    case let number as Double: slot.node = .number(JSONText.number(number))
    case let number as Int: slot.node = .number(String(number))
    case let flag as Bool: slot.node = .bool(flag)
    default: try value.encode(to: TreeEncoder(slot: slot, codingPath: codingPath))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: JSONStorage
    let codingPath: [any CodingKey]

    private func child(_ key: Key) -> JSONStorage {
        let child = JSONStorage()
        slot.object![key.stringValue] = child
        return child
    }

    mutating func encodeNil(forKey key: Key) throws { child(key).node = .null }
    mutating func encode(_ value: String, forKey key: Key) throws { child(key).node = .string(value) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { child(key).node = .bool(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { child(key).node = .number(JSONText.number(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { child(key).node = .number(String(value)) }
    mutating func encode(_ value: Float, forKey key: Key) throws { child(key).node = .number(JSONText.number(Double(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { child(key).node = .number(String(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { child(key).node = .number(String(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { child(key).node = .number(String(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { child(key).node = .number(String(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { child(key).node = .number(String(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { child(key).node = .number(String(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { child(key).node = .number(String(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { child(key).node = .number(String(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { child(key).node = .number(String(value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try fill(child(key), with: value, codingPath: codingPath + [key])
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = child(key)
        nested.object = [:]
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(slot: nested, codingPath: codingPath + [key]))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = child(key)
        nested.array = []
        return UnkeyedContainer(slot: nested, codingPath: codingPath + [key])
    }
    mutating func superEncoder() -> any Encoder { TreeEncoder(slot: child(Key(stringValue: "super")!), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder(slot: child(key), codingPath: codingPath + [key]) }
}

private struct IndexKey: CodingKey {
    var stringValue: String { String(intValue!) }
    var intValue: Int?
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let slot: JSONStorage
    let codingPath: [any CodingKey]
    var count: Int { slot.array!.count }

    private func next() -> JSONStorage {
        let child = JSONStorage()
        slot.array!.append(child)
        return child
    }

    mutating func encodeNil() throws { next().node = .null }
    mutating func encode(_ value: String) throws { next().node = .string(value) }
    mutating func encode(_ value: Bool) throws { next().node = .bool(value) }
    mutating func encode(_ value: Double) throws { next().node = .number(JSONText.number(value)) }
    mutating func encode(_ value: Int) throws { next().node = .number(String(value)) }
    mutating func encode(_ value: Float) throws { next().node = .number(JSONText.number(Double(value))) }
    mutating func encode(_ value: Int8) throws { next().node = .number(String(value)) }
    mutating func encode(_ value: Int16) throws { next().node = .number(String(value)) }
    mutating func encode(_ value: Int32) throws { next().node = .number(String(value)) }
    mutating func encode(_ value: Int64) throws { next().node = .number(String(value)) }
    mutating func encode(_ value: UInt) throws { next().node = .number(String(value)) }
    mutating func encode(_ value: UInt8) throws { next().node = .number(String(value)) }
    mutating func encode(_ value: UInt16) throws { next().node = .number(String(value)) }
    mutating func encode(_ value: UInt32) throws { next().node = .number(String(value)) }
    mutating func encode(_ value: UInt64) throws { next().node = .number(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let key = IndexKey(count)
        try fill(next(), with: value, codingPath: codingPath + [key])
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = next()
        nested.object = [:]
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(slot: nested, codingPath: codingPath))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = next()
        nested.array = []
        return UnkeyedContainer(slot: nested, codingPath: codingPath)
    }
    mutating func superEncoder() -> any Encoder { TreeEncoder(slot: next(), codingPath: codingPath) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let slot: JSONStorage
    let codingPath: [any CodingKey]
    mutating func encodeNil() throws { slot.node = .null }
    mutating func encode(_ value: String) throws { slot.node = .string(value) }
    mutating func encode(_ value: Bool) throws { slot.node = .bool(value) }
    mutating func encode(_ value: Double) throws { slot.node = .number(JSONText.number(value)) }
    mutating func encode(_ value: Int) throws { slot.node = .number(String(value)) }
    mutating func encode(_ value: Float) throws { slot.node = .number(JSONText.number(Double(value))) }
    mutating func encode(_ value: Int8) throws { slot.node = .number(String(value)) }
    mutating func encode(_ value: Int16) throws { slot.node = .number(String(value)) }
    mutating func encode(_ value: Int32) throws { slot.node = .number(String(value)) }
    mutating func encode(_ value: Int64) throws { slot.node = .number(String(value)) }
    mutating func encode(_ value: UInt) throws { slot.node = .number(String(value)) }
    mutating func encode(_ value: UInt8) throws { slot.node = .number(String(value)) }
    mutating func encode(_ value: UInt16) throws { slot.node = .number(String(value)) }
    mutating func encode(_ value: UInt32) throws { slot.node = .number(String(value)) }
    mutating func encode(_ value: UInt64) throws { slot.node = .number(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try fill(slot, with: value, codingPath: codingPath) }
}
