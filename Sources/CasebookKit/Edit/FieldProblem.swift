/// One problem the checker found, attached to the form field it belongs to.
public struct FieldProblem: Codable, Sendable, Equatable {
    /// The field's key path: "title", "metrics.2.value", "evidence.sources.0.url", "story", or "" when
    /// the problem belongs to no single field.
    public var field: String
    /// "error" or "warning".
    public var severity: String
    public var message: String
    /// What to do, including "did you mean …".
    public var hint: String?
    /// Where the problem is in the text that was checked.
    public var line: Int
    public var column: Int
    public var code: String?

    public init(field: String, severity: String, message: String, hint: String?, line: Int, column: Int, code: String?) {
        self.field = field
        self.severity = severity
        self.message = message
        self.hint = hint
        self.line = line
        self.column = column
        self.code = code
    }

    init(_ diagnostic: Diagnostic, field: String) {
        self.init(field: field, severity: diagnostic.severity.rawValue, message: diagnostic.message, hint: diagnostic.hint,
                  line: diagnostic.location.line, column: diagnostic.location.column, code: diagnostic.code.rawValue)
    }

    public var isError: Bool { severity == Diagnostic.Severity.error.rawValue }
}
