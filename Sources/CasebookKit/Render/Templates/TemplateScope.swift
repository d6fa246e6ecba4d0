/// The views a template can see at one point, innermost first: the page (or card) it renders, and
/// each view a section stepped into. A scope's type is known when the template loads, so every
/// name is looked up once, then, and a render only calls the accessors it was bound to.
protocol TemplateScope: AnyObject, Sendable {
    /// A name's field, looked up innermost view first (Mustache's context climbing) and read from
    /// the scope `Target` through `get`; nil when no view in scope has it.
    static func field<Target>(_ name: String, from get: @escaping @Sendable (Target) -> Self) -> TemplateField<Target>?
    /// Every name visible here, innermost first, for suggestions.
    static var visibleNames: [String] { get }
    /// The innermost view's name, for messages: "a figure card".
    static var innermostName: String { get }
    /// What `{{.}}` shows: the innermost value's text, when it has one.
    static var dotText: (@Sendable (Self) -> String)? { get }
    /// Where the innermost view stands in the list a section is going through.
    var position: ListPosition { get }
}

struct ListPosition: Sendable {
    var first: Bool
    var last: Bool
    static let none = ListPosition(first: false, last: false)
}

extension TemplateScope {
    static func field(_ name: String) -> TemplateField<Self>? { field(name, from: { $0 }) }
}

/// The view a template renders: a page's chrome, or a card drawn on its own.
final class RootScope<View: TemplateView>: TemplateScope {
    let value: View
    init(_ value: View) { self.value = value }

    static func field<Target>(_ name: String, from get: @escaping @Sendable (Target) -> RootScope) -> TemplateField<Target>? {
        View.fields.byName[name]?.reached { get($0).value }
    }
    static var visibleNames: [String] { View.fields.byName.keys.sorted() }
    static var innermostName: String { View.viewName }
    static var dotText: (@Sendable (RootScope) -> String)? {
        guard let text = View.selfText else { return nil }
        return { text($0.value) }
    }
    var position: ListPosition { .none }
}

/// A view a section stepped into, in front of the scope it was opened in.
final class InnerScope<View: TemplateView, Parent: TemplateScope>: TemplateScope {
    let value: View
    let parent: Parent
    let position: ListPosition
    init(_ value: View, in parent: Parent, position: ListPosition = .none) {
        (self.value, self.parent, self.position) = (value, parent, position)
    }

    static func field<Target>(_ name: String, from get: @escaping @Sendable (Target) -> InnerScope) -> TemplateField<Target>? {
        if let own = View.fields.byName[name] { return own.reached { get($0).value } }
        return Parent.field(name) { get($0).parent }
    }
    static var visibleNames: [String] {
        let own = View.fields.byName.keys.sorted()
        return own + Parent.visibleNames.filter { !own.contains($0) }
    }
    static var innermostName: String { View.viewName }
    static var dotText: (@Sendable (InnerScope) -> String)? {
        guard let text = View.selfText else { return nil }
        return { text($0.value) }
    }
}
