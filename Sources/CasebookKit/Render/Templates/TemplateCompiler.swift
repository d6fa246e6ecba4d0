/// A template compiled for one scope: appends the rendered bytes to the output.
typealias CompiledNode<S> = @Sendable (inout [UInt8], S) -> Void

/// Template nodes with what surrounds them where they are compiled.
struct TemplateBody {
    var nodes: [TemplateNode]
    var environment: TemplateEnvironment
}

/// What a body inherits from where it is written: the blocks a child template gives its layout, the
/// indentation of a standalone partial, whether it is the direct body of a list section (where
/// `first()` and `last()` mean something) and which templates it is inside (against loops).
struct TemplateEnvironment {
    var overrides: [String: [TemplateNode]] = [:]
    var indentation: [UInt8] = []
    var inList = false
    var including: [String] = []
}

/// Binds parsed templates to view types: every name is resolved against the scope's types once,
/// here, and every problem becomes a diagnostic at the tag (an unknown field with a suggestion, a
/// section over text, `{{x}}` over a list, a missing partial). A tag with a problem renders nothing,
/// so one load reports every problem.
final class TemplateCompiler {
    let templates: [String: (path: String, nodes: [TemplateNode])]
    private(set) var diagnostics: [Diagnostic] = []
    /// Partials and layouts are inlined where they are included, so templates that include one another
    /// in a doubling chain (each including the next twice) would grow exponentially. Real templates
    /// inline a few hundred; past this many inclusions the compiler stops and says so.
    static let inclusionBudget = 100_000
    private var inclusions = 0
    private var reported: Set<String> = []

    init(templates: [String: (path: String, nodes: [TemplateNode])]) {
        self.templates = templates
    }

    /// The named template, compiled for the scope `S`.
    func compile<S: TemplateScope>(template name: String, as scope: S.Type) -> CompiledNode<S> {
        guard let template = templates[name] else { return { _, _ in } }
        return compile(TemplateBody(nodes: template.nodes, environment: TemplateEnvironment(including: [name])), as: scope)
    }

    func report(_ location: SourceLocation, _ message: String, hint: String, code: DiagnosticCode) {
        report(.error(location, message, hint: hint, code: code))
    }

    /// Each problem once, however many times a partial is included.
    func report(_ diagnostic: Diagnostic) {
        let location = diagnostic.location
        if reported.insert("\(location.file):\(location.line):\(location.column):\(diagnostic.message)").inserted {
            diagnostics.append(diagnostic)
        }
    }

    /// A body, compiled for `S`. Inside an indented standalone partial, a piece that starts a line is
    /// indented (as swift-mustache does, piece by piece, so the output is the same).
    func compile<S: TemplateScope>(_ body: TemplateBody, as scope: S.Type) -> CompiledNode<S> {
        let environment = body.environment
        var pieces: [CompiledNode<S>] = []
        var pendingText: [UInt8] = []
        let indented = !environment.indentation.isEmpty
        func flushText() {
            guard !pendingText.isEmpty else { return }
            let text = pendingText
            pieces.append { out, _ in out.append(contentsOf: text) }
            pendingText = []
        }
        for node in body.nodes {
            if case .text(let bytes) = node {
                pendingText += bytes
                if indented { flushText() }  // each text piece is indented on its own
                continue
            }
            flushText()
            if let part = compile(node, environment, as: scope) { pieces.append(part) }
        }
        flushText()
        let parts = pieces
        if indented {
            let indentation = environment.indentation
            return { out, scope in
                let start = out.count
                for part in parts {
                    let before = out.count
                    // swift-mustache indents when the body's output so far ends in "\n" (not "\r\n").
                    let atLineStart = before > start && out[before - 1] == 0x0A && !(before - 2 >= start && out[before - 2] == 0x0D)
                    part(&out, scope)
                    if atLineStart && out.count > before { out.insert(contentsOf: indentation, at: before) }
                }
            }
        }
        switch parts.count {
        case 0: return { _, _ in }
        case 1: return parts[0]
        default:
            return { out, scope in
                for part in parts { part(&out, scope) }
            }
        }
    }

    private func compile<S: TemplateScope>(_ node: TemplateNode, _ environment: TemplateEnvironment, as scope: S.Type) -> CompiledNode<S>? {
        switch node {
        case .text(let bytes):
            return { out, _ in out.append(contentsOf: bytes) }
        case .variable(let tag, let escaped):
            return variable(tag, escaped: escaped, environment, as: scope)
        case .section(let tag, let inverted, let body):
            return section(tag, inverted: inverted, body: TemplateBody(nodes: body, environment: environment), as: scope)
        case .partial(let tag, let indentation):
            var inner = environment
            inner.indentation += indentation ?? []
            return include(tag, kind: "partial", environment: inner, as: scope)
        case .parent(let tag, let indentation, let overrides):
            var inner = environment
            inner.indentation += indentation
            // Blocks given further out win over these, as in swift-mustache.
            inner.overrides.merge(overrides) { outer, _ in outer }
            return include(tag, kind: "layout", environment: inner, as: scope)
        case .block(let tag, let indentation, let defaultBody):
            var inner = environment
            inner.indentation += indentation
            inner.inList = false
            return compile(TemplateBody(nodes: environment.overrides[tag.name] ?? defaultBody, environment: inner), as: scope)
        }
    }

    private func include<S: TemplateScope>(_ tag: TemplateTag, kind: String, environment: TemplateEnvironment, as scope: S.Type) -> CompiledNode<S>? {
        guard let template = templates[tag.name] else {
            report(TemplateSet.missing(tag.name, kind: kind, at: tag.location, available: templates.keys))
            return nil
        }
        guard !environment.including.contains(tag.name) else {
            report(tag.location, "`\(environment.including.last ?? tag.name)` includes `\(tag.name)`, which is already being drawn here: the templates would never finish rendering",
                   hint: "remove this tag; a template cannot contain itself, directly or through others", code: .templateLoop)
            return nil
        }
        inclusions += 1
        guard inclusions <= Self.inclusionBudget else {
            report(tag.location, "the templates include partials and layouts more than \(Self.inclusionBudget) times in all, so they are not compiled",
                   hint: "a partial that includes another several times, which includes another several times, multiplies; include each piece once", code: .templateLoop)
            return nil
        }
        var inner = environment
        inner.inList = false
        inner.including.append(tag.name)
        return compile(TemplateBody(nodes: template.nodes, environment: inner), as: scope)
    }

    /// A section's body, compiled in the view it steps into (`inList`: directly inside a list, where
    /// `first()` and `last()` mean something).
    func compile<Child: TemplateView, S: TemplateScope>(_ body: TemplateBody, inside: InnerScope<Child, S>.Type,
                                                        inList: Bool) -> CompiledNode<InnerScope<Child, S>> {
        var environment = body.environment
        environment.inList = inList
        return compile(TemplateBody(nodes: body.nodes, environment: environment), as: inside)
    }

    // MARK: Names

    /// `name` or `a.b.c`, bound for the scope `S`; reports the problem and returns nil when it is unknown.
    private func resolve<S: TemplateScope>(_ tag: TemplateTag, as scope: S.Type) -> TemplateField<S>? {
        let parts = tag.name.split(separator: ".")
        guard var field = S.field(String(parts[0])) else {
            report(tag.location, "\(S.innermostName) has no field `\(parts[0])`",
                   hint: Suggestion.hint(for: String(parts[0]), in: S.visibleNames, listing: false)
                    ?? "the fields here are: \(S.visibleNames.prefix(12).joined(separator: ", "))", code: .templateField)
            return nil
        }
        var path = String(parts[0])
        for part in parts.dropFirst() {
            guard case .nested(let nested) = field else {
                report(tag.location, "`\(path)` is \(field.kindWords), so it has no field `\(part)`",
                       hint: "write {{\(path)}}, or name a view that has `\(part)`", code: .templateField)
                return nil
            }
            guard let next = nested.member(part) else {
                report(tag.location, "`\(path)` (\(nested.kindWords)) has no field `\(part)`",
                       hint: memberHint(nested, part), code: .templateField)
                return nil
            }
            field = next
            path += ".\(part)"
        }
        return field
    }

    private func memberHint<Owner>(_ nested: any NestedTemplateField<Owner>, _ name: Substring) -> String {
        func names<F: NestedTemplateField>(_ field: F) -> [String] { F.Child.fields.byName.keys.sorted() }
        let available = names(nested)
        if available.isEmpty { return "step into it with a section: {{#…}}{{.}}{{/…}}" }
        return Suggestion.hint(for: String(name), in: available, listing: false)
            ?? "its fields are: \(available.prefix(12).joined(separator: ", "))"
    }

    // MARK: Tags

    private func variable<S: TemplateScope>(_ tag: TemplateTag, escaped: Bool, _ environment: TemplateEnvironment, as scope: S.Type) -> CompiledNode<S>? {
        if tag.name == "." {
            guard let text = S.dotText else {
                report(tag.location, "`{{.}}` shows the current value, but here that is \(S.innermostName), which is not text",
                       hint: "name one of its fields: \(S.visibleNames.prefix(8).joined(separator: ", "))", code: .templateNotText)
                return nil
            }
            if escaped { return { out, scope in out.appendEscaped(text(scope)) } }
            return { out, scope in out.append(contentsOf: text(scope).utf8) }
        }
        if tag.name == "first()" || tag.name == "last()" {
            report(tag.location, "`\(tag.name)` is a yes/no for a section, not something to show",
                   hint: "write {{#\(tag.name)}}…{{/\(tag.name)}} or {{^\(tag.name)}}…{{/\(tag.name)}}", code: .templateNotText)
            return nil
        }
        guard let field = resolve(tag, as: scope) else { return nil }
        switch field {
        case .text(let get):
            if escaped { return { out, scope in out.appendEscaped(get(scope)) } }
            return { out, scope in out.append(contentsOf: get(scope).utf8) }
        case .optionalText(let get):
            if escaped { return { out, scope in if let text = get(scope) { out.appendEscaped(text) } } }
            return { out, scope in if let text = get(scope) { out.append(contentsOf: text.utf8) } }
        case .number(let get):
            return { out, scope in out.append(contentsOf: String(get(scope)).utf8) }
        case .flag(let get):
            return { out, scope in out.append(contentsOf: (get(scope) ? "true" : "false").utf8) }
        case .nested(let nested):
            report(tag.location, "`{{\(tag.name)}}` cannot be shown: `\(tag.name)` is \(nested.kindWords)",
                   hint: "step into it with {{#\(tag.name)}}…{{/\(tag.name)}} and show its fields", code: .templateNotText)
            return nil
        }
    }

    private func section<S: TemplateScope>(_ tag: TemplateTag, inverted: Bool, body: TemplateBody, as scope: S.Type) -> CompiledNode<S>? {
        if tag.name == "first()" || tag.name == "last()" {
            guard body.environment.inList else {
                report(tag.location, "`\(tag.name)` only means something directly inside a list section",
                       hint: "use it inside {{#items}}…{{/items}}, not in a partial, a block or another kind of section", code: .templateSection)
                return nil
            }
            let inner = compile(body, as: scope)
            let wantFirst = tag.name == "first()"
            return { out, scope in
                let yes = wantFirst ? scope.position.first : scope.position.last
                if yes != inverted { inner(&out, scope) }
            }
        }
        if tag.name == "." {
            report(tag.location, "a section over `.` is not supported", hint: "name the field the section is about", code: .templateSection)
            return nil
        }
        guard let field = resolve(tag, as: scope) else { return nil }
        switch field {
        case .flag(let get):
            // A yes/no does not step into anything: the body sees the same views (and list position).
            let inner = compile(body, as: scope)
            return { out, scope in if get(scope) != inverted { inner(&out, scope) } }
        case .optionalText(let get):
            if inverted {
                let inner = compile(body, as: scope)
                return { out, scope in if get(scope) == nil { inner(&out, scope) } }
            }
            let inner = compile(body, inside: InnerScope<String, S>.self, inList: false)
            return { out, scope in if let text = get(scope) { inner(&out, InnerScope(text, in: scope)) } }
        case .text, .number:
            report(tag.location, "`\(tag.name)` is \(field.kindWords), so a section over it would always show (or never)",
                   hint: "show it with {{\(tag.name)}}; a section needs a list, a yes/no flag or something that may be absent", code: .templateSection)
            return nil
        case .nested(let nested):
            return nested.section(body, inverted: inverted, from: { $0 }, compiler: self)
        }
    }
}

extension ListField {
    func section<S: TemplateScope>(_ body: TemplateBody, inverted: Bool, from get: @escaping @Sendable (S) -> Owner,
                                   compiler: TemplateCompiler) -> CompiledNode<S> {
        let items = self.get
        if inverted {
            let inner = compiler.compile(body, as: S.self)
            return { out, scope in if items(get(scope)).isEmpty { inner(&out, scope) } }
        }
        let inner = compiler.compile(body, inside: InnerScope<Element, S>.self, inList: true)
        return { out, scope in
            let list = items(get(scope))
            for (offset, item) in list.enumerated() {
                inner(&out, InnerScope(item, in: scope, position: ListPosition(first: offset == 0, last: offset == list.count - 1)))
            }
        }
    }
}

extension ObjectField {
    func section<S: TemplateScope>(_ body: TemplateBody, inverted: Bool, from get: @escaping @Sendable (S) -> Owner,
                                   compiler: TemplateCompiler) -> CompiledNode<S> {
        // An object is always there: its inverted section never shows.
        if inverted { return { _, _ in } }
        let child = self.get
        let inner = compiler.compile(body, inside: InnerScope<Child, S>.self, inList: false)
        return { out, scope in inner(&out, InnerScope(child(get(scope)), in: scope)) }
    }
}

extension OptionalField {
    func section<S: TemplateScope>(_ body: TemplateBody, inverted: Bool, from get: @escaping @Sendable (S) -> Owner,
                                   compiler: TemplateCompiler) -> CompiledNode<S> {
        let child = self.get
        if inverted {
            let inner = compiler.compile(body, as: S.self)
            return { out, scope in if child(get(scope)) == nil { inner(&out, scope) } }
        }
        let inner = compiler.compile(body, inside: InnerScope<Child, S>.self, inList: false)
        return { out, scope in if let value = child(get(scope)) { inner(&out, InnerScope(value, in: scope)) } }
    }
}

extension Array where Element == UInt8 {
    /// Appends text with `<`, `>`, `&`, `"` and `'` escaped for HTML and XML (the same entities as
    /// swift-mustache's HTML content type); text that needs no escaping is copied as it is.
    mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count {
                let entity: StaticString
                switch bytes[index] {
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x26: entity = "&amp;"
                case 0x22: entity = "&quot;"
                case 0x27: entity = "&#39;"
                default: continue
                }
                append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                entity.withUTF8Buffer { append(contentsOf: $0) }
                start = index + 1
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
    }
}
