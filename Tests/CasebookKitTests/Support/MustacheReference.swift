import Foundation
import Mustache
@testable import CasebookKit

/// swift-mustache, the reference the compiled templates must match byte for byte. It is linked by
/// the tests only; the views are handed to it as the dictionaries their fields describe.
enum MustacheReference {
    /// A view as swift-mustache sees it: its fields by name. An absent value is NSNull, which
    /// swift-mustache treats as present-but-nothing (no climbing to outer views), as the compiled
    /// templates do.
    static func context(_ view: any TemplateView) -> [String: Any] {
        func fields<V: TemplateView>(_ view: V) -> [String: Any] {
            V.fields.byName.mapValues { convert($0.value(of: view)) }
        }
        return fields(view)
    }

    static func convert(_ value: TemplateValue) -> Any {
        switch value {
        case .text(let text): text
        case .number(let number): number
        case .flag(let flag): flag
        case .absent: NSNull()
        case .view(let view): element(view)
        case .list(let views): views.map(element)
        }
    }

    private static func element(_ view: any TemplateView) -> Any {
        func one<V: TemplateView>(_ view: V) -> Any { V.selfText != nil ? view : context(view) }
        return one(view)
    }

    /// A library of the given templates (name → text), parsed by swift-mustache.
    static func library(_ templates: [String: String]) throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, text) in templates { library.register(try MustacheTemplate(string: text), named: name) }
        return library
    }

    static func render(_ library: MustacheLibrary, _ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? "<no such template>"
    }
}
