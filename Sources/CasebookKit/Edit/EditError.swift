/// Why the editor did not save: in plain words, with what to do, and the kind for the server to
/// answer with (a file changed on disk is a conflict, a path outside content/ a refusal).
public struct EditError: Error, Sendable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case outsideContent, changedOnDisk, hasErrors, notAnImage, tooLarge, exists, io, noAltText
    }

    public var message: String
    public var hint: String?
    public var kind: Kind
    /// The file the problem is about, relative to the site's folder.
    public var path: String

    public init(_ kind: Kind, _ message: String, hint: String?, path: String) {
        self.kind = kind
        self.message = message
        self.hint = hint
        self.path = path
    }
}
