// Placeholder declarations: the compiler lands in its own files.
protocol TemplateScope: Sendable {}
struct TemplateBody {}
final class TemplateCompiler {}
typealias CompiledNode<S> = @Sendable (inout [UInt8], S) -> Void
enum Resolved<S> {}
extension ListField {
    func section<S: TemplateScope>(_ body: TemplateBody, inverted: Bool, from get: @escaping @Sendable (S) -> Owner, compiler: TemplateCompiler) -> CompiledNode<S> { fatalError() }
    func member<S: TemplateScope>(_ rest: ArraySlice<Substring>, from get: @escaping @Sendable (S) -> Owner) -> Resolved<S>? { nil }
}
extension ObjectField {
    func section<S: TemplateScope>(_ body: TemplateBody, inverted: Bool, from get: @escaping @Sendable (S) -> Owner, compiler: TemplateCompiler) -> CompiledNode<S> { fatalError() }
    func member<S: TemplateScope>(_ rest: ArraySlice<Substring>, from get: @escaping @Sendable (S) -> Owner) -> Resolved<S>? { nil }
}
extension OptionalField {
    func section<S: TemplateScope>(_ body: TemplateBody, inverted: Bool, from get: @escaping @Sendable (S) -> Owner, compiler: TemplateCompiler) -> CompiledNode<S> { fatalError() }
    func member<S: TemplateScope>(_ rest: ArraySlice<Substring>, from get: @escaping @Sendable (S) -> Owner) -> Resolved<S>? { nil }
}
