/// A value a template can show: a case page, a card, a figure, the site's chrome. Each view type
/// lists its fields under the names templates use (`{{title}}`, `{{#metrics}}`), once, as typed
/// accessors; templates are compiled against that list when they load, so `{{titel}}` is an error
/// with a position and a suggestion instead of an empty string at every render.
protocol TemplateView: Sendable {
    /// How messages name a value of this type: "a case page", "a figure card".
    static var viewName: String { get }
    /// The fields templates may name, by their template names.
    static var fields: TemplateFields<Self> { get }
    /// What `{{.}}` shows for this value (text and numbers); nil for views with fields.
    static var selfText: (@Sendable (Self) -> String)? { get }
}

extension TemplateView {
    static var selfText: (@Sendable (Self) -> String)? { nil }
}

extension String: TemplateView {
    static var viewName: String { "a piece of text" }
    static var fields: TemplateFields<String> { TemplateFields([:]) }
    static var selfText: (@Sendable (String) -> String)? { { $0 } }
}

extension Int: TemplateView {
    static var viewName: String { "a number" }
    static var fields: TemplateFields<Int> { TemplateFields([:]) }
    static var selfText: (@Sendable (Int) -> String)? { { String($0) } }
}

/// The fields of a view type, by template name.
struct TemplateFields<View>: Sendable {
    let byName: [String: TemplateField<View>]

    init(_ fields: KeyValuePairs<String, TemplateField<View>>) {
        var byName: [String: TemplateField<View>] = [:]
        for (name, field) in fields {
            precondition(byName.updateValue(field, forKey: name) == nil, "the field '\(name)' is listed twice")
        }
        self.byName = byName
    }

    private init(byName: [String: TemplateField<View>]) { self.byName = byName }

    /// These fields plus every field of a part of the view (a case page has all of its card's fields).
    func including<Part>(_ part: TemplateFields<Part>, from get: @escaping @Sendable (View) -> Part) -> TemplateFields<View> {
        var merged = byName
        for (name, field) in part.byName where merged[name] == nil {
            merged[name] = field.reached(through: get)
        }
        return TemplateFields(byName: merged)
    }
}

/// One field of a view type: what kind of value it is and how to read it from the view.
enum TemplateField<View>: Sendable {
    /// Text: `{{name}}` escapes it, `{{{name}}}` writes it as it is (HTML made by Casebook).
    case text(@Sendable (View) -> String)
    /// A whole number, written in decimal.
    case number(@Sendable (View) -> Int)
    /// A yes/no: `{{#name}}…{{/name}}` shows its body when yes, `{{^name}}` when no.
    case flag(@Sendable (View) -> Bool)
    /// Text that may be absent: `{{#name}}…{{/name}}` shows its body only when it is there.
    case optionalText(@Sendable (View) -> String?)
    /// Another view, an optional view or a list of views: sections step into it.
    case nested(any NestedTemplateField<View>)

    /// Text that counts as absent when empty: `{{#name}}…{{/name}}` shows only when there is some.
    static func nonEmptyText(_ get: @escaping @Sendable (View) -> String) -> TemplateField {
        .optionalText { let text = get($0); return text.isEmpty ? nil : text }
    }

    static func list<Element: TemplateView>(_ get: @escaping @Sendable (View) -> [Element]) -> TemplateField {
        .nested(ListField(get: get))
    }

    static func object<Child: TemplateView>(_ get: @escaping @Sendable (View) -> Child) -> TemplateField {
        .nested(ObjectField(get: get))
    }

    static func optional<Child: TemplateView>(_ get: @escaping @Sendable (View) -> Child?) -> TemplateField {
        .nested(OptionalField(get: get))
    }

    /// The same field, read from a larger view that holds this one.
    func reached<Outer>(through part: @escaping @Sendable (Outer) -> View) -> TemplateField<Outer> {
        switch self {
        case .text(let get): .text { get(part($0)) }
        case .number(let get): .number { get(part($0)) }
        case .flag(let get): .flag { get(part($0)) }
        case .optionalText(let get): .optionalText { get(part($0)) }
        case .nested(let field): field.reached(through: part)
        }
    }

    /// What kind of value this is, in words, for messages.
    var kindWords: String {
        switch self {
        case .text: "text"
        case .number: "a number"
        case .flag: "a yes/no flag"
        case .optionalText: "text that may be absent"
        case .nested(let field): field.kindWords
        }
    }
}

/// What a field holds, read off a value: used to give the same data to another renderer (the tests
/// compare the compiled templates with swift-mustache) and to describe a view.
enum TemplateValue {
    case text(String)
    case number(Int)
    case flag(Bool)
    case absent
    case view(any TemplateView)
    case list([any TemplateView])
}

extension TemplateField {
    func value(of view: View) -> TemplateValue {
        switch self {
        case .text(let get): .text(get(view))
        case .number(let get): .number(get(view))
        case .flag(let get): .flag(get(view))
        case .optionalText(let get): get(view).map(TemplateValue.text) ?? .absent
        case .nested(let field): field.value(of: view)
        }
    }
}

/// A field that holds other views: one (`object`), one or none (`optional`) or a list.
protocol NestedTemplateField<Owner>: Sendable {
    associatedtype Owner
    associatedtype Child: TemplateView
    var kindWords: String { get }
    func value(of owner: Owner) -> TemplateValue
    func reached<Outer>(through part: @escaping @Sendable (Outer) -> Owner) -> TemplateField<Outer>
    /// The same field read through a part that may be absent: absent reads as nothing.
    func reachedOptionally<Outer>(through part: @escaping @Sendable (Outer) -> Owner?) -> TemplateField<Outer>
    /// `{{#name}}…{{/name}}` (or `{{^name}}`) over this field, compiled for the scope `S` it is read in.
    func section<S: TemplateScope>(_ body: TemplateBody, inverted: Bool, from get: @escaping @Sendable (S) -> Owner,
                                   compiler: TemplateCompiler) -> CompiledNode<S>
    /// `name.member`: a field of the child, read from the owner (dotted names do not climb).
    func member(_ name: Substring) -> TemplateField<Owner>?
}

struct ListField<Owner, Element: TemplateView>: NestedTemplateField {
    typealias Child = Element
    let get: @Sendable (Owner) -> [Element]
    var kindWords: String { "a list (each item \(Element.viewName))" }
    func value(of owner: Owner) -> TemplateValue { .list(get(owner)) }
    func reached<Outer>(through part: @escaping @Sendable (Outer) -> Owner) -> TemplateField<Outer> {
        let get = self.get
        return .nested(ListField<Outer, Element>(get: { get(part($0)) }))
    }
    func reachedOptionally<Outer>(through part: @escaping @Sendable (Outer) -> Owner?) -> TemplateField<Outer> {
        let get = self.get
        return .nested(ListField<Outer, Element>(get: { part($0).map(get) ?? [] }))
    }
    func member(_ name: Substring) -> TemplateField<Owner>? { nil }
}

struct ObjectField<Owner, Child: TemplateView>: NestedTemplateField {
    let get: @Sendable (Owner) -> Child
    var kindWords: String { Child.viewName }
    func value(of owner: Owner) -> TemplateValue { .view(get(owner)) }
    func reached<Outer>(through part: @escaping @Sendable (Outer) -> Owner) -> TemplateField<Outer> {
        let get = self.get
        return .nested(ObjectField<Outer, Child>(get: { get(part($0)) }))
    }
    func reachedOptionally<Outer>(through part: @escaping @Sendable (Outer) -> Owner?) -> TemplateField<Outer> {
        let get = self.get
        return .nested(OptionalField<Outer, Child>(get: { part($0).map(get) }))
    }
    func member(_ name: Substring) -> TemplateField<Owner>? {
        Child.fields.byName[String(name)]?.reached(through: get)
    }
}

struct OptionalField<Owner, Child: TemplateView>: NestedTemplateField {
    let get: @Sendable (Owner) -> Child?
    var kindWords: String { Child.viewName + " that may be absent" }
    func value(of owner: Owner) -> TemplateValue { get(owner).map { .view($0) } ?? .absent }
    func reached<Outer>(through part: @escaping @Sendable (Outer) -> Owner) -> TemplateField<Outer> {
        let get = self.get
        return .nested(OptionalField<Outer, Child>(get: { get(part($0)) }))
    }
    func reachedOptionally<Outer>(through part: @escaping @Sendable (Outer) -> Owner?) -> TemplateField<Outer> {
        let get = self.get
        return .nested(OptionalField<Outer, Child>(get: { part($0).flatMap(get) }))
    }
    func member(_ name: Substring) -> TemplateField<Owner>? {
        Child.fields.byName[String(name)]?.reachedOptionally(through: get)
    }
}

extension TemplateField {
    /// The same field read through a part that may be absent (`a.b` where `a` is optional).
    func reachedOptionally<Outer>(through part: @escaping @Sendable (Outer) -> View?) -> TemplateField<Outer> {
        switch self {
        case .text(let get): .optionalText { part($0).map(get) }
        case .number(let get): .optionalText { part($0).map { String(get($0)) } }
        case .flag(let get): .flag { part($0).map(get) ?? false }
        case .optionalText(let get): .optionalText { part($0).flatMap(get) }
        case .nested(let field): field.reachedOptionally(through: part)
        }
    }
}
