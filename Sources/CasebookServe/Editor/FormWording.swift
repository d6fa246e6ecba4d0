import CasebookKit

/// The checker's words, said for the form. `casebook check` speaks of the file (`url` is empty; write a
/// value after `url:`); in the form the same field is the box labelled "Address". So a field named
/// in backticks is named by its label instead, and an empty or missing field gets the box's own help
/// as its hint. Values in backticks (`tutorng`, did you mean `tutoring`?) are left as they are.
struct FormWording: Sendable {
    /// Each form field's label and help, by key path with `*` for a list's items ("metrics.*.url").
    private let fields: [String: EditorSchema.Field]

    init(schema: EditorSchema) {
        fields = Dictionary(schema.fields.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func reworded(_ problems: [FieldProblem]) -> [FieldProblem] {
        problems.map(reworded)
    }

    func reworded(_ problem: FieldProblem) -> FieldProblem {
        var problem = problem
        let pattern = problem.field.split(separator: ".").map { Int($0) == nil ? String($0) : "*" }
        guard let key = pattern.last, let field = fields[pattern.joined(separator: ".")] else { return problem }
        let name = "“\(field.label)”"
        switch problem.code {
        case DiagnosticCode.fieldEmpty.rawValue:
            problem.message = "\(name) is empty"
            problem.hint = "fill it in: " + Self.lowercasedFirst(field.help)
            return problem
        case DiagnosticCode.fieldMissing.rawValue where problem.message.contains("`\(key)`"):
            problem.message = "\(name) is missing"
            problem.hint = "fill it in: " + Self.lowercasedFirst(field.help)
            return problem
        default:
            problem.message = Self.naming(key, as: name, in: problem.message)
            problem.hint = problem.hint.map { Self.naming(key, as: name, in: $0) }
            return problem
        }
    }

    /// `text` with "`key`" and "`key:`" said as the field's name, and an example written as the file
    /// would have it ("`as_of: 2022-23`") as what to type in the box ("`2022-23`").
    private static func naming(_ key: String, as name: String, in text: String) -> String {
        text.replacingOccurrences(of: "`\(key): ", with: "`")
            .replacingOccurrences(of: "`\(key):`", with: name).replacingOccurrences(of: "`\(key)`", with: name)
    }

    private static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first, first.isUppercase, !(text.dropFirst().first?.isUppercase ?? false) else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
