/// Where the fields of a decoded value are written in their file, by field name, so that checks made
/// after decoding (an image that does not exist, two cases at one address) point at the field itself.
///
/// Not part of the value it describes: two values that say the same thing are equal wherever they
/// are written, so `==` and hashing ignore it.
public struct FieldLocations: Sendable, Hashable {
    /// Where the value's set of fields starts; nil for a value that was not read from a file.
    public var start: SourceLocation?
    private var fields: [String: SourceLocation]

    public init(start: SourceLocation? = nil, fields: [String: SourceLocation] = [:]) {
        self.start = start
        self.fields = fields
    }

    /// Where the value of `field` (a name as written in the file, such as `base_url`) is written;
    /// nil when the field is absent or empty.
    public subscript(field: String) -> SourceLocation? { fields[field] }

    public static func == (lhs: FieldLocations, rhs: FieldLocations) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}
