import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import CasebookKit

/// Asks about one address. A protocol so the check can be tested against a server on this machine
/// and the web stays out of the rest of the tests.
public protocol AddressProbe: Sendable {
    func probe(_ url: String) async -> AddressAnswer
}

/// Asks the web with Foundation's URLSession: a `HEAD` request, then a `GET` where the server does not
/// answer `HEAD` properly (405, 501, and 403/404 from servers that only refuse `HEAD`), following
/// redirects, giving up after `timeout` seconds whatever the server does (a server that sends a byte a
/// second would otherwise hold the check for ever).
public struct WebProbe: AddressProbe {
    public var timeout: Double
    private let session: URLSession

    public init(timeout: Double = 10) {
        self.timeout = timeout
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpAdditionalHeaders = [
            "User-Agent": "Casebook/\(CasebookVersion.number) link check",
            "Accept": "text/html,application/pdf,*/*;q=0.8",
        ]
        session = URLSession(configuration: configuration)
    }

    public func probe(_ url: String) async -> AddressAnswer {
        guard let address = URL(string: url) else {
            return AddressAnswer(verdict: .failing, detail: "the address is not a valid web address", checkedAt: Self.now)
        }
        let head = await request(address, method: "HEAD")
        if let status = head.status, [403, 404, 405, 501].contains(status) {
            return await request(address, method: "GET")
        }
        return head
    }

    /// One request with a hard deadline: the task is cancelled when `timeout` passes, and the answer
    /// is whichever comes first.
    private func request(_ address: URL, method: String) async -> AddressAnswer {
        var request = URLRequest(url: address, timeoutInterval: timeout)
        request.httpMethod = method
        let timeout = timeout
        return await withCheckedContinuation { (continuation: CheckedContinuation<AddressAnswer, Never>) in
            let answered = Locked(false)
            let task = session.dataTask(with: request) { _, response, error in
                guard Self.claim(answered) else { return }
                continuation.resume(returning: Self.answer(response: response, error: error, timeout: timeout))
            }
            task.resume()
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
                guard Self.claim(answered) else { return }
                task.cancel()
                continuation.resume(returning: AddressAnswer(
                    verdict: .unreachable, detail: "no answer within \(Self.seconds(timeout))", checkedAt: Self.now))
            }
        }
    }

    private static func answer(response: URLResponse?, error: (any Error)?, timeout: Double) -> AddressAnswer {
        if let http = response as? HTTPURLResponse {
            let status = http.statusCode
            let verdict = AddressAnswer.verdict(forStatus: status)
            return AddressAnswer(verdict: verdict, status: status,
                                 detail: verdict == .answers ? nil : "the server answered \(status) \(HTTPURLResponse.localizedString(forStatusCode: status))",
                                 checkedAt: now)
        }
        let detail: String
        switch (error as? URLError)?.code {
        case .timedOut?: detail = "no answer within \(seconds(timeout))"
        case .cannotFindHost?, .dnsLookupFailed?: detail = "the site's name does not exist (DNS lookup failed)"
        case .cannotConnectToHost?: detail = "the server refused the connection"
        case .secureConnectionFailed?, .serverCertificateUntrusted?, .serverCertificateHasBadDate?,
             .serverCertificateNotYetValid?, .serverCertificateHasUnknownRoot?:
            detail = "the secure connection failed (the site's certificate is not valid)"
        case .httpTooManyRedirects?, .redirectToNonExistentLocation?: detail = "the address redirects in a loop"
        default: detail = "no answer (\(error.map { String(describing: $0) } ?? "no response"))"
        }
        return AddressAnswer(verdict: .unreachable, detail: detail, checkedAt: now)
    }

    /// True for the first caller only: the request's answer and its deadline race to resume once.
    private static func claim(_ flag: Locked<Bool>) -> Bool {
        flag.withLock { claimed in
            defer { claimed = true }
            return !claimed
        }
    }

    static var now: Double { Date().timeIntervalSince1970 }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) seconds" : "\(value) seconds"
    }
}
