import Foundation

/// What asking the web about one address found.
public struct AddressAnswer: Sendable, Codable, Equatable {
    public enum Verdict: String, Sendable, Codable {
        /// The page answered (after any redirects) with a success.
        case answers
        /// The site answered but refused an automated check (401, 403, 429): a person with a browser
        /// may well see the page, so it is not reported as broken.
        case refusedRobots = "refused_robots"
        /// The page is not there (404, 410) or the server failed (5xx) or gave another failing status.
        case failing
        /// No answer: the name does not resolve, the connection is refused, or it took too long.
        case unreachable
    }

    public var verdict: Verdict
    /// The HTTP status of the last response; nil when there was none.
    public var status: Int?
    /// In plain words, what happened when it is not a success ("no answer within 10 seconds").
    public var detail: String?
    /// When the answer was got, in seconds since 1970 (for the cache's age).
    public var checkedAt: Double

    public init(verdict: Verdict, status: Int? = nil, detail: String? = nil, checkedAt: Double) {
        self.verdict = verdict
        self.status = status
        self.detail = detail
        self.checkedAt = checkedAt
    }

    /// The verdict for an HTTP status at the end of any redirects.
    public static func verdict(forStatus status: Int) -> Verdict {
        switch status {
        case 200..<400: .answers
        case 401, 403, 429: .refusedRobots
        default: .failing
        }
    }
}
