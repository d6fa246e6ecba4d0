import Foundation
import CasebookKit

/// The answers of earlier checks, kept in `.casebook/external-links.json` under the site's root (a
/// folder git ignores), so a second check within `maxAge` asks the web only about addresses it has
/// not seen answer. Only answers are kept: a failure is asked again next time, since a site that was
/// down for a minute should not stay "broken" for a week.
public struct AnswerCache: Sendable {
    public static let file = ".casebook/external-links.json"

    private let fileSystem: any FileSystem
    private let path: String
    public var maxAge: Double
    private(set) var answers: [String: AddressAnswer]

    /// Reads the cache; a missing or unreadable file is an empty cache (it is only a cache).
    public init(root: String, fileSystem: any FileSystem = LocalFileSystem(), maxAge: Double) {
        self.fileSystem = fileSystem
        self.path = root.hasSuffix("/") ? root + Self.file : root + "/" + Self.file
        self.maxAge = maxAge
        let stored = try? fileSystem.readFile(at: path)
        answers = stored.flatMap { try? JSONDecoder().decode([String: AddressAnswer].self, from: $0) } ?? [:]
    }

    /// A kept answer for `url` younger than `maxAge` at `now`.
    public func answer(for url: String, now: Double) -> AddressAnswer? {
        guard let answer = answers[url], answer.verdict == .answers, now - answer.checkedAt <= maxAge else { return nil }
        return answer
    }

    public mutating func record(_ answer: AddressAnswer, for url: String) {
        if answer.verdict == .answers { answers[url] = answer } else { answers[url] = nil }
    }

    /// Writes the cache (sorted keys: the file does not churn between runs that learn nothing new).
    public func save() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        if !fileSystem.directoryExists(at: folder) { try fileSystem.createDirectory(at: folder) }
        try fileSystem.writeFile(try encoder.encode(answers), to: path)
    }
}
